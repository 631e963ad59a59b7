/**
 * The word-level redline of two texts in any script (see `types.ts` for the operations).
 *
 * Two levels keep long texts fast: the texts are first cut into pieces (a run of text and the
 * whitespace after it, `chunks.ts`), interned to integers and diffed; only the pieces that
 * differ are then cut into `Intl.Segmenter` tokens and diffed again, token by token. The
 * segmenter costs microseconds per token, so a 500,000-word agreement with 5% changed pays
 * it on the changed 5% only (and `tokenize.ts` remembers pieces it has seen). Short texts
 * skip the first level. The pieces end at word boundaries, so the tokens are the same.
 *
 * Readability: whitespace and punctuation left unchanged between two changes on one line
 * join the change (no "[del] [ins]" noise), and a change never stops inside a word joined by
 * a hyphen, apostrophe or joiner. Then moved passages are found (`moves.ts`), and the texts
 * without them are diffed again, but only between the stretches the first diff found equal
 * and the moves left alone: elsewhere nothing changed, so nothing needs diffing twice.
 */
import { RangeInterner } from './chunks.ts';
import { diffSequences } from './sequence-diff.ts';
import { findMoves, type Move, type Segment } from './moves.ts';
import { forEachToken } from './tokenize.ts';
import type { RedlineOp, RedlineOptions } from './types.ts';

/** Below this many characters in total, the texts are tokenized whole (no chunk level). */
const DIRECT_LIMIT = 2000;

export function redline(before: string, after: string, options: RedlineOptions = {}): RedlineOp[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', oldStart: 0, oldEnd: before.length, newStart: 0, newEnd: after.length, text: before }];
  const segs = tidy(before, after, rangeDiff(before, 0, before.length, after, 0, after.length, options.lang));
  // A move needs a deletion and an insertion in two different places.
  if (options.moves === false || countChanges(segs) < 2) return toOps(before, after, segs);
  const moves = widen(before, after, findMoves(before, after, segs, options), options.lang);
  if (moves.length === 0) return toOps(before, after, segs);
  // Diff again without the moved passages (so that words of a moved passage are not matched
  // where it left or arrived), then put each passage back where it left and where it arrived.
  const oldRest = cut(before, moves.map((m) => m.from));
  const newRest = cut(after, moves.map((m) => m.to));
  const restSegs = rediff(segs, moves, oldRest.text, newRest.text, options.lang);
  const rest = toOps(oldRest.text, newRest.text, restSegs);
  return place(before, after, rest, moves, oldRest.at, newRest.at, options);
}

function countChanges(segs: readonly Segment[]): number {
  let n = 0;
  for (const s of segs) if (!s.eq) n++;
  return n;
}

/** The diff of before[o0, o1) against after[n0, n1), untidied: through pieces when long, tokens when short. */
function rangeDiff(before: string, o0: number, o1: number, after: string, n0: number, n1: number, lang: string | undefined): Segment[] {
  if (o0 === o1 || n0 === n1) return [{ eq: false, o0, o1, n0, n1 }];
  const fine = new Map<string, number>();
  return o1 - o0 + (n1 - n0) <= DIRECT_LIMIT
    ? tokenDiff(before, o0, o1, after, n0, n1, lang, fine)
    : chunkedDiff(before, o0, o1, after, n0, n1, lang, fine);
}

/** Sorted ranges cut out of a text: which spans they touch, and where offsets outside them land once cut. */
class CutMap {
  private readonly ranges: [number, number][];
  private k = 0;
  private removed = 0;
  constructor(ranges: readonly [number, number][]) {
    this.ranges = [...ranges].sort((x, y) => x[0] - y[0]);
  }
  /** Does [a, b) overlap a cut range? Queries must come in increasing order of `a`. */
  overlaps(a: number, b: number): boolean {
    while (this.k < this.ranges.length && this.ranges[this.k]![1] <= a) {
      const r = this.ranges[this.k++]!;
      this.removed += r[1] - r[0];
    }
    const r = this.ranges[this.k];
    return r !== undefined && r[0] < b;
  }
  /** Where `x` lands once the ranges are cut (x outside every range, at or after the last query's `a`). */
  map(x: number): number {
    return x - this.removed;
  }
}

/**
 * The diff of the texts without the moved passages. An equal stretch of the first diff that
 * touches no moved passage is still equal there and anchors the second diff. Between two
 * such anchors, the first diff's changes stand as they were unless one of them touched a
 * moved passage; only those stretches are diffed again.
 */
