/**
 * The Nash bargaining solution, max Σ_p log g_p, by outer approximation (Kelley's cutting
 * planes; Duran & Grossmann, "An outer-approximation algorithm for a class of mixed-integer
 * nonlinear programs", Math. Programming 36, 1986).
 *
 * log is concave, so each tangent log(a) + (g − a)/a lies above it: with z_p bounded by
 * tangents, max Σ z_p over the packages is an UPPER bound on the Nash value. The package it
 * picks is then scored exactly (a LOWER bound, since it is a real package), tangents are
 * added at its gains, and the MILP is solved again. When the same package comes back its z
 * are exact (a tangent touches log at its gains), so no package can beat it: with finitely
 * many packages (issues with options only) this ends, exactly, after finitely many rounds.
 * With divisible issues the packages are a continuum; the loop stops when upper − lower
 * ≤ 1e-9 (exact) or after MAX_ROUNDS, reporting the gap.
 *
 * The gain floor δ. A tangent needs a > 0 and the MILP must not offer g_p = 0 (log 0 = −∞,
 * but a tangent there is finite), so every party that can gain gets g_p ≥ δ = 5e-7. This
 * loses nothing on a 1e-6 grid: with weights and ratings of at most two decimals (and a
 * disagreement value or baseline on the same grid) every utility is a multiple of
 * 1/100 × 1/100 × 1/100 = 1e-6, so a positive gain is at least 1e-6 > δ. Off the grid (ranks
 * turned into thirds, divisible issues) a bound is checked instead: a package with some
 * g_q < δ has Σ log g < log δ + Σ_{p≠q} log G_p (G_p ≥ the largest gain p can get), so when the
 * answer's value is at least log δ + Σ_p log G_p − min_p log G_p nothing below δ could beat
 * it; otherwise the answer is reported as not exact. (The caller may retry the bound with
 * tighter G_p, the ideal points: `deltaLosesNothing`.)
 */
import type { MilpSolver, PreparedCase } from '../model.ts';
import { lexicographicMax } from './lexicographic-max.ts';
import { continuous, extendModel, type Column, type LpModel, type Row } from './lp-model.ts';
import { contribution, type PackageModel } from './package-model.ts';
import { solvePackage, type Solved } from './run-milp.ts';

export const NASH_MIN_GAIN = 5e-7;
/** Upper − lower bound, in Σ log gain, below which the answer is exact (the engine's tie tolerance). */
export const NASH_GAP = 1e-9;
const MAX_ROUNDS = 200;
/** Starting tangents per party at G, G/2, …, G/32: the Nash gains of real cases sit in that range. */
const INITIAL_TANGENTS = 6;

export interface NashProblem {
  c: PreparedCase;
  /** Built with minGain δ for the parties that can gain. */
  pm: PackageModel;
  ref: readonly number[];
  /** The parties that can gain (ideal − ref > 1e-9). */
  gainers: readonly number[];
  /** At least the largest gain each party can get (its ideal point, or a looser bound). */
  maxGain: readonly number[];
}

export interface NashAnswer {
  best: Solved;
  gap: number;
  /** Converged (gap ≤ NASH_GAP or the same package twice) and δ shown to lose nothing. */
  exact: boolean;
  converged: boolean;
  rounds: number;
}

export function nashValue(gains: readonly number[], gainers: readonly number[]): number {
  let v = 0;
  for (const p of gainers) v += gains[p]! > 0 ? Math.log(gains[p]!) : -Infinity;
  return v;
}

/** null when no package gives every party that can gain at least δ. */
export function nashOuterApproximation(solver: MilpSolver, problem: NashProblem): NashAnswer | null {
  const cuts = new TangentCuts(problem);
  for (const p of problem.gainers) {
    for (let j = 0; j < INITIAL_TANGENTS; j++) cuts.add(p, Math.max(NASH_MIN_GAIN, problem.maxGain[p]! / 2 ** j));
  }
  const seen = new Set<string>();
  let best: Solved | null = null;
  let lower = -Infinity;
  let gap = Infinity;
  let rounds = 0;
  let repeated = false;
  while (rounds < MAX_ROUNDS) {
    rounds++;
    const solved = solvePackage(solver, problem.c, problem.pm, problem.ref, cuts.model(), cuts.objective());
    if (solved === null) return null;
    const value = nashValue(solved.gains, problem.gainers);
    if (best === null || value > lower) {
      best = solved;
      lower = value;
    }
    gap = Math.max(0, solved.answer.objective - lower);
    const key = packageKey(solved);
    repeated = seen.has(key);
    if (repeated || gap <= NASH_GAP) break;
    seen.add(key);
    for (const p of problem.gainers) cuts.add(p, solved.gains[p]!);
  }
  if (best === null) return null;
  const converged = repeated || gap <= NASH_GAP;
  return { best, gap: repeated ? Math.min(gap, NASH_GAP) : gap, exact: converged && deltaLosesNothing(problem, lower), converged, rounds };
}

