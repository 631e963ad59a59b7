/**
 * A tiny harness: each benchmark measures its subject and a named baseline in the same
 * run, on the same machine, and prints one JSON line per result. Timings come from
 * repeated runs; the median is reported because the first runs warm the JIT and WASM.
 */
export interface Result {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  baseline: string;
  baselineValue: number;
  ratio: number;
}

export async function median(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function result(r: Omit<Result, 'ratio'>): Result {
  return { ...r, value: round(r.value), baselineValue: round(r.baselineValue), ratio: round(r.value / r.baselineValue) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export interface Bench {
  name: string;
  run(): Promise<Result[]>;
}

/** The benchmarks' seeded generator: the same inputs on every run. */
export { seededRandom as rng } from '../src/domain/testing/seeded-random.ts';
