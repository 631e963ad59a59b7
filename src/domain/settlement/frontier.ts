/**
 * The exact Pareto frontier of a case whose issues all have options, without enumerating the
 * product of the options.
 *
 * A package's utility vector is the sum over issues of each chosen option's vector, so the
 * set of packages is the Minkowski sum of the issues' option sets, and
 * Pareto(A ⊕ B) = Pareto(Pareto(A) ⊕ Pareto(B)): if a + b is Pareto-optimal, a is (else a' + b
 * dominates it) and so is b. So: prune each issue's options dominated for every party (and
 * red-lined ones), then merge issue by issue, keeping only the Pareto set of the partial
 * packages. The answer is exact; only its size can defeat it, hence the cap: when a partial
 * frontier grows past it the function gives up (null) and the caller uses the MILP.
 *
 * The floor: Pareto(F) ∩ {u ≥ floor} = Pareto(F ∩ {u ≥ floor}), because whatever dominates a
 * package that clears the floors clears them too. So a partial package that cannot reach some
 * floor even with every party's best remaining options is dropped during the merge (it can
 * neither be feasible nor be needed to dominate a feasible package), and the floor is applied
 * exactly at the end.
 *
 * Dominance is exact (no tolerance), on points (weight × rating, utility.ts), which are whole
 * numbers for whole-number scores; that keeps the merge's filter transitive and its answer
 * equal to the brute force's. Packages with the same utility vector are one point of the
 * frontier; the one kept is the lexicographically smallest choice vector, as for the concepts,
 * and it carries how many packages tie there (`count`): none of them dominates another, so
 * each is a Pareto-optimal package and the frontier's size counts them all. Ties are counted
 * as they collapse: options of one issue with the same points for every party, and partial
 * packages that reach the same points (whose counts add; a merged count is a product).
 */
import { ParleyError } from '../errors.ts';
import { meetsFloor, EPS } from './concepts.ts';
import type { PreparedCase, ScoredPackage } from './model.ts';
import { optionPackage, optionPoints } from './utility.ts';

/**
 * Partial frontiers beyond this size make the quadratic filter slow (tens of seconds at 10^5)
 * and the answer too large to show; the MILP answers such cases instead.
 */
export const DEFAULT_FRONTIER_CAP = 20_000;

export interface FrontierOptions {
  floor: readonly number[];
  cap?: number;
}

/** One stage of the merge: n partial packages, their points (n × parties), how each was made, and how many packages tie with it. */
interface Stage {
  n: number;
  points: Float64Array;
  parent: Int32Array;
  option: Int32Array;
  count: Float64Array;
}

/** The options of issue i worth keeping, each with how many allowed options have exactly its points. */
function usefulOptions(c: PreparedCase, i: number): { option: number; count: number }[] {
  const parties = c.parties.length;
  const same = (o: number, q: number) => c.parties.every((_, p) => optionPoints(c, p, i, o) === optionPoints(c, p, i, q));
  const allowed = c.issues[i]!.options.map((_, o) => o).filter((o) => c.allowed[i]![o]);
  return undominatedOptions(c, i, parties).map((o) => ({ option: o, count: allowed.filter((q) => same(o, q)).length }));
}

/** The options of issue i that are allowed and not dominated (or tied by an earlier one). */
function undominatedOptions(c: PreparedCase, i: number, parties: number): number[] {
  const allowed = c.issues[i]!.options.map((_, o) => o).filter((o) => c.allowed[i]![o]);
  const vec = (o: number) => Array.from({ length: parties }, (_, p) => optionPoints(c, p, i, o));
  const vectors = new Map(allowed.map((o) => [o, vec(o)]));
  return allowed.filter((o) => {
    const v = vectors.get(o)!;
    return !allowed.some((q) => {
      if (q === o) return false;
      const w = vectors.get(q)!;
      if (!w.every((x, p) => x >= v[p]!)) return false;
      return q < o || w.some((x, p) => x > v[p]!);
    });
  });
}

/**
 * The kept vectors filed by party and by bucket of that party's points (buckets cut at the
 * quantiles of all candidates, so they fill evenly). A vector that dominates c gives every
 * party at least c's points, so it sits in c's bucket or above for every party; searching
 * only the party where that region holds the fewest kept vectors cuts the scans that prove a
 * candidate undominated (almost all of them when there are many parties) several times over.
 */
class BucketIndex {
  private static readonly BUCKETS = 16;
  private readonly bucketOf: Uint8Array;
  private readonly lists: number[][][];
  private readonly counts: Int32Array;

