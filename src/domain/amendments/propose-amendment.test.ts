import { describe, expect, it } from 'vitest';
import { codeOf, eventOf, table } from '../testing/factory.ts';

function withDraft() {
  const t = table({ parties: 2, points: 2 });
  const [ru, us] = [t.party(0), t.party(1)];
  const a = eventOf(t.world.do(ru.advisor.actor, 'draftAmendment', { partyId: ru.id, kind: 'delete', pointId: t.pointId(1) }), 'amendment.drafted').payload.amendment;
  return { t, ru, us, a };
}

describe('proposeAmendment', () => {
  it('turns a draft into a proposal to everyone at the table by default', () => {
    const { t, ru, a } = withDraft();
    const e = eventOf(t.world.do(ru.negotiator.actor, 'proposeAmendment', { amendmentId: a.id }), 'amendment.proposed');
    expect(e).toMatchObject({ visibility: 'parties', partyId: ru.id });
    expect(e.payload.amendment).toEqual({ ...a, status: 'proposed', visibility: 'parties' });
    expect(t.world.state.amendments.get(a.id)).toEqual(e.payload.amendment);
  });

  it('or to the mediator only', () => {
    const { t, ru, a } = withDraft();
    t.world.do(ru.principal.actor, 'proposeAmendment', { amendmentId: a.id, visibility: 'mediator' });
    expect(t.world.state.amendments.get(a.id)).toMatchObject({ status: 'proposed', visibility: 'mediator' });
  });

  it('is done by the party\u2019s principal or negotiator only', () => {
    const { t, ru, us, a } = withDraft();
    for (const actor of [ru.advisor.actor, ru.observer.actor]) {
      expect(codeOf(() => t.world.do(actor, 'proposeAmendment', { amendmentId: a.id }))).toBe('action_denied');
    }
    // Those outside the party cannot see its draft: for them it does not exist.
    for (const actor of [us.principal.actor, t.mediator.actor, { kind: 'public' } as const]) {
      expect(codeOf(() => t.world.do(actor, 'proposeAmendment', { amendmentId: a.id }))).toBe('amendment_not_found');
    }
  });

  it('refuses an unknown amendment', () => {
    const { t, ru } = withDraft();
    expect(codeOf(() => t.world.do(ru.principal.actor, 'proposeAmendment', { amendmentId: t.pointId(0) }))).toBe('amendment_not_found');
  });
});

describe('withdrawAmendment', () => {
  it('withdraws a draft or a proposal', () => {
    const { t, ru, a } = withDraft();
    const e = eventOf(t.world.do(ru.negotiator.actor, 'withdrawAmendment', { amendmentId: a.id }), 'amendment.withdrawn');
    expect(e).toMatchObject({ visibility: 'party', partyId: ru.id, payload: { amendmentId: a.id, at: e.at } });
    expect(t.world.state.amendments.get(a.id)).toMatchObject({ status: 'withdrawn', decidedAt: e.at });

    const b = eventOf(t.world.do(ru.negotiator.actor, 'draftAmendment', { partyId: ru.id, kind: 'delete', pointId: t.pointId(0), proposeTo: 'parties' }), 'amendment.drafted').payload.amendment;
    const w = eventOf(t.world.do(ru.principal.actor, 'withdrawAmendment', { amendmentId: b.id }), 'amendment.withdrawn');
    expect(w.visibility).toBe('parties');
    expect(t.world.state.amendments.get(b.id)?.status).toBe('withdrawn');
  });

  it('is done by the party\u2019s principal or negotiator only', () => {
    const { t, us, a } = withDraft();
    expect(codeOf(() => t.world.do(us.principal.actor, 'withdrawAmendment', { amendmentId: a.id }))).toBe('amendment_not_found');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'withdrawAmendment', { amendmentId: a.id }))).toBe('amendment_not_found');
  });
});
