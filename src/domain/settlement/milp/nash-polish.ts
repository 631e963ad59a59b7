/**
 * The last digits of a Nash answer with divisible issues. Outer approximation stops within the
 * solver's tolerances (its feasibility tolerance is 1e-7), and near the optimum Σ log g is flat,
 * so a gap of 1e-10 in the objective still leaves shares off by ~1e-5. With the options fixed,
 * what remains is a smooth concave problem over one simplex of shares per divisible issue, and
 * for one issue with the others held it has a closed form (water-filling): maximizing
 * Σ_p log(a_p + w_p s_p) over Σ s_p = 1, s ≥ 0 gives s_p = max(0, t − a_p / w_p), with the
 * level t set so the shares sum to 1 (the KKT conditions: w_p / (a_p + w_p s_p) is equal for
 * every party with a share and no larger for the others). Block coordinate ascent, one issue at
 * a time, converges to the optimum of a concave objective over a product of simplices
 * (Bertsekas, *Nonlinear Programming*, 2nd ed., 1999, prop. 2.7.1), and it starts next to it.
 */
import type { EnginePackage, PreparedCase, ScoredPackage } from '../model.ts';
import { utilitiesOf } from '../utility.ts';

const MAX_SWEEPS = 500;
const STILL = 1e-15;

/** The shares of one issue that maximize Σ log(a_p + w_p s_p) over the parties listed, the shares summing to `total`. */
function waterFill(a: readonly number[], w: readonly number[], total: number): number[] {
  const order = a.map((_, k) => k).sort((x, y) => a[x]! / w[x]! - a[y]! / w[y]!);
  let sum = 0;
  let level = 0;
  for (let k = 0; k < order.length; k++) {
    const b = a[order[k]!]! / w[order[k]!]!;
    sum += b;
    const t = (total + sum) / (k + 1);
    const next = k + 1 < order.length ? a[order[k + 1]!]! / w[order[k + 1]!]! : Infinity;
    if (t <= next) {
      level = t;
      break;
    }
  }
  return a.map((ak, k) => Math.max(0, level - ak / w[k]!));
}

/**
 * `start` polished: the same options, the shares of every divisible issue moved to the Nash
 * optimum for those options. The gains are over `ref`; only `gainers` count (the parties that
 * can gain at all). Returns `start` itself when nothing is divisible.
 */
export function polishNashShares(c: PreparedCase, start: ScoredPackage, ref: readonly number[], gainers: readonly number[]): ScoredPackage {
  const divisible = c.issues.flatMap((issue, i) => (issue.divisible ? [i] : []));
  if (divisible.length === 0 || gainers.length === 0) return start;
  const share = start.package.share.map((s) => [...s]);
  const gains = start.utilities.map((u, p) => u - ref[p]!);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let moved = 0;
    for (const i of divisible) {
      // Parties that can gain and value the issue share out what they hold between them; the
      // shares of everyone else stay as they are (a party that cannot gain may need its share
      // to stay at its floor, and a share given to a party that does not value it adds nothing).
      const takers = gainers.filter((p) => c.weight[p]![i]! > 0);
      if (takers.length === 0) continue;
      const total = takers.reduce((sum, p) => sum + share[i]![p]!, 0) + gainers.filter((p) => c.weight[p]![i]! === 0).reduce((sum, p) => sum + share[i]![p]!, 0);
      const w = takers.map((p) => c.weight[p]![i]!);
      const a = takers.map((p, k) => gains[p]! - w[k]! * share[i]![p]!);
      const next = waterFill(a, w, total);
      const fresh = [...share[i]!];
      for (const p of gainers) if (c.weight[p]![i]! === 0) fresh[p] = 0;
      takers.forEach((p, k) => { fresh[p] = next[k]!; });
      c.parties.forEach((_, p) => {
        const delta = fresh[p]! - share[i]![p]!;
        moved = Math.max(moved, Math.abs(delta));
        gains[p]! += c.weight[p]![i]! * delta;
      });
      share[i] = fresh;
    }
    if (moved <= STILL) break;
  }
  const pkg: EnginePackage = { choice: start.package.choice, share };
  return { package: pkg, utilities: utilitiesOf(c, pkg) };
}