  constructor(points: Float64Array, n: number, private readonly parties: number) {
    const B = BucketIndex.BUCKETS;
    this.bucketOf = new Uint8Array(n * parties);
    const values = new Float64Array(n);
    for (let p = 0; p < parties; p += 1) {
      for (let k = 0; k < n; k += 1) values[k] = points[k * parties + p]!;
      const sorted = values.slice().sort();
      const cuts = Array.from({ length: B - 1 }, (_, b) => sorted[Math.floor(((b + 1) * n) / B)] ?? Infinity);
      for (let k = 0; k < n; k += 1) {
        let b = 0;
        while (b < B - 1 && values[k]! >= cuts[b]!) b += 1;
        this.bucketOf[k * parties + p] = b;
      }
    }
    this.lists = Array.from({ length: parties }, () => Array.from({ length: B }, () => []));
    this.counts = new Int32Array(parties * B);
  }

  add(candidate: number, keptIndex: number): void {
    for (let p = 0; p < this.parties; p += 1) {
      const b = this.bucketOf[candidate * this.parties + p]!;
      this.lists[p]![b]!.push(keptIndex);
      const at = p * BucketIndex.BUCKETS + b;
      this.counts[at] = this.counts[at]! + 1;
    }
  }

  /** The first kept vector (by kept index within the searched region) that passes `test`, or -1. */
  find(candidate: number, test: (keptIndex: number) => boolean): number {
    const B = BucketIndex.BUCKETS;
    let bestParty = 0;
    let bestCount = Infinity;
    for (let p = 0; p < this.parties; p += 1) {
      let count = 0;
      for (let b = this.bucketOf[candidate * this.parties + p]!; b < B; b += 1) count += this.counts[p * B + b]!;
      if (count < bestCount) {
        bestCount = count;
        bestParty = p;
      }
    }
    if (bestCount === 0) return -1;
    const lists = this.lists[bestParty]!;
    for (let b = this.bucketOf[candidate * this.parties + bestParty]!; b < B; b += 1) {
      for (const j of lists[b]!) if (test(j)) return j;
    }
    return -1;
  }
}

/**
 * Indices of the non-dominated vectors, in their original order; null once more than `cap`
 * are kept. An exact tie keeps the earliest index (the lexicographically smallest choice).
 *
 * Candidates are visited by descending sum: a dominating vector has a sum at least as large
 * (float addition is monotone, so rounding cannot reverse that), and among equal sums it is
 * lexicographically larger, which is the second key. Each candidate is then checked only
 * against the vectors kept so far, and among those only where a dominator can be (BucketIndex).
 * For two parties a sweep does it in O(n log n): sorted by the
 * first party's points, a vector is dominated exactly when an earlier one gives the second
 * party at least as much.
 */
function paretoFilter(points: Float64Array, counts: Float64Array, n: number, parties: number, cap: number): number[] | null {
  const order = Array.from({ length: n }, (_, k) => k);
  const kept: number[] = [];
  const equal = (a: number, b: number) => {
    for (let p = 0; p < parties; p += 1) if (points[a * parties + p] !== points[b * parties + p]) return false;
    return true;
  };
  if (parties === 2) {
    order.sort((a, b) => points[b * 2]! - points[a * 2]! || points[b * 2 + 1]! - points[a * 2 + 1]! || a - b);
    let bestSecond = -Infinity;
    for (const k of order) {
      const last = kept.at(-1);
      // Equal vectors are adjacent in this order, the earliest index first: it takes the ties' count.
      if (last !== undefined && equal(last, k)) {
        counts[last] = counts[last]! + counts[k]!;
        continue;
      }
      if (points[k * 2 + 1]! <= bestSecond) continue;
      if (kept.length >= cap) return null;
      kept.push(k);
      bestSecond = points[k * 2 + 1]!;
    }
    return kept.sort((a, b) => a - b);
  }

  const sums = new Float64Array(n);
  for (let k = 0; k < n; k += 1) {
    let s = 0;
    for (let p = 0; p < parties; p += 1) s += points[k * parties + p]!;
    sums[k] = s;
  }
  order.sort((a, b) => {
    if (sums[a] !== sums[b]) return sums[b]! - sums[a]!;
    for (let p = 0; p < parties; p += 1) {
      const d = points[b * parties + p]! - points[a * parties + p]!;
      if (d !== 0) return d;
    }
    return a - b;
  });
  const keptPoints = new Float64Array(Math.min(n, cap) * parties);
  const covers = (j: number, base: number): boolean => {
    const kb = j * parties;
    for (let p = 0; p < parties; p += 1) if (keptPoints[kb + p]! < points[base + p]!) return false;
    return true;
  };
  const buckets = new BucketIndex(points, n, parties);
  // Neighbours in the sum order tend to be dominated by the same vector: try it first.
  let lastDominator = -1;
  for (const k of order) {
    const base = k * parties;
    let coverer = lastDominator >= 0 && covers(lastDominator, base) ? lastDominator : -1;
    if (coverer < 0) {
      coverer = buckets.find(k, (j) => covers(j, base));
      if (coverer >= 0) lastDominator = coverer;
    }
    if (coverer >= 0) {
      // Covered by an equal vector: a tie, not a dominated package. No kept vector can strictly
      // dominate a vector equal to a kept one (it would have dominated that one first), so the
      // coverer found is the equal one whenever there is one.
      if (equal(kept[coverer]!, k)) counts[kept[coverer]!] = counts[kept[coverer]!]! + counts[k]!;
      continue;
    }
    if (kept.length >= cap) return null;
    keptPoints.set(points.subarray(base, base + parties), kept.length * parties);
    buckets.add(k, kept.length);
    kept.push(k);
  }
  return kept.sort((a, b) => a - b);
}

