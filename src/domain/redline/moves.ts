/**
 * Moved passages: a deleted passage that reappears elsewhere as an insertion, with the same
 * or nearly the same words and at least a few words long, becomes a `move-from` / `move-to`
 * pair instead of a deletion and an insertion.
 *
 * Candidates are found through shared word pairs (an index of word bigrams of the inserted
 * passages, so the search is about linear in the changed text); each candidate pair is
 * word-diffed and the densest matching stretch (at least `minMoveWords` matched words, 70%
 * of the stretch on each side) is the moved passage. `diff.ts` then widens it over the
 * identical text around it and diffs the rest again without it. A deletion and an insertion at
 * the same place are a replacement, never a move. Each changed passage takes part in at most
 * one move.
 */
import { diffSequences } from './sequence-diff.ts';
import { forEachToken } from './tokenize.ts';
import type { RedlineOptions } from './types.ts';

/** A stretch of both texts: equal (`eq`), or a change replacing before[o0, o1) by after[n0, n1). */
export interface Segment {
  eq: boolean;
  o0: number;
  o1: number;
  n0: number;
  n1: number;
}

interface Part {
  seg: number;
  start: number;
  end: number;
  ids: Int32Array;
  wordStart: Int32Array;
  wordEnd: Int32Array;
}

export interface Move {
  from: [number, number];
  to: [number, number];
}

const DENSITY = 0.7;
const MAX_GAP = 3;

function partOf(text: string, seg: number, start: number, end: number, lang: string | undefined, intern: Map<string, number>): Part {
  const ids: number[] = [];
  const ws: number[] = [];
  const we: number[] = [];
  forEachToken(text, start, end, lang, (t, s, kind) => {
    if (kind !== 'word') return;
    const key = t.toLowerCase();
    let id = intern.get(key);
    if (id === undefined) {
      id = intern.size;
      intern.set(key, id);
    }
    ids.push(id);
    ws.push(s);
    we.push(s + t.length);
  });
  return { seg, start, end, ids: Int32Array.from(ids), wordStart: Int32Array.from(ws), wordEnd: Int32Array.from(we) };
}

const bigram = (ids: Int32Array, i: number) => (i + 1 < ids.length ? Math.imul(ids[i]!, 0x9e3779b1) ^ ids[i + 1]! : ids[i]!);

/** The densest stretch of matched words between two passages, or null if none is a move. */
function bestStretch(a: Part, b: Part, minWords: number): { a0: number; a1: number; b0: number; b1: number } | null {
  const pairs: [number, number][] = [];
  for (const m of diffSequences(a.ids, b.ids)) for (let t = 0; t < m.length; t++) pairs.push([m.aStart + t, m.bStart + t]);
  let best: { a0: number; a1: number; b0: number; b1: number; n: number } | null = null;
  let i = 0;
  while (i < pairs.length) {
    let j = i;
    while (j + 1 < pairs.length && pairs[j + 1]![0] - pairs[j]![0] <= MAX_GAP && pairs[j + 1]![1] - pairs[j]![1] <= MAX_GAP) j++;
    const n = j - i + 1;
    const [a0, b0] = pairs[i]!;
    const [a1, b1] = pairs[j]!;
    if (n >= minWords && n / (a1 - a0 + 1) >= DENSITY && n / (b1 - b0 + 1) >= DENSITY && (!best || n > best.n)) best = { a0, a1, b0, b1, n };
    i = j + 1;
  }
  return best;
}

/** Moved passages as [oldStart, oldEnd) → [newStart, newEnd), before they are widened (see diff.ts). */
export function findMoves(before: string, after: string, segs: Segment[], options: RedlineOptions): Move[] {
  const minWords = options.minMoveWords ?? 4;
  const found: Move[] = [];
  const intern = new Map<string, number>();
  const olds: Part[] = [];
  const news: Part[] = [];
  segs.forEach((s, k) => {
    if (s.eq) return;
    if (s.o1 > s.o0) olds.push(partOf(before, k, s.o0, s.o1, options.lang, intern));
    if (s.n1 > s.n0) news.push(partOf(after, k, s.n0, s.n1, options.lang, intern));
  });
  const index = new Map<number, number[]>();
  news.forEach((p, k) => {
    if (p.ids.length < minWords) return;
    for (let i = 0; i < p.ids.length; i++) {
      const h = bigram(p.ids, i);
      const list = index.get(h);
      if (!list) index.set(h, [k]);
      else if (list.at(-1) !== k) list.push(k);
    }
  });
  const candidates: { o: number; n: number; shared: number }[] = [];
  olds.forEach((p, o) => {
    if (p.ids.length < minWords) return;
    const shared = new Map<number, number>();
    for (let i = 0; i < p.ids.length; i++) for (const n of index.get(bigram(p.ids, i)) ?? []) shared.set(n, (shared.get(n) ?? 0) + 1);
    for (const [n, c] of shared) if (c >= minWords - 1 && news[n]!.seg !== p.seg) candidates.push({ o, n, shared: c });
  });
  candidates.sort((x, y) => y.shared - x.shared);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  for (const c of candidates) {
    if (usedOld.has(c.o) || usedNew.has(c.n)) continue;
    const a = olds[c.o]!;
    const b = news[c.n]!;
    const s = bestStretch(a, b, minWords);
    if (!s) continue;
    found.push({ from: [a.wordStart[s.a0]!, a.wordEnd[s.a1]!], to: [b.wordStart[s.b0]!, b.wordEnd[s.b1]!] });
    usedOld.add(c.o);
    usedNew.add(c.n);
  }
  return found;
}
