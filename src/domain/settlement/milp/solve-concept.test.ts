/**
 * The MILP answers the engine's questions: on random small cases each concept's value equals
 * the brute force's (brute-force.ts applies concepts.ts to every package), red lines and
 * floors hold; on divisible issues, the answers worked out by hand.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsSolver } from '../../../solver/highs.ts';
import { bruteForce } from '../brute-force.ts';
import { canGain, gainsOf, idealPoint, kalaiSmorodinskyRatios, meetsFloor, nashLogProduct, type ConceptRefs } from '../concepts.ts';
import type { MilpSolver, PreparedCase, ScoredPackage, SolutionConcept } from '../model.ts';
import { utilitiesOf } from '../utility.ts';
import { idealPointsMilp, solveConceptMilp } from './solve-concept.ts';

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

const CONCEPTS: readonly SolutionConcept[] = ['maximin', 'utilitarian', 'kalaiSmorodinsky', 'nash'];
const TOL = 1e-6;

/**
 * Scores either fine (any whole number) or coarse (steps of 25 for ratings, 10 for weights):
 * coarse scores make ties on the concepts' objectives common, so the tie rules are exercised.
 */
const grain = fc.constantFrom(1, 25);

/** Whole-number weights summing to 100, in steps of `step`: cut points on 0..100. */
const weights = (issues: number, step: number) =>
  fc.array(fc.integer({ min: 0, max: 100 / step }), { minLength: issues - 1, maxLength: issues - 1 }).map((cuts) => {
    const sorted = [0, ...cuts.map((x) => x * step).sort((a, b) => a - b), 100];
    return sorted.slice(1).map((x, k) => x - sorted[k]!);
  });

/** A case of issues with options: 2..6 parties, red lines, disagreement values. */
const optionCase: fc.Arbitrary<PreparedCase> = fc
  .record({
    parties: fc.integer({ min: 2, max: 6 }),
    options: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
    grain,
  })
  .chain(({ parties, options, grain }) =>
    fc.record({
      parties: fc.constant(parties),
      options: fc.constant(options),
      weight: fc.array(weights(options.length, grain === 1 ? 1 : 10), { minLength: parties, maxLength: parties }),
      rating: fc.array(
        fc.tuple(...options.map((k) => fc.array(fc.integer({ min: 0, max: 100 / grain }).map((x) => x * grain), { minLength: k, maxLength: k }))),
        { minLength: parties, maxLength: parties },
      ),
      redLine: fc.array(fc.tuple(fc.nat(parties - 1), fc.nat(options.length - 1), fc.nat(3)), { maxLength: 3 }),
      batna: fc.oneof(
        fc.constant(new Array<number>(parties).fill(0)),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: parties, maxLength: parties }),
      ),
    }),
  )
  .map(({ parties, options, weight, rating, redLine, batna }) => {
    const unacceptableBy = options.map((k) => Array.from({ length: k }, () => [] as number[]));
    for (const [p, i, o] of redLine) {
      // Never every option of an issue: that case is refused before any solver runs.
      if (o < options[i]! && unacceptableBy[i]!.filter((by) => by.length > 0).length < options[i]! - 1) unacceptableBy[i]![o]!.push(p);
    }
    return {
      parties: Array.from({ length: parties }, (_, p) => `P${p}`),
      issues: options.map((k, i) => ({ id: `i${i}`, divisible: false, options: Array.from({ length: k }, (_, o) => `o${o}`) })),
      weight,
      rating: rating.map((r) => r.map((x) => [...x])),
      allowed: unacceptableBy.map((issue) => issue.map((by) => by.length === 0)),
      unacceptableBy,
      batna,
    } satisfies PreparedCase;
  });

const sortedGains = (s: ScoredPackage, refs: ConceptRefs) => gainsOf(s.utilities, refs.ref).sort((a, b) => a - b);

function expectClose(actual: readonly number[], expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((x, k) => expect(Math.abs(x - expected[k]!)).toBeLessThanOrEqual(TOL));
}