/**
 * Nash ties are broken by leximin of gains (the engine's rule). Most answers are unique; one
 * MILP shows it: the best Σ z over packages whose options differ from the answer's, by outer
 * approximation again. Only when another package really reaches the Nash value (within
 * NASH_GAP) is the full leximin run, over the packages whose tangent bound reaches it,
 * re-checked exactly and re-run with more tangents until its answer is a real tie.
 *
 * Only for cases of issues with options. Over a convex set of gain vectors Σ log g is
 * strictly concave, so a case whose only choices are shares has one Nash gain vector; in a
 * mixed case two choices of options would have to tie exactly on their best shares, and
 * ruling that out would cost many outer-approximation rounds per choice, so it is not tried.
 */
export function breakNashTie(solver: MilpSolver, problem: NashProblem, answer: NashAnswer): Solved {
  const binaries = problem.pm.model.columns.filter((col) => col.kind === 'binary');
  if (problem.pm.hasShares || binaries.length === 0 || !answer.exact) return answer.best;
  const target = nashValue(answer.best.gains, problem.gainers) - NASH_GAP;
  const cuts = new TangentCuts(problem);
  for (const p of problem.gainers) cuts.add(p, answer.best.gains[p]!);

  const chosen = binaries.filter((col) => (answer.best.answer.values.get(col.name) ?? 0) > 0.5).map((col) => col.name);
  const other: Row = { name: 'other', terms: new Map(chosen.map((name) => [name, 1])), op: '<=', rhs: chosen.length - 1 };
  let tie = false;
  for (let round = 0; round < MAX_ROUNDS && !tie; round++) {
    const solved = solvePackage(solver, problem.c, problem.pm, problem.ref, extendModel(cuts.model(), { rows: [other] }), cuts.objective());
    if (solved === null || solved.answer.objective + NASH_GAP < target) return answer.best;
    if (nashValue(solved.gains, problem.gainers) >= target) tie = true;
    else for (const p of problem.gainers) cuts.add(p, solved.gains[p]!);
  }
  if (!tie) return answer.best;

  const reach: Row = { name: 'nash', terms: cuts.objective().terms, op: '>=', rhs: target };
  const units = problem.c.parties.map((_, p) => problem.c.parties.map((_, q) => (q === p ? 1 : 0)));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const model = extendModel(cuts.model(), { rows: [reach] });
    const solved = lexicographicMax(solver, { c: problem.c, pm: problem.pm, ref: problem.ref, model, stages: [units] });
    if (solved === null) return answer.best;
    if (nashValue(solved.gains, problem.gainers) >= target) return solved;
    for (const p of problem.gainers) cuts.add(p, solved.gains[p]!);
  }
  return answer.best;
}

/** The tangent cuts z_p ≤ log a + (g_p − a)/a gathered so far, on top of the package model. */
class TangentCuts {
  private readonly rows: Row[] = [];
  private readonly at = new Set<string>();
  private readonly base: LpModel;

  constructor(private readonly problem: NashProblem) {
    const columns: Column[] = problem.gainers.map((p) => continuous(zColumn(p), -Infinity, Math.log(problem.maxGain[p]!)));
    this.base = extendModel(problem.pm.model, { columns });
  }

  add(p: number, a: number): void {
    if (!(a > 0) || this.at.has(`${p}:${a}`)) return;
    this.at.add(`${p}:${a}`);
    this.rows.push({
      name: `cut${p}_${this.rows.length}`,
      terms: new Map([[zColumn(p), 1], [this.problem.pm.gain[p]!, -1 / a]]),
      op: '<=',
      rhs: Math.log(a) - 1,
    });
  }

  model(): LpModel {
    return extendModel(this.base, { rows: this.rows });
  }

  objective() {
    return { sense: 'maximize' as const, terms: new Map(this.problem.gainers.map((p) => [zColumn(p), 1])) };
  }
}

const zColumn = (p: number) => `z${p}`;

const packageKey = (s: Solved) => JSON.stringify([s.scored.package.choice, s.scored.package.share]);

/** See the header: δ provably cuts off no package better than one of Nash value `value`. */
export function deltaLosesNothing(problem: Pick<NashProblem, 'c' | 'ref' | 'gainers' | 'maxGain'>, value: number): boolean {
  if (onMicroGrid(problem)) return true;
  const logs = problem.gainers.map((p) => Math.log(problem.maxGain[p]!));
  const bound = Math.log(NASH_MIN_GAIN) + logs.reduce((a, b) => a + b, 0) - Math.min(...logs);
  return value >= bound;
}

/** Every utility and reference point a multiple of 1e-6 (read with a little slack for binary fractions). */
function onMicroGrid({ c, ref }: Pick<NashProblem, 'c' | 'ref'>): boolean {
  const onGrid = (v: number) => Math.abs(v * 1e6 - Math.round(v * 1e6)) <= 1e-4;
  if (!ref.every(onGrid)) return false;
  return c.issues.every((issue, i) => {
    if (issue.divisible) return c.parties.every((_, p) => c.weight[p]![i]! === 0);
    return issue.options.every((_, o) => c.parties.every((_, p) => onGrid(contribution(c, p, i, o))));
  });
}