function rediff(segs: readonly Segment[], moves: readonly Move[], oldRest: string, newRest: string, lang: string | undefined): Segment[] {
  const oldCuts = new CutMap(moves.map((m) => m.from));
  const newCuts = new CutMap(moves.map((m) => m.to));
  const out: Segment[] = [];
  const pending: Segment[] = [];
  let dirty = false;
  let o = 0;
  let n = 0;
  for (const s of segs) {
    // Both maps advance before either is read: stretches increase on both sides.
    const touchesOld = oldCuts.overlaps(s.o0, s.o1);
    const touchesNew = newCuts.overlaps(s.n0, s.n1);
    if (touchesOld || touchesNew) {
      dirty = true;
      continue;
    }
    const o0 = oldCuts.map(s.o0);
    const n0 = newCuts.map(s.n0);
    const mapped: Segment = { eq: s.eq, o0, o1: o0 + (s.o1 - s.o0), n0, n1: n0 + (s.n1 - s.n0) };
    if (!s.eq) {
      pending.push(mapped);
      continue;
    }
    if (dirty) out.push(...rangeDiff(oldRest, o, o0, newRest, n, n0, lang));
    else out.push(...pending);
    pending.length = 0;
    dirty = false;
    out.push(mapped);
    o = mapped.o1;
    n = mapped.n1;
  }
  if (dirty) out.push(...rangeDiff(oldRest, o, oldRest.length, newRest, n, newRest.length, lang));
  else out.push(...pending);
  return tidy(oldRest, newRest, out);
}

function toOps(before: string, after: string, segs: Segment[]): RedlineOp[] {
  const ops: RedlineOp[] = [];
  for (const s of segs) {
    if (s.eq) ops.push({ op: 'equal', oldStart: s.o0, oldEnd: s.o1, newStart: s.n0, newEnd: s.n1, text: before.slice(s.o0, s.o1) });
    else {
      if (s.o1 > s.o0) ops.push({ op: 'delete', oldStart: s.o0, oldEnd: s.o1, newStart: s.n0, newEnd: s.n0, text: before.slice(s.o0, s.o1) });
      if (s.n1 > s.n0) ops.push({ op: 'insert', oldStart: s.o1, oldEnd: s.o1, newStart: s.n0, newEnd: s.n1, text: after.slice(s.n0, s.n1) });
    }
  }
  return ops;
}

/**
 * A moved passage found from word matches is widened over the identical text around it (its
 * full stop, the rest of a sentence the first diff matched elsewhere), never into another
 * move, and never stopping inside a word.
 */
function widen(before: string, after: string, moves: Move[], lang: string | undefined): Move[] {
  const out: Move[] = [];
  const overlaps = (x: number, ranges: [number, number][]) => ranges.some(([a, b]) => x >= a && x < b);
  const overlapsRange = (x: number, y: number, ranges: [number, number][]) => ranges.some(([a, b]) => x < b && a < y);
  for (const m of [...moves].sort((x, y) => x.from[0] - y.from[0])) {
    const others = moves.filter((o) => o !== m);
    const froms = [...out.map((o) => o.from), ...others.map((o) => o.from)];
    const tos = [...out.map((o) => o.to), ...others.map((o) => o.to)];
    let [f0, f1] = m.from;
    let [t0, t1] = m.to;
    for (;;) {
      while (f1 < before.length && t1 < after.length && before[f1] === after[t1] && !overlaps(f1, froms) && !overlaps(t1, tos)) {
        f1++;
        t1++;
      }
      // A small edit inside the moved passage: resume after it if the words fall back into step.
      const resume = resync(before, f1, after, t1, lang);
      if (!resume || overlapsRange(f1, resume[0], froms) || overlapsRange(t1, resume[1], tos)) break;
      [f1, t1] = resume;
    }
    while (f1 > m.from[1] && (cutsWord(before[f1 - 1], before[f1]) || cutsWord(after[t1 - 1], after[t1]))) {
      f1--;
      t1--;
    }
    while (f0 > 0 && t0 > 0 && before[f0 - 1] === after[t0 - 1] && !overlaps(f0 - 1, froms) && !overlaps(t0 - 1, tos)) {
      f0--;
      t0--;
    }
    while (f0 < m.from[0] && (cutsWord(before[f0 - 1], before[f0]) || cutsWord(after[t0 - 1], after[t0]))) {
      f0++;
      t0++;
    }
    out.push({ from: [f0, f1], to: [t0, t1] });
  }
  // A widened passage can swallow a neighbour's; keep the first of any two that overlap.
  const kept: Move[] = [];
  for (const m of out) {
    const clash = kept.some((k) => m.from[0] < k.from[1] && k.from[0] < m.from[1]) || kept.some((k) => m.to[0] < k.to[1] && k.to[0] < m.to[1]);
    if (!clash) kept.push(m);
  }
  return kept;
}

