import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryCase } from './arbitrary-case.ts';
import { bruteForce } from './brute-force.ts';
import { EPS } from './concepts.ts';
import { findImprovement } from './improvements.ts';
import { prepareCase } from './prepare-case.ts';
import { optionPackage, utilitiesOf } from './utility.ts';

const shape = { parties: { min: 2, max: 6 }, issues: { min: 1, max: 5 }, options: { min: 1, max: 4 }, redLineRate: 0.15 };
const cases = fc.oneof(arbitraryCase(shape), arbitraryCase({ ...shape, coarse: true }));

describe('improvements on a baseline', () => {
  it('never lower anyone, spread the gains as maximin over the baseline, and count the Pareto improvements', () => {
    fc.assert(
      fc.property(cases, fc.array(fc.nat(), { minLength: 5, maxLength: 5 }), (input, picks) => {
        const c = prepareCase(input);
        const baseline = optionPackage(c.issues.map((issue, i) => picks[i]! % issue.options.length));
        const base = utilitiesOf(c, baseline);
        const reference = bruteForce(c, { floor: base, ref: base });
        const result = findImprovement(c, baseline, { frontierCap: 20_000 });
        const crossesRedLine = baseline.choice.some((o, i) => !c.allowed[i]![o]);
        if (result.ok) {
          result.utilities.forEach((u, p) => expect(u).toBeGreaterThanOrEqual(base[p]! - EPS));
          expect(result.gains.some((g) => g > EPS)).toBe(true);
          result.package.choice.forEach((o, i) => expect(c.allowed[i]![o]).toBe(true));
          const maximin = reference.concepts.maximin;
          if (!maximin.ok) throw new Error(maximin.reason);
          result.utilities.forEach((u, p) => expect(u).toBeCloseTo(maximin.best.utilities[p]!, 9));
          // Packages, not points: ties in every utility each count.
          const dominated = (s: { utilities: readonly number[] }) => reference.feasible.some((t) => t.utilities.every((x, p) => x >= s.utilities[p]!) && t.utilities.some((x, p) => x > s.utilities[p]!));
          expect(result.paretoImprovements).toBe(reference.feasible.filter((s) => !dominated(s) && s.utilities.some((u, p) => u - base[p]! > EPS)).length);
        } else if (crossesRedLine && reference.feasible.length === 0) {
          expect(result.reason).toMatch(/crosses a red line/);
        } else {
          expect(result.reason).toMatch(/already Pareto-optimal/);
          expect(reference.feasible.every((s) => s.utilities.every((u, p) => u <= base[p]! + EPS))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds the even improvement on a small case', () => {
    const c = prepareCase({
      parties: ['A', 'B'],
      issues: [{ id: 'land', options: ['x', 'y'] }, { id: 'water', options: ['p', 'q'] }],
      scores: {
        A: { weights: { land: 80, water: 20 }, ratings: { land: { x: 100, y: 0 }, water: { p: 100, q: 0 } } },
        B: { weights: { land: 20, water: 80 }, ratings: { land: { x: 0, y: 100 }, water: { p: 0, q: 100 } } },
      },
    });
    // Baseline (y, p): A 20, B 20. (x, q) gives both 80: the only Pareto improvement.
    const result = findImprovement(c, optionPackage([1, 0]), { frontierCap: 100 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.package.choice).toEqual([0, 1]);
    expect(result.gains).toEqual([60, 60]);
    expect(result.paretoImprovements).toBe(1);
    expect(findImprovement(c, optionPackage([0, 1]), { frontierCap: 100 })).toEqual({
      ok: false,
      reason: 'the baseline is already Pareto-optimal: no package makes a party better off without making another worse off',
    });
  });
});
