/**
 * The longest-common-subsequence core on interned token ids (Int32Array), written here rather
 * than taken from jsdiff: jsdiff's `diffArrays` compares arbitrary values through callbacks
 * and builds change objects per step, which on a 500,000-word agreement takes seconds, while
 * this works on typed arrays of integers and splits big inputs at unique anchors first.
 *
 * 1. Common prefix and suffix are trimmed.
 * 2. Small inputs: Myers' O(ND) greedy algorithm ("An O(ND) Difference Algorithm and Its
 *    Variations", 1986), which gives a minimal edit script.
 * 3. Large inputs, or when the edit distance exceeds a budget: anchors are tokens (or
 *    k-grams of tokens) occurring exactly once on each side; their longest increasing
 *    subsequence (patience sorting) fixes a matching, which is extended around each anchor,
 *    and the gaps are diffed recursively. This is the "patience diff" idea; the output is
 *    near-minimal and the cost about linear on real texts.
 * 4. A gap with no anchors and too many differences is reported as replaced entirely.
 */

/** A run of equal tokens: a[aStart + i] === b[bStart + i] for i < length. */
export interface Match {
  aStart: number;
  bStart: number;
  length: number;
}

const MYERS_MAX_SIZE = 6000;
const MYERS_MAX_D = 1500;

/** Runs of equal tokens, in increasing order on both sides, of a near-minimal edit script. */
export function diffSequences(a: Int32Array, b: Int32Array): Match[] {
  const out: Match[] = [];
  solve(a, 0, a.length, b, 0, b.length, out, 0);
  return mergeAdjacent(out);
}

function mergeAdjacent(ms: Match[]): Match[] {
  const out: Match[] = [];
  for (const m of ms) {
    if (m.length === 0) continue;
    const last = out.at(-1);
    if (last && last.aStart + last.length === m.aStart && last.bStart + last.length === m.bStart) last.length += m.length;
    else out.push({ ...m });
  }
  return out;
}

function solve(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, out: Match[], depth: number): void {
  let pre = 0;
  while (aLo + pre < aHi && bLo + pre < bHi && a[aLo + pre] === b[bLo + pre]) pre++;
  if (pre > 0) out.push({ aStart: aLo, bStart: bLo, length: pre });
  aLo += pre;
  bLo += pre;
  let suf = 0;
  while (aHi - suf > aLo && bHi - suf > bLo && a[aHi - suf - 1] === b[bHi - suf - 1]) suf++;
  aHi -= suf;
  bHi -= suf;
  if (aLo < aHi && bLo < bHi) {
    const n = aHi - aLo + (bHi - bLo);
    const viaMyers = n <= MYERS_MAX_SIZE ? myers(a, aLo, aHi, b, bLo, bHi, MYERS_MAX_D) : null;
    if (viaMyers) out.push(...viaMyers);
    else if (!byAnchors(a, aLo, aHi, b, bLo, bHi, out, depth)) {
      // No unique anchor and too many differences: a replacement of the whole gap.
    }
  }
  if (suf > 0) out.push({ aStart: aHi, bStart: bHi, length: suf });
}

/** Myers' greedy forward search with a trace for the path; null when D exceeds maxD. */
export function myers(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, maxD: number): Match[] | null {
  const N = aHi - aLo;
  const M = bHi - bLo;
  const limit = Math.min(maxD, N + M);
  const off = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (d === 0) x = 0;
      else if (k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!)) x = v[off + k + 1]!;
      else x = v[off + k - 1]! + 1;
      let y = x - k;
      while (x < N && y < M && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= N && y >= M) found = d;
    }
    trace.push(v.slice(off - d, off + d + 1));
  }
  if (found < 0) return null;
  const snakes: Match[] = [];
  let x = N;
  let y = M;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!;
    const at = (k: number) => prev[k + d - 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const startX = prevK === k + 1 ? prevX : prevX + 1;
    if (x > startX) snakes.push({ aStart: aLo + startX, bStart: bLo + startX - k, length: x - startX });
    x = prevX;
    y = prevY;
  }
  if (x > 0) snakes.push({ aStart: aLo, bStart: bLo, length: x });
  return snakes.reverse();
}

/** Rolling-free k-gram hash (k is small); collisions are checked by comparing the tokens. */
function gramHash(s: Int32Array, i: number, k: number): number {
  let h = 0x811c9dc5 | 0;
  for (let j = 0; j < k; j++) h = Math.imul(h ^ s[i + j]!, 0x01000193);
  return h;
}

