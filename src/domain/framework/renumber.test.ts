import { describe, expect, it } from 'vitest';
import type { Point } from '../model.ts';
import { codeOf, testId } from '../testing/factory.ts';
import { insertionEvents, renumber } from './renumber.ts';

const point = (n: number, number: string, order = n): Point => ({
  id: testId(n), number, sectionId: null, order, texts: { en: `p${n}` }, tags: [], illustrative: false, removed: false,
});

describe('renumber', () => {
  it('emits nothing for a text that already reads 1, 2, 3', () => {
    expect(renumber([point(1, '1'), point(2, '2'), point(3, '3')])).toEqual([]);
  });

  it('renumbers plain integers by position, one event per point that changed', () => {
    const events = renumber([point(3, '3', 3), point(1, '1', 1), point(2, '2', 2)]);
    expect(events).toEqual([
      { type: 'point.moved', payload: { pointId: testId(3), order: 1, number: '1' }, visibility: 'parties', partyId: null },
      { type: 'point.moved', payload: { pointId: testId(1), order: 2, number: '2' }, visibility: 'parties', partyId: null },
      { type: 'point.moved', payload: { pointId: testId(2), order: 3, number: '3' }, visibility: 'parties', partyId: null },
    ]);
  });

  it('keeps the drafters\u2019 numbers when any is not a plain integer, and still fixes the order', () => {
    const events = renumber([point(1, '1', 1), point(2, '2.1', 5), point(3, 'IV', 3)]);
    expect(events.map((e) => e.payload)).toEqual([{ pointId: testId(2), order: 2, number: '2.1' }]);
  });

  it('closes gaps left by a removal', () => {
    expect(renumber([point(1, '1'), point(3, '3')]).map((e) => e.payload)).toEqual([{ pointId: testId(3), order: 2, number: '2' }]);
  });
});

describe('insertionEvents', () => {
  it('announces the new point with the number it ends up with, then the points that moved', () => {
    const fresh = point(9, '7', 1);
    const events = insertionEvents([fresh, point(1, '1', 1), point(2, '2', 2)], fresh);
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['point.added', { point: { ...fresh, number: '1' } }],
      ['point.moved', { pointId: testId(1), order: 2, number: '2' }],
      ['point.moved', { pointId: testId(2), order: 3, number: '3' }],
    ]);
  });

  it('refuses a number another point keeps', () => {
    const fresh = point(9, '1', 1);
    expect(codeOf(() => insertionEvents([fresh, point(1, '1', 1), point(2, '1a', 2)], fresh))).toBe('already_exists');
  });
});
