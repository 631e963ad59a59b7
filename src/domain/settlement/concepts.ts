/**
 * The solution concepts, defined once. The enumeration (frontier.ts, brute-force.ts) applies
 * them to a list of packages; the MILP (milp/) optimizes the same definitions, so every path
 * answers the same question. docs/settlement.md states them for readers.
 *
 * For a package with utilities u (each party's own 0–100 scale), a floor and a reference point:
 * - gains g_p = u_p − ref_p. The feasible set F: red lines respected and u_p ≥ floor_p for all
 *   p. Normally floor = ref = the disagreement values (batna); for improvements on a baseline,
 *   floor = ref = the baseline's utilities.
 * - utilitarian: max Σ_p u_p.
 * - maximin (egalitarian, leximin): the leximin maximum of the gains: the smallest gain as large
 *   as possible, then the second smallest, and so on.
 * - Kalai–Smorodinsky: the ideal point I_p = max over F of u_p; for each party that can gain
 *   (I_p − ref_p > 1e-9), h_p = g_p / (I_p − ref_p), the share of its possible gain it gets;
 *   the leximin maximum of h. With a continuum of packages this is the KS point (Kalai &
 *   Smorodinsky, "Other solutions to Nash's bargaining problem", Econometrica 43, 1975); on a
 *   finite set the equal-ratio point rarely exists and leximin over the ratios is its standard
 *   generalization (Imai, "Individual monotonicity and lexicographic maxmin solution",
 *   Econometrica 51, 1983). Parties that cannot gain are left out: their ratio is 0/0.
 * - Nash: max Σ log g_p over the parties that can gain, among packages where each of them
 *   gains more than 1e-9 (Nash, "The bargaining problem", Econometrica 18, 1950). When no such
 *   package exists there is no Nash solution, and the answer says so.
 * Every comparison allows 1e-9 (utilities are sums of products of typed numbers). Ties on a
 * concept's own objective go to the leximin of the gains; what still ties goes to the
 * lexicographically smallest choice vector (options in the order the case lists them).
 */
import type { EnginePackage, ScoredPackage, SolutionConcept } from './model.ts';

export const EPS = 1e-9;

/** The floor and the reference point of a question (see the header). */
export interface ConceptRefs {
  floor: readonly number[];
  ref: readonly number[];
}

export type ConceptChoice = { ok: true; best: ScoredPackage } | { ok: false; reason: string };

export function meetsFloor(utilities: readonly number[], floor: readonly number[]): boolean {
  return utilities.every((u, p) => u >= floor[p]! - EPS);
}

export function gainsOf(utilities: readonly number[], ref: readonly number[]): number[] {
  return utilities.map((u, p) => u - ref[p]!);
}

/** Positive when a is better than b in the leximin order (smallest first, then the next...). */
export function compareLeximin(a: readonly number[], b: readonly number[]): number {
  const sa = [...a].sort((x, y) => x - y);
  const sb = [...b].sort((x, y) => x - y);
  for (let k = 0; k < sa.length; k += 1) {
    const d = sa[k]! - sb[k]!;
    if (d > EPS) return 1;
    if (d < -EPS) return -1;
  }
  return 0;
}

/** Positive when a is the lexicographically smaller choice vector (the preferred one on a tie). */
export function compareChoice(a: EnginePackage, b: EnginePackage): number {
  for (let i = 0; i < a.choice.length; i += 1) {
    const d = b.choice[i]! - a.choice[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** I_p = max over the feasible packages of u_p. */
export function idealPoint(feasible: readonly ScoredPackage[], parties: number): number[] {
  const ideal = Array<number>(parties).fill(-Infinity);
  for (const s of feasible) s.utilities.forEach((u, p) => (ideal[p] = Math.max(ideal[p]!, u)));
  return ideal;
}

/** Which parties can gain at all: I_p − ref_p > 1e-9. */
export function canGain(ideal: readonly number[], ref: readonly number[]): boolean[] {
  return ideal.map((i, p) => i - ref[p]! > EPS);
}

export function kalaiSmorodinskyRatios(utilities: readonly number[], ideal: readonly number[], ref: readonly number[]): number[] {
  const out: number[] = [];
  utilities.forEach((u, p) => {
    const range = ideal[p]! - ref[p]!;
    if (range > EPS) out.push((u - ref[p]!) / range);
  });
  return out;
}

/** Σ log g_p over the parties that can gain; -Infinity when one of them gains 1e-9 or less. */
export function nashLogProduct(utilities: readonly number[], gainers: readonly boolean[], ref: readonly number[]): number {
  let sum = 0;
  for (let p = 0; p < utilities.length; p += 1) {
    if (!gainers[p]) continue;
    const g = utilities[p]! - ref[p]!;
    if (g <= EPS) return -Infinity;
    sum += Math.log(g);
  }
  return sum;
}

function compareScalar(a: number, b: number): number {
  if (a > b + EPS) return 1;
  if (a < b - EPS) return -1;
  return 0;
}

/**
 * The concept's answer among packages that are all feasible (the caller applied the floor).
 * Any subset that contains a concept's optimum gives the same answer, which is why the Pareto
 * frontier can stand in for the whole set: every concept here picks a Pareto-optimal package.
 */
export function selectByConcept(feasible: readonly ScoredPackage[], concept: SolutionConcept, refs: ConceptRefs): ConceptChoice {
  if (feasible.length === 0) return { ok: false, reason: 'no package gives every party at least its floor' };
  const parties = feasible[0]!.utilities.length;
  const ideal = idealPoint(feasible, parties);
  const gainers = canGain(ideal, refs.ref);

  let primary: (s: ScoredPackage) => number | readonly number[];
  let candidates = feasible;
  switch (concept) {
    case 'utilitarian':
      primary = (s) => s.utilities.reduce((a, b) => a + b, 0);
      break;
    case 'maximin':
      primary = (s) => gainsOf(s.utilities, refs.ref);
      break;
    case 'kalaiSmorodinsky':
      primary = (s) => kalaiSmorodinskyRatios(s.utilities, ideal, refs.ref);
      break;
    case 'nash':
      primary = (s) => nashLogProduct(s.utilities, gainers, refs.ref);
      candidates = feasible.filter((s) => nashLogProduct(s.utilities, gainers, refs.ref) > -Infinity);
      if (candidates.length === 0) {
        return { ok: false, reason: 'no feasible package gives a positive gain to every party that can gain at all, so the Nash product is 0 everywhere' };
      }
      break;
  }
  const comparePrimary = (a: ScoredPackage, b: ScoredPackage): number => {
    const pa = primary(a);
    const pb = primary(b);
    return typeof pa === 'number' ? compareScalar(pa, pb as number) : compareLeximin(pa, pb as readonly number[]);
  };
  const better = (a: ScoredPackage, b: ScoredPackage): number =>
    comparePrimary(a, b) || compareLeximin(gainsOf(a.utilities, refs.ref), gainsOf(b.utilities, refs.ref)) || compareChoice(a.package, b.package);

  let best = candidates[0]!;
  for (let k = 1; k < candidates.length; k += 1) {
    if (better(candidates[k]!, best) > 0) best = candidates[k]!;
  }
  return { ok: true, best };
}
