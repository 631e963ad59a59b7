import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryCase } from './arbitrary-case.ts';
import { bruteForce } from './brute-force.ts';
import { selectByConcept } from './concepts.ts';
import { paretoFrontier } from './frontier.ts';
import type { PreparedCase, SolutionConcept } from './model.ts';
import { prepareCase } from './prepare-case.ts';

const CONCEPTS: SolutionConcept[] = ['nash', 'kalaiSmorodinsky', 'maximin', 'utilitarian'];
const byVector = (a: readonly number[], b: readonly number[]) => {
  for (let k = 0; k < a.length; k += 1) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
};
const vectors = (list: readonly { utilities: readonly number[] }[]) => list.map((s) => [...s.utilities]).sort(byVector);

const shape = { parties: { min: 2, max: 6 }, issues: { min: 1, max: 5 }, options: { min: 1, max: 4 }, maxBatna: 60, redLineRate: 0.2 };
/** Half the instances coarse, so that many packages tie exactly and the tie rule is exercised. */
const small = fc.oneof(arbitraryCase(shape), arbitraryCase({ ...shape, coarse: true }));

function refsOf(c: PreparedCase) {
  return { floor: c.batna, ref: c.batna };
}

describe('the frontier merge', () => {
  it('finds exactly the brute force’s Pareto set, red lines and floors included', () => {
    fc.assert(
      fc.property(small, (input) => {
        const c = prepareCase(input);
        const frontier = paretoFrontier(c, { floor: c.batna });
        const reference = bruteForce(c, refsOf(c));
        expect(frontier).not.toBeNull();
        expect(vectors(frontier!)).toEqual(vectors(reference.pareto));
        // Of equal utility vectors both keep the lexicographically smallest choice vector.
        expect(frontier!.map((s) => s.package.choice)).toEqual(reference.pareto.map((s) => s.package.choice));
        expect(frontier!.reduce((n, s) => n + s.count!, 0)).toBe(reference.paretoPackages);
        for (const s of frontier!) {
          s.package.choice.forEach((o, i) => expect(c.allowed[i]![o]).toBe(true));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps one package per utility vector, the lexicographically smallest choice', () => {
    const c = prepareCase({
      parties: ['A', 'B'],
      issues: [{ id: 'x', options: ['a', 'b'] }, { id: 'y', options: ['a', 'b'] }],
      scores: {
        A: { weights: { x: 50, y: 50 }, ratings: { x: { a: 100, b: 0 }, y: { a: 100, b: 0 } } },
        B: { weights: { x: 50, y: 50 }, ratings: { x: { a: 0, b: 100 }, y: { a: 0, b: 100 } } },
      },
    });
    // (a, b) and (b, a) both give 50/50: one point of the frontier, kept as (a, b).
    expect(paretoFrontier(c, { floor: c.batna })!.map((s) => [s.package.choice, s.utilities])).toEqual([
      [[0, 0], [100, 0]],
      [[0, 1], [50, 50]],
      [[1, 1], [0, 100]],
    ]);
  });

  it('matches the brute force where exact ties abound (coarse scores, two and three parties)', () => {
    const tied = arbitraryCase({ parties: { min: 2, max: 3 }, issues: { min: 2, max: 5 }, options: { min: 2, max: 4 }, coarse: true, redLineRate: 0.1 });
    fc.assert(
      fc.property(tied, (input) => {
        const c = prepareCase(input);
        const frontier = paretoFrontier(c, { floor: c.batna })!;
        const reference = bruteForce(c, refsOf(c));
        expect(frontier.map((s) => [s.package.choice, s.utilities])).toEqual(reference.pareto.map((s) => [s.package.choice, s.utilities]));
        // Ties are Pareto-optimal packages too: the counts add up to the brute force's number of undominated packages.
        expect(frontier.reduce((n, s) => n + s.count!, 0)).toBe(reference.paretoPackages);
      }),
      { numRuns: 200 },
    );
  });

  it('gives every concept the brute force’s value', () => {
    fc.assert(
      fc.property(small, (input) => {
        const c = prepareCase(input);
        const frontier = paretoFrontier(c, { floor: c.batna })!;
        const reference = bruteForce(c, refsOf(c));
        for (const concept of CONCEPTS) {
          const mine = selectByConcept(frontier, concept, refsOf(c));
          const theirs = reference.concepts[concept];
          expect(mine.ok, concept).toBe(theirs.ok);
          if (mine.ok && theirs.ok) {
            mine.best.utilities.forEach((u, p) => expect(u, `${concept} party ${p}`).toBeCloseTo(theirs.best.utilities[p]!, 9));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the brute force on ratings derived from ranks (fractions, not whole numbers)', () => {
    fc.assert(
      fc.property(small, (drawn) => {
        // Each party ranks its first issue in the order of its ratings, equal ratings ranked equal.
        const input = structuredClone(drawn);
        const issue = input.issues[0]!;
        if (!('options' in issue)) return;
        for (const party of input.parties) {
          const scores = input.scores[party]!;
          const { [issue.id]: rated, ...rest } = scores.ratings ?? {};
          const byRating = new Map<number, string[]>();
          for (const o of issue.options) byRating.set(rated![o]!, [...(byRating.get(rated![o]!) ?? []), o]);
          scores.ratings = rest;
          scores.ranks = { [issue.id]: [...byRating.entries()].sort((a, b) => b[0] - a[0]).map(([, group]) => group) };
        }
        const c = prepareCase(input);
        const frontier = paretoFrontier(c, { floor: c.batna })!;
        const reference = bruteForce(c, refsOf(c));
        const a = vectors(frontier);
        const b = vectors(reference.pareto);
        expect(a.length).toBe(b.length);
        a.forEach((v, k) => v.forEach((x, p) => expect(x).toBeCloseTo(b[k]![p]!, 9)));
        for (const concept of CONCEPTS) {
          const mine = selectByConcept(frontier, concept, refsOf(c));
          const theirs = reference.concepts[concept];
          expect(mine.ok).toBe(theirs.ok);
          if (mine.ok && theirs.ok) mine.best.utilities.forEach((u, p) => expect(u).toBeCloseTo(theirs.best.utilities[p]!, 9));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives up (null) when a partial frontier outgrows the cap, and not before', () => {
    fc.assert(
      fc.property(small, (input) => {
        const c = prepareCase(input);
        const full = paretoFrontier(c, { floor: c.batna })!;
        expect(paretoFrontier(c, { floor: c.batna, cap: 100_000 })).toEqual(full);
        if (full.length > 1) expect(paretoFrontier(c, { floor: c.batna, cap: full.length - 1 })).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it('is empty when the floors cannot all be met', () => {
    const c = prepareCase({
      parties: ['A', 'B'],
      issues: [{ id: 'x', options: ['a', 'b'] }],
      scores: {
        A: { weights: { x: 100 }, ratings: { x: { a: 100, b: 0 } }, batna: 60 },
        B: { weights: { x: 100 }, ratings: { x: { a: 0, b: 100 } }, batna: 60 },
      },
    });
    expect(paretoFrontier(c, { floor: c.batna })).toEqual([]);
  });

  it('refuses divisible issues (they go to the MILP)', () => {
    const c = prepareCase({ parties: ['A', 'B'], issues: [{ id: 'x', divisible: true }], scores: { A: { weights: { x: 100 } }, B: { weights: { x: 100 } } } });
    expect(() => paretoFrontier(c, { floor: c.batna })).toThrow(/options only/);
  });
});
