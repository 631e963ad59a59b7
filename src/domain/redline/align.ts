/**
 * Aligns the points of two versions of a text that share no ids (two imported documents: a
 * 28-point plan and its 20-point revision) by what they say, not by their numbers.
 *
 * Why written here and not taken from a library: the matching must know what a "point" is,
 * prefer the documents' order, and explain merges and splits; a general sequence differ
 * (jsdiff, diff-match-patch) does none of that. The pieces are small and classical:
 *
 * 1. Features. Each point becomes its word tokens (Intl.Segmenter, so Urdu, Russian or
 *    Chinese split where their words do), NFKC-folded and lower-cased, plus word bigrams
 *    (shingles of two). Each token is weighted by its inverse document frequency over both
 *    documents, so words every point shares ("the", "کی", "и") say little about identity.
 * 2. Similarity. Weighted Dice over unigrams (content) blended 70/30 with Dice over bigrams
 *    (word order: "Russia will not attack Ukraine" is not "Ukraine will not attack Russia").
 *    Containment — the weighted share of one point's words found in another — explains
 *    merges and splits, where Dice is diluted by the other parts.
 * 3. Assignment, in three passes, each deterministic (ties go to the earlier index):
 *    a. confident pairs: mutual best candidates with similarity ≥ STRONG — catches unchanged,
 *       renumbered and moved points however far they travelled;
 *    b. in order: among what is left, the heaviest order-preserving chain of candidates with
 *       similarity ≥ WEAK, kept inside the gaps between the confident pairs that are in
 *       order — a heavily rewritten point is trusted when it sits where it was;
 *    c. out of order: what is still free pairs greedily by similarity ≥ STRONG.
 * 4. Merges and splits: an old point left over whose words are mostly (≥ CONTAIN) inside a
 *    new point, and which explains part of that new point its partner did not (coverage up
 *    by ≥ MERGE_GAIN; the largest gain wins), joined it (merged); a new point left over that
 *    is mostly inside an old one, completing its partner, was split off it.
 *
 * Thresholds, from the hand-written pairs in the tests: unrelated points of one agreement
 * score 0.05–0.25 (shared vocabulary of the genre), a point with a clause rewritten scores
 * 0.35–0.6, a typo fix or added sentence 0.7+. WEAK = 0.3 sits above the noise; STRONG = 0.5
 * is where a match is safe without the order's support. CONTAIN = 0.6: most of the point.
 */

import { forEachToken } from './tokenize.ts';

export interface AlignInputPoint {
  /** The number as imported ("3", "12"); only reported, never used to match. */
  readonly number: string;
  readonly text: string;
}

export type AlignKind = 'unchanged' | 'changed' | 'renumbered' | 'added' | 'removed' | 'merged' | 'split';

export interface AlignedPair {
  /** Position in the old list, or null for an added point. */
  readonly oldIndex: number | null;
  /** Position in the new list, or null for a removed point. */
  readonly newIndex: number | null;
  readonly old: string | null;
  readonly new: string | null;
  readonly kind: AlignKind;
  /**
   * 0..1. For 1:1 pairs the blended Dice similarity (1 for identical text); for a merged or
   * split link the share of the smaller side's words found in the larger; 0 for added/removed.
   */
  readonly similarity: number;
}

export interface AlignOptions {
  readonly lang?: string;
}

export const WEAK = 0.3;
export const STRONG = 0.5;
export const CONTAIN = 0.6;
/** How many points, sharing the most distinctive words with a point, are compared with it closely. */
const CANDIDATES = 10;
/** Below this share of weighted words in common two points are not the same point, whatever their order: bigrams are not consulted. */
const MIN_DICE = 0.2;
/** How much more of a new point a merged old point must explain than its partner already did. */
const MERGE_GAIN = 0.1;

/** A point's words and word pairs as interned ids with their counts (in order of first occurrence). */
interface Features {
  readonly uni: Map<number, number>;
  readonly bi: Map<number, number>;
  /** The same as arrays, for `overlapBags`. */
  readonly uniBag: Bag;
  readonly biBag: Bag;
  readonly norm: string;
}

interface Bag {
  readonly ids: Int32Array;
  readonly counts: Int32Array;
}

const bag = (m: Map<number, number>): Bag => ({ ids: Int32Array.from(m.keys()), counts: Int32Array.from(m.values()) });

