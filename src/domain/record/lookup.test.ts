import { describe, expect, it } from 'vitest';
import { codeOf, errorOf, table, testId } from '../testing/factory.ts';
import {
  getAmendment, getMember, getParty, getPerson, getPoint, getRound, getSection, getVersion, requireLanguagesKnown, requireNegotiation,
} from './lookup.ts';
import { emptyState } from './state.ts';

describe('lookups', () => {
  it('turn a missing id into the matching not-found code, with the id in the detail', () => {
    const s = table({ parties: 1, points: 1 }).world.state;
    const missing = testId(999);
    expect(codeOf(() => getParty(s, missing))).toBe('party_not_found');
    expect(codeOf(() => getPerson(s, missing))).toBe('person_not_found');
    expect(codeOf(() => getMember(s, missing))).toBe('member_not_found');
    expect(codeOf(() => getVersion(s, missing))).toBe('version_not_found');
    expect(codeOf(() => getAmendment(s, missing))).toBe('amendment_not_found');
    expect(codeOf(() => getRound(s, missing))).toBe('round_not_found');
    expect(codeOf(() => getSection(s, missing))).toBe('not_found');
    expect(errorOf(() => getPoint(s, missing))).toMatchObject({ code: 'point_not_found', message: `No point with id ${missing} in this negotiation.`, detail: { id: missing } });
  });

  it('find what exists', () => {
    const t = table({ parties: 1, points: 1 });
    expect(getParty(t.world.state, t.party(0).id)).toBe(t.world.state.parties.get(t.party(0).id));
    expect(getPoint(t.world.state, t.pointId(0)).id).toBe(t.pointId(0));
    expect(getMember(t.world.state, t.mediator.member.id).role).toBe('mediator');
  });

  it('getPoint treats a removed point as gone, naming its number', () => {
    const t = table({ parties: 0, points: 2 });
    t.world.do(t.mediator.actor, 'removePoint', { pointId: t.pointId(1) });
    expect(errorOf(() => getPoint(t.world.state, t.pointId(1)))).toMatchObject({ code: 'point_not_found', message: 'Point 2 was removed from the working text.' });
  });

  it('requireNegotiation refuses an empty state', () => {
    expect(codeOf(() => requireNegotiation(emptyState()))).toBe('negotiation_not_found');
  });

  it('requireLanguagesKnown names every unknown language and the known ones', () => {
    const s = table({ parties: 0, points: 0, languages: ['en', 'ru'] }).world.state;
    expect(() => requireLanguagesKnown(s, { en: 'x', ru: 'y' })).not.toThrow();
    expect(errorOf(() => requireLanguagesKnown(s, { en: 'x', ur: 'y', ar: 'z' }))).toMatchObject({
      code: 'invalid_input', message: "Language ur, ar is not one of this negotiation's languages (en, ru); add it first.",
    });
  });
});
