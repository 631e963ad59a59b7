/**
 * `bench/settlement`: exact maximin (leximin of the gains over the disagreement values) and
 * exact Nash on random cases of 12 issues × 5 options × 4 parties and 30 × 6 × 6, three
 * seeded cases of each size (issues with options only; whole-number weights and ratings,
 * ratings spread 0–100 within each issue, about 4% of the options someone's red line,
 * disagreement values 25–40). In one run:
 *
 * - 12×5×4, the engine's route (`answerConcepts`: the exact frontier merge, which fits) against
 *   exhaustive enumeration of every package (5^12 ≈ 244 million, less the red lines) by a tight
 *   loop over typed arrays in whole points, the same objective (leximin for maximin, the
 *   largest product of gains for Nash) but no tie-break;
 * - both sizes, our MILP (`solveConceptMilp`: dominated options pruned, the sequential
 *   leximin, Nash by outer approximation to a proven optimum) against a plain HiGHS model of
 *   the same objective solved once: every allowed option, for maximin one max-min MILP (only
 *   the smallest gain: less than the leximin ours settles), for Nash a fixed model of 32
 *   tangents per party spread from 0.01 to the party's largest conceivable gain; and, for
 *   maximin, that same max-min model on the pruned options (what pruning alone buys).
 *
 * Each line says whether the answers have the same value ("sameAnswer"): for maximin the
 * sorted gains (the plain model: the smallest gain), for Nash Σ log gain within 1e-9.
 * Timings: the total over the three cases; a case taking under a second is the median of five
 * runs, a longer one is run once (HiGHS does the same work on every run; only the clock moves).
 */
import { answerConcepts } from '../src/domain/settlement/answer-concepts.ts';
import { DEFAULT_FRONTIER_CAP, paretoFrontier } from '../src/domain/settlement/frontier.ts';
import { continuous, extendModel, type Row } from '../src/domain/settlement/milp/lp-model.ts';
import { nashValue } from '../src/domain/settlement/milp/nash-outer-approximation.ts';
import { buildPackageModel } from '../src/domain/settlement/milp/package-model.ts';
import { undominatedOptions } from '../src/domain/settlement/milp/prune-options.ts';
import { solvePackage } from '../src/domain/settlement/milp/run-milp.ts';
import { solveConceptMilp } from '../src/domain/settlement/milp/solve-concept.ts';
import type { MilpSolver, PreparedCase, SolutionConcept } from '../src/domain/settlement/model.ts';
import { optionPoints } from '../src/domain/settlement/utility.ts';
import { loadHighsSolver } from '../src/solver/highs.ts';
import { median, result, rng, type Bench, type Result } from './harness.ts';


export function randomCase(issues: number, options: number, parties: number, seed: number): PreparedCase {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const weight = Array.from({ length: parties }, () => {
    const raw = Array.from({ length: issues }, () => int(1, 10));
    const total = raw.reduce((a, b) => a + b, 0);
    const w = raw.map((x) => Math.floor((x * 100) / total));
    for (let i = 0, left = 100 - w.reduce((a, b) => a + b, 0); left > 0; i = (i + 1) % issues, left--) w[i]!++;
    return w;
  });
  const rating = Array.from({ length: parties }, () =>
    Array.from({ length: issues }, () => {
      const raw = Array.from({ length: options }, () => int(0, 100));
      const lo = Math.min(...raw);
      const hi = Math.max(...raw);
      return raw.map((x) => (hi === lo ? 100 : Math.round(((x - lo) * 100) / (hi - lo))));
    }),
  );
  const unacceptableBy = Array.from({ length: issues }, () => Array.from({ length: options }, () => [] as number[]));
  for (let i = 0; i < issues; i++) {
    for (let o = 0; o < options; o++) {
      for (let p = 0; p < parties; p++) {
        if (r() < 0.04 && unacceptableBy[i]!.filter((by) => by.length === 0).length > 2) unacceptableBy[i]![o]!.push(p);
      }
    }
  }
  return {
    parties: Array.from({ length: parties }, (_, p) => `P${p}`),
    issues: Array.from({ length: issues }, (_, i) => ({ id: `i${i}`, divisible: false, options: Array.from({ length: options }, (_, o) => `o${o}`) })),
    weight,
    rating,
    allowed: unacceptableBy.map((issue) => issue.map((by) => by.length === 0)),
    unacceptableBy,
    batna: Array.from({ length: parties }, () => int(25, 40)),
  };
}

/** An answer's value: for maximin the sorted gains, for Nash [Σ log gain]. */
type Value = readonly number[];

function sameValue(concept: SolutionConcept, a: Value, b: Value): boolean {
  const tol = concept === 'nash' ? 1e-9 : 1e-6;
  return a.length === b.length && a.every((x, k) => Math.abs(x - b[k]!) <= tol);
}

function valueOf(concept: SolutionConcept, c: PreparedCase, utilities: readonly number[]): Value {
  const gains = utilities.map((u, p) => u - c.batna[p]!);
  return concept === 'nash' ? [nashValue(gains, c.parties.map((_, p) => p))] : gains.sort((a, b) => a - b);
}

