/**
 * The solution concepts as exact MILPs, for cases too large to enumerate or with divisible
 * issues. The definitions are the engine's (docs/settlement.md, concepts.ts), restated:
 * gains g_p = u_p − ref_p over the packages that respect every red line and give each party
 * u_p ≥ floor_p;
 * - maximin: leximin of the gains;
 * - utilitarian: max Σ u_p, ties by leximin of the gains;
 * - Kalai–Smorodinsky: leximin of h_p = g_p / (I_p − ref_p) over the parties that can gain
 *   (I_p the ideal point, the best u_p over the same packages), ties by leximin of the gains;
 * - Nash: max Σ log g_p over the parties that can gain (I_p − ref_p > 1e-9), ties by leximin
 *   of the gains; with nobody able to gain every package ties.
 *
 * Before any model: options dominated within their issue are dropped (prune-options.ts says
 * why that never changes an optimum).
 */
import { ParleyError } from '../../errors.ts';
import type { MilpSolver, PreparedCase, ScoredPackage, SolutionConcept, SolveMethod } from '../model.ts';
import { lexicographicMax, type Criterion } from './lexicographic-max.ts';
import { meetsFloor } from '../concepts.ts';
import { polishNashShares } from './nash-polish.ts';
import { repairFloors } from './repair-floors.ts';
import { breakNashTie, deltaLosesNothing, NASH_MIN_GAIN, nashOuterApproximation, nashValue } from './nash-outer-approximation.ts';
import { buildPackageModel, contribution } from './package-model.ts';
import { undominatedOptions } from './prune-options.ts';
import { solvePackage } from './run-milp.ts';

export interface ConceptOptions {
  floor: readonly number[];
  ref: readonly number[];
}

/** A party "can gain" when its ideal point exceeds its reference by more than this. */
export const GAIN_EPSILON = 1e-9;

/**
 * null when no package meets the floors, or (Nash) when no package gives every party that
 * can gain a positive gain.
 */
export function solveConceptMilp(c: PreparedCase, solver: MilpSolver, concept: SolutionConcept, opts: ConceptOptions): Answer {
  const answer = solveUnrepaired(c, solver, concept, opts);
  return answer === null ? null : { ...answer, best: repairFloors(c, answer.best, opts.floor) };
}

function solveUnrepaired(c: PreparedCase, solver: MilpSolver, concept: SolutionConcept, opts: ConceptOptions): Answer {
  const kept = undominatedOptions(c);
  const n = c.parties.length;
  const pm = buildPackageModel(c, { ...opts, kept });
  const units: Criterion[] = c.parties.map((_, p) => c.parties.map((_, q) => (q === p ? 1 : 0)));
  const lexicographic = (stages: Criterion[][]) => {
    const solved = lexicographicMax(solver, { c, pm, ref: opts.ref, model: pm.model, stages });
    return solved === null ? null : { best: solved.scored, method: { method: 'milp', exact: solved.complete } satisfies SolveMethod };
  };

  switch (concept) {
    case 'maximin':
      return lexicographic([units]);
    case 'utilitarian':
      return lexicographic([[new Array<number>(n).fill(1)], units]);
    case 'kalaiSmorodinsky': {
      const ideal = idealPoints(c, solver, opts.floor, kept);
      if (ideal === null) return null;
      const range = ideal.map((I, p) => I - opts.ref[p]!);
      const normalized = c.parties
        .map((_, p) => p)
        .filter((p) => range[p]! > GAIN_EPSILON)
        .map((p) => c.parties.map((_, q) => (q === p ? 1 / range[p]! : 0)));
      return lexicographic(normalized.length > 0 ? [normalized, units] : [units]);
    }
    case 'nash':
      return nash(c, solver, opts, kept, () => lexicographic([units]));
  }
}

type Answer = { best: ScoredPackage; method: SolveMethod } | null;

/**
 * Who can gain, and how much at most, without the n MILPs of the ideal points: each party's
 * best option on every issue bounds its gain from above, and a package giving every party with
 * room to gain at least δ proves they all can. Only when none exists are the ideal points
 * needed, to tell a party that cannot gain from a case with no Nash answer. Off the 1e-6 grid
 * the δ bound (nash-outer-approximation.ts) is checked against these loose bounds, and when it
 * fails, again against the ideal points.
 */