function sameGram(a: Int32Array, i: number, b: Int32Array, j: number, k: number): boolean {
  for (let t = 0; t < k; t++) if (a[i + t] !== b[j + t]) return false;
  return true;
}

/** Anchors unique on both sides (8-grams, then 3-grams, then single tokens), longest increasing subsequence, recursion in the gaps. */
function byAnchors(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, out: Match[], depth: number): boolean {
  if (depth > 64) return false;
  for (const k of [8, 3, 1]) {
    const anchors = uniqueAnchors(a, aLo, aHi, b, bLo, bHi, k);
    if (anchors.length === 0) continue;
    const chain = longestIncreasing(anchors);
    // Extend each anchor to a maximal run of equal tokens within the bounds left by its neighbours.
    let curA = aLo;
    let curB = bLo;
    for (let c = 0; c < chain.length; c++) {
      let [ai, bi] = chain[c]!;
      if (ai < curA || bi < curB) continue; // swallowed by the previous run's extension
      let len = k;
      while (ai > curA && bi > curB && a[ai - 1] === b[bi - 1]) {
        ai--;
        bi--;
        len++;
      }
      while (ai + len < aHi && bi + len < bHi && a[ai + len] === b[bi + len]) len++;
      solve(a, curA, ai, b, curB, bi, out, depth + 1);
      out.push({ aStart: ai, bStart: bi, length: len });
      curA = ai + len;
      curB = bi + len;
    }
    solve(a, curA, aHi, b, curB, bHi, out, depth + 1);
    return true;
  }
  return false;
}

/**
 * Open-addressing hash table from a 32-bit k-gram hash to a position (or -2 when the hash
 * occurs more than once). Typed arrays instead of a Map: on 500,000-token texts the Map was
 * the single largest cost of the whole diff.
 */
class PositionTable {
  private readonly keys: Int32Array;
  private readonly vals: Int32Array;
  private readonly mask: number;
  constructor(entries: number) {
    let cap = 16;
    while (cap < entries * 2) cap <<= 1;
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }
  private slot(h: number): number {
    let i = Math.imul(h, 0x9e3779b1) & this.mask;
    while (this.vals[i] !== -1 && this.keys[i] !== h) i = (i + 1) & this.mask;
    return i;
  }
  /** Records `pos` for `h`, or marks `h` as repeated. */
  add(h: number, pos: number): void {
    const i = this.slot(h);
    if (this.vals[i] === -1) {
      this.keys[i] = h;
      this.vals[i] = pos;
    } else this.vals[i] = -2;
  }
  /** The position, -2 if repeated, -1 if absent. */
  get(h: number): number {
    return this.vals[this.slot(h)]!;
  }
  *entries(): Generator<[number, number]> {
    for (let i = 0; i <= this.mask; i++) if (this.vals[i]! >= 0) yield [this.keys[i]!, this.vals[i]!];
  }
}

function uniqueAnchors(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, k: number): [number, number][] {
  if (aHi - aLo < k || bHi - bLo < k) return [];
  // On long inputs only k-grams whose hash ends in three zero bits are candidates: about one
  // in eight, chosen by content, so a k-gram and all its repeats are chosen or skipped
  // together and uniqueness is still exact. Anchors stay dense; the tables shrink 8×.
  const sample = aHi - aLo + (bHi - bLo) > 100_000 ? 7 : 0;
  const inA = new PositionTable((aHi - aLo) / (sample + 1));
  for (let i = aLo; i + k <= aHi; i++) {
    const h = gramHash(a, i, k);
    if ((h & sample) === 0) inA.add(h, i);
  }
  const inB = new PositionTable((bHi - bLo) / (sample + 1));
  for (let j = bLo; j + k <= bHi; j++) {
    const h = gramHash(b, j, k);
    if ((h & sample) === 0 && inA.get(h) >= 0) inB.add(h, j);
  }
  const pairs: [number, number][] = [];
  for (const [h, j] of inB.entries()) {
    const i = inA.get(h);
    if (sameGram(a, i, b, j, k)) pairs.push([i, j]);
  }
  pairs.sort((p, q) => p[0] - q[0]);
  return pairs;
}

/** Patience sorting: the longest chain of pairs increasing on both sides (pairs sorted by a). */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let i = 0; i < pairs.length; i++) {
    const bi = pairs[i]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < bi) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const chain: [number, number][] = [];
  for (let i = tails.at(-1) ?? -1; i >= 0; i = prev[i]!) chain.push(pairs[i]!);
  return chain.reverse();
}
