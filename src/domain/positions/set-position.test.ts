import { describe, expect, it } from 'vitest';
import type { PositionLevel } from '../model.ts';
import { latestPositions, latestVersion, positionKey } from '../record/state.ts';
import { codeOf, errorOf, eventOf, table, testId } from '../testing/factory.ts';

describe('setPosition', () => {
  it('records a party\u2019s position on a point, its own by default', () => {
    const t = table({ parties: 2, points: 2, firstVersion: true });
    const ru = t.party(0);
    const events = t.world.do(ru.negotiator.actor, 'setPosition', { partyId: ru.id, pointId: t.pointId(0), level: 'discuss' });
    const e = eventOf(events, 'position.set');
    expect(e).toMatchObject({ visibility: 'party', partyId: ru.id });
    expect(e.payload.position).toEqual({
      id: e.payload.position.id, partyId: ru.id, pointId: t.pointId(0), amendmentId: null, versionId: latestVersion(t.world.state)?.id,
      level: 'discuss', reason: '', visibility: 'party', setBy: ru.negotiator.member.id, at: e.at, previousId: null,
    });
    expect(t.world.state.positions).toEqual([e.payload.position]);
  });

  it('needs a reason for wording, reject and redline, not for accept and discuss', () => {
    const t = table({ parties: 1, points: 5 });
    const ru = t.party(0);
    const levels: [PositionLevel, boolean][] = [['accept', false], ['discuss', false], ['wording', true], ['reject', true], ['redline', true]];
    levels.forEach(([level, needsReason], i) => {
      const input = { partyId: ru.id, pointId: t.pointId(i), level };
      if (needsReason) {
        for (const reason of [undefined, '', '  \n ']) {
          expect(errorOf(() => t.world.do(ru.principal.actor, 'setPosition', { ...input, reason })))
            .toMatchObject({ code: 'reason_required', status: 400, message: expect.stringContaining(`"${level}" position needs a reason`) as unknown });
        }
        expect(codeOf(() => t.world.do(ru.principal.actor, 'setPosition', { ...input, reason: `because ${level}` }))).toBe('no error');
      } else {
        expect(codeOf(() => t.world.do(ru.principal.actor, 'setPosition', { ...input, reason: ' ' }))).toBe('no error');
      }
    });
    expect(t.world.state.positions.map((p) => p.level)).toEqual(levels.map(([l]) => l));
  });

  it('keeps history: each change is a new position chained to the one it replaces', () => {
    const t = table({ parties: 1, points: 1 });
    const ru = t.party(0);
    const set = (level: PositionLevel, reason = '') => eventOf(t.world.do(ru.principal.actor, 'setPosition', { partyId: ru.id, pointId: t.pointId(0), level, reason }), 'position.set').payload.position;
    const p1 = set('accept');
    const p2 = set('wording', 'Some wording does not suit us');
    const p3 = set('redline', 'No compromise on territory');
    expect([p1.previousId, p2.previousId, p3.previousId]).toEqual([null, p1.id, p2.id]);
    expect(t.world.state.positions.map((p) => p.level)).toEqual(['accept', 'wording', 'redline']);
    expect(latestPositions(t.world.state.positions).get(positionKey(p3))).toEqual(p3);
  });

  it('refuses a change based on a stale position with version_conflict', () => {
    const t = table({ parties: 1, points: 1 });
    const ru = t.party(0);
    const input = { partyId: ru.id, pointId: t.pointId(0) };
    // Both open the empty cell; the negotiator saves first.
    const p1 = eventOf(t.world.do(ru.negotiator.actor, 'setPosition', { ...input, level: 'accept', basedOnPositionId: null }), 'position.set').payload.position;
    const e = errorOf(() => t.world.do(ru.principal.actor, 'setPosition', { ...input, level: 'reject', reason: 'no', basedOnPositionId: null }));
    expect(e).toMatchObject({ code: 'version_conflict', status: 409, detail: { current: p1 } });
    // Based on a position that was never current either.
    expect(codeOf(() => t.world.do(ru.principal.actor, 'setPosition', { ...input, level: 'reject', reason: 'no', basedOnPositionId: testId(999) }))).toBe('version_conflict');
    // Based on the current one: fine.
    const p2 = eventOf(t.world.do(ru.principal.actor, 'setPosition', { ...input, level: 'reject', reason: 'no', basedOnPositionId: p1.id }), 'position.set').payload.position;
    expect(codeOf(() => t.world.do(ru.negotiator.actor, 'setPosition', { ...input, level: 'discuss', basedOnPositionId: p1.id }))).toBe('version_conflict');
    expect(p2.previousId).toBe(p1.id);
    expect(t.world.state.positions).toHaveLength(2);
  });

  it('refuses a change that changes nothing', () => {
    const t = table({ parties: 1, points: 1 });
    const ru = t.party(0);
    const input = { partyId: ru.id, pointId: t.pointId(0), level: 'reject' as const, reason: 'no' };
    t.world.do(ru.principal.actor, 'setPosition', input);
    expect(codeOf(() => t.world.do(ru.principal.actor, 'setPosition', input))).toBe('invalid_input');
    // Sharing the same stance is a change.
    expect(codeOf(() => t.world.do(ru.principal.actor, 'setPosition', { ...input, visibility: 'parties' }))).toBe('no error');
  });

  it('is taken by a party\u2019s principal or negotiator, for their own party only', () => {
    const t = table({ parties: 2, points: 1 });
    const [ru, us] = [t.party(0), t.party(1)];
    const input = { partyId: ru.id, pointId: t.pointId(0), level: 'accept' as const };
    for (const actor of [ru.advisor.actor, ru.observer.actor, us.principal.actor, t.mediator.actor, { kind: 'public' } as const]) {
      expect(codeOf(() => t.world.do(actor, 'setPosition', input))).toBe('action_denied');
    }
  });

  it('is on exactly one point or one amendment', () => {
    const t = table({ parties: 1, points: 1 });
    const ru = t.party(0);
    const a = eventOf(t.world.do(ru.negotiator.actor, 'draftAmendment', { partyId: ru.id, kind: 'delete', pointId: t.pointId(0) }), 'amendment.drafted').payload.amendment;
    expect(codeOf(() => t.world.do(ru.principal.actor, 'setPosition', { partyId: ru.id, level: 'accept' }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(ru.principal.actor, 'setPosition', { partyId: ru.id, pointId: t.pointId(0), amendmentId: a.id, level: 'accept' }))).toBe('invalid_input');
  });

  it('refuses unknown parties, points and amendments, and removed points', () => {
    const t = table({ parties: 1, points: 2 });
    const ru = t.party(0);
    expect(codeOf(() => t.world.do({ kind: 'system' }, 'setPosition', { partyId: testId(999), pointId: t.pointId(0), level: 'accept' }))).toBe('party_not_found');
    expect(codeOf(() => t.world.do(ru.principal.actor, 'setPosition', { partyId: ru.id, pointId: testId(999), level: 'accept' }))).toBe('point_not_found');
    expect(codeOf(() => t.world.do(ru.principal.actor, 'setPosition', { partyId: ru.id, amendmentId: testId(999), level: 'accept' }))).toBe('amendment_not_found');
    t.world.do(t.mediator.actor, 'removePoint', { pointId: t.pointId(1) });
    expect(codeOf(() => t.world.do(ru.principal.actor, 'setPosition', { partyId: ru.id, pointId: t.pointId(1), level: 'accept' }))).toBe('point_not_found');
  });

  describe('on an amendment', () => {
    function withAmendments() {
      const t = table({ parties: 2, points: 2 });
      const [ru, eu] = [t.party(0), t.party(1)];
      const draft = (proposeTo?: 'mediator' | 'parties') => eventOf(t.world.do(eu.negotiator.actor, 'draftAmendment', {
        partyId: eu.id, kind: 'replace', pointId: t.pointId(0), texts: { en: 'Allies\u2019 demand' }, proposeTo,
      }), 'amendment.drafted').payload.amendment.id;
      return { t, ru, eu, proposed: draft('parties'), toMediator: draft('mediator'), draft: draft() };
    }

    it('answers a proposal everyone may see', () => {
      const { t, ru, proposed } = withAmendments();
      const p = eventOf(t.world.do(ru.principal.actor, 'setPosition', { partyId: ru.id, amendmentId: proposed, level: 'reject', reason: 'absolutely unacceptable' }), 'position.set').payload.position;
      expect(p).toMatchObject({ pointId: null, amendmentId: proposed, level: 'reject' });
    });

    it('cannot see, so cannot answer, another party\u2019s draft or proposal to the mediator', () => {
      const { t, ru, toMediator, draft } = withAmendments();
      expect(codeOf(() => t.world.do(ru.principal.actor, 'setPosition', { partyId: ru.id, amendmentId: toMediator, level: 'accept' }))).toBe('amendment_not_found');
      expect(codeOf(() => t.world.do(ru.principal.actor, 'setPosition', { partyId: ru.id, amendmentId: draft, level: 'accept' }))).toBe('amendment_not_found');
    });

    it('a draft may be answered by its own party only', () => {
      const { t, ru, eu, draft } = withAmendments();
      expect(codeOf(() => t.world.do(eu.principal.actor, 'setPosition', { partyId: eu.id, amendmentId: draft, level: 'accept' }))).toBe('no error');
      expect(codeOf(() => t.world.do({ kind: 'system' }, 'setPosition', { partyId: ru.id, amendmentId: draft, level: 'accept' }))).toBe('invalid_transition');
    });

    it('positions on a point and on an amendment are separate histories', () => {
      const { t, eu, proposed } = withAmendments();
      const onAmendment = eventOf(t.world.do(eu.principal.actor, 'setPosition', { partyId: eu.id, amendmentId: proposed, level: 'accept' }), 'position.set').payload.position;
      const onPoint = eventOf(t.world.do(eu.principal.actor, 'setPosition', { partyId: eu.id, pointId: t.pointId(0), level: 'accept' }), 'position.set').payload.position;
      expect([onAmendment.previousId, onPoint.previousId]).toEqual([null, null]);
      expect(positionKey(onAmendment)).not.toBe(positionKey(onPoint));
    });
  });

  it('normalizes the reason to NFC and refuses NUL in it', () => {
    const t = table({ parties: 1, points: 1 });
    const ru = t.party(0);
    const p = eventOf(t.world.do(ru.principal.actor, 'setPosition', { partyId: ru.id, pointId: t.pointId(0), level: 'wording', reason: '\u0418\u0306 wording' }), 'position.set').payload.position;
    expect(p.reason).toBe('\u0419 wording');
    expect(() => t.world.do(ru.principal.actor, 'setPosition', { partyId: ru.id, pointId: t.pointId(0), level: 'reject', reason: 'a\u0000b' })).toThrow(/control characters \(such as NUL\)/);
  });
});