/**
 * Words and word pairs interned to ids for one alignment, so that the features are maps of
 * integers and the weights arrays: comparing 2,000 points with 2,000 through maps of strings
 * (a new string for every word pair) took seconds.
 */
class Vocabulary {
  readonly words: string[] = [];
  private readonly wordIds = new Map<string, number>();
  /** Per pair id: its first and second word. */
  readonly firsts: number[] = [];
  readonly seconds: number[] = [];
  private readonly pairIds = new Map<number, number>();

  /** Segments as the tokenizer gives them (the same string objects, mostly) to ids of their folded forms. */
  private readonly segmentIds = new Map<string, number>();

  /** The id of a word segment, lower-cased as `alignTokens` does. */
  word(segment: string): number {
    let id = this.segmentIds.get(segment);
    if (id === undefined) {
      const w = segment.toLowerCase();
      id = this.wordIds.get(w);
      if (id === undefined) {
        id = this.words.length;
        this.words.push(w);
        this.wordIds.set(w, id);
      }
      this.segmentIds.set(segment, id);
    }
    return id;
  }

  pair(a: number, b: number): number {
    const key = a * 0x4000000 + b; // exact below 2^53 for fewer than 2^26 distinct words
    let id = this.pairIds.get(key);
    if (id === undefined) {
      id = this.firsts.length;
      this.firsts.push(a);
      this.seconds.push(b);
      this.pairIds.set(key, id);
    }
    return id;
  }
}

/**
 * The word tokens of a text, folded so that case and compatibility forms do not count as change.
 * Through the redline tokenizer, which remembers the segmenter's answer per piece of text: a
 * treaty repeats its words, and segmenting costs microseconds per token.
 */
export function alignTokens(text: string, lang?: string): string[] {
  const out: string[] = [];
  const folded = text.normalize('NFKC');
  forEachToken(folded, 0, folded.length, lang, (segment, _start, kind) => {
    if (kind === 'word') out.push(segment.toLowerCase());
  });
  return out;
}

/**
 * Whitespace differences are layout, not wording: "unchanged" compares texts with runs of space
 * collapsed (a no-break space among them) and a non-breaking hyphen read as a hyphen, which is
 * also how a document made from a reader's fingerprinted copy differs from the master.
 */
function normalizeForEquality(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').replace(/\u2011/gu, '-').trim();
}

function features(text: string, lang: string | undefined, vocab: Vocabulary): Features {
  const uni = new Map<number, number>();
  const bi = new Map<number, number>();
  let prev = -1;
  const folded = text.normalize('NFKC');
  forEachToken(folded, 0, folded.length, lang, (segment, _start, kind) => {
    if (kind !== 'word') return;
    const t = vocab.word(segment);
    uni.set(t, (uni.get(t) ?? 0) + 1);
    if (prev >= 0) {
      const b = vocab.pair(prev, t);
      bi.set(b, (bi.get(b) ?? 0) + 1);
    }
    prev = t;
  });
  return { uni, bi, uniBag: bag(uni), biBag: bag(bi), norm: normalizeForEquality(text) };
}

function mass(m: Map<number, number>, w: Float64Array): number {
  let s = 0;
  for (const [t, c] of m) s += c * w[t]!;
  return s;
}

/**
 * `overlap` on bags, through `scratch` (zero everywhere, and left so): the larger bag's counts
 * are spread into it, the smaller bag is read against it in its own order, as `overlap` does,
 * so the sums are the same to the last bit. Several times faster than map lookups.
 */
function overlapBags(a: Bag, b: Bag, w: Float64Array, scratch: Int32Array): number {
  const small = a.ids.length <= b.ids.length ? a : b;
  const large = small === a ? b : a;
  for (let k = 0; k < large.ids.length; k++) scratch[large.ids[k]!] = large.counts[k]!;
  let s = 0;
  for (let k = 0; k < small.ids.length; k++) {
    const t = small.ids[k]!;
    const d = scratch[t]!;
    if (d !== 0) s += Math.min(small.counts[k]!, d) * w[t]!;
  }
  for (let k = 0; k < large.ids.length; k++) scratch[large.ids[k]!] = 0;
  return s;
}

function overlap(a: Map<number, number>, b: Map<number, number>, w: Float64Array): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let s = 0;
  for (const [t, c] of small) {
    const d = large.get(t);
    if (d !== undefined) s += Math.min(c, d) * w[t]!;
  }
  return s;
}

interface Edge {
  readonly i: number;
  readonly j: number;
  readonly sim: number;
}

