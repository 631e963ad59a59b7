/**
 * The options worth a variable in the MILP: allowed (not anyone's red line) and not dominated
 * within their issue. Option o is dominated by o' when o' gives every party at least as much
 * on that issue (weight × rating, so a party that gives the issue no weight is indifferent),
 * and either more to someone or the same to all with o' listed first (exact duplicates keep
 * the first, deterministically).
 *
 * Why dropping them is always safe, floors included: swapping a dominated option for the one
 * dominating it raises no party's utility less than zero, so a package meeting the floors
 * still meets them after the swap. Every concept's objective (Σ u, leximin of gains or of
 * normalized gains, Σ log gain) is non-decreasing in every party's utility, and the ideal
 * points are maxima of single utilities, so the optimum value of each concept over the pruned
 * set equals its optimum over the full set. Floors cannot make a dominated option necessary.
 */
import type { PreparedCase } from '../model.ts';
import { optionPoints } from '../utility.ts';

/** kept[i]: the option indices of issue i that stay; empty for a divisible issue. */
export function undominatedOptions(c: PreparedCase): number[][] {
  return c.issues.map((issue, i) => {
    if (issue.divisible) return [];
    const allowed = issue.options.map((_, o) => o).filter((o) => c.allowed[i]![o]);
    const gain = (p: number, o: number) => optionPoints(c, p, i, o);
    const dominates = (a: number, b: number) => {
      let strict = false;
      for (let p = 0; p < c.parties.length; p++) {
        const ga = gain(p, a);
        const gb = gain(p, b);
        if (ga < gb) return false;
        if (ga > gb) strict = true;
      }
      return strict || a < b;
    };
    return allowed.filter((o) => !allowed.some((other) => other !== o && dominates(other, o)));
  });
}