/**
 * The baseline enumerator: every package that respects the red lines, depth first, with the
 * partial sums of each level kept so a leaf costs one addition per party. Points are whole
 * numbers (weight × rating), so every sum is exact.
 */
export function enumerateBest(c: PreparedCase, concept: 'maximin' | 'nash'): Value {
  const n = c.parties.length;
  const m = c.issues.length;
  const opts = c.issues.map((issue, i) => issue.options.map((_, o) => o).filter((o) => c.allowed[i]![o]));
  const pts = opts.map((os, i) => Float64Array.from(os.flatMap((o) => c.parties.map((_, p) => optionPoints(c, p, i, o)))));
  const floor = Float64Array.from(c.batna, (b) => b * 100);
  const sums = new Float64Array((m + 1) * n);
  const idx = new Int32Array(m);
  const gains = new Float64Array(n);
  const best = new Float64Array(n).fill(-Infinity);
  let bestProduct = -Infinity;
  const last = m - 1;
  const lastPts = pts[last]!;
  const lastCount = opts[last]!.length;

  let level = 0;
  for (;;) {
    // Fill the partial sums down to the level above the last issue.
    for (; level < last; level++) {
      const base = level * n;
      const o = idx[level]! * n;
      const p0 = pts[level]!;
      for (let p = 0; p < n; p++) sums[base + n + p] = sums[base + p]! + p0[o + p]!;
    }
    const base = last * n;
    for (let k = 0; k < lastCount; k++) {
      let min = Infinity;
      let product = 1;
      for (let p = 0; p < n; p++) {
        const g = sums[base + p]! + lastPts[k * n + p]! - floor[p]!;
        gains[p] = g;
        if (g < min) min = g;
        product *= g;
      }
      if (min < 0) continue;
      if (concept === 'nash') {
        if (min > 0 && product > bestProduct) bestProduct = product;
      } else if (min >= best[0]!) {
        gains.sort();
        let k2 = 0;
        while (k2 < n && gains[k2] === best[k2]) k2++;
        if (k2 < n && gains[k2]! > best[k2]!) best.set(gains);
      }
    }
    // Advance the odometer over the levels above the last.
    level = last - 1;
    while (level >= 0 && ++idx[level]! >= opts[level]!.length) idx[level--] = 0;
    if (level < 0) break;
  }
  if (concept === 'nash') return [n * Math.log(0.01) + Math.log(bestProduct)];
  return Array.from(best, (g) => g / 100);
}

/** The plain HiGHS model of the same objective, solved once, without pruning (unless asked). */
function plainHighs(c: PreparedCase, solver: MilpSolver, concept: 'maximin' | 'nash', pruned = false): Value {
  const ref = c.batna;
  const kept = pruned ? undominatedOptions(c) : c.issues.map((issue, i) => issue.options.map((_, o) => o).filter((o) => c.allowed[i]![o]));
  if (concept === 'maximin') {
    const pm = buildPackageModel(c, { floor: ref, ref, kept });
    const rows: Row[] = c.parties.map((_, p) => ({ name: `min${p}`, terms: new Map([['t', -1], [pm.gain[p]!, 1]]), op: '>=', rhs: 0 }));
    const solved = solvePackage(solver, c, pm, ref, extendModel(pm.model, { columns: [continuous('t')], rows }), { sense: 'maximize', terms: new Map([['t', 1]]) });
    if (solved === null) throw new Error('settlement bench: the plain max-min model is infeasible');
    return [Math.min(...solved.gains)];
  }
  const EPS = 0.01;
  const pm = buildPackageModel(c, { floor: ref, ref, kept, minGain: c.parties.map(() => EPS) });
  const columns = c.parties.map((_, p) => continuous(`z${p}`));
  const rows: Row[] = [];
  c.parties.forEach((_, p) => {
    const most = c.issues.reduce((acc, _, i) => acc + Math.max(...kept[i]!.map((o) => optionPoints(c, p, i, o))), 0) / 100 - ref[p]!;
    for (let j = 0; j < 32; j++) {
      const a = most * (EPS / most) ** (j / 31);
      rows.push({ name: `cut${p}_${j}`, terms: new Map([[`z${p}`, 1], [pm.gain[p]!, -1 / a]]), op: '<=', rhs: Math.log(a) - 1 });
    }
  });
  const objective = new Map(c.parties.map((_, p) => [`z${p}`, 1]));
  const solved = solvePackage(solver, c, pm, ref, extendModel(pm.model, { columns, rows }), { sense: 'maximize', terms: objective });
  if (solved === null) throw new Error('settlement bench: the plain Nash model is infeasible');
  return valueOf('nash', c, solved.scored.utilities);
}

/** One case's time: the median of five runs when a run takes under a second, else the one run. */
async function timeCase<T>(fn: () => T): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = fn();
  const first = performance.now() - t;
  if (first >= 1000) return { ms: first, value };
  return { ms: await median(5, fn), value };
}

type SettlementResult = Result & { sameAnswer: boolean };

