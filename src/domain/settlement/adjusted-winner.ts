/**
 * Adjusted Winner (Brams & Taylor, *Fair Division: From Cake-Cutting to Dispute Resolution*,
 * 1996, ch. 4; *The Win-Win Solution*, 1999): two parties, divisible goods, each party's
 * points are its weights. The result is envy-free, equitable (both end with the same number
 * of their own points) and efficient, and at most one good is split.
 *
 * 1. Winner phase: each good goes to the party that puts more points on it.
 *    Tie rule, as Brams and Taylor apply it in their divorce example: the goods on which the
 *    points tie all go to the party that is behind on the goods already awarded (there: the
 *    investments, 10 and 10, go to the husband, who trails 40 to 65). When even that ties, we
 *    give them to the first party listed; the adjusting phase restores equitability either way.
 * 2. Adjusting phase: the party ahead hands goods over, in increasing order of the ratio
 *    (its points) / (the other's points), so each point it gives up buys the other party as
 *    many points as possible, until the totals meet; the good where they would cross is split
 *    so they are equal. Goods of equal ratio go in the order the case lists them.
 *
 * Adjusted Winner knows nothing of disagreement values; the analysis notes when its answer
 * leaves a party below its own.
 */
import type { EnginePackage, PreparedCase } from './model.ts';
import { utilitiesOf } from './utility.ts';

export interface AdjustedWinnerSplit {
  issue: number;
  /** Each party's share of the split good. */
  shares: readonly number[];
}

export type AdjustedWinnerOutcome =
  | { ok: true; package: EnginePackage; split: AdjustedWinnerSplit | null; utilities: readonly number[] }
  | { ok: false; reason: string };

export function adjustedWinner(c: PreparedCase): AdjustedWinnerOutcome {
  if (c.parties.length !== 2) {
    return { ok: false, reason: `it divides goods between exactly two parties; this case has ${c.parties.length}` };
  }
  const withOptions = c.issues.filter((i) => !i.divisible).map((i) => `"${i.id}"`);
  if (withOptions.length > 0) {
    return { ok: false, reason: `it needs every issue divisible; ${withOptions.join(', ')} ${withOptions.length > 1 ? 'have' : 'has'} options` };
  }

  const points = (p: number, i: number) => c.weight[p]![i]!;
  const owner: number[] = [];
  const total = [0, 0];
  const tied: number[] = [];
  c.issues.forEach((_, i) => {
    const a = points(0, i);
    const b = points(1, i);
    if (a === b) {
      tied.push(i);
      return;
    }
    const winner = a > b ? 0 : 1;
    owner[i] = winner;
    total[winner]! += Math.max(a, b);
  });
  const behind = total[1]! < total[0]! ? 1 : 0;
  for (const i of tied) {
    owner[i] = behind;
    total[behind]! += points(behind, i);
  }

  const share = c.issues.map((_, i) => (owner[i] === 0 ? [1, 0] : [0, 1]));
  let split: AdjustedWinnerSplit | null = null;
  if (total[0] !== total[1]) {
    const ahead = total[0]! > total[1]! ? 0 : 1;
    const other = 1 - ahead;
    const ratio = (i: number) => (points(other, i) === 0 ? Infinity : points(ahead, i) / points(other, i));
    const goods = c.issues
      .map((_, i) => i)
      .filter((i) => owner[i] === ahead && points(ahead, i) + points(other, i) > 0)
      .sort((x, y) => ratio(x) - ratio(y) || x - y);
    for (const i of goods) {
      const a = points(ahead, i);
      const b = points(other, i);
      if (total[ahead]! - a > total[other]! + b) {
        total[ahead]! -= a;
        total[other]! += b;
        share[i] = ahead === 0 ? [0, 1] : [1, 0];
        continue;
      }
      if (total[ahead]! - a === total[other]! + b) {
        share[i] = ahead === 0 ? [0, 1] : [1, 0];
        break;
      }
      // The fraction t of good i handed over that makes the totals equal: A − t·a = B + t·b.
      const t = (total[ahead]! - total[other]!) / (a + b);
      const kept = 1 - t;
      share[i] = ahead === 0 ? [kept, t] : [t, kept];
      split = { issue: i, shares: share[i] };
      break;
    }
  }
  const pkg: EnginePackage = { choice: c.issues.map(() => -1), share };
  return { ok: true, package: pkg, split, utilities: utilitiesOf(c, pkg) };
}
