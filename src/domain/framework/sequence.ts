/**
 * Which numbered lines really open points. A number at the start of a line can be a point,
 * a wrapped date or a nested list; what tells them apart is continuity: points run 1, 2, 3…
 * with at most a rare gap, while stray numbers do not continue the run.
 */

/** Gaps happen (a point dropped when the text was copied), but each one makes the run less likely to be real. */
const GAP_PENALTY: readonly number[] = [0, 0, 0.6, 0.9];
const MAX_GAP = GAP_PENALTY.length - 1;
/** A run that does not start at 1 is usually an excerpt, plausible but less likely than a whole list. */
const LATE_START_PENALTY = 1;

export interface Chain {
  /** Indexes into the input, in document order. */
  readonly picked: readonly number[];
  readonly score: number;
}

/**
 * The most plausible increasing run through `numbers` (in document order): each step goes up
 * by 1 to MAX_GAP. Runs are scored by length minus penalties for gaps and a late start.
 * Linear in the input (times MAX_GAP), so a 20 MB file with thousands of numbered lines is fine.
 */
export function bestChain(numbers: readonly number[]): Chain {
  const bestEndingAt = new Map<number, { score: number; index: number }>();
  const scoreAt: number[] = [];
  const previous: (number | undefined)[] = [];
  let best: { score: number; index: number } | undefined;

  numbers.forEach((n, i) => {
    let score = n === 1 ? 1 : 1 - LATE_START_PENALTY;
    let from: number | undefined;
    for (let gap = 1; gap <= MAX_GAP; gap += 1) {
      const before = bestEndingAt.get(n - gap);
      if (before === undefined) continue;
      const s = before.score + 1 - GAP_PENALTY[gap]!;
      if (s > score) {
        score = s;
        from = before.index;
      }
    }
    scoreAt[i] = score;
    previous[i] = from;
    const current = bestEndingAt.get(n);
    // Ties go to the later line: a table of contents or a summary list comes before the text it lists.
    if (current === undefined || score >= current.score) bestEndingAt.set(n, { score, index: i });
    if (best === undefined || score >= best.score) best = { score, index: i };
  });

  if (best === undefined) return { picked: [], score: 0 };
  const picked: number[] = [];
  for (let i: number | undefined = best.index; i !== undefined; i = previous[i]) picked.push(i);
  picked.reverse();
  return { picked, score: scoreAt[best.index]! };
}

/**
 * Markdown lets authors number every item "1." and renders 1, 2, 3. A list written that way
 * has no run at all, yet is plainly a list; it is recognised when it has several items and
 * every one of them is 1.
 */
export function isLazyMarkdownList(numbers: readonly number[]): boolean {
  return numbers.length >= 3 && numbers.every((n) => n === 1);
}