/** Heaviest chain of edges strictly increasing in both i and j (a weighted LIS with a Fenwick tree of maxima). */
function heaviestChain(edges: readonly Edge[], newCount: number): Edge[] {
  if (edges.length === 0) return [];
  // Same i: larger j first, so two edges of one old point never chain together.
  const sorted = [...edges].sort((x, y) => x.i - y.i || y.j - x.j);
  const treeBest = new Float64Array(newCount + 1);
  const treeAt = new Int32Array(newCount + 1).fill(-1);
  const best = new Float64Array(sorted.length);
  const prev = new Int32Array(sorted.length).fill(-1);
  const query = (j: number): [number, number] => {
    let v = 0;
    let at = -1;
    for (let k = j; k > 0; k -= k & -k) {
      if (treeBest[k]! > v) {
        v = treeBest[k]!;
        at = treeAt[k]!;
      }
    }
    return [v, at];
  };
  const update = (j: number, v: number, at: number): void => {
    for (let k = j; k <= newCount; k += k & -k) {
      if (v > treeBest[k]!) {
        treeBest[k] = v;
        treeAt[k] = at;
      }
    }
  };
  let top = -1;
  sorted.forEach((e, n) => {
    const [v, at] = query(e.j); // j' < e.j (tree is 1-based, e.j is 0-based)
    best[n] = v + e.sim;
    prev[n] = at;
    update(e.j + 1, best[n], n);
    if (top === -1 || best[n] > best[top]!) top = n;
  });
  const chain: Edge[] = [];
  for (let n = top; n !== -1; n = prev[n]!) chain.push(sorted[n]!);
  return chain.reverse();
}

/**
 * Matches the points of `oldPoints` to those of `newPoints` by content. Every old point and
 * every new point appears in at least one pair; pairs come in the new document's order, a
 * removed point right after the pair of the old point before it.
 */
