/**
 * Comparison of two long documents point by point. Points whose text is identical are
 * matched through a hash map (O(n), no diff at all: in a revision most points are untouched);
 * the others are compared in pairs with the word-level redline.
 *
 * Which changed point corresponds to which is the aligner's question (`align.ts`, by
 * content: renumbered, merged, split). `diffPointPairs` takes pairs already made;
 * `compareDocuments` pairs identical texts itself and hands the rest to `pair` when given,
 * or else pairs each leftover with the most similar leftover between the same identical
 * neighbours (shared words), a cheap stand-in for the aligner.
 */
import { redline } from './diff.ts';
import type { RedlineOp, RedlineOptions } from './types.ts';

export interface DocPoint {
  number: string;
  text: string;
}

/** Indices into the old and new point lists; null on one side for a removed or added point. */
export interface PointPair {
  old: number | null;
  new: number | null;
}

export interface PointComparison extends PointPair {
  oldNumber: string | null;
  newNumber: string | null;
  /** Same text on both sides (the number may differ). */
  identical: boolean;
  ops: RedlineOp[];
}

export interface DocumentComparison {
  points: PointComparison[];
  stats: { identical: number; changed: number; added: number; removed: number };
}

export interface CompareDocumentsOptions extends RedlineOptions {
  /** Pairs the points left over after identical texts are matched (indices into each list). */
  pair?: (oldRest: number[], newRest: number[]) => PointPair[];
}

/** The redline of each pair, in the order given. */
export function diffPointPairs(
  oldPoints: readonly DocPoint[],
  newPoints: readonly DocPoint[],
  pairs: readonly PointPair[],
  options: RedlineOptions = {},
): PointComparison[] {
  return pairs.map((p) => {
    const a = p.old === null ? null : oldPoints[p.old]!;
    const b = p.new === null ? null : newPoints[p.new]!;
    const identical = a !== null && b !== null && a.text === b.text;
    return {
      old: p.old,
      new: p.new,
      oldNumber: a?.number ?? null,
      newNumber: b?.number ?? null,
      identical,
      ops: redline(a?.text ?? '', b?.text ?? '', options),
    };
  });
}

/** Leftovers paired in order within each stretch between identical points. */
const WORDS = /[\p{L}\p{N}]+/gu;

/** Dice coefficient of the two texts' word sets: a cheap guess for the default pairing only. */
const wordSet = (t: string) => new Set(t.toLowerCase().match(WORDS) ?? []);

function similarity(x: Set<string>, y: Set<string>): number {
  if (x.size + y.size === 0) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

function pairInOrder(
  oldPoints: readonly DocPoint[],
  newPoints: readonly DocPoint[],
  matchedOldOfNew: (number | null)[],
  oldRest: number[],
  newRest: number[],
): PointPair[] {
  const free = new Set(oldRest);
  const oldWords = new Map(oldRest.map((i) => [i, wordSet(oldPoints[i]!.text)]));
  const sortedOld = [...oldRest].sort((x, y) => x - y);
  const out: PointPair[] = [];
  const restNew = new Set(newRest);
  let prevOld = -1;
  // The old index of the next identical point after each new position, from the right.
  const nextMatched = new Array<number>(matchedOldOfNew.length + 1).fill(Infinity);
  for (let k = matchedOldOfNew.length - 1; k >= 0; k--) nextMatched[k] = matchedOldOfNew[k] ?? nextMatched[k + 1]!;
  for (let j = 0; j < matchedOldOfNew.length; j++) {
    const m = matchedOldOfNew[j];
    if (m !== null && m !== undefined) {
      prevOld = m;
      continue;
    }
    if (!restNew.has(j)) continue;
    const nextOld = nextMatched[j + 1]!;
    const newWords = wordSet(newPoints[j]!.text);
    // The most similar leftover in the stretch (shared words), if it shares enough.
    let o: number | undefined;
    let best = 0.25;
    for (const i of sortedOld) {
      if (i <= prevOld || i >= nextOld || !free.has(i)) continue;
      const score = similarity(oldWords.get(i)!, newWords);
      if (score > best) {
        best = score;
        o = i;
      }
    }
    if (o === undefined) out.push({ old: null, new: j });
    else {
      free.delete(o);
      prevOld = o;
      out.push({ old: o, new: j });
    }
  }
  for (const o of sortedOld) if (free.has(o)) out.push({ old: o, new: null });
  return out;
}

export function compareDocuments(
  oldPoints: readonly DocPoint[],
  newPoints: readonly DocPoint[],
  options: CompareDocumentsOptions = {},
): DocumentComparison {
  const byText = new Map<string, number[]>();
  oldPoints.forEach((p, i) => {
    const list = byText.get(p.text);
    if (list) list.push(i);
    else byText.set(p.text, [i]);
  });
  const matchedOldOfNew: (number | null)[] = newPoints.map((p) => byText.get(p.text)?.shift() ?? null);
  const usedOld = new Set(matchedOldOfNew.filter((x): x is number => x !== null));
  const oldRest = oldPoints.map((_, i) => i).filter((i) => !usedOld.has(i));
  const newRest = newPoints.map((_, j) => j).filter((j) => matchedOldOfNew[j] === null);
  const restPairs = options.pair ? options.pair(oldRest, newRest) : pairInOrder(oldPoints, newPoints, matchedOldOfNew, oldRest, newRest);
  const pairs: PointPair[] = [
    ...matchedOldOfNew.flatMap((o, j) => (o === null ? [] : [{ old: o, new: j }])),
    ...restPairs,
  ];
  // New order; a removed point stands after the point that preceded it in the old text.
  const key = (p: PointPair): number => (p.new !== null ? p.new : -1);
  const withNew = pairs.filter((p) => p.new !== null).sort((x, y) => key(x) - key(y));
  const removed = pairs.filter((p) => p.new === null).sort((x, y) => x.old! - y.old!);
  const ordered: PointPair[] = [];
  const afterOld = new Map<number, PointPair[]>();
  for (const r of removed) {
    const anchor = r.old! - 1;
    const list = afterOld.get(anchor);
    if (list) list.push(r);
    else afterOld.set(anchor, [r]);
  }
  const place = (o: number | null) => {
    if (o === null) return;
    for (const r of afterOld.get(o) ?? []) {
      ordered.push(r);
      afterOld.delete(o);
      place(r.old);
    }
  };
  place(-1);
  for (const p of withNew) {
    ordered.push(p);
    place(p.old);
  }
  for (const list of afterOld.values()) ordered.push(...list);
  const points = diffPointPairs(oldPoints, newPoints, ordered, options);
  const stats = { identical: 0, changed: 0, added: 0, removed: 0 };
  for (const p of points) {
    if (p.old === null) stats.added++;
    else if (p.new === null) stats.removed++;
    else if (p.identical) stats.identical++;
    else stats.changed++;
  }
  return { points, stats };
}
