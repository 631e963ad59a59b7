import { describe, expect, it } from 'vitest';
import type { Position } from '../model.ts';
import { table, testId } from '../testing/factory.ts';
import { activePoints, emptyState, latestPositions, latestVersion, positionKey, versionsInOrder } from './state.ts';

const position = (n: number, over: Partial<Position>): Position => ({
  id: testId(n), partyId: testId(1), pointId: testId(10), amendmentId: null, versionId: null, level: 'accept', reason: '',
  visibility: 'party', setBy: testId(1), at: '2025-12-02T09:00:00.000Z', previousId: null, ...over,
});

describe('emptyState', () => {
  it('is empty, and each call gives a fresh one', () => {
    const a = emptyState();
    expect(a).toMatchObject({ negotiation: null, seq: 0, positions: [] });
    expect(a.points.size + a.parties.size + a.versions.size).toBe(0);
    a.positions.push(position(1, {}));
    expect(emptyState().positions).toEqual([]);
  });
});

describe('positionKey and latestPositions', () => {
  it('keys by party and point, or party and amendment', () => {
    expect(positionKey({ partyId: 'A', pointId: 'P', amendmentId: null })).toBe('A:point:P');
    expect(positionKey({ partyId: 'A', pointId: null, amendmentId: 'X' })).toBe('A:amendment:X');
  });

  it('keeps the last position per key', () => {
    const ps = [
      position(1, { level: 'accept' }),
      position(2, { level: 'reject', partyId: testId(2) }),
      position(3, { level: 'discuss' }),
      position(4, { pointId: null, amendmentId: testId(20), level: 'redline' }),
    ];
    const latest = latestPositions(ps);
    expect([...latest.values()].map((p) => p.id)).toEqual([testId(3), testId(2), testId(4)]);
  });
});

describe('activePoints, versionsInOrder, latestVersion', () => {
  it('reads the working text in order, without removed points', () => {
    const t = table({ parties: 0, points: 3 });
    t.world.do(t.mediator.actor, 'removePoint', { pointId: t.pointId(1) });
    t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'first' }, afterPointId: null });
    expect(activePoints(t.world.state).map((p) => p.texts.en)).toEqual(['first', 'Point 1: illustrative text.', 'Point 3: illustrative text.']);
  });

  it('orders versions by number', () => {
    const t = table({ parties: 0, points: 1 });
    expect(latestVersion(t.world.state)).toBeNull();
    t.world.do(t.mediator.actor, 'createVersion', {});
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), texts: { en: 'x' } });
    t.world.do(t.mediator.actor, 'createVersion', {});
    // Map order is insertion order; put them in reverse to see that the order comes from seqNo.
    const reversed = new Map([...t.world.state.versions].reverse());
    const s = { ...t.world.state, versions: reversed };
    expect(versionsInOrder(s).map((v) => v.label)).toEqual(['v1', 'v2']);
    expect(latestVersion(s)?.label).toBe('v2');
  });
});
