/**
 * Exact lexicographic max-min (leximin) over linear criteria of the gains, by the sequential
 * method built on the ordered-value formulation of W. Ogryczak and T. Śliwiński, "On solving
 * linear programs with the ordered weighted averaging objective", European Journal of
 * Operational Research 148 (2003) 80–91, as used for lexicographic max-min by W. Ogryczak,
 * M. Pióro and A. Tomaszewski, "Telecommunications network design and max-min optimization
 * problem", Journal of Telecommunications and Information Technology 3/2005, 43–56.
 *
 * The sum of the k smallest of K values c_1..c_K is θ_k = max over t of k·t − Σ_j (t − c_j)+,
 * a linear program: maximize k·t − Σ_j d_j with d_j ≥ t − c_j, d_j ≥ 0. Maximizing θ_1, then
 * θ_2 with θ_1 kept at its optimum, ..., then θ_K, gives the leximin-optimal vector (the
 * sorted vector is determined by its prefix sums). Each earlier θ_k stays in the model as its
 * own t and d columns with the row k·t − Σ d ≥ θ_k*, which is exactly "θ_k ≥ θ_k*" because
 * θ_k is the maximum over t. The first step needs no d (θ_1 = max t with t ≤ c_j) and the
 * last no t (θ_K is the plain sum).
 *
 * Each step also gets, for its own solve only, the row θ_k ≥ θ_k(previous package): the
 * package the previous step found is feasible here, so the row cuts off no optimum, and it
 * prunes every branch that cannot beat that package, as an incumbent would (the port takes
 * LP text, so no starting solution can be handed over). On random 30-issue, 6-party cases it
 * cut the later steps' simplex iterations by about a third.
 *
 * Stages run one after the other with every earlier fix kept, so "leximin over h, ties broken
 * by leximin over gains" is two stages; a stage with one criterion is plain maximization.
 *
 * θ_k* is recomputed from the package the solver returned, scored exactly, and from the
 * solver's own point (its g columns); the smaller is kept, with a slack of
 * 1e-9 × max(1, |θ_k*|). Both the package and the solver's point then satisfy the row, so a
 * step cannot lose the previous optimum: with divisible issues the two differ by the solver's
 * tolerance and the renormalized shares, and a row fitted to the package alone made a later
 * step infeasible when earlier optima pinned every share. A package within the slack counts
 * as tied, which is the engine's rule (concepts.ts: ties within 1e-9). The slack must stay
 * small: a later stage spends all of it.
 */
import type { MilpSolver, PreparedCase } from '../model.ts';
import { continuous, extendModel, type Column, type Linear, type LpModel, type Row } from './lp-model.ts';
import type { PackageModel } from './package-model.ts';
import { solvePackage, type Solved } from './run-milp.ts';

export const LEX_TOLERANCE = 1e-9;

/** A criterion: Σ_p coef[p] × gain_p. */
export type Criterion = readonly number[];

export interface LexicographicProblem {
  c: PreparedCase;
  pm: PackageModel;
  ref: readonly number[];
  /** The model to optimize over: pm.model, possibly with more rows and columns. */
  model: LpModel;
  stages: readonly (readonly Criterion[])[];
}

/**
 * The leximin-optimal package of the last stage, or null when the model is infeasible.
 * `complete` is false when a refining step failed numerically and the package of the step
 * before it stands (not proven optimal on the later steps).
 */
