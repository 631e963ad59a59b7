/**
 * `bench/redline`: two versions of a synthetic agreement (2,000 points, about 500,000 words,
 * fixed seed; the revision edits 5% of the points and moves, merges, splits and removes a
 * few, so every later point is renumbered). In one run:
 *
 * - our engine on the two flat texts (`redline`, the same input the baselines get),
 * - our engine on the two documents as points (`compareDocuments`: identical points by hash,
 *   the rest diffed per pair),
 * - jsdiff's `diffWords` on the two flat texts (baseline),
 * - `git diff --no-index --word-diff=porcelain` on the two texts as files (a C program,
 *   spawned, wall clock including process start and output; baseline).
 * - `alignPoints` on the same 2,000 → ~2,000 points as if they had no shared ids (matching by
 *   content: renumbered, moved, merged, split), against the naive way to align by content:
 *   every old point scored against every new point (Dice over their word sets, words
 *   interned, sets sorted, so the baseline is not slow for want of care) and each new point
 *   taking its best. That is the work alignPoints' candidate pruning avoids, and it does less
 *   (no weights, no word order, no merges or splits), so alignPoints should be well under it.
 *
 * The engine's output must pass the law the property tests check (applying it to the old
 * text gives the new one, the old side gives the old one), or the bench fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffWords } from 'diff';
import { alignPoints, alignTokens } from '../src/domain/redline/align.ts';
import { applyRedline, compareDocuments, oldText, redline, type DocPoint } from '../src/domain/redline/index.ts';
import { median, result, rng, type Bench, type Result } from './harness.ts';


const LATIN = 'parties shall agree ceasefire within days territory guarantees sanctions security forces withdrawal monitoring commission elections referendum prisoners exchange humanitarian corridor reconstruction fund energy grain export port nuclear plant inspection council obligations implementation arbitration dispute resolution notice period amendment signature ratification parliament treaty annex protocol article clause provision binding effect'.split(' ');
const CYRILLIC = 'стороны соглашение перемирие гарантии безопасность Україна сторони угода'.split(' ');
const ARABIC = 'فریقین معاہدہ جنگ بندی ضمانت الأطراف اتفاق'.split(' ');
const PUNCT = [',', ',', ';', ''];

function sentence(r: () => number): string {
  const n = 10 + Math.floor(r() * 14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    const pool = x < 0.85 ? LATIN : x < 0.93 ? CYRILLIC : ARABIC;
    let w = pool[Math.floor(r() * pool.length)]!;
    if (i === 0) w = w[0]!.toUpperCase() + w.slice(1);
    if (r() < 0.08) w += PUNCT[Math.floor(r() * PUNCT.length)]!;
    if (r() < 0.03) w = String(Math.floor(r() * 1000));
    words.push(w);
  }
  return words.join(' ') + '.';
}

function pointText(r: () => number, words: number): string {
  const out: string[] = [];
  let count = 0;
  while (count < words) {
    const s = sentence(r);
    out.push(s);
    count += s.split(' ').length;
  }
  return out.join(' ');
}

function editText(r: () => number, text: string): string {
  const words = text.split(' ');
  const edits = 1 + Math.floor(r() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(r() * words.length);
    const kind = r();
    if (kind < 0.4) words[at] = LATIN[Math.floor(r() * LATIN.length)]!;
    else if (kind < 0.7) words.splice(at, 1 + Math.floor(r() * 3));
    else words.splice(at, 0, ...sentence(r).split(' ').slice(0, 1 + Math.floor(r() * 6)));
  }
  return words.join(' ');
}

export interface Agreement {
  oldPoints: DocPoint[];
  newPoints: DocPoint[];
  oldText: string;
  newText: string;
  words: number;
  edits: Record<string, number>;
}

/** Points joined as "N. text" paragraphs. */
const flat = (points: readonly DocPoint[]) => points.map((p) => `${p.number}. ${p.text}`).join('\n\n') + '\n';

export function syntheticAgreement(points = 2000, wordsPerPoint = 250, seed = 5): Agreement {
  const r = rng(seed);
  const texts = Array.from({ length: points }, () => pointText(r, wordsPerPoint - 20 + Math.floor(r() * 40)));
  const oldPoints = texts.map((text, i) => ({ number: String(i + 1), text }));
  // The revision: each old point becomes zero, one or two new points.
  const edits = { edited: 0, moved: 0, merged: 0, split: 0, removed: 0, added: 0 };
  let next: string[] = [];
  const movedOut: string[] = [];
  for (let i = 0; i < points; i++) {
    const x = r();
    let t = texts[i]!;
    if (x < 0.05) {
      t = editText(r, t);
      edits.edited++;
    }
    if (x >= 0.05 && x < 0.055 && i + 1 < points) {
      next.push(t + ' ' + texts[++i]!); // merged with the next point
      edits.merged++;
    } else if (x >= 0.055 && x < 0.06) {
      const words = t.split(' ');
      const half = words.length >> 1;
      next.push(words.slice(0, half).join(' '), words.slice(half).join(' '));
      edits.split++;
    } else if (x >= 0.06 && x < 0.065) {
      movedOut.push(t);
      edits.moved++;
    } else if (x >= 0.065 && x < 0.068) {
      edits.removed++;
    } else next.push(t);
    if (r() < 0.003) {
      next.push(pointText(r, 60));
      edits.added++;
    }
  }
  for (const t of movedOut) next.splice(Math.floor(r() * next.length), 0, t);
  next = next.filter((t) => t.length > 0);
  const newPoints = next.map((text, i) => ({ number: String(i + 1), text }));
  const oldFlat = flat(oldPoints);
  return { oldPoints, newPoints, oldText: oldFlat, newText: flat(newPoints), words: oldFlat.split(/\s+/).length, edits };
}