/**
 * The Pareto frontier of the packages that respect every red line and give each party at
 * least its floor, in lexicographic order of their choice vectors; null when a partial
 * frontier exceeds the cap. Every issue must have options.
 */
export function paretoFrontier(c: PreparedCase, opts: FrontierOptions): ScoredPackage[] | null {
  if (c.issues.some((i) => i.divisible)) {
    throw new ParleyError('invalid_input', 'The exact frontier merge takes issues with options only; a case with divisible issues goes to the MILP.');
  }
  const cap = opts.cap ?? DEFAULT_FRONTIER_CAP;
  const parties = c.parties.length;
  const issues = c.issues.length;
  const options = c.issues.map((_, i) => usefulOptions(c, i));

  // best[i][p]: the most points party p can still collect from issues i, i+1, ...
  const best: Float64Array[] = [];
  best[issues] = new Float64Array(parties);
  for (let i = issues - 1; i >= 0; i -= 1) {
    best[i] = new Float64Array(parties);
    for (let p = 0; p < parties; p += 1) {
      const top = Math.max(...options[i]!.map(({ option: o }) => optionPoints(c, p, i, o)));
      best[i]![p] = best[i + 1]![p]! + top;
    }
  }
  // Points are utilities × 100; the reach test keeps a margin so it never drops a package
  // the exact final test would keep.
  const floorPoints = opts.floor.map((f) => (f - EPS) * 100 - 1e-7);
  if (floorPoints.some((f, p) => best[0]![p]! < f)) return [];

  const stages: Stage[] = [];
  let current: Stage = { n: 1, points: new Float64Array(parties), parent: new Int32Array(1).fill(-1), option: new Int32Array(1).fill(-1), count: new Float64Array(1).fill(1) };
  for (let i = 0; i < issues; i += 1) {
    const useful = options[i]!;
    const maxN = current.n * useful.length;
    const points = new Float64Array(maxN * parties);
    const parent = new Int32Array(maxN);
    const option = new Int32Array(maxN);
    const count = new Float64Array(maxN);
    let n = 0;
    for (let k = 0; k < current.n; k += 1) {
      for (const { option: o, count: ties } of useful) {
        const base = n * parties;
        let reachable = true;
        for (let p = 0; p < parties; p += 1) {
          const v = current.points[k * parties + p]! + optionPoints(c, p, i, o);
          points[base + p] = v;
          if (v + best[i + 1]![p]! < floorPoints[p]!) reachable = false;
        }
        if (!reachable) continue;
        parent[n] = k;
        option[n] = o;
        count[n] = current.count[k]! * ties;
        n += 1;
      }
    }
    const kept = paretoFilter(points, count, n, parties, cap);
    if (kept === null) return null;
    const next: Stage = {
      n: kept.length, points: new Float64Array(kept.length * parties), parent: new Int32Array(kept.length), option: new Int32Array(kept.length), count: new Float64Array(kept.length),
    };
    kept.forEach((k, j) => {
      next.points.set(points.subarray(k * parties, (k + 1) * parties), j * parties);
      next.parent[j] = parent[k]!;
      next.option[j] = option[k]!;
      next.count[j] = count[k]!;
    });
    stages.push(next);
    current = next;
  }

  const out: ScoredPackage[] = [];
  for (let k = 0; k < current.n; k += 1) {
    const utilities = Array.from({ length: parties }, (_, p) => current.points[k * parties + p]! / 100);
    if (!meetsFloor(utilities, opts.floor)) continue;
    const choice = Array<number>(issues);
    let at = k;
    for (let i = issues - 1; i >= 0; i -= 1) {
      choice[i] = stages[i]!.option[at]!;
      at = stages[i]!.parent[at]!;
    }
    out.push({ package: optionPackage(choice), utilities, count: current.count[k]! });
  }
  return out;
}