export function lexicographicMax(solver: MilpSolver, problem: LexicographicProblem): (Solved & { complete: boolean }) | null {
  const { c, pm, ref, stages } = problem;
  const slack = (theta: number) => theta - LEX_TOLERANCE * Math.max(1, Math.abs(theta));
  // θ_k of a solved step, never above what the solver's own point reaches (see the header).
  const reached = (solved: Solved, criteria: readonly Criterion[], k: number) =>
    Math.min(theta(criteria, solved.gains, k), theta(criteria, pm.gain.map((g) => solved.answer.values.get(g) ?? 0), k));
  let model = problem.model;
  let last: Solved | null = null;
  for (const [s, criteria] of stages.entries()) {
    const K = criteria.length;
    const terms = criteria.map((crit) => criterionTerms(pm, crit));
    for (let k = 1; k <= K; k++) {
      const step = k === K ? sumStep(terms) : k === 1 ? minStep(terms, s) : orderedStep(terms, s, k);
      const objective = { sense: 'maximize' as const, terms: step.objective };
      let solved: Solved | null = null;
      try {
        if (last !== null) {
          const warm: Row = { name: `warm${s}_${k}`, terms: step.objective, op: '>=', rhs: slack(reached(last, criteria, k)) };
          solved = solvePackage(solver, c, pm, ref, extendModel(model, { columns: step.columns, rows: [...step.rows, warm] }), objective);
        }
        // Without the previous package's bound when it was too tight for the solver's tolerances.
        solved ??= solvePackage(solver, c, pm, ref, extendModel(model, step), objective);
      } catch (e) {
        // A refining step the solver cannot finish (its error state, even with default
        // tolerances): the package of the step before stands, reported as not proven optimal.
        if (last === null) throw e;
        return { ...last, complete: false };
      }
      if (solved === null) {
        if (last === null) return null;
        // The previous package meets every row this step adds, so only the tolerances can make
        // it infeasible: the earlier optima then pin the package to within them, and it stands.
        return { ...last, complete: false };
      }
      last = solved;
      model = extendModel(model, {
        columns: step.columns,
        rows: [...step.rows, { name: `fix${s}_${k}`, terms: step.objective, op: '>=', rhs: slack(reached(solved, criteria, k)) }],
      });
    }
  }
  return last === null ? null : { ...last, complete: true };
}

/** θ_k: the sum of the k smallest criteria at these gains. */
function theta(criteria: readonly Criterion[], gains: readonly number[], k: number): number {
  const values = criteria.map((crit) => crit.reduce((acc, a, p) => acc + a * gains[p]!, 0)).sort((a, b) => a - b);
  return values.slice(0, k).reduce((a, b) => a + b, 0);
}

interface Step {
  columns: Column[];
  rows: Row[];
  objective: Linear;
}

function criterionTerms(pm: PackageModel, crit: Criterion): Linear {
  const out = new Map<string, number>();
  crit.forEach((a, p) => {
    if (a !== 0) out.set(pm.gain[p]!, a);
  });
  return out;
}

/** θ_K: the sum of all criteria. */
function sumStep(terms: readonly Linear[]): Step {
  const objective = new Map<string, number>();
  for (const t of terms) for (const [name, a] of t) objective.set(name, (objective.get(name) ?? 0) + a);
  return { columns: [], rows: [], objective };
}

/** θ_1, the smallest: t with t ≤ c_j (the d_j of the general form are all 0 at the optimum). */
function minStep(terms: readonly Linear[], s: number): Step {
  const t = `t${s}_1`;
  const rows: Row[] = terms.map((crit, j) => ({ name: `min${s}_${j}`, terms: new Map([[t, -1], ...crit]), op: '>=', rhs: 0 }));
  return { columns: [continuous(t)], rows, objective: new Map([[t, 1]]) };
}

/** θ_k for 1 < k < K: k·t − Σ_j d_j with d_j ≥ t − c_j, d_j ≥ 0. */
function orderedStep(terms: readonly Linear[], s: number, k: number): Step {
  const t = `t${s}_${k}`;
  const columns: Column[] = [continuous(t)];
  const rows: Row[] = [];
  const objective = new Map<string, number>([[t, k]]);
  terms.forEach((crit, j) => {
    const d = `d${s}_${k}_${j}`;
    columns.push(continuous(d, 0));
    objective.set(d, -1);
    rows.push({ name: `lex${s}_${k}_${j}`, terms: new Map([[d, 1], [t, -1], ...crit]), op: '>=', rhs: 0 });
  });
  return { columns, rows, objective };
}