function gitWordDiff(a: string, b: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'parley-redline-'));
  try {
    writeFileSync(join(dir, 'old.txt'), a);
    writeFileSync(join(dir, 'new.txt'), b);
    const t = performance.now();
    const out = spawnSync('git', ['diff', '--no-index', '--no-color', '--word-diff=porcelain', 'old.txt', 'new.txt'], { cwd: dir, maxBuffer: 1 << 30 });
    const ms = performance.now() - t;
    if (out.status !== 1) throw new Error(`git diff exited ${out.status}: ${out.stderr.toString()}`);
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The naive content alignment (the baseline): all pairs scored, each new point takes its best old one. */
function allPairsAlignment(oldPoints: readonly DocPoint[], newPoints: readonly DocPoint[]): number[] {
  const ids = new Map<string, number>();
  const set = (text: string): Int32Array => {
    const s = new Set<number>();
    for (const w of alignTokens(text)) {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      s.add(id);
    }
    return Int32Array.from(s).sort();
  };
  const olds = oldPoints.map((p) => set(p.text));
  const news = newPoints.map((p) => set(p.text));
  return news.map((b) => {
    let best = -1;
    let bestScore = 0;
    olds.forEach((a, i) => {
      let shared = 0;
      for (let x = 0, y = 0; x < a.length && y < b.length; ) {
        if (a[x] === b[y]) {
          shared++;
          x++;
          y++;
        } else if (a[x]! < b[y]!) x++;
        else y++;
      }
      const score = (2 * shared) / (a.length + b.length);
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    return best;
  });
}

export const redlineBench: Bench = {
  name: 'redline',
  async run() {
    const doc = syntheticAgreement();
    process.stderr.write(`redline: ${doc.oldPoints.length} → ${doc.newPoints.length} points, ${doc.words} words, ${JSON.stringify(doc.edits)}\n`);
    // The law on the full texts, and on the documents point by point.
    const ops = redline(doc.oldText, doc.newText);
    if (applyRedline(ops) !== doc.newText || oldText(ops) !== doc.oldText) throw new Error('redline bench: the flat redline does not pass the apply law');
    const cmp = compareDocuments(doc.oldPoints, doc.newPoints);
    for (const p of cmp.points) {
      const want = p.new === null ? '' : doc.newPoints[p.new]!.text;
      const had = p.old === null ? '' : doc.oldPoints[p.old]!.text;
      if (applyRedline(p.ops) !== want || oldText(p.ops) !== had) throw new Error('redline bench: a point redline does not pass the apply law');
    }
    const moves = ops.filter((o) => o.op === 'move-to').length;
    process.stderr.write(`redline: flat redline ${ops.length} ops, ${moves} moves; documents ${JSON.stringify(cmp.stats)}\n`);

    const flatMs = await median(5, () => redline(doc.oldText, doc.newText));
    const docMs = await median(5, () => compareDocuments(doc.oldPoints, doc.newPoints));
    const gitMs = await median(3, () => gitWordDiff(doc.oldText, doc.newText));
    const pairs = alignPoints(doc.oldPoints, doc.newPoints);
    const kinds: Record<string, number> = {};
    for (const p of pairs) kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
    process.stderr.write(`redline: alignPoints ${JSON.stringify(kinds)}\n`);
    const alignMs = await median(3, () => alignPoints(doc.oldPoints, doc.newPoints));
    // The naive baseline is run once: it takes long enough.
    const t0 = performance.now();
    allPairsAlignment(doc.oldPoints, doc.newPoints);
    const allPairsMs = performance.now() - t0;
    // jsdiff is run once: it takes long enough that repeating it adds nothing but minutes.
    const t = performance.now();
    const parts = diffWords(doc.oldText, doc.newText);
    const jsdiffMs = performance.now() - t;
    if (!parts) throw new Error('redline bench: diffWords gave no result');
    const r = (metric: string, value: number, baseline: string, baselineValue: number): Result =>
      result({ bench: 'redline', metric, value, unit: 'ms', baseline, baselineValue });
    return [
      r('redline of two 500k-word texts (flat)', flatMs, 'jsdiff diffWords on the same texts', jsdiffMs),
      r('redline of two 500k-word texts (flat)', flatMs, 'git diff --no-index --word-diff=porcelain (spawned)', gitMs),
      r('compareDocuments on the same 2,000 points', docMs, 'jsdiff diffWords on the flat texts', jsdiffMs),
      r('compareDocuments on the same 2,000 points', docMs, 'git diff --no-index --word-diff=porcelain (spawned)', gitMs),
      r('alignPoints on the same 2,000 points (no shared ids)', alignMs, 'all pairs scored (Dice over word sets), best old point per new point', allPairsMs),
    ];
  },
};
