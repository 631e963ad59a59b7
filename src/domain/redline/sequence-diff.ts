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
/**
 * When one side is much longer than the other (a passage deleted next to a few changed
 * words), Myers costs about (N − M)² while the classic table costs N·M: the table is used.
 */
const LOPSIDED_MAX_CELLS = 1 << 20;

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
    const N = aHi - aLo;
    const M = bHi - bLo;
    const lopsided = N * M <= LOPSIDED_MAX_CELLS && 2 * N * M <= (N - M) * (N - M);
    const exact = lopsided ? lcsTable(a, aLo, aHi, b, bLo, bHi) : n <= MYERS_MAX_SIZE ? myers(a, aLo, aHi, b, bLo, bHi, MYERS_MAX_D) : null;
    if (exact) out.push(...exact);
    else if (!byAnchors(a, aLo, aHi, b, bLo, bHi, out, depth)) {
      // No unique anchor and too many differences: a replacement of the whole gap.
    }
  }
  if (suf > 0) out.push({ aStart: aHi, bStart: bHi, length: suf });
}

/**
 * Myers' greedy forward search; null when D exceeds maxD. The frontier of each round is kept
 * in one growing buffer (round d at offset d², 2d + 1 values) to walk the path back.
 */
export function myers(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, maxD: number): Match[] | null {
  const N = aHi - aLo;
  const M = bHi - bLo;
  const limit = Math.min(maxD, N + M);
  const off = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  let trace = new Int32Array(Math.min((limit + 1) * (limit + 1), 1024));
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
    const need = (d + 1) * (d + 1);
    if (need > trace.length) {
      const bigger = new Int32Array(Math.min(Math.max(need, trace.length * 2), (limit + 1) * (limit + 1)));
      bigger.set(trace);
      trace = bigger;
    }
    trace.set(v.subarray(off - d, off + d + 1), d * d);
  }
  if (found < 0) return null;
  const snakes: Match[] = [];
  let x = N;
  let y = M;
  for (let d = found; d > 0; d--) {
    // Round d - 1's frontier: value for diagonal k at (d - 1)² + k + d - 1.
    const base = (d - 1) * (d - 1) + d - 1;
    const k = x - y;
    const prevK = k === -d || (k !== d && trace[base + k - 1]! < trace[base + k + 1]!) ? k + 1 : k - 1;
    const prevX = trace[base + prevK]!;
    const prevY = prevX - prevK;
    const startX = prevK === k + 1 ? prevX : prevX + 1;
    if (x > startX) snakes.push({ aStart: aLo + startX, bStart: bLo + startX - k, length: x - startX });
    x = prevX;
    y = prevY;
  }
  if (x > 0) snakes.push({ aStart: aLo, bStart: bLo, length: x });
  return snakes.reverse();
}

