/**
 * Pruning keeps, for every option it drops, one that gives every party at least as much; it
 * never keeps a red line; exact duplicates keep the first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PreparedCase } from '../model.ts';
import { optionPoints } from '../utility.ts';
import { undominatedOptions } from './prune-options.ts';

function twoParties(a: number[], b: number[], opts: { weightB?: number; allowed?: boolean[] } = {}): PreparedCase {
  return {
    parties: ['A', 'B'],
    issues: [{ id: 'i', divisible: false, options: a.map((_, o) => `o${o}`) }, { id: 'money', divisible: true, options: [] }],
    weight: [[50, 50], [opts.weightB ?? 50, 100 - (opts.weightB ?? 50)]],
    rating: [[a, []], [b, []]],
    allowed: [opts.allowed ?? a.map(() => true), []],
    unacceptableBy: [a.map(() => []), []],
    batna: [0, 0],
  };
}

describe('undominatedOptions', () => {
  it('drops options another beats for every party, keeps the first of exact duplicates, skips divisible issues', () => {
    expect(undominatedOptions(twoParties([100, 50, 40, 0, 50], [0, 50, 40, 100, 50]))).toEqual([[0, 1, 3], []]);
  });

  it('a party that gives the issue no weight is indifferent to it', () => {
    expect(undominatedOptions(twoParties([100, 50, 0], [0, 100, 50], { weightB: 0 }))).toEqual([[0], []]);
  });

  it('never keeps a red line, even the best option', () => {
    expect(undominatedOptions(twoParties([100, 50, 0], [100, 50, 0], { allowed: [false, true, true] }))).toEqual([[1], []]);
  });

  it('every dropped allowed option is weakly beaten, for every party, by a kept one', () => {
    const scores = fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(scores, (rows) => {
        const c: PreparedCase = {
          parties: ['A', 'B', 'C'],
          issues: [{ id: 'i', divisible: false, options: rows.map((_, o) => `o${o}`) }],
          weight: [[100], [100], [100]],
          rating: [0, 1, 2].map((p) => [rows.map((r) => r[p]! * 25)]),
          allowed: [rows.map(() => true)],
          unacceptableBy: [rows.map(() => [])],
          batna: [0, 0, 0],
        };
        const kept = undominatedOptions(c)[0]!;
        expect(kept.length).toBeGreaterThan(0);
        rows.forEach((_, o) => {
          if (kept.includes(o)) return;
          expect(kept.some((k) => [0, 1, 2].every((p) => optionPoints(c, p, 0, k) >= optionPoints(c, p, 0, o)))).toBe(true);
        });
        // No kept option is beaten by another kept one.
        for (const a of kept) {
          for (const b of kept) {
            if (a === b) continue;
            const ge = [0, 1, 2].every((p) => optionPoints(c, p, 0, a) >= optionPoints(c, p, 0, b));
            const gt = [0, 1, 2].some((p) => optionPoints(c, p, 0, a) > optionPoints(c, p, 0, b));
            expect(ge && gt).toBe(false);
          }
        }
      }),
    );
  });
});