const RESYNC_WINDOW = 240;
const RESYNC_SKIP = 3;

/**
 * Where two texts that just stopped agreeing (at `f` and `t`) agree again: the first two
 * consecutive words equal on both sides (or the last word of the line on both) after skipping
 * at most three words on each, on the same line. Null when they do not.
 */
function resync(before: string, f: number, after: string, t: number, lang: string | undefined): [number, number] | null {
  if (f >= before.length || t >= after.length) return null;
  const words = (text: string, from: number): { text: string; start: number }[] => {
    const nl = text.indexOf('\n', from);
    const to = Math.min(text.length, from + RESYNC_WINDOW, nl < 0 ? Infinity : nl);
    const out: { text: string; start: number }[] = [];
    forEachToken(text, from, to, lang, (w, start, kind) => {
      if (kind === 'word') out.push({ text: w, start });
    });
    return out;
  };
  const a = words(before, f);
  const b = words(after, t);
  let best: [number, number] | null = null;
  for (let i = 0; i <= RESYNC_SKIP && i < a.length; i++) {
    for (let j = 0; j <= RESYNC_SKIP && j < b.length; j++) {
      if (i + j === 0 || a[i]!.text !== b[j]!.text) continue;
      const bothLast = i + 1 === a.length && j + 1 === b.length;
      if (!bothLast && (i + 1 >= a.length || j + 1 >= b.length || a[i + 1]!.text !== b[j + 1]!.text)) continue;
      if (!best || i + j < best[0] + best[1]) best = [i, j];
    }
  }
  return best ? [a[best[0]]!.start, b[best[1]]!.start] : null;
}

/** The text without the given ranges, and where each range stood in the shortened text. */
function cut(text: string, ranges: [number, number][]): { text: string; at: Map<[number, number], number> } {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const at = new Map<[number, number], number>();
  let out = '';
  let pos = 0;
  for (const r of sorted) {
    out += text.slice(pos, r[0]);
    at.set(r, out.length);
    pos = r[1];
  }
  out += text.slice(pos);
  return { text: out, at };
}

