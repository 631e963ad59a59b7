import { describe, expect, it } from 'vitest';
import { prepareCase } from './prepare-case.ts';
import { ratingsFromRanks } from './ratings-from-ranks.ts';

describe('ratings from ranks', () => {
  it('rates the best 100 and the worst 0, evenly spaced by place', () => {
    expect(Object.fromEntries(ratingsFromRanks(['x', 'y', 'z']))).toEqual({ x: 100, y: 50, z: 0 });
    const four = ratingsFromRanks(['a', 'b', 'c', 'd']);
    expect(four.get('b')).toBeCloseTo(200 / 3, 12);
    expect(four.get('c')).toBeCloseTo(100 / 3, 12);
  });

  it('gives options ranked equal the mean of the places they share', () => {
    expect(Object.fromEntries(ratingsFromRanks(['x', ['y', 'z'], 'w']))).toEqual({ x: 100, y: 50, z: 50, w: 0 });
    expect(Object.fromEntries(ratingsFromRanks([['x', 'y'], 'z']))).toEqual({ x: 75, y: 75, z: 0 });
    expect(Object.fromEntries(ratingsFromRanks([['x', 'y', 'z']]))).toEqual({ x: 50, y: 50, z: 50 });
  });

  it('rates a single option 100', () => {
    expect(Object.fromEntries(ratingsFromRanks(['only']))).toEqual({ only: 100 });
  });

  it('feeds the prepared case when a party ranks instead of rating', () => {
    const c = prepareCase({
      parties: ['A', 'B'],
      issues: [{ id: 'land', options: ['x', 'y', 'z'] }],
      scores: {
        A: { weights: { land: 100 }, ranks: { land: ['z', ['x', 'y']] } },
        B: { weights: { land: 100 }, ratings: { land: { x: 10, y: 20, z: 30 } } },
      },
    });
    expect(c.rating[0]![0]).toEqual([25, 25, 100]);
  });
});
