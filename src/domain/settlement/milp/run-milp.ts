/**
 * One solve through the MILP port, with the options every settlement model needs, and the
 * solver's answer turned into a package scored from the case.
 */
import type { MilpSolver, PreparedCase, ScoredPackage } from '../model.ts';
import { writeLp, type LpModel, type Objective } from './lp-model.ts';
import { scorePackage, type PackageModel } from './package-model.ts';

/**
 * Exact, not merely good: no relative gap, an absolute gap far below any difference between
 * two packages' scores (weights and ratings with two decimals put utilities on a 1e-6 grid),
 * and feasibility tolerances tight enough that a binary at 1 − 1e-6 cannot pass for 1 and
 * lend a party 1e-4 points it does not get. The lexicographic steps fix earlier optima from
 * exactly recomputed scores, so these tolerances never accumulate across steps.
 */
export const MILP_OPTIONS = {
  mip_rel_gap: 0,
  mip_abs_gap: 1e-9,
  primal_feasibility_tolerance: 1e-9,
  mip_feasibility_tolerance: 1e-9,
} as const;

/**
 * With divisible issues. HiGHS's MIP search checks rows against mip_feasibility_tolerance
 * too, and at 1e-9 a lexicographic step whose earlier optima pin the shares came back
 * infeasible (six parties, shares pinned by a Kalai–Smorodinsky stage, then the gains' stage);
 * 1e-7 solved it. Such a case's answer is a point of a continuum, exact to the solver's
 * tolerance in any case; binaries may then lend 1e-5 points, which the exact rescoring removes.
 */
export const SHARE_MILP_OPTIONS = { ...MILP_OPTIONS, mip_feasibility_tolerance: 1e-7 } as const;

export interface MilpAnswer {
  values: ReadonlyMap<string, number>;
  /** The solver's objective: a bound to compare with, never a reported score. */
  objective: number;
}

/**
 * null when the model is infeasible; any other non-optimal outcome is a fault and throws.
 *
 * "Infeasible" is confirmed without presolve before it is believed: presolve's reductions
 * carry their own tolerances, and on a nearly degenerate model (a lexicographic step whose
 * earlier optima pin every share, e.g. five parties splitting one divisible issue evenly) it
 * declared infeasible a model the simplex then solved. Infeasible answers are rare (floors out
 * of reach), so the second solve costs little.
 */
export function runMilp(solver: MilpSolver, model: LpModel, objective: Objective, options: Readonly<Record<string, number>> = MILP_OPTIONS): MilpAnswer | null {
  const lp = writeLp(model, objective);
  let r = solver.solve(lp, options);
  if (r.status === 'infeasible') r = solver.solve(lp, { ...options, presolve: 'off' });
  switch (r.status) {
    case 'optimal':
      return { values: r.values, objective: r.objective };
    case 'infeasible':
      return null;
    case 'unbounded':
      // Every column is bounded through the utilities (0–100) and the step variables.
      throw new Error('settlement MILP reported unbounded: the model is malformed');
    case 'limit':
      throw new Error('settlement MILP stopped at a solver limit before proving optimality');
    case 'error':
      throw new Error('settlement MILP failed in the solver');
  }
}

export interface Solved {
  scored: ScoredPackage;
  /** u_p − ref_p, from the case. */
  gains: number[];
  answer: MilpAnswer;
}

/** Solve, then read the package and score it exactly. */
export function solvePackage(
  solver: MilpSolver,
  c: PreparedCase,
  pm: PackageModel,
  ref: readonly number[],
  model: LpModel,
  objective: Objective,
): Solved | null {
  const answer = runMilp(solver, model, objective, pm.hasShares ? SHARE_MILP_OPTIONS : MILP_OPTIONS);
  if (answer === null) return null;
  const scored = scorePackage(c, pm.read(answer.values));
  return { scored, gains: scored.utilities.map((u, p) => u - ref[p]!), answer };
}