export const settlementBench: Bench = {
  name: 'settlement',
  async run() {
    const solver = await loadHighsSolver();
    let solves = 0;
    const counting: MilpSolver = {
      solve: (lp, options) => {
        solves++;
        return solver.solve(lp, options);
      },
    };
    const sizes = [
      { label: '12×5×4', cases: [1, 2, 3].map((seed) => randomCase(12, 5, 4, seed)), enumerate: true },
      { label: '30×6×6', cases: [1, 2, 3].map((seed) => randomCase(30, 6, 6, seed)), enumerate: false },
    ];
    // HiGHS's WASM is compiled lazily and optimized while it runs: the first seconds of solving
    // in a process are several times slower than the rest, whoever comes first. Warm it up on
    // a case that is not measured, with both methods.
    const warmUp = randomCase(12, 5, 4, 99);
    for (const concept of ['maximin', 'nash'] as const) {
      solveConceptMilp(warmUp, solver, concept, { floor: warmUp.batna, ref: warmUp.batna });
      plainHighs(warmUp, solver, concept);
    }
    const out: SettlementResult[] = [];
    const line = (metric: string, value: number, baseline: string, baselineValue: number, sameAnswer: boolean): SettlementResult => ({
      ...result({ bench: 'settlement', metric, value, unit: 'ms', baseline, baselineValue }),
      sameAnswer,
    });

    for (const size of sizes) {
      for (const concept of ['maximin', 'nash'] as const) {
        const name = concept === 'maximin' ? 'exact maximin (leximin of gains)' : 'exact Nash';
        let ours = 0;
        let plain = 0;
        let samePlain = true;
        let firstStep = 0;
        let route = 0;
        let enumeration = 0;
        let sameEnumeration = true;
        for (const [k, c] of size.cases.entries()) {
          const refs = { floor: c.batna, ref: c.batna };
          solves = 0;
          const milp = await timeCase(() => solveConceptMilp(c, counting, concept, refs));
          if (milp.value === null) throw new Error(`settlement bench: ${size.label} case ${k + 1} has no ${concept} answer`);
          const oursValue = valueOf(concept, c, milp.value.best.utilities);
          ours += milp.ms;
          const runs = milp.ms >= 1000 ? 1 : 6;
          const base = await timeCase(() => plainHighs(c, solver, concept));
          plain += base.ms;
          const samePlainHere = sameValue(concept, concept === 'maximin' ? oursValue.slice(0, 1) : oursValue, base.value);
          samePlain &&= samePlainHere;
          if (concept === 'maximin') {
            const pruned = await timeCase(() => plainHighs(c, solver, concept, true));
            firstStep += pruned.ms;
            samePlain &&= sameValue(concept, oursValue.slice(0, 1), pruned.value);
          }
          const note = [`${size.label} case ${k + 1} ${concept}: MILP ${milp.ms.toFixed(0)} ms, ${Math.round(solves / runs)} solves, ${JSON.stringify(milp.value.method)}`];
          note.push(`plain HiGHS ${base.ms.toFixed(0)} ms, same value: ${samePlainHere}`);
          if (size.enumerate) {
            const frontier = paretoFrontier(c, { floor: c.batna });
            const viaRoute = await timeCase(() => answerConcepts(c, { ...refs, concepts: [concept], frontierCap: DEFAULT_FRONTIER_CAP, solver }));
            const answer = viaRoute.value.answers[concept];
            if (answer === undefined || !answer.ok) throw new Error(`settlement bench: no ${concept} answer by the engine's route`);
            route += viaRoute.ms;
            const t = performance.now();
            const enumerated = enumerateBest(c, concept);
            const enumMs = performance.now() - t;
            enumeration += enumMs;
            const sameHere = sameValue(concept, valueOf(concept, c, answer.utilities), enumerated) && sameValue(concept, oursValue, enumerated);
            sameEnumeration &&= sameHere;
            note.push(`frontier ${frontier?.length ?? 'over the cap'} packages, route ${answer.method.method} ${viaRoute.ms.toFixed(0)} ms, enumeration ${enumMs.toFixed(0)} ms, same value: ${sameHere}`);
          }
          process.stderr.write(`settlement: ${note.join('; ')}\n`);
        }
        if (size.enumerate) {
          out.push(line(`${name}, ${size.label}, 3 cases (engine route: frontier merge)`, route, 'exhaustive enumeration of every package (typed arrays, whole points)', enumeration, sameEnumeration));
        }
        const plainName = `plain HiGHS model solved once (${concept === 'maximin' ? 'max-min only' : '32 fixed tangents per party'}, no pruning)`;
        out.push(line(`${name}, ${size.label}, 3 cases (MILP: pruned, ${concept === 'maximin' ? 'sequential leximin' : 'outer approximation'})`, ours, plainName, plain, samePlain));
        if (concept === 'maximin') out.push(line(`max-min only (the leximin's first step), ${size.label}, 3 cases, pruned`, firstStep, plainName, plain, samePlain));
      }
    }
    return out;
  },
};
