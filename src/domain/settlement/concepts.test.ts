import { describe, expect, it } from 'vitest';
import { compareLeximin, selectByConcept, type ConceptRefs } from './concepts.ts';
import type { ScoredPackage, SolutionConcept } from './model.ts';
import { optionPackage } from './utility.ts';

const scored = (choice: number, ...utilities: number[]): ScoredPackage => ({ package: optionPackage([choice]), utilities });
const zero: ConceptRefs = { floor: [0, 0], ref: [0, 0] };
const pick = (set: ScoredPackage[], concept: SolutionConcept, refs = zero) => {
  const r = selectByConcept(set, concept, refs);
  return r.ok ? r.best.package.choice[0] : r.reason;
};

// Ideal point (95, 65). Totals 115, 105, 100, 95, 110; smallest 20, 45, 50, 30, 40;
// products 1900, 2700, 2500, 1950, 2800; KS ratios' minimum .21, .63, .53, .32, .62.
const set = [scored(0, 95, 20), scored(1, 60, 45), scored(2, 50, 50), scored(3, 30, 65), scored(4, 70, 40)];

describe('the solution concepts', () => {
  it('each picks its own package', () => {
    expect(pick(set, 'utilitarian')).toBe(0);
    expect(pick(set, 'maximin')).toBe(2);
    expect(pick(set, 'nash')).toBe(4);
    expect(pick(set, 'kalaiSmorodinsky')).toBe(1);
  });

  it('measures gains from the reference point', () => {
    // Over (50, 0) the gains are (45, 20), (10, 45), (0, 50) and (20, 40) for packages 0, 1, 2
    // and 4: maximin moves from 2 to 0 (tied with 4 on the smallest gain, ahead on the next).
    const refs = { floor: [50, 0], ref: [50, 0] };
    const feasible = set.filter((s) => s.utilities[0]! >= 50);
    expect(pick(feasible, 'maximin', refs)).toBe(0);
    // Nash over gains: 45·20 = 900 for package 0, 10·45 = 450, 0 for package 2, 20·40 = 800.
    expect(pick(feasible, 'nash', refs)).toBe(0);
  });

  it('breaks ties on the objective by the leximin of the gains, then by the smallest choice', () => {
    expect(pick([scored(0, 60, 40), scored(1, 50, 50), scored(2, 40, 60)], 'utilitarian')).toBe(1);
    expect(pick([scored(1, 40, 60), scored(0, 60, 40)], 'maximin')).toBe(0);
    expect(pick([scored(3, 50, 50), scored(2, 50 + 1e-12, 50)], 'utilitarian')).toBe(2);
  });

  it('has no Nash solution when no package lets every party that can gain gain', () => {
    expect(pick([scored(0, 50, 0), scored(1, 0, 50)], 'nash')).toMatch(/no feasible package gives a positive gain to every party that can gain/);
    expect(pick([scored(0, 50, 0), scored(1, 0, 50)], 'maximin')).toBe(0);
  });

  it('leaves out of Nash and Kalai–Smorodinsky a party that cannot gain', () => {
    const stuck = [scored(0, 30, 0), scored(1, 50, 0), scored(2, 40, 0)];
    expect(pick(stuck, 'nash')).toBe(1);
    expect(pick(stuck, 'kalaiSmorodinsky')).toBe(1);
  });

  it('answers nothing for an empty set', () => {
    expect(pick([], 'utilitarian')).toMatch(/no package gives every party at least its floor/);
  });

  it('compares leximin with a tolerance of 1e-9', () => {
    expect(compareLeximin([1, 5], [5, 1])).toBe(0);
    expect(compareLeximin([2, 5], [1, 9])).toBe(1);
    expect(compareLeximin([1, 5], [1, 6])).toBe(-1);
    expect(compareLeximin([1 + 1e-12, 5], [1, 5])).toBe(0);
  });
});
