/**
 * `npm run eval:tracing`: a Monte Carlo study of the leak-tracing code (src/domain/tracing).
 * For n ∈ {5, 20, 100} recipients and coalitions of c ∈ {1, 2, 3}, a code is drawn for (n, c,
 * ε = 10⁻³), a coalition colludes by each strategy, and the leak is read as an excerpt (a
 * quarter, half or all of the slots) with 0 or 20% of the slots in it lost. For each cell:
 * how often a colluder is accused (detection) and how often an innocent is (false accusation,
 * which the threshold bounds by ε). Last, the excerpt needed to name a single leaker among 20
 * recipients: the fewest slots read at which 95% of traces name the leaker.
 *
 * Seeded, so every run prints the same table. Prints Markdown for docs/benchmarks.md.
 */
import { collude, excerpt, strategies, type Strategy } from '../src/domain/tracing/coalition.ts';
import { drawBiases, drawCodeword, tardosParams, trace } from '../src/domain/tracing/tardos.ts';
import { seededRandom } from '../src/domain/testing/seeded-random.ts';

const EPSILON = 1e-3;
const TRIALS = Number(process.env.PARLEY_EVAL_TRIALS ?? 200);
const FRACTIONS = [0.25, 0.5, 1] as const;
const ERASURES = [0, 0.2] as const;

interface Cell { caught: number; innocentAccused: number; trials: number }

function study(n: number, c: number): { length: number; cells: Map<string, Cell> } {
  const params = tardosParams(n, c, EPSILON);
  const random = seededRandom(n * 1000 + c);
  const cells = new Map<string, Cell>();
  for (let k = 0; k < TRIALS; k += 1) {
    const biases = drawBiases(params.length, params.cutoff, random);
    const words = new Map<string, Uint8Array>(Array.from({ length: n }, (_, j) => [`r${j}`, drawCodeword(biases, random)] as const));
    const members = new Set<string>();
    while (members.size < Math.min(c, n)) members.add(`r${Math.floor(random() * n)}`);
    for (const strategy of strategies) {
      const leaked = collude([...members].map((m) => words.get(m)!), strategy, random);
      for (const fraction of FRACTIONS) {
        for (const erasure of ERASURES) {
          const read = excerpt(leaked, Math.ceil(params.length * fraction), erasure, random);
          const accused = trace(biases, words, read, EPSILON, params.cutoff).suspects.filter((s) => s.accused);
          const key = `${strategy}|${fraction}|${erasure}`;
          const cell = cells.get(key) ?? { caught: 0, innocentAccused: 0, trials: 0 };
          cell.trials += 1;
          if (accused.some((s) => members.has(s.recipient))) cell.caught += 1;
          if (accused.some((s) => !members.has(s.recipient))) cell.innocentAccused += 1;
          cells.set(key, cell);
        }
      }
    }
  }
  return { length: params.length, cells };
}

/** The fewest slots read at which at least 95% of traces name a lone leaker among 20. */
function singleLeakerSlots(): { slots: number; rate: number; length: number } {
  const n = 20;
  const params = tardosParams(n, 1, EPSILON);
  const random = seededRandom(424242);
  const trials = 200;
  const codes = Array.from({ length: trials }, () => {
    const biases = drawBiases(params.length, params.cutoff, random);
    const words = new Map<string, Uint8Array>(Array.from({ length: n }, (_, j) => [`r${j}`, drawCodeword(biases, random)] as const));
    return { biases, words, leaker: `r${Math.floor(random() * n)}` };
  });
  for (let slots = 10; slots <= params.length; slots += 5) {
    let named = 0;
    for (const { biases, words, leaker } of codes) {
      const read = excerpt(words.get(leaker)!, slots, 0, random);
      const accused = trace(biases, words, read, EPSILON, params.cutoff).suspects.filter((s) => s.accused);
      if (accused.length === 1 && accused[0]!.recipient === leaker) named += 1;
    }
    if (named / trials >= 0.95) return { slots, rate: named / trials, length: params.length };
  }
  return { slots: params.length, rate: NaN, length: params.length };
}

const pct = (x: number) => `${(100 * x).toFixed(x === 1 || x === 0 ? 0 : 1)}%`;
const started = Date.now();
console.log(`Leak tracing: binary symmetric Tardos code, ε = ${EPSILON}, ${TRIALS} codes per (n, c), threshold from the slots actually read.\n`);
console.log('| n | c | code length | strategy | excerpt | erased | colluder accused | innocent accused |');
console.log('|---|---|---|---|---|---|---|---|');
let innocentTrials = 0;
let innocentAccused = 0;
for (const n of [5, 20, 100]) {
  for (const c of [1, 2, 3]) {
    const { length, cells } = study(n, c);
    for (const strategy of (c === 1 ? ['interleaving'] : strategies) as readonly Strategy[]) {
      for (const fraction of FRACTIONS) {
        for (const erasure of ERASURES) {
          const cell = cells.get(`${strategy}|${fraction}|${erasure}`)!;
          innocentTrials += cell.trials;
          innocentAccused += cell.innocentAccused;
          console.log(`| ${n} | ${c} | ${length} | ${c === 1 ? '(one leaker)' : strategy} | ${pct(fraction)} | ${pct(erasure)} | ${pct(cell.caught / cell.trials)} | ${cell.innocentAccused}/${cell.trials} |`);
        }
      }
    }
  }
}
console.log(`\nTraces with an innocent accused: ${innocentAccused} of ${innocentTrials} (the bound allows ${EPSILON} per trace).`);
const single = singleLeakerSlots();
console.log(`A single leaker among 20 recipients (code of ${single.length} slots) is named alone in ${pct(single.rate)} of traces from ${single.slots} slots read.`);
console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
