import { describe, expect, it } from 'vitest';
import { codeOf, errorOf, eventOf, table } from '../testing/factory.ts';

describe('addParty', () => {
  it('adds a party, visible to everyone at the table', () => {
    const t = table({ parties: 0, points: 0 });
    const events = t.world.do(t.mediator.actor, 'addParty', { name: { en: 'Ukraine', uk: 'Україна' }, shortName: ' UA ' });
    const e = eventOf(events, 'party.added');
    expect(e).toMatchObject({ visibility: 'parties', partyId: null });
    expect(e.payload.party).toEqual({ id: e.payload.party.id, name: { en: 'Ukraine', uk: 'Україна' }, shortName: 'UA', broker: false });
    expect(t.world.state.parties.get(e.payload.party.id)).toEqual(e.payload.party);
  });

  it('records a broker', () => {
    const t = table({ parties: 0, points: 0 });
    const e = eventOf(t.world.do(t.mediator.actor, 'addParty', { name: { en: 'United States' }, shortName: 'US', broker: true }), 'party.added');
    expect(e.payload.party.broker).toBe(true);
  });

  it('refuses a second party with the same short name, whatever its case', () => {
    const t = table({ parties: 1, points: 0 });
    const e = errorOf(() => t.world.do(t.mediator.actor, 'addParty', { name: { en: 'Again' }, shortName: 'ru' }));
    expect(e).toMatchObject({ code: 'already_exists', message: 'A party called ru is already at the table.' });
  });

  it('is for the mediator only', () => {
    const t = table({ parties: 1, points: 0 });
    for (const seat of [t.party(0).principal, t.party(0).observer]) {
      expect(codeOf(() => t.world.do(seat.actor, 'addParty', { name: { en: 'X' }, shortName: 'X' }))).toBe('action_denied');
    }
    expect(codeOf(() => t.world.do({ kind: 'public' }, 'addParty', { name: { en: 'X' }, shortName: 'X' }))).toBe('action_denied');
  });

  it('needs a name and a short name of at most 32 characters', () => {
    const t = table({ parties: 0, points: 0 });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addParty', { name: {}, shortName: 'X' }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addParty', { name: { en: 'X' }, shortName: '   ' }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addParty', { name: { en: 'X' }, shortName: 'x'.repeat(33) }))).toBe('invalid_input');
  });
});
