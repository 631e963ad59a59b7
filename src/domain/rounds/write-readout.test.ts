import { describe, expect, it } from 'vitest';
import { canSee } from '../policy/visibility.ts';
import { codeOf, eventOf, table, testId } from '../testing/factory.ts';

function withRound() {
  const t = table({ parties: 2, points: 1 });
  const roundId = eventOf(t.world.do(t.mediator.actor, 'scheduleRound', { title: { en: 'Kremlin talks' }, startsAt: '2025-12-02T18:00:00Z' }), 'round.scheduled').payload.round.id;
  return { t, roundId, ru: t.party(0), us: t.party(1) };
}

describe('writeReadout', () => {
  it('records a delegation\u2019s private readout, for its own party by default', () => {
    const { t, roundId, ru, us } = withRound();
    const e = eventOf(t.world.do(ru.advisor.actor, 'writeReadout', { roundId, text: { en: 'Territory: no compromise so far.' } }), 'readout.written');
    expect(e).toMatchObject({ visibility: 'party', partyId: ru.id });
    expect(e.payload.readout).toEqual({ id: e.payload.readout.id, roundId, partyId: ru.id, text: { en: 'Territory: no compromise so far.' }, visibility: 'party', writtenBy: ru.advisor.member.id, at: e.at });
    expect(t.world.state.readouts.get(e.payload.readout.id)).toEqual(e.payload.readout);
    expect(canSee(ru.observer.actor, e.payload.readout)).toBe(true);
    expect(canSee(us.principal.actor, e.payload.readout)).toBe(false);
    expect(canSee(t.mediator.actor, e.payload.readout)).toBe(false);
  });

  it('the mediator\u2019s office writes readouts of no party', () => {
    const { t, roundId, ru } = withRound();
    const r = eventOf(t.world.do(t.mediator.actor, 'writeReadout', { roundId, text: { en: 'Office notes' } }), 'readout.written').payload.readout;
    expect(r.partyId).toBeNull();
    expect(canSee(t.mediator.actor, r)).toBe(true);
    expect(canSee(ru.principal.actor, r)).toBe(false);
  });

  it('may be shared, never made public', () => {
    const { t, roundId, ru } = withRound();
    expect(eventOf(t.world.do(ru.negotiator.actor, 'writeReadout', { roundId, text: { en: 'x' }, visibility: 'mediator' }), 'readout.written').visibility).toBe('mediator');
    expect(codeOf(() => t.world.do(ru.negotiator.actor, 'writeReadout', { roundId, text: { en: 'x' }, visibility: 'public' as 'parties' }))).toBe('invalid_input');
  });

  it('refuses observers, the system, the public, an unknown round and empty text', () => {
    const { t, roundId, ru } = withRound();
    expect(codeOf(() => t.world.do(ru.observer.actor, 'writeReadout', { roundId, text: { en: 'x' } }))).toBe('action_denied');
    expect(codeOf(() => t.world.do({ kind: 'system' }, 'writeReadout', { roundId, text: { en: 'x' } }))).toBe('action_denied');
    expect(codeOf(() => t.world.do({ kind: 'public' }, 'writeReadout', { roundId, text: { en: 'x' } }))).toBe('action_denied');
    expect(codeOf(() => t.world.do(ru.principal.actor, 'writeReadout', { roundId: testId(999), text: { en: 'x' } }))).toBe('round_not_found');
    expect(codeOf(() => t.world.do(ru.principal.actor, 'writeReadout', { roundId, text: { en: ' ' } }))).toBe('invalid_input');
  });
});