/** Splices the moved passages into the redline of the rest, then recomputes every offset. */
function place(
  before: string,
  after: string,
  rest: RedlineOp[],
  moves: Move[],
  oldAt: Map<[number, number], number>,
  newAt: Map<[number, number], number>,
  options: RedlineOptions,
): RedlineOp[] {
  const byOld = [...moves].sort((x, y) => x.from[0] - y.from[0]);
  const ids = new Map(byOld.map((m, i) => [m, `m${i + 1}`]));
  const leaves = byOld.map((m) => ({ at: oldAt.get(m.from)!, m }));
  const arrives = [...moves].sort((x, y) => x.to[0] - y.to[0]).map((m) => ({ at: newAt.get(m.to)!, m }));
  const seq: { op: RedlineOp['op']; text: string; m?: Move }[] = [];
  const queue = rest.map((o) => ({ op: o.op, text: o.text }));
  let po = 0;
  let pn = 0;
  let li = 0;
  let ai = 0;
  while (queue.length > 0 || li < leaves.length || ai < arrives.length) {
    if (li < leaves.length && leaves[li]!.at === po) {
      seq.push({ op: 'move-from', text: '', m: leaves[li++]!.m });
      continue;
    }
    if (ai < arrives.length && arrives[ai]!.at === pn) {
      seq.push({ op: 'move-to', text: '', m: arrives[ai++]!.m });
      continue;
    }
    const o = queue.shift();
    if (!o) break; // unreachable: every position lies within the rest or at its end
    const onOld = o.op === 'equal' || o.op === 'delete';
    const onNew = o.op === 'equal' || o.op === 'insert';
    let split = o.text.length;
    if (onOld && li < leaves.length && leaves[li]!.at < po + split) split = leaves[li]!.at - po;
    if (onNew && ai < arrives.length && arrives[ai]!.at < pn + split) split = arrives[ai]!.at - pn;
    if (split < o.text.length) queue.unshift({ op: o.op, text: o.text.slice(split) });
    seq.push({ op: o.op, text: o.text.slice(0, split) });
    if (onOld) po += split;
    if (onNew) pn += split;
  }
  const ops: RedlineOp[] = [];
  let o = 0;
  let n = 0;
  for (const s of seq) {
    if (s.op === 'move-from') {
      const m = s.m!;
      ops.push({ op: 'move-from', oldStart: o, oldEnd: m.from[1], newStart: n, newEnd: n, text: before.slice(m.from[0], m.from[1]), moveId: ids.get(m)! });
      o = m.from[1];
      continue;
    }
    if (s.op === 'move-to') {
      const m = s.m!;
      const text = after.slice(m.to[0], m.to[1]);
      const op: RedlineOp = { op: 'move-to', oldStart: o, oldEnd: o, newStart: n, newEnd: m.to[1], text, moveId: ids.get(m)! };
      const was = before.slice(m.from[0], m.from[1]);
      if (was !== text) {
        op.edits = redline(was, text, { ...options, moves: false }).map((e) => ({
          ...e,
          oldStart: e.oldStart + m.from[0],
          oldEnd: e.oldEnd + m.from[0],
          newStart: e.newStart + m.to[0],
          newEnd: e.newEnd + m.to[0],
        }));
      }
      ops.push(op);
      n = m.to[1];
      continue;
    }
    if (s.text === '') continue;
    const onOld = s.op === 'equal' || s.op === 'delete';
    const onNew = s.op === 'equal' || s.op === 'insert';
    const last = ops.at(-1);
    if (last && last.op === s.op) {
      last.text += s.text;
      if (onOld) last.oldEnd += s.text.length;
      if (onNew) last.newEnd += s.text.length;
    } else ops.push({ op: s.op, oldStart: o, oldEnd: onOld ? o + s.text.length : o, newStart: n, newEnd: onNew ? n + s.text.length : n, text: s.text });
    if (onOld) o += s.text.length;
    if (onNew) n += s.text.length;
  }
  return ops;
}

function chunkedDiff(before: string, o0: number, o1: number, after: string, n0: number, n1: number, lang: string | undefined, fine: Map<string, number>): Segment[] {
  let interner = new RangeInterner();
  let a = interner.pieces(before, o0, o1);
  let b = interner.pieces(after, n0, n1);
  let matches = diffSequences(a.ids, b.ids);
  // Pieces were matched by hash and length: the stretches found equal are checked, and a
  // collision (never seen, but possible) means interning again, exactly.
  const verified = matches.every((m) => before.slice(a.starts[m.aStart], a.starts[m.aStart + m.length]) === after.slice(b.starts[m.bStart], b.starts[m.bStart + m.length]));
  if (!verified) {
    interner = new RangeInterner(true);
    a = interner.pieces(before, o0, o1);
    b = interner.pieces(after, n0, n1);
    matches = diffSequences(a.ids, b.ids);
  }
  const out: Segment[] = [];
  let ai = 0;
  let bi = 0;
  for (const m of matches) {
    if (ai < m.aStart || bi < m.bStart) out.push(...tokenDiff(before, a.starts[ai]!, a.starts[m.aStart]!, after, b.starts[bi]!, b.starts[m.bStart]!, lang, fine));
    out.push({ eq: true, o0: a.starts[m.aStart]!, o1: a.starts[m.aStart + m.length]!, n0: b.starts[m.bStart]!, n1: b.starts[m.bStart + m.length]! });
    ai = m.aStart + m.length;
    bi = m.bStart + m.length;
  }
  if (ai < a.ids.length || bi < b.ids.length) out.push(...tokenDiff(before, a.starts[ai]!, o1, after, b.starts[bi]!, n1, lang, fine));
  return out;
}

function tokenIds(text: string, from: number, to: number, lang: string | undefined, intern: Map<string, number>): { ids: Int32Array; starts: Int32Array } {
  const starts: number[] = [];
  const ids: number[] = [];
  forEachToken(text, from, to, lang, (t, start) => {
    let id = intern.get(t);
    if (id === undefined) {
      id = intern.size;
      intern.set(t, id);
    }
    starts.push(start);
    ids.push(id);
  });
  starts.push(to);
  return { ids: Int32Array.from(ids), starts: Int32Array.from(starts) };
}

