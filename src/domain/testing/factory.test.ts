import { describe, expect, it } from 'vitest';
import { Id } from '../model.ts';
import { RecordedEvent } from '../record/events.ts';
import { GENESIS_HASH, verifyChain } from '../record/hash-event.ts';
import { activePoints } from '../record/state.ts';
import { codeOf, errorOf, eventOf, eventsOf, IdCounter, replay, table, TestClock, testId, world } from './factory.ts';

describe('testId and IdCounter', () => {
  it('makes uuid-shaped ids that the model accepts, from a counter', () => {
    expect(testId(1)).toBe('00000000-0000-4000-8000-000000000001');
    expect(testId(255)).toBe('00000000-0000-4000-8000-0000000000ff');
    expect(Id.safeParse(testId(1)).success).toBe(true);
    expect(Id.safeParse(testId(2 ** 48 - 1)).success).toBe(true);
    expect(() => testId(-1)).toThrow(RangeError);
    expect(() => testId(2 ** 48)).toThrow(RangeError);
  });

  it('hands out each id once', () => {
    const ids = new IdCounter();
    expect([ids.next(), ids.next(), ids.next()]).toEqual([testId(1), testId(2), testId(3)]);
  });
});

describe('TestClock', () => {
  it('moves only when told to', () => {
    const clock = new TestClock('2025-12-02T09:00:00Z', 1000);
    expect(clock.now()).toBe('2025-12-02T09:00:00.000Z');
    expect(clock.now()).toBe('2025-12-02T09:00:00.000Z');
    expect(clock.advance()).toBe('2025-12-02T09:00:01.000Z');
    clock.set('2026-01-01T00:00:00Z');
    expect(clock.now()).toBe('2026-01-01T00:00:00.000Z');
    expect(() => new TestClock('not a date')).toThrow(RangeError);
  });
});

describe('world', () => {
  it('records numbered, hash-chained events that pass the schema and replay to the live state', () => {
    const t = table({ parties: 2, points: 2 });
    const w = t.world;
    expect(w.log[0]?.prevHash).toBe(GENESIS_HASH);
    expect(w.log.map((e) => e.seq)).toEqual(w.log.map((_, i) => i + 1));
    expect(verifyChain(w.log)).toBeNull();
    for (const e of w.log) expect(RecordedEvent.safeParse(e).success).toBe(true);
    expect(w.state.seq).toBe(w.log.length);
    expect(replay(w.log)).toStrictEqual(w.state);
  });

  it('uses one instant per command and moves the clock between commands', () => {
    const t = table({ parties: 1, points: 0 });
    const created = t.world.log.filter((e) => e.seq <= 2);
    expect(created.map((e) => e.type)).toEqual(['negotiation.created', 'member.added']);
    expect(created[0]?.at).toBe(created[1]?.at);
    expect(t.world.log[2]?.at).not.toBe(created[0]?.at);
  });

  it('is deterministic: the same setup gives the same log, hashes included', () => {
    expect(table({ parties: 3, points: 4 }).world.log).toStrictEqual(table({ parties: 3, points: 4 }).world.log);
  });

  it('leaves state, log, clock and ids unchanged when a command is refused', () => {
    const t = table({ parties: 1, points: 1 });
    const w = t.world;
    const before = { state: structuredClone(w.state), log: w.log.length, now: w.clock.now(), ids: w.ids.position };
    const attempt = w.attempt(t.party(0).observer.actor, { name: 'addPoint', input: { texts: { en: 'x' } } });
    expect(attempt.ok).toBe(false);
    expect(attempt.ok ? null : attempt.error.code).toBe('action_denied');
    expect(w.state).toStrictEqual(before.state);
    expect(w.log).toHaveLength(before.log);
    expect(w.clock.now()).toBe(before.now);
    expect(w.ids.position).toBe(before.ids);
  });

  it('refuses to record events before a negotiation exists', () => {
    const w = world();
    expect(codeOf(() => w.do({ kind: 'system' }, 'addParty', { name: { en: 'A' }, shortName: 'A' }))).toBe('negotiation_not_found');
    expect(() => w.negotiationId).toThrow(/no negotiation/);
  });
});

describe('table', () => {
  it('seats a mediator and one member per party role, and adds the points in order', () => {
    const t = table({ parties: 5, points: 3 });
    const s = t.world.state;
    expect(s.parties.size).toBe(5);
    expect(t.parties.map((d) => d.party.shortName)).toEqual(['RU', 'US', 'UA', 'EU', 'P5']);
    expect(t.mediator.member).toMatchObject({ role: 'mediator', partyId: null });
    for (const d of t.parties) {
      for (const role of ['principal', 'negotiator', 'advisor', 'observer'] as const) {
        expect(d[role].member).toMatchObject({ role, partyId: d.id, active: true });
        expect(d[role].actor).toEqual({ kind: 'member', memberId: d[role].member.id, partyId: d.id, role });
        expect(s.members.get(d[role].member.id)).toEqual(d[role].member);
      }
    }
    expect(s.members.size).toBe(1 + 5 * 4);
    expect(activePoints(s).map((p) => [p.id, p.number])).toEqual(t.pointIds.map((id, i) => [id, String(i + 1)]));
    expect(t.pointId(2)).toBe(t.pointIds[2]);
    expect(() => t.party(5)).toThrow(/no party 5/);
    expect(() => t.pointId(3)).toThrow(/no point 3/);
  });

  it('can start with a first version', () => {
    const t = table({ points: 2, firstVersion: true });
    expect([...t.world.state.versions.values()].map((v) => v.label)).toEqual(['v1']);
  });
});

describe('codeOf, errorOf, eventOf', () => {
  it('report what happened', () => {
    expect(codeOf(() => 1)).toBe('no error');
    expect(codeOf(() => { throw new TypeError('boom'); })).toBe('not a ParleyError: TypeError: boom');
    expect(errorOf(() => { throw new Error('x'); })).toBeInstanceOf(Error);
    expect(() => errorOf(() => 1)).toThrow(/did not throw/);
    const events = table({ parties: 1, points: 2 }).world.log;
    expect(eventOf(events, 'negotiation.created').seq).toBe(1);
    expect(eventsOf(events, 'point.added')).toHaveLength(2);
    expect(() => eventOf(events, 'round.scheduled')).toThrow(/no round.scheduled event/);
  });
});