function nash(c: PreparedCase, solver: MilpSolver, opts: ConceptOptions, kept: readonly (readonly number[])[], nobodyGains: () => Answer): Answer {
  let idealMemo: number[] | null | undefined;
  const ideal = () => (idealMemo === undefined ? (idealMemo = idealPoints(c, solver, opts.floor, kept)) : idealMemo);
  const gainersOf = (maxGain: readonly number[]) => c.parties.map((_, p) => p).filter((p) => maxGain[p]! > GAIN_EPSILON);

  const attempt = (maxGain: readonly number[]): Answer => {
    const gainers = gainersOf(maxGain);
    if (gainers.length === 0) return nobodyGains();
    const minGain = c.parties.map((_, p) => (gainers.includes(p) ? NASH_MIN_GAIN : -Infinity));
    const problem = { c, pm: buildPackageModel(c, { ...opts, kept, minGain }), ref: opts.ref, gainers, maxGain };
    const answer = nashOuterApproximation(solver, problem);
    if (answer === null) return null;
    let exact = answer.exact;
    if (answer.converged && !exact) {
      const tight = ideal();
      exact = tight !== null && deltaLosesNothing({ ...problem, maxGain: tight.map((I, p) => I - opts.ref[p]!) }, nashValue(answer.best.gains, gainers));
    }
    const best = breakNashTie(solver, problem, { ...answer, exact });
    // Floors above the reference would need a constrained polish; the Nash concept has floor = ref.
    const sameFloor = opts.floor.every((f, p) => f === opts.ref[p]);
    const polished = sameFloor ? polishNashShares(c, best.scored, opts.ref, gainers) : best.scored;
    const gainsOf = (s: ScoredPackage) => s.utilities.map((u, p) => u - opts.ref[p]!);
    const better = nashValue(gainsOf(polished), gainers) >= nashValue(best.gains, gainers) && meetsFloor(polished.utilities, opts.floor) ? polished : best.scored;
    return { best: better, method: { method: 'milp-outer-approximation', exact, gap: answer.gap } };
  };

  const bound = upperBounds(c, kept).map((u, p) => u - opts.ref[p]!);
  const first = attempt(bound);
  if (first !== null) return first;
  const tight = ideal();
  if (tight === null) return null;
  const maxGain = tight.map((I, p) => I - opts.ref[p]!);
  // The same parties can gain: the floors, not the bounds, leave no package.
  if (gainersOf(maxGain).length === gainersOf(bound).length) return null;
  return attempt(maxGain);
}

/** Each party's utility with its best kept option on every issue and all of every divisible one. */
function upperBounds(c: PreparedCase, kept: readonly (readonly number[])[]): number[] {
  return c.parties.map((_, p) =>
    c.issues.reduce((acc, issue, i) => acc + (issue.divisible ? c.weight[p]![i]! : Math.max(...kept[i]!.map((o) => contribution(c, p, i, o)))), 0),
  );
}

/** I_p = the best u_p over the packages meeting the floors: one MILP per party. */
export function idealPointsMilp(c: PreparedCase, solver: MilpSolver, floor: readonly number[]): number[] {
  const ideal = idealPoints(c, solver, floor, undominatedOptions(c));
  if (ideal === null) {
    throw new ParleyError(
      'invalid_input',
      'no feasible package: no package respects every red line and gives every party at least its floor (its disagreement value, or its score in the baseline)',
    );
  }
  return ideal;
}

function idealPoints(c: PreparedCase, solver: MilpSolver, floor: readonly number[], kept: readonly (readonly number[])[]): number[] | null {
  const ref = c.parties.map(() => 0);
  const pm = buildPackageModel(c, { floor, ref, kept });
  const ideal: number[] = [];
  for (let p = 0; p < c.parties.length; p++) {
    const solved = solvePackage(solver, c, pm, ref, pm.model, { sense: 'maximize', terms: new Map([[pm.gain[p]!, 1]]) });
    if (solved === null) return null;
    ideal.push(solved.scored.utilities[p]!);
  }
  return ideal;
}
