import { describe, expect, it } from 'vitest';
import { codeOf, errorOf, eventOf, table, testId } from '../testing/factory.ts';

describe('draftAmendment', () => {
  it('records a draft seen by its party only, based on the latest version', () => {
    const t = table({ parties: 2, points: 3, firstVersion: true });
    const eu = t.party(1);
    const events = t.world.do(eu.advisor.actor, 'draftAmendment', {
      partyId: eu.id, kind: 'replace', pointId: t.pointId(2), texts: { en: 'Allies\u2019 wording' }, justification: 'Balance',
    });
    expect(events).toHaveLength(1);
    const e = eventOf(events, 'amendment.drafted');
    expect(e).toMatchObject({ visibility: 'party', partyId: eu.id });
    const v1 = [...t.world.state.versions.values()][0]!;
    expect(e.payload.amendment).toEqual({
      id: e.payload.amendment.id, partyId: eu.id, baseVersionId: v1.id, kind: 'replace', pointId: t.pointId(2),
      texts: { en: 'Allies\u2019 wording' }, baseTexts: t.world.state.points.get(t.pointId(2))!.texts, afterPointId: null, number: null, justification: 'Balance', status: 'draft',
      visibility: 'party', createdBy: eu.advisor.member.id, createdAt: e.at, decidedAt: null, resultPointId: null, resultVersionId: null,
    });
    expect(t.world.state.amendments.get(e.payload.amendment.id)).toEqual(e.payload.amendment);
  });

  it('has no base version before v1', () => {
    const t = table({ parties: 1, points: 1 });
    const a = eventOf(t.world.do(t.party(0).negotiator.actor, 'draftAmendment', { partyId: t.party(0).id, kind: 'delete', pointId: t.pointId(0) }), 'amendment.drafted');
    expect(a.payload.amendment.baseVersionId).toBeNull();
  });

  it('drafts and proposes in one step', () => {
    const t = table({ parties: 1, points: 2 });
    const ru = t.party(0);
    const events = t.world.do(ru.principal.actor, 'draftAmendment', { partyId: ru.id, kind: 'insert', texts: { en: 'New' }, afterPointId: t.pointId(0), proposeTo: 'mediator' });
    expect(events.map((e) => [e.type, e.visibility, e.partyId])).toEqual([
      ['amendment.drafted', 'party', ru.id],
      ['amendment.proposed', 'mediator', ru.id],
    ]);
    const a = t.world.state.amendments.get(eventOf(events, 'amendment.drafted').payload.amendment.id);
    expect(a).toMatchObject({ status: 'proposed', visibility: 'mediator' });
  });

  it('an advisor may draft but not propose', () => {
    const t = table({ parties: 1, points: 1 });
    const ru = t.party(0);
    expect(codeOf(() => t.world.do(ru.advisor.actor, 'draftAmendment', { partyId: ru.id, kind: 'delete', pointId: t.pointId(0), proposeTo: 'parties' }))).toBe('action_denied');
    expect(t.world.state.amendments.size).toBe(0);
  });

  it('is drafted for one\u2019s own party only, and never by the mediator, an observer or the public', () => {
    const t = table({ parties: 2, points: 1 });
    const [ru, us] = [t.party(0), t.party(1)];
    const input = { partyId: us.id, kind: 'delete' as const, pointId: t.pointId(0) };
    expect(codeOf(() => t.world.do(ru.principal.actor, 'draftAmendment', input))).toBe('action_denied');
    expect(codeOf(() => t.world.do(us.observer.actor, 'draftAmendment', input))).toBe('action_denied');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'draftAmendment', input))).toBe('action_denied');
    expect(codeOf(() => t.world.do({ kind: 'public' }, 'draftAmendment', input))).toBe('action_denied');
    expect(codeOf(() => t.world.do(us.negotiator.actor, 'draftAmendment', input))).toBe('no error');
  });

  it('checks the shape each kind of change needs', () => {
    const t = table({ parties: 1, points: 2 });
    const ru = t.party(0);
    const draft = (input: Omit<Parameters<typeof t.world.do<'draftAmendment'>>[2], 'partyId'>) =>
      errorOf(() => t.world.do(ru.negotiator.actor, 'draftAmendment', { partyId: ru.id, ...input }));
    const p = t.pointId(0);
    expect(draft({ kind: 'replace', texts: { en: 'x' } })).toMatchObject({ code: 'invalid_input', message: 'A replacement must name the point it replaces.' });
    expect(draft({ kind: 'replace', pointId: p, texts: { en: ' ' } })).toMatchObject({ code: 'invalid_input', message: 'A replacement needs the new text.' });
    expect(draft({ kind: 'insert', pointId: p, texts: { en: 'x' } })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('An insertion adds a new point') as unknown });
    expect(draft({ kind: 'insert' })).toMatchObject({ code: 'invalid_input', message: 'An insertion needs the text of the new point.' });
    expect(draft({ kind: 'delete' })).toMatchObject({ code: 'invalid_input', message: 'A deletion must name the point it deletes.' });
    expect(draft({ kind: 'move', afterPointId: p })).toMatchObject({ code: 'invalid_input', message: 'A move must name the point it moves.' });
    expect(draft({ kind: 'move', pointId: p, afterPointId: p })).toMatchObject({ code: 'invalid_input', message: 'A point cannot be moved after itself.' });
    expect(draft({ kind: 'delete', pointId: testId(999) })).toMatchObject({ code: 'point_not_found' });
    expect(draft({ kind: 'move', pointId: p, afterPointId: testId(999) })).toMatchObject({ code: 'point_not_found' });
    expect(draft({ kind: 'replace', pointId: p, texts: { fr: 'x' } })).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^Language fr is not one of/) as unknown });
    expect(t.world.state.amendments.size).toBe(0);
  });

  it('refuses an unknown party', () => {
    const t = table({ parties: 1, points: 1 });
    expect(codeOf(() => t.world.do({ kind: 'system' }, 'draftAmendment', { partyId: testId(999), kind: 'delete', pointId: t.pointId(0) }))).toBe('party_not_found');
  });

  it('normalizes its text to NFC', () => {
    const t = table({ parties: 1, points: 1 });
    const a = eventOf(t.world.do(t.party(0).negotiator.actor, 'draftAmendment', {
      partyId: t.party(0).id, kind: 'replace', pointId: t.pointId(0), texts: { en: 'Re\u0301sume\u0301' }, justification: 'Cafe\u0301',
    }), 'amendment.drafted').payload.amendment;
    expect(a.texts.en).toBe('R\u00e9sum\u00e9');
    expect(a.justification).toBe('Caf\u00e9');
  });
});