/** Same value of the concept's own objective, then the same leximin gains (the tie rule). */
function expectSameAnswer(c: PreparedCase, concept: SolutionConcept, refs: ConceptRefs, got: ScoredPackage, want: ScoredPackage, feasible: readonly ScoredPackage[]) {
  const ideal = idealPoint(feasible, c.parties.length);
  switch (concept) {
    case 'utilitarian':
      expect(Math.abs(got.utilities.reduce((a, b) => a + b, 0) - want.utilities.reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(TOL);
      break;
    case 'kalaiSmorodinsky': {
      const h = (s: ScoredPackage) => kalaiSmorodinskyRatios(s.utilities, ideal, refs.ref).sort((a, b) => a - b);
      expectClose(h(got), h(want));
      break;
    }
    case 'nash': {
      const gainers = canGain(ideal, refs.ref);
      expect(Math.abs(nashLogProduct(got.utilities, gainers, refs.ref) - nashLogProduct(want.utilities, gainers, refs.ref))).toBeLessThanOrEqual(TOL);
      break;
    }
    case 'maximin':
      break;
  }
  expectClose(sortedGains(got, refs), sortedGains(want, refs));
}

function checkCase(c: PreparedCase, refs: ConceptRefs) {
  const reference = bruteForce(c, refs);
  for (const concept of CONCEPTS) {
    const got = solveConceptMilp(c, solver, concept, refs);
    const want = reference.concepts[concept];
    if (!want.ok) {
      expect(got, `${concept}: the brute force has no answer (${want.reason})`).toBeNull();
      continue;
    }
    expect(got, `${concept}: the brute force has an answer`).not.toBeNull();
    const best = got!.best;
    expect(best.utilities).toEqual(utilitiesOf(c, best.package));
    best.package.choice.forEach((o, i) => expect(c.allowed[i]![o], `red line on issue ${i}`).toBe(true));
    best.utilities.forEach((u, p) => expect(u).toBeGreaterThanOrEqual(refs.floor[p]! - 1e-9));
    expect(got!.method.exact).toBe(true);
    expectSameAnswer(c, concept, refs, best, want.best, reference.feasible);
  }
}

describe('solveConceptMilp against the brute force', () => {
  it('floor = ref = the disagreement values, 2..6 parties, red lines', () => {
    fc.assert(
      fc.property(optionCase, (c) => checkCase(c, { floor: c.batna, ref: c.batna })),
      { numRuns: 60 },
    );
  });

  it('floor = ref = a baseline package (improvements)', () => {
    const withBaseline = optionCase.chain((c) =>
      fc.tuple(fc.constant(c), fc.tuple(...c.issues.map((issue) => fc.nat(issue.options.length - 1)))),
    );
    fc.assert(
      fc.property(withBaseline, ([c, choice]) => {
        const base = utilitiesOf(c, { choice, share: choice.map(() => []) });
        checkCase(c, { floor: base, ref: base });
      }),
      { numRuns: 40 },
    );
  });

  it('the ideal points are each party\'s best over the feasible packages', () => {
    fc.assert(
      fc.property(optionCase, (c) => {
        const refs = { floor: c.batna, ref: c.batna };
        const feasible = bruteForce(c, refs).feasible;
        if (feasible.length === 0) {
          expect(() => idealPointsMilp(c, solver, c.batna)).toThrow(/no feasible package/);
          return;
        }
        expectClose(idealPointsMilp(c, solver, c.batna), idealPoint(feasible, c.parties.length));
      }),
      { numRuns: 30 },
    );
  });
});

/** Two parties, one issue, A's and B's ratings of each option (weight 100 each, batna 0). */
function oneIssue(a: number[], b: number[]): PreparedCase {
  return {
    parties: ['A', 'B'],
    issues: [{ id: 'i', divisible: false, options: a.map((_, o) => `o${o}`) }],
    weight: [[100], [100]],
    rating: [[a], [b]],
    allowed: [a.map(() => true)],
    unacceptableBy: [a.map(() => [])],
    batna: [0, 0],
  };
}

describe('ties go to the leximin of the gains', () => {
  const pick = (c: PreparedCase, concept: SolutionConcept) => solveConceptMilp(c, solver, concept, { floor: c.batna, ref: c.batna })!.best.package.choice[0];

  it('Nash: 20×80 = 40×40 = 80×20, so (40, 40)', () => {
    expect(pick(oneIssue([20, 40, 80], [80, 40, 20]), 'nash')).toBe(1);
    expect(pick(oneIssue([80, 20, 40], [20, 80, 40]), 'nash')).toBe(2);
  });

  it('utilitarian: every option sums to 100, so (50, 50)', () => {
    expect(pick(oneIssue([20, 80, 50], [80, 20, 50]), 'utilitarian')).toBe(2);
  });

  it('Kalai–Smorodinsky: h = (½, ¾) and (¾, ½) tie, gains (40, 30) beat (60, 20)', () => {
    expect(pick(oneIssue([60, 80, 0, 40], [20, 0, 40, 30]), 'kalaiSmorodinsky')).toBe(3);
  });
});

describe('Nash: who can gain', () => {
  it('a party whose best is out of reach of the floors is left out of the product', () => {
    // Only o0 and o2 clear the floors of 50 for A and B, and they give C nothing: C cannot
    // gain. Gains (50, 10) beat (5, 50).
    const c: PreparedCase = {
      parties: ['A', 'B', 'C'],
      issues: [{ id: 'i', divisible: false, options: ['o0', 'o1', 'o2'] }],
      weight: [[100], [100], [100]],
      rating: [[[100, 0, 55]], [[60, 0, 100]], [[0, 100, 0]]],
      allowed: [[true, true, true]],
      unacceptableBy: [[[], [], []]],
      batna: [50, 50, 0],
    };
    const got = solveConceptMilp(c, solver, 'nash', { floor: c.batna, ref: c.batna })!;
    expect(got.best.package.choice).toEqual([0]);
    expect(got.method.exact).toBe(true);
  });

  it('no package where both gain: no Nash answer', () => {
    const c = oneIssue([100, 0], [0, 100]);
    expect(solveConceptMilp(c, solver, 'nash', { floor: c.batna, ref: c.batna })).toBeNull();
  });
});

describe('mixed cases (issues with options and divisible issues)', () => {
  /** Some issues of a random option case turned divisible (their ratings dropped). */
  const mixedCase = optionCase.chain((c) =>
    fc.tuple(fc.constant(c), fc.array(fc.boolean(), { minLength: c.issues.length, maxLength: c.issues.length })).map(([base, divisible]) => {
      const d = (i: number) => divisible[i] === true;
      return {
        ...base,
        issues: base.issues.map((issue, i) => (d(i) ? { id: issue.id, divisible: true, options: [] } : issue)),
        rating: base.rating.map((r) => r.map((x, i) => (d(i) ? [] : x))),
        allowed: base.allowed.map((a, i) => (d(i) ? [] : a)),
        unacceptableBy: base.unacceptableBy.map((u, i) => (d(i) ? [] : u)),
      } satisfies PreparedCase;
    }),
  );

  it('red lines and floors hold exactly as the engine checks them, shares sum to 1, and an exact Nash answer has no gap', () => {
    fc.assert(
      fc.property(mixedCase, (c) => {
        const refs = { floor: c.batna, ref: c.batna };
        const answers = CONCEPTS.map((concept) => solveConceptMilp(c, solver, concept, refs));
        // Either every concept but Nash finds a package or none does: they share one feasible set.
        expect(new Set(answers.slice(0, 3).map((a) => a === null)).size).toBe(1);
        for (const got of answers) {
          if (got === null) continue;
          const { package: pkg, utilities } = got.best;
          expect(utilities).toEqual(utilitiesOf(c, pkg));
          expect(meetsFloor(utilities, refs.floor)).toBe(true);
          c.issues.forEach((issue, i) => {
            if (issue.divisible) expect(Math.abs(pkg.share[i]!.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
            else expect(c.allowed[i]![pkg.choice[i]!]).toBe(true);
          });
          if (got.method.exact && got.method.gap !== undefined) expect(got.method.gap).toBeLessThanOrEqual(1e-9);
        }
        // Maximin's smallest gain is at least every other answer's smallest gain.
        const smallest = (k: number) => Math.min(...gainsOf(answers[k]!.best.utilities, refs.ref));
        if (answers[0] !== null) for (let k = 1; k < answers.length; k++) if (answers[k] !== null) expect(smallest(0)).toBeGreaterThanOrEqual(smallest(k) - 1e-7);
      }),
      { numRuns: 40 },
    );
  });
});

/**
 * Two parties, "land" divisible, "rest" a fixed issue that holds the rest of each weight.
 * A: land 60, rest 40, batna 40, so its gain is 60 s; B: land 30, rest 70, batna 70, gain
 * 30 (1 − s). Nash: max log 60s + log 30(1 − s) at s = 1/2. Utilitarian: 110 + 30 s, all to
 * A. Maximin: 60 s = 30 (1 − s), s = 1/3, 20 each. Kalai–Smorodinsky: ideal gains 60 and 30,
 * s = 1 − s, s = 1/2.
 */
const landCase: PreparedCase = {
  parties: ['A', 'B'],
  issues: [
    { id: 'land', divisible: true, options: [] },
    { id: 'rest', divisible: false, options: ['as is'] },
  ],
  weight: [
    [60, 40],
    [30, 70],
  ],
  rating: [
    [[], [100]],
    [[], [100]],
  ],
  allowed: [[], [true]],
  unacceptableBy: [[], [[]]],
  batna: [40, 70],
};

describe('divisible issues, worked by hand', () => {
  const refs = { floor: landCase.batna, ref: landCase.batna };
  const share = (concept: SolutionConcept) => {
    const got = solveConceptMilp(landCase, solver, concept, refs)!;
    return { shares: got.best.package.share[0]!, method: got.method, utilities: got.best.utilities };
  };

  // The Nash value is exact to 1e-9; Σ log is flat at its top (curvature 8 in s here), so
  // the shares are only pinned to about √(1e-9 / 4) ≈ 2e-5.
  it('Nash splits the gains evenly: half the land each, gains 30 and 15', () => {
    const { shares, method, utilities } = share('nash');
    expect(Math.abs(shares[0]! - 0.5)).toBeLessThan(1e-4);
    expect(Math.log(30) + Math.log(15) - (Math.log(utilities[0]! - 40) + Math.log(utilities[1]! - 70))).toBeLessThanOrEqual(2e-9);
    expect(method.method).toBe('milp-outer-approximation');
    expect(method.gap).toBeLessThanOrEqual(1e-9);
    expect(method.exact).toBe(true);
  });

  it('utilitarian gives the land to the party that weighs it more', () => {
    const { shares, method } = share('utilitarian');
    // The leximin tie-break may spend the 1e-9 tie tolerance on B, no more.
    expect(shares[0]).toBeCloseTo(1, 7);
    expect(method).toEqual({ method: 'milp', exact: true });
  });

  it('maximin equalizes the gains: a third of the land to A, 20 points each', () => {
    const { shares, utilities } = share('maximin');
    expect(shares[0]).toBeCloseTo(1 / 3, 7);
    expect(utilities[0]! - 40).toBeCloseTo(20, 6);
    expect(utilities[1]! - 70).toBeCloseTo(20, 6);
  });

  it('Kalai–Smorodinsky gives each the same share of its possible gain: half', () => {
    expect(share('kalaiSmorodinsky').shares[0]).toBeCloseTo(0.5, 7);
  });

  it('three parties, one divisible issue, nothing else: Nash gives a third each', () => {
    const c: PreparedCase = {
      parties: ['A', 'B', 'C'],
      issues: [{ id: 'fund', divisible: true, options: [] }],
      weight: [[100], [100], [100]],
      rating: [[[]], [[]], [[]]],
      allowed: [[]],
      unacceptableBy: [[]],
      batna: [0, 0, 0],
    };
    const got = solveConceptMilp(c, solver, 'nash', { floor: c.batna, ref: c.batna })!;
    got.best.package.share[0]!.forEach((s) => expect(Math.abs(s - 1 / 3)).toBeLessThan(1e-4));
    const value = got.best.utilities.reduce((acc, u) => acc + Math.log(u), 0);
    expect(3 * Math.log(100 / 3) - value).toBeLessThanOrEqual(2e-9);
    expect(got.method.exact).toBe(true);
  });

  it('floors out of reach give no answer', () => {
    const refs = { floor: [90, 90], ref: [90, 90] };
    for (const concept of CONCEPTS) expect(solveConceptMilp(landCase, solver, concept, refs)).toBeNull();
    expect(() => idealPointsMilp(landCase, solver, refs.floor)).toThrow(/no feasible package/);
  });
});

describe('a model HiGHS ends in its error state on', () => {
  // Found by the mixed-case property (seed -428383696): with tight tolerances HiGHS stops the
  // utilitarian's tie-break in its error state. The adapter retries (without presolve, then with
  // HiGHS's default tolerances), and the answer still respects every floor.
  const c: PreparedCase = {
    parties: ['P0', 'P1', 'P2', 'P3', 'P4'],
    issues: [
      { id: 'i0', divisible: false, options: ['o0', 'o1', 'o2'] }, { id: 'i1', divisible: false, options: ['o0', 'o1', 'o2', 'o3'] },
      { id: 'i2', divisible: false, options: ['o0'] }, { id: 'i3', divisible: true, options: [] },
    ],
    weight: [[4, 1, 62, 33], [3, 26, 34, 37], [2, 47, 23, 28], [0, 31, 66, 3], [32, 23, 7, 38]],
    rating: [
      [[40, 15, 1], [4, 17, 67, 94], [54], []], [[3, 4, 57], [36, 4, 4, 2], [92], []], [[47, 22, 4], [89, 97, 51, 6], [94], []],
      [[89, 2, 100], [43, 74, 51, 96], [23], []], [[96, 0, 1], [89, 5, 79, 4], [100], []],
    ],
    allowed: [[true, true, true], [true, true, true, true], [true], []],
    unacceptableBy: [[[], [], []], [[], [], [], []], [[]], []],
    batna: [17, 11, 4, 33, 0],
  };

  it('still gets every concept an answer that clears the floors', () => {
    for (const concept of ['utilitarian', 'maximin', 'kalaiSmorodinsky', 'nash'] as const) {
      const answer = solveConceptMilp(c, solver, concept, { floor: c.batna, ref: c.batna });
      expect(answer, concept).not.toBeNull();
      answer!.best.utilities.forEach((u, p) => expect(u, concept).toBeGreaterThanOrEqual(c.batna[p]! - 1e-6));
    }
  });
});

describe('a party that cannot gain', () => {
  // Found by the mixed-case property (seed 1933346946): P2 can reach its disagreement value but
  // not beat it, so it is left out of the Nash product; the closed-form polish of the shares
  // must leave its shares where they hold it at its floor.
  const c: PreparedCase = {
    parties: ['P0', 'P1', 'P2', 'P3'],
    issues: [
      { id: 'i0', divisible: true, options: [] }, { id: 'i1', divisible: false, options: ['o0', 'o1', 'o2'] },
      { id: 'i2', divisible: true, options: [] }, { id: 'i3', divisible: false, options: ['o0', 'o1'] },
    ],
    weight: [[0, 10, 50, 40], [10, 30, 40, 20], [10, 0, 80, 10], [30, 40, 0, 30]],
    rating: [[[], [25, 0, 50], [], [0, 0]], [[], [75, 50, 25], [], [75, 0]], [[], [100, 75, 75], [], [0, 50]], [[], [25, 100, 25], [], [100, 25]]],
    allowed: [[], [true, true, true], [], [true, true]],
    unacceptableBy: [[], [[], [], []], [], [[], []]],
    batna: [29, 0, 40, 2],
  };

  it('keeps it at its floor in every concept, Nash included', () => {
    for (const concept of ['utilitarian', 'maximin', 'kalaiSmorodinsky', 'nash'] as const) {
      const answer = solveConceptMilp(c, solver, concept, { floor: c.batna, ref: c.batna });
      if (answer === null) continue;
      expect(meetsFloor(answer.best.utilities, c.batna), concept).toBe(true);
    }
  });
});
