import { describe, expect, it } from 'vitest';
import { codeOf, errorOf, eventOf, table, testId } from '../testing/factory.ts';

describe('addMember', () => {
  it('adds a member of a party', () => {
    const t = table({ parties: 1, points: 0 });
    const ru = t.party(0);
    const events = t.world.do(t.mediator.actor, 'addMember', { displayName: 'Kirill Dmitriev', partyId: ru.id, role: 'negotiator', accountId: 'acct-1' });
    const m = eventOf(events, 'member.added').payload.member;
    expect(m).toEqual({ id: m.id, displayName: 'Kirill Dmitriev', partyId: ru.id, role: 'negotiator', personId: null, accountId: 'acct-1', active: true });
    expect(events[0]).toMatchObject({ visibility: 'parties', partyId: null });
    expect(t.world.state.members.get(m.id)).toEqual(m);
  });

  it('keeps the mediator outside the parties and party roles inside one', () => {
    const t = table({ parties: 1, points: 0 });
    const ru = t.party(0);
    expect(errorOf(() => t.world.do(t.mediator.actor, 'addMember', { displayName: 'X', partyId: ru.id, role: 'mediator' })))
      .toMatchObject({ code: 'invalid_input', message: expect.stringContaining("mediator's office") as unknown });
    expect(errorOf(() => t.world.do(t.mediator.actor, 'addMember', { displayName: 'X', partyId: null, role: 'advisor' })))
      .toMatchObject({ code: 'invalid_input', message: 'An advisor must belong to a party.' });
    expect(errorOf(() => t.world.do(t.mediator.actor, 'addMember', { displayName: 'X', partyId: null, role: 'principal' })))
      .toMatchObject({ code: 'invalid_input', message: 'A principal must belong to a party.' });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addMember', { displayName: 'Deputy', partyId: null, role: 'mediator' }))).toBe('no error');
  });

  it('lets a principal add members to their own party only', () => {
    const t = table({ parties: 2, points: 0 });
    const [ru, us] = [t.party(0), t.party(1)];
    expect(codeOf(() => t.world.do(ru.principal.actor, 'addMember', { displayName: 'X', partyId: ru.id, role: 'advisor' }))).toBe('no error');
    expect(codeOf(() => t.world.do(ru.principal.actor, 'addMember', { displayName: 'X', partyId: us.id, role: 'advisor' }))).toBe('action_denied');
    expect(codeOf(() => t.world.do(ru.principal.actor, 'addMember', { displayName: 'X', partyId: null, role: 'mediator' }))).toBe('action_denied');
    expect(codeOf(() => t.world.do(ru.negotiator.actor, 'addMember', { displayName: 'X', partyId: ru.id, role: 'advisor' }))).toBe('action_denied');
  });

  it('refuses an account that is already an active member', () => {
    const t = table({ parties: 1, points: 0 });
    const ru = t.party(0);
    t.world.do(t.mediator.actor, 'addMember', { displayName: 'A', partyId: ru.id, role: 'advisor', accountId: 'acct-7' });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addMember', { displayName: 'B', partyId: ru.id, role: 'observer', accountId: 'acct-7' }))).toBe('already_exists');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addMember', { displayName: 'C', partyId: ru.id, role: 'observer', accountId: null }))).toBe('no error');
  });

  it('refuses an unknown party or person', () => {
    const t = table({ parties: 1, points: 0 });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addMember', { displayName: 'X', partyId: testId(999), role: 'advisor' }))).toBe('party_not_found');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addMember', { displayName: 'X', partyId: t.party(0).id, role: 'advisor', personId: testId(999) }))).toBe('person_not_found');
  });
});