/** Token-level diff of before[o0, o1) against after[n0, n1), as equal and changed segments. */
function tokenDiff(before: string, o0: number, o1: number, after: string, n0: number, n1: number, lang: string | undefined, intern: Map<string, number>): Segment[] {
  if (o0 === o1 || n0 === n1) return [{ eq: false, o0, o1, n0, n1 }];
  const a = tokenIds(before, o0, o1, lang, intern);
  const b = tokenIds(after, n0, n1, lang, intern);
  const out: Segment[] = [];
  let ai = 0;
  let bi = 0;
  for (const m of diffSequences(a.ids, b.ids)) {
    if (m.aStart > ai || m.bStart > bi) out.push({ eq: false, o0: a.starts[ai]!, o1: a.starts[m.aStart]!, n0: b.starts[bi]!, n1: b.starts[m.bStart]! });
    out.push({ eq: true, o0: a.starts[m.aStart]!, o1: a.starts[m.aStart + m.length]!, n0: b.starts[m.bStart]!, n1: b.starts[m.bStart + m.length]! });
    ai = m.aStart + m.length;
    bi = m.bStart + m.length;
  }
  if (ai < a.ids.length || bi < b.ids.length) out.push({ eq: false, o0: a.starts[ai]!, o1: o1, n0: b.starts[bi]!, n1: n1 });
  return out;
}

/** Adjacent segments of one kind become one; empty ones go. */
function merge(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    if (s.o0 === s.o1 && s.n0 === s.n1) continue;
    const last = out.at(-1);
    if (last && last.eq === s.eq) {
      last.o1 = s.o1;
      last.n1 = s.n1;
    } else out.push({ ...s });
  }
  return out;
}

/** Characters that hold a word together: letters, marks, digits, format characters (ZWNJ), hyphens, apostrophes. */
const JOINING = /[\p{L}\p{M}\p{N}\p{Cf}_'’\-‐‑·]/u;
/** Scripts written without spaces, where the segmenter's word boundaries are the only ones. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const joins = (c: string | undefined) => c !== undefined && JOINING.test(c) && !UNSPACED.test(c);

/** Would a change boundary between these two characters cut a word? */
const cutsWord = (left: string | undefined, right: string | undefined) => joins(left) && joins(right);

/** Widens changes that stop inside a word so that they cover the whole word. */
function wholeWords(before: string, after: string, segs: Segment[]): Segment[] {
  for (let i = 0; i < segs.length; i++) {
    const c = segs[i]!;
    if (c.eq) continue;
    const prev = segs[i - 1];
    if (prev?.eq) {
      const firstOld = c.o1 > c.o0 ? before[c.o0] : undefined;
      const firstNew = c.n1 > c.n0 ? after[c.n0] : undefined;
      if (cutsWord(before[c.o0 - 1], firstOld) || cutsWord(before[c.o0 - 1], firstNew)) {
        let d = 0;
        while (c.o0 - d > prev.o0 && joins(before[c.o0 - d - 1])) d++;
        c.o0 -= d;
        c.n0 -= d;
        prev.o1 -= d;
        prev.n1 -= d;
      }
    }
    const next = segs[i + 1];
    if (next?.eq) {
      const lastOld = c.o1 > c.o0 ? before[c.o1 - 1] : undefined;
      const lastNew = c.n1 > c.n0 ? after[c.n1 - 1] : undefined;
      if (cutsWord(lastOld, before[c.o1]) || cutsWord(lastNew, before[c.o1])) {
        let d = 0;
        while (c.o1 + d < next.o1 && joins(before[c.o1 + d])) d++;
        c.o1 += d;
        c.n1 += d;
        next.o0 += d;
        next.n0 += d;
      }
    }
  }
  return merge(segs);
}

const HAS_WORD_OR_BREAK = /[\p{L}\p{N}\n\u2028\u2029]/u;

/** Unchanged whitespace and punctuation between two changes on one line joins them. */
function joinGaps(before: string, segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const prev = out.at(-1);
    const next = segs[i + 1];
    if (s.eq && prev && !prev.eq && next && !next.eq && !HAS_WORD_OR_BREAK.test(before.slice(s.o0, s.o1))) {
      prev.o1 = next.o1;
      prev.n1 = next.n1;
      i++;
      continue;
    }
    if (prev && !prev.eq && !s.eq) {
      prev.o1 = s.o1;
      prev.n1 = s.n1;
      continue;
    }
    out.push({ ...s });
  }
  return out;
}

function tidy(before: string, after: string, segs: Segment[]): Segment[] {
  return joinGaps(before, wholeWords(before, after, merge(segs)));
}