/** A minimal edit script from the classic LCS table (suffix lengths), walked forward. */
function lcsTable(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number): Match[] {
  const N = aHi - aLo;
  const M = bHi - bLo;
  const w = M + 1;
  // L[i * w + j] = LCS length of a[i..N) and b[j..M); lengths fit 16 bits only when short.
  const L = N < 0xffff && M < 0xffff ? new Uint16Array((N + 1) * w) : new Int32Array((N + 1) * w);
  for (let i = N - 1; i >= 0; i--) {
    const ai = a[aLo + i];
    for (let j = M - 1; j >= 0; j--) {
      L[i * w + j] = ai === b[bLo + j] ? L[(i + 1) * w + j + 1]! + 1 : Math.max(L[(i + 1) * w + j]!, L[i * w + j + 1]!);
    }
  }
  const out: Match[] = [];
  let i = 0;
  let j = 0;
  while (i < N && j < M) {
    if (a[aLo + i] === b[bLo + j]) {
      const last = out.at(-1);
      if (last && last.aStart + last.length === aLo + i && last.bStart + last.length === bLo + j) last.length++;
      else out.push({ aStart: aLo + i, bStart: bLo + j, length: 1 });
      i++;
      j++;
    } else if (L[(i + 1) * w + j]! >= L[i * w + j + 1]!) i++;
    else j++;
  }
  return out;
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
  for (const k of GRAMS) {
    const anchors = uniqueAnchors(a, aLo, aHi, b, bLo, bHi, k);
    if (anchors.length === 0) continue;
    const chain = longestIncreasing(anchors);
    // Extend each anchor to a maximal run of equal tokens within the bounds left by its neighbours.
    let curA = aLo;
    let curB = bLo;
    for (let c = 0; c < chain.length; c++) {
      let ai = anchors.as[chain[c]!]!;
      let bi = anchors.bs[chain[c]!]!;
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

const GRAMS = [8, 3, 1];

/**
 * Open-addressing hash table from a 32-bit k-gram hash to a position (or -2 when the hash
 * occurs more than once). Typed arrays instead of a Map: on 500,000-token texts the Map was
 * the single largest cost of the whole diff. The slot comes from the top bits of a
 * multiplicative hash: sampled hashes all end in zero bits, which the bottom bits would keep.
 */
class PositionTable {
  private readonly keys: Int32Array;
  private readonly vals: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  constructor(entries: number) {
    let cap = 16;
    let bits = 4;
    while (cap < entries * 2) {
      cap <<= 1;
      bits++;
    }
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.shift = 32 - bits;
  }
  private slot(h: number): number {
    let i = Math.imul(h, 0x9e3779b1) >>> this.shift;
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
}

/** Anchor pairs: as[t] in a and bs[t] in b start the same k-gram, unique on both sides; as increasing. */
interface Anchors {
  as: Int32Array;
  bs: Int32Array;
  length: number;
}

const NO_ANCHORS: Anchors = { as: new Int32Array(0), bs: new Int32Array(0), length: 0 };

function uniqueAnchors(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, k: number): Anchors {
  if (aHi - aLo < k || bHi - bLo < k) return NO_ANCHORS;
  // On long inputs only k-grams whose hash ends in three zero bits are candidates: about one
  // in eight, chosen by content, so a k-gram and all its repeats are chosen or skipped
  // together and uniqueness is still exact. Anchors stay dense; the tables shrink 8×.
  const sample = aHi - aLo + (bHi - bLo) > 100_000 ? 7 : 0;
  const grams = aHi - aLo - k + 1;
  const hashA = new Int32Array(grams);
  const inA = new PositionTable((aHi - aLo) / (sample + 1));
  for (let i = 0; i < grams; i++) {
    const h = gramHash(a, aLo + i, k);
    hashA[i] = h;
    if ((h & sample) === 0) inA.add(h, aLo + i);
  }
  const inB = new PositionTable((bHi - bLo) / (sample + 1));
  for (let j = bLo; j + k <= bHi; j++) {
    const h = gramHash(b, j, k);
    if ((h & sample) === 0 && inA.get(h) >= 0) inB.add(h, j);
  }
  // In the order of a: each k-gram unique in a whose hash is unique in b.
  let as = new Int32Array(256);
  let bs = new Int32Array(256);
  let n = 0;
  for (let i = 0; i < grams; i++) {
    const h = hashA[i]!;
    if ((h & sample) !== 0 || inA.get(h) !== aLo + i) continue;
    const j = inB.get(h);
    if (j < 0 || !sameGram(a, aLo + i, b, j, k)) continue;
    if (n === as.length) {
      const a2 = new Int32Array(n * 2);
      a2.set(as);
      as = a2;
      const b2 = new Int32Array(n * 2);
      b2.set(bs);
      bs = b2;
    }
    as[n] = aLo + i;
    bs[n] = j;
    n++;
  }
  return { as, bs, length: n };
}

/** Patience sorting: the longest chain of anchors increasing on both sides, as indices into them. */
function longestIncreasing(anchors: Anchors): Int32Array {
  const { bs, length } = anchors;
  const tails = new Int32Array(length);
  let size = 0;
  const prev = new Int32Array(length).fill(-1);
  for (let i = 0; i < length; i++) {
    const bi = bs[i]!;
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bs[tails[mid]!]! < bi) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
    if (lo === size) size++;
  }
  const chain = new Int32Array(size);
  for (let i = size > 0 ? tails[size - 1]! : -1, c = size - 1; i >= 0; i = prev[i]!, c--) chain[c] = i;
  return chain;
}
