import { describe, expect, it } from 'vitest';
import { codeOf, errorOf, eventOf, table, testId } from '../testing/factory.ts';

describe('addPerson', () => {
  it('adds a person with names in several scripts and aliases kept once each', () => {
    const t = table({ parties: 1, points: 0 });
    const ru = t.party(0);
    const events = t.world.do(t.mediator.actor, 'addPerson', {
      names: { en: 'Yuri Ushakov', ru: 'Юрий Ушаков', ur: 'یوری اوشاکوف' },
      aliases: ['Ushakov', ' Ушаков ', 'ushakov', 'اوشاکوف'],
      title: { en: 'Senior adviser to the President' },
      partyId: ru.id,
    });
    const p = eventOf(events, 'person.added').payload.person;
    expect(p.aliases).toEqual(['Ushakov', 'Ушаков', 'اوشاکوف']);
    expect(p.partyId).toBe(ru.id);
    expect(t.world.state.persons.get(p.id)).toEqual(p);
  });

  it('lets a party principal or negotiator add people of their own party only', () => {
    const t = table({ parties: 2, points: 0 });
    const [ru, us] = [t.party(0), t.party(1)];
    const person = (partyId: string | null) => ({ names: { en: 'Someone' }, partyId });
    expect(codeOf(() => t.world.do(ru.negotiator.actor, 'addPerson', person(ru.id)))).toBe('no error');
    expect(codeOf(() => t.world.do(ru.principal.actor, 'addPerson', person(us.id)))).toBe('action_denied');
    expect(codeOf(() => t.world.do(ru.principal.actor, 'addPerson', person(null)))).toBe('action_denied');
    expect(codeOf(() => t.world.do(ru.advisor.actor, 'addPerson', person(ru.id)))).toBe('action_denied');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addPerson', person(null)))).toBe('no error');
  });

  it('refuses an unknown party', () => {
    const t = table({ parties: 1, points: 0 });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addPerson', { names: { en: 'X' }, partyId: testId(999) }))).toBe('party_not_found');
  });
});

describe('updatePerson', () => {
  function withPerson() {
    const t = table({ parties: 2, points: 0 });
    const ru = t.party(0);
    const p = eventOf(t.world.do(ru.principal.actor, 'addPerson', { names: { en: 'Vladimir Putin' }, aliases: ['Putin'], partyId: ru.id }), 'person.added').payload.person;
    return { t, ru, us: t.party(1), p };
  }

  it('replaces the person and keeps the id', () => {
    const { t, ru, p } = withPerson();
    const events = t.world.do(ru.negotiator.actor, 'updatePerson', { personId: p.id, names: { en: 'Vladimir Putin', ru: 'Владимир Путин' }, aliases: ['Putin', 'Путин'], partyId: ru.id });
    const updated = eventOf(events, 'person.updated').payload.person;
    expect(updated).toEqual({ id: p.id, names: { en: 'Vladimir Putin', ru: 'Владимир Путин' }, aliases: ['Putin', 'Путин'], title: {}, partyId: ru.id });
    expect(t.world.state.persons.get(p.id)).toEqual(updated);
  });

  it('refuses an update that changes nothing', () => {
    const { t, ru, p } = withPerson();
    const e = errorOf(() => t.world.do(ru.principal.actor, 'updatePerson', { personId: p.id, names: { en: 'Vladimir Putin' }, aliases: ['Putin'], partyId: ru.id }));
    expect(e).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Nothing to change') as unknown });
  });

  it('sees an update that only lists the same names in another order as no change', () => {
    const { t, ru, p } = withPerson();
    t.world.do(ru.principal.actor, 'updatePerson', { personId: p.id, names: { en: 'Vladimir Putin', ru: 'Владимир Путин' }, aliases: ['Putin'], partyId: ru.id });
    expect(codeOf(() => t.world.do(ru.principal.actor, 'updatePerson', { personId: p.id, names: { ru: 'Владимир Путин', en: 'Vladimir Putin' }, aliases: ['Putin', 'putin'], partyId: ru.id })))
      .toBe('invalid_input');
  });

  it('needs the right to manage persons of both the old and the new party', () => {
    const { t, ru, us, p } = withPerson();
    const moved = { personId: p.id, names: { en: 'Vladimir Putin' }, partyId: us.id };
    expect(codeOf(() => t.world.do(us.principal.actor, 'updatePerson', moved))).toBe('action_denied');
    expect(codeOf(() => t.world.do(ru.principal.actor, 'updatePerson', moved))).toBe('action_denied');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'updatePerson', moved))).toBe('no error');
  });

  it('refuses an unknown person', () => {
    const { t } = withPerson();
    expect(codeOf(() => t.world.do(t.mediator.actor, 'updatePerson', { personId: testId(999), names: { en: 'X' } }))).toBe('person_not_found');
  });
});