export function alignPoints(
  oldPoints: readonly AlignInputPoint[],
  newPoints: readonly AlignInputPoint[],
  options: AlignOptions = {},
): AlignedPair[] {
  // Most points of a revision are unchanged: segment each distinct text once.
  const cache = new Map<string, Features>();
  const vocab = new Vocabulary();
  const featuresOf = (text: string): Features => {
    let f = cache.get(text);
    if (f === undefined) cache.set(text, (f = features(text, options.lang, vocab)));
    return f;
  };
  const fo = oldPoints.map((p) => featuresOf(p.text));
  const fn = newPoints.map((p) => featuresOf(p.text));

  // Inverse document frequency over both documents' points.
  const df = new Int32Array(vocab.words.length);
  for (const f of [...fo, ...fn]) for (const t of f.uni.keys()) df[t]!++;
  const total = fo.length + fn.length;
  const idf = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) idf[t] = Math.log(1 + total / df[t]!);
  // A bigram weighs the mean of its words' weights.
  const biWeight = new Float64Array(vocab.firsts.length);
  for (let b = 0; b < biWeight.length; b++) biWeight[b] = (idf[vocab.firsts[b]!]! + idf[vocab.seconds[b]!]!) / 2;
  const uniScratch = new Int32Array(idf.length);
  const biScratch = new Int32Array(biWeight.length);
  const uniMassO = fo.map((f) => mass(f.uni, idf));
  const uniMassN = fn.map((f) => mass(f.uni, idf));
  const biMassO = fo.map((f) => mass(f.bi, biWeight));
  const biMassN = fn.map((f) => mass(f.bi, biWeight));

  // Unigram overlaps, exact, but only for pairs that could matter: without pruning every pair
  // of two 2,000-point documents shares "the" and the work is quadratic with a large constant.
  // Candidates come from inverted indexes of the "selective" words (in at most max(20, 1%) of
  // the points), in both directions; each point keeps its CANDIDATES best by selective
  // overlap whose upper bound (selective overlap plus the smaller common-word mass) could
  // still reach MIN_DICE or CONTAIN. Only those pairs get an exact overlap.
  const cap = Math.max(20, Math.ceil(total * 0.01));
  const selective = (t: number): boolean => df[t]! <= cap;
  const commonMass = (f: Features): number => {
    let m = 0;
    for (const [t, c] of f.uni) if (!selective(t)) m += c * idf[t]!;
    return m;
  };
  const commonO = fo.map(commonMass);
  const commonN = fn.map(commonMass);
  const worthExact = (i: number, j: number, sel: number): boolean => {
    const bound = sel + Math.min(commonO[i]!, commonN[j]!);
    return (2 * bound) / (uniMassO[i]! + uniMassN[j]!) >= MIN_DICE || bound >= CONTAIN * uniMassO[i]! || bound >= CONTAIN * uniMassN[j]!;
  };
  const uniOverlap: Map<number, number>[] = fo.map(() => new Map<number, number>());
  const consider = (i: number, j: number): void => {
    if (!uniOverlap[i]!.has(j)) uniOverlap[i]!.set(j, overlapBags(fo[i]!.uniBag, fn[j]!.uniBag, idf, uniScratch));
  };
  const index = (points: readonly Features[], keep: (t: number) => boolean): Map<number, [number, number][]> => {
    const postings = new Map<number, [number, number][]>();
    points.forEach((f, b) => {
      for (const [t, c] of f.uni) {
        if (!keep(t)) continue;
        let list = postings.get(t);
        if (list === undefined) postings.set(t, (list = []));
        list.push([b, c]);
      }
    });
    return postings;
  };
  const bestBySelective = (from: readonly Features[], to: readonly Features[], visit: (a: number, b: number, sel: number) => void): void => {
    const postings = index(to, selective);
    let allPostings: Map<number, [number, number][]> | undefined;
    const acc = new Float64Array(to.length);
    const touched: number[] = [];
    from.forEach((f, a) => {
      for (const [t, c] of f.uni) {
        if (!selective(t)) continue;
        const w = idf[t]!;
        for (const [b, d] of postings.get(t) ?? []) {
          if (acc[b] === 0) touched.push(b);
          acc[b] = acc[b]! + Math.min(c, d) * w;
        }
      }
      if (touched.length === 0) {
        // A point made only of common words (a short "The parties agree.") has no selective
        // word to be found by: its three rarest words stand in, whatever their frequency.
        const words = vocab.words;
        const rarest = [...f.uni.keys()].sort((x, y) => df[x]! - df[y]! || (words[x]! < words[y]! ? -1 : 1)).slice(0, 3);
        for (const t of rarest) {
          for (const [b] of (allPostings ??= index(to, () => true)).get(t) ?? []) {
            if (acc[b] === 0) {
              touched.push(b);
              acc[b] = overlapBags(f.uniBag, to[b]!.uniBag, idf, uniScratch);
            }
          }
        }
      }
      touched.sort((x, y) => acc[y]! - acc[x]! || x - y);
      for (const b of touched.slice(0, CANDIDATES)) visit(a, b, acc[b]!);
      for (const b of touched) acc[b] = 0;
      touched.length = 0;
    });
  };
  bestBySelective(fo, fn, (i, j, sel) => {
    if (worthExact(i, j, sel)) consider(i, j);
  });
  bestBySelective(fn, fo, (j, i, sel) => {
    if (worthExact(i, j, sel)) consider(i, j);
  });

  const similarity = (i: number, j: number): number => {
    if (fo[i]!.norm === fn[j]!.norm) return 1;
    const ov = uniOverlap[i]!.get(j) ?? 0;
    const uDen = uniMassO[i]! + uniMassN[j]!;
    const uni = uDen === 0 ? 0 : (2 * ov) / uDen;
    if (uni < MIN_DICE) return uni;
    const bDen = biMassO[i]! + biMassN[j]!;
    if (bDen === 0 || fo[i]!.bi.size === 0 || fn[j]!.bi.size === 0) return Math.min(uni, 0.999);
    const bi = (2 * overlapBags(fo[i]!.biBag, fn[j]!.biBag, biWeight, biScratch)) / bDen;
    // Not identical text never scores a full 1, so similarity 1 means "unchanged".
    return Math.min(0.7 * uni + 0.3 * bi, 0.999);
  };
  /** Weighted share of old point i's words found in new point j. */
  const oldInNew = (i: number, j: number): number =>
    uniMassO[i]! === 0 ? 0 : (uniOverlap[i]!.get(j) ?? 0) / uniMassO[i]!;
  const newInOld = (i: number, j: number): number =>
    uniMassN[j]! === 0 ? 0 : (uniOverlap[i]!.get(j) ?? 0) / uniMassN[j]!;

  // Candidate edges. Identical texts are found by equality even when they have no word (e.g. "—").
  const edges: Edge[] = [];
  const byNorm = new Map<string, number[]>();
  fn.forEach((f, j) => {
    const list = byNorm.get(f.norm);
    if (list === undefined) byNorm.set(f.norm, [j]);
    else list.push(j);
  });
  fo.forEach((f, i) => {
    const seen = new Set<number>();
    for (const j of byNorm.get(f.norm) ?? []) {
      seen.add(j);
      edges.push({ i, j, sim: 1 });
    }
    for (const j of uniOverlap[i]!.keys()) {
      if (seen.has(j)) continue;
      const sim = similarity(i, j);
      if (sim >= WEAK) edges.push({ i, j, sim });
    }
  });
  const cmp = (x: Edge, y: Edge): number => y.sim - x.sim || x.i - y.i || x.j - y.j;
  edges.sort(cmp);

  const matchOld = new Int32Array(fo.length).fill(-1);
  const matchNew = new Int32Array(fn.length).fill(-1);
  const simOf = new Map<string, number>();
  for (const e of edges) simOf.set(`${e.i}:${e.j}`, e.sim);
  const accept = (e: Edge): void => {
    matchOld[e.i] = e.j;
    matchNew[e.j] = e.i;
  };

  // a. Mutual best with similarity ≥ STRONG. Edges are sorted best first, ties by position,
  //    so the first edge seen for a point is its best; duplicated identical points pair in order.
  const bestOfOld = new Int32Array(fo.length).fill(-1);
  const bestOfNew = new Int32Array(fn.length).fill(-1);
  let changed = true;
  while (changed) {
    changed = false;
    bestOfOld.fill(-1);
    bestOfNew.fill(-1);
    for (const e of edges) {
      if (matchOld[e.i] !== -1 || matchNew[e.j] !== -1) continue;
      if (bestOfOld[e.i] === -1) bestOfOld[e.i] = e.j;
      if (bestOfNew[e.j] === -1) bestOfNew[e.j] = e.i;
    }
    for (const e of edges) {
      if (e.sim < STRONG) break;
      if (matchOld[e.i] !== -1 || matchNew[e.j] !== -1) continue;
      if (bestOfOld[e.i] === e.j && bestOfNew[e.j] === e.i) {
        accept(e);
        changed = true;
      }
    }
  }

  // b. In order, inside the gaps between the confident pairs that keep the documents' order.
  const confident: Edge[] = [];
  matchOld.forEach((j, i) => {
    if (j !== -1) confident.push({ i, j, sim: simOf.get(`${i}:${j}`) ?? 1 });
  });
  const inOrder = heaviestChain(confident, fn.length);
  const gapOld = new Int32Array(fo.length);
  const gapNew = new Int32Array(fn.length);
  {
    let g = 0;
    const anchorsO = new Set(inOrder.map((e) => e.i));
    for (let i = 0; i < fo.length; i++) {
      if (anchorsO.has(i)) g++;
      gapOld[i] = g;
    }
    g = 0;
    const anchorsN = new Set(inOrder.map((e) => e.j));
    for (let j = 0; j < fn.length; j++) {
      if (anchorsN.has(j)) g++;
      gapNew[j] = g;
    }
  }
  const free = edges.filter((e) => matchOld[e.i] === -1 && matchNew[e.j] === -1);
  for (const e of heaviestChain(free.filter((e) => gapOld[e.i] === gapNew[e.j]), fn.length)) accept(e);

  // c. Out of order, only when strong on its own.
  for (const e of edges) {
    if (e.sim < STRONG) break;
    if (matchOld[e.i] === -1 && matchNew[e.j] === -1) accept(e);
  }

  // 4. Merges and splits. groupOfNew[j] = old points merged into new j; groupOfOld[i] = new points split from old i.
  const mergedInto = new Map<number, number[]>();
  const splitFrom = new Map<number, number[]>();
  const coverNew = (j: number, olds: readonly number[]): number => {
    if (uniMassN[j]! === 0) return 0;
    const covered = new Map<number, number>();
    for (const i of olds) for (const [t, c] of fo[i]!.uni) covered.set(t, (covered.get(t) ?? 0) + c);
    return overlap(covered, fn[j]!.uni, idf) / uniMassN[j]!;
  };
  const coverOld = (i: number, news: readonly number[]): number => {
    if (uniMassO[i]! === 0) return 0;
    const covered = new Map<number, number>();
    for (const j of news) for (const [t, c] of fn[j]!.uni) covered.set(t, (covered.get(t) ?? 0) + c);
    return overlap(covered, fo[i]!.uni, idf) / uniMassO[i]!;
  };
  // Where a part is contained in several points (boilerplate repeated across a treaty), it
  // belongs to the one whose existing match it completes most: the largest gain in coverage.
  for (let i = 0; i < fo.length; i++) {
    if (matchOld[i] !== -1) continue;
    let bestJ = -1;
    let bestGain = MERGE_GAIN;
    for (const j of [...uniOverlap[i]!.keys()].sort((x, y) => x - y)) {
      const partner = matchNew[j]!;
      if (oldInNew(i, j) < CONTAIN || partner < 0 || splitFrom.has(partner)) continue;
      const group = mergedInto.get(j) ?? [partner];
      const gain = coverNew(j, [...group, i]) - coverNew(j, group);
      if (gain >= bestGain + 1e-9 || (bestJ === -1 && gain >= bestGain)) [bestJ, bestGain] = [j, gain];
    }
    if (bestJ === -1) continue;
    mergedInto.set(bestJ, [...(mergedInto.get(bestJ) ?? [matchNew[bestJ]!]), i]);
    matchOld[i] = -2;
  }
  const oldsSharingWith: number[][] = fn.map(() => []);
  uniOverlap.forEach((m, i) => {
    for (const j of m.keys()) oldsSharingWith[j]!.push(i);
  });
  for (let j = 0; j < fn.length; j++) {
    if (matchNew[j] !== -1) continue;
    let bestI = -1;
    let bestGain = MERGE_GAIN;
    for (const i of oldsSharingWith[j]!.sort((x, y) => x - y)) {
      const partner = matchOld[i]!;
      if (newInOld(i, j) < CONTAIN || partner < 0 || mergedInto.has(partner)) continue;
      const group = splitFrom.get(i) ?? [partner];
      const gain = coverOld(i, [...group, j]) - coverOld(i, group);
      if (gain >= bestGain + 1e-9 || (bestI === -1 && gain >= bestGain)) [bestI, bestGain] = [i, gain];
    }
    if (bestI === -1) continue;
    splitFrom.set(bestI, [...(splitFrom.get(bestI) ?? [matchOld[bestI]!]), j]);
    matchNew[j] = -2;
  }

  // Pairs, in the new document's order.
  const pairs: AlignedPair[] = [];
  const num = {
    old: (i: number) => oldPoints[i]!.number,
    new: (j: number) => newPoints[j]!.number,
  };
  const splitNews = new Map<number, number>();
  for (const [i, news] of splitFrom) for (const j of news) splitNews.set(j, i);
  for (let j = 0; j < fn.length; j++) {
    const merged = mergedInto.get(j);
    if (merged !== undefined) {
      for (const i of [...merged].sort((a, b) => a - b)) {
        pairs.push({ oldIndex: i, newIndex: j, old: num.old(i), new: num.new(j), kind: 'merged', similarity: round(oldInNew(i, j)) });
      }
      continue;
    }
    const from = splitNews.get(j);
    if (from !== undefined) {
      pairs.push({ oldIndex: from, newIndex: j, old: num.old(from), new: num.new(j), kind: 'split', similarity: round(newInOld(from, j)) });
      continue;
    }
    const i = matchNew[j]!;
    if (i < 0) {
      pairs.push({ oldIndex: null, newIndex: j, old: null, new: num.new(j), kind: 'added', similarity: 0 });
      continue;
    }
    const same = fo[i]!.norm === fn[j]!.norm;
    const kind: AlignKind = !same ? 'changed' : num.old(i) === num.new(j) ? 'unchanged' : 'renumbered';
    pairs.push({ oldIndex: i, newIndex: j, old: num.old(i), new: num.new(j), kind, similarity: same ? 1 : round(simOf.get(`${i}:${j}`) ?? similarity(i, j)) });
  }
  // Removed points go right after the pair holding the nearest old point before them.
  for (let i = 0; i < fo.length; i++) {
    if (matchOld[i] !== -1) continue;
    const removed: AlignedPair = { oldIndex: i, newIndex: null, old: num.old(i), new: null, kind: 'removed', similarity: 0 };
    let at = 0;
    for (let k = pairs.length - 1; k >= 0; k--) {
      const o = pairs[k]!.oldIndex;
      if (o !== null && o < i) {
        at = k + 1;
        break;
      }
    }
    pairs.splice(at, 0, removed);
  }
  return pairs;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
