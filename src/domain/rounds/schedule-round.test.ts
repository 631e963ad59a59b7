import { describe, expect, it } from 'vitest';
import { codeOf, errorOf, eventOf, table, testId } from '../testing/factory.ts';

function setup() {
  const t = table({ parties: 2, points: 2 });
  const witkoff = eventOf(t.world.do(t.mediator.actor, 'addPerson', { names: { en: 'Steve Witkoff' }, partyId: t.party(1).id }), 'person.added').payload.person;
  return { t, witkoff };
}

describe('scheduleRound', () => {
  it('records a round with its defaults, times in UTC', () => {
    const { t, witkoff } = setup();
    const events = t.world.do(t.mediator.actor, 'scheduleRound', {
      title: { en: 'Kremlin talks' },
      startsAt: '2025-12-02T21:00:00+03:00',
      durationMinutes: 300,
      place: { en: 'Moscow' },
      format: 'bilateral',
      partyIds: [t.party(0).id, t.party(1).id],
      attendeeIds: [witkoff.id],
      confidentiality: { nonDisclosure: true, terms: { en: 'Not to disclose the content' } },
      pointIds: [t.pointId(0)],
    });
    const e = eventOf(events, 'round.scheduled');
    expect(e).toMatchObject({ visibility: 'parties', partyId: null });
    expect(e.payload.round).toEqual({
      id: e.payload.round.id, title: { en: 'Kremlin talks' }, startsAt: '2025-12-02T18:00:00.000Z', endsAt: null, durationMinutes: 300,
      place: { en: 'Moscow' }, format: 'bilateral', partyIds: [t.party(0).id, t.party(1).id], attendeeIds: [witkoff.id],
      confidentiality: { nonDisclosure: true, terms: { en: 'Not to disclose the content' } }, publicReadout: {}, pointIds: [t.pointId(0)],
      visibility: 'parties',
    });
    expect(t.world.state.rounds.get(e.payload.round.id)).toEqual(e.payload.round);
  });

  it('fills defaults for everything optional', () => {
    const { t } = setup();
    const r = eventOf(t.world.do(t.mediator.actor, 'scheduleRound', { title: { en: 'Florida' }, startsAt: '2025-11-30T15:00:00Z' }), 'round.scheduled').payload.round;
    expect(r).toMatchObject({ endsAt: null, durationMinutes: null, place: {}, format: 'other', partyIds: [], attendeeIds: [], confidentiality: { nonDisclosure: false, terms: {} }, publicReadout: {}, pointIds: [], visibility: 'parties' });
  });

  it('normalizes every offset to UTC, so rounds sort the same whatever offset they were entered with', () => {
    const { t } = setup();
    const r = eventOf(t.world.do(t.mediator.actor, 'scheduleRound', {
      title: { en: 'x' }, startsAt: '2025-12-02T21:00:00+03:00', endsAt: '2025-12-02T19:00:00-00:30',
    }), 'round.scheduled').payload.round;
    expect([r.startsAt, r.endsAt]).toEqual(['2025-12-02T18:00:00.000Z', '2025-12-02T19:30:00.000Z']);
  });

  it('refuses an end before the start, comparing instants rather than local times', () => {
    const { t } = setup();
    // 20:00 in Moscow is 17:00 UTC: before a start of 18:00 UTC although "20" > "18".
    expect(errorOf(() => t.world.do(t.mediator.actor, 'scheduleRound', { title: { en: 'x' }, startsAt: '2025-12-02T18:00:00Z', endsAt: '2025-12-02T20:00:00+03:00' })))
      .toMatchObject({ code: 'invalid_input', message: 'A round cannot end before it starts.' });
    // And 19:00 UTC is after 21:00 in Moscow although "19" < "21".
    expect(codeOf(() => t.world.do(t.mediator.actor, 'scheduleRound', { title: { en: 'x' }, startsAt: '2025-12-02T21:00:00+03:00', endsAt: '2025-12-02T19:00:00Z' }))).toBe('no error');
    // Ending as it starts is allowed.
    expect(codeOf(() => t.world.do(t.mediator.actor, 'scheduleRound', { title: { en: 'x' }, startsAt: '2025-12-02T18:00:00Z', endsAt: '2025-12-02T21:00:00+03:00' }))).toBe('no error');
  });

  it('refuses unknown parties, people and points, and malformed times', () => {
    const { t } = setup();
    const base = { title: { en: 'x' }, startsAt: '2025-12-02T18:00:00Z' };
    expect(codeOf(() => t.world.do(t.mediator.actor, 'scheduleRound', { ...base, partyIds: [testId(999)] }))).toBe('party_not_found');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'scheduleRound', { ...base, attendeeIds: [testId(999)] }))).toBe('person_not_found');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'scheduleRound', { ...base, pointIds: [testId(999)] }))).toBe('point_not_found');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'scheduleRound', { ...base, startsAt: '2 December 2025' }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'scheduleRound', { ...base, durationMinutes: 0 }))).toBe('invalid_input');
    expect(t.world.state.rounds.size).toBe(0);
  });

  it('is for the mediator only, and never private to one party', () => {
    const { t } = setup();
    const base = { title: { en: 'x' }, startsAt: '2025-12-02T18:00:00Z' };
    expect(codeOf(() => t.world.do(t.party(0).principal.actor, 'scheduleRound', base))).toBe('action_denied');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'scheduleRound', { ...base, visibility: 'party' as 'public' }))).toBe('invalid_input');
    expect(eventOf(t.world.do(t.mediator.actor, 'scheduleRound', { ...base, visibility: 'public' }), 'round.scheduled').visibility).toBe('public');
  });
});

describe('updateRound', () => {
  it('replaces the round, keeping its id', () => {
    const { t } = setup();
    const r = eventOf(t.world.do(t.mediator.actor, 'scheduleRound', { title: { en: 'Kremlin talks' }, startsAt: '2025-12-02T18:00:00Z' }), 'round.scheduled').payload.round;
    const e = eventOf(t.world.do(t.mediator.actor, 'updateRound', {
      roundId: r.id, title: { en: 'Kremlin talks' }, startsAt: '2025-12-02T18:00:00Z', endsAt: '2025-12-02T23:00:00Z',
      publicReadout: { en: 'Useful, constructive and meaningful.' }, visibility: 'public',
    }), 'round.updated');
    expect(e).toMatchObject({ visibility: 'public', partyId: null, payload: { round: { id: r.id, endsAt: '2025-12-02T23:00:00.000Z', publicReadout: { en: 'Useful, constructive and meaningful.' } } } });
    expect(t.world.state.rounds.size).toBe(1);
    expect(t.world.state.rounds.get(r.id)).toEqual(e.payload.round);
  });

  it('refuses an unknown round, an end before the start, and non-mediators', () => {
    const { t } = setup();
    const r = eventOf(t.world.do(t.mediator.actor, 'scheduleRound', { title: { en: 'x' }, startsAt: '2025-12-02T18:00:00Z' }), 'round.scheduled').payload.round;
    expect(codeOf(() => t.world.do(t.mediator.actor, 'updateRound', { roundId: testId(999), title: { en: 'x' }, startsAt: '2025-12-02T18:00:00Z' }))).toBe('round_not_found');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'updateRound', { roundId: r.id, title: { en: 'x' }, startsAt: '2025-12-02T18:00:00Z', endsAt: '2025-12-02T17:59:59Z' }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.party(0).negotiator.actor, 'updateRound', { roundId: r.id, title: { en: 'x' }, startsAt: '2025-12-02T18:00:00Z' }))).toBe('action_denied');
  });
});
