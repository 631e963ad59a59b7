/**
 * Where a leaked text comes from in its master, word by word. A leak may be a whole copy, a
 * few quoted passages in any order, or a paragraph inside a journalist's own article, so one
 * diff of the leak against the whole document would be wrong (it forces one monotone order)
 * and slow (300 paragraphs × 60 words against 2,000 words). Instead:
 *
 * 1. Seeds: k-grams of folded words that occur exactly once in the master and also in the
 *    leak. A k-gram repeated in the master (boilerplate, a paragraph given twice) seeds
 *    nothing: it cannot say which occurrence the leak copied. Master k-grams stay inside one
 *    paragraph: a leak that quotes paragraph 3 after paragraph 1 must not seed on the end of
 *    paragraph 1 followed by the start of paragraph 2 because 2 and 3 begin alike.
 * 2. Chains: seeds taken in leak order, each continuing the chain it follows closely on both
 *    sides (within GAP words, increasing in both), else starting a new one. A chain is one
 *    copied passage; the journalist's own words seed at most a stray k-gram or two, so a
 *    chain counts only with MIN_SEEDS seeds.
 * 3. Each chain's span, from its first seed to the end of its last, is diffed exactly
 *    (`diffSequences`). Nothing outside the seeded span is aligned: a slot read there would
 *    rest on common words matched by chance.
 */
import { diffSequences } from '../../redline/sequence-diff.ts';

export const GRAM = 4;
const GAP = 32;
const MIN_SEEDS = 3;

/** One copied passage: aligned word pairs, increasing on both sides. */
export interface LeakRegion {
  /** Master word indices, increasing. */
  master: Int32Array;
  /** The leak word each is aligned to, increasing. */
  leak: Int32Array;
}

function gramHash(s: Int32Array, i: number): number {
  let h = 0x811c9dc5 | 0;
  for (let t = 0; t < GRAM; t++) h = Math.imul(h ^ s[i + t]!, 0x01000193);
  return h;
}

function sameGram(a: Int32Array, i: number, b: Int32Array, j: number): boolean {
  for (let t = 0; t < GRAM; t++) if (a[i + t] !== b[j + t]) return false;
  return true;
}

interface Chain {
  firstI: number;
  firstJ: number;
  lastI: number;
  lastJ: number;
  seeds: number;
}

/** Seeds (master position, leak position) in leak order. */
function seeds(master: Int32Array, paragraphOf: Int32Array, leak: Int32Array): { is: number[]; js: number[] } {
  // Hash → first master position, or -2 once a second occurrence (or a colliding k-gram) is seen.
  const where = new Map<number, number>();
  for (let i = 0; i + GRAM <= master.length; i++) {
    if (paragraphOf[i] !== paragraphOf[i + GRAM - 1]) continue;
    const h = gramHash(master, i);
    const seen = where.get(h);
    if (seen === undefined) where.set(h, i);
    else if (seen !== -2) where.set(h, -2);
  }
  const is: number[] = [];
  const js: number[] = [];
  for (let j = 0; j + GRAM <= leak.length; j++) {
    const i = where.get(gramHash(leak, j));
    if (i === undefined || i < 0 || !sameGram(master, i, leak, j)) continue;
    is.push(i);
    js.push(j);
  }
  return { is, js };
}

function chains(is: readonly number[], js: readonly number[]): Chain[] {
  const done: Chain[] = [];
  let open: Chain[] = [];
  for (let s = 0; s < is.length; s++) {
    const i = is[s]!;
    const j = js[s]!;
    const still: Chain[] = [];
    for (const c of open) (j - c.lastJ <= GAP ? still : done).push(c);
    open = still;
    let best: Chain | undefined;
    let bestSkew = Infinity;
    for (const c of open) {
      if (i <= c.lastI || j <= c.lastJ || i - c.lastI > GAP) continue;
      const skew = Math.abs(i - c.lastI - (j - c.lastJ));
      if (skew < bestSkew) {
        best = c;
        bestSkew = skew;
      }
    }
    if (best) {
      best.lastI = i;
      best.lastJ = j;
      best.seeds++;
    } else open.push({ firstI: i, firstJ: j, lastI: i, lastJ: j, seeds: 1 });
  }
  done.push(...open);
  return done.filter((c) => c.seeds >= MIN_SEEDS).sort((a, b) => a.firstJ - b.firstJ);
}

/** The passages of `leak` copied from `master` (folded word ids on both sides; the paragraph of each master word), in leak order. */
export function leakRegions(master: Int32Array, paragraphOf: Int32Array, leak: Int32Array): LeakRegion[] {
  const { is, js } = seeds(master, paragraphOf, leak);
  return chains(is, js).map((c) => {
    const aLo = c.firstI;
    const aHi = c.lastI + GRAM;
    const bLo = c.firstJ;
    const bHi = c.lastJ + GRAM;
    const matches = diffSequences(master.subarray(aLo, aHi), leak.subarray(bLo, bHi));
    let n = 0;
    for (const m of matches) n += m.length;
    const mi = new Int32Array(n);
    const lj = new Int32Array(n);
    let t = 0;
    for (const m of matches) {
      for (let d = 0; d < m.length; d++, t++) {
        mi[t] = aLo + m.aStart + d;
        lj[t] = bLo + m.bStart + d;
      }
    }
    return { master: mi, leak: lj };
  });
}
