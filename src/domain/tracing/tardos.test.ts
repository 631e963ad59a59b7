import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seeded-random.ts';
import { collude, excerpt, strategies } from './coalition.ts';
import {
  accusationThreshold, drawBiases, drawCodeword, falseAccusationBound, leakFalseAccusationBound, leakThreshold, maxTerm, recipientScore, slotScore, tardosParams, trace,
} from './tardos.ts';

const EPS = 1e-3;

function world(n: number, c: number, seed: number) {
  const random = seededRandom(seed);
  const params = tardosParams(n, c, EPS);
  const biases = drawBiases(params.length, params.cutoff, random);
  const words = new Map<string, Uint8Array>(Array.from({ length: n }, (_, j) => [`r${j}`, drawCodeword(biases, random)] as const));
  return { random, params, biases, words };
}

describe('the biases', () => {
  it('follow the arcsine density on [t, 1 − t] (Kolmogorov–Smirnov distance under 0.015 on 20,000 draws)', () => {
    const t = 1 / 300;
    const rt = Math.asin(Math.sqrt(t));
    const cdf = (p: number) => (Math.asin(Math.sqrt(p)) - rt) / (Math.PI / 2 - 2 * rt);
    const draws = Array.from(drawBiases(20_000, t, seededRandom(7))).sort((a, b) => a - b);
    expect(draws[0]).toBeGreaterThanOrEqual(t);
    expect(draws.at(-1)).toBeLessThanOrEqual(1 - t);
    let d = 0;
    draws.forEach((p, k) => { d = Math.max(d, Math.abs(cdf(p) - (k + 1) / draws.length), Math.abs(cdf(p) - k / draws.length)); });
    expect(d).toBeLessThan(0.015);
    // Not uniform: a quarter of the arcsine mass lies below p ≈ 0.146, far more than a uniform's.
    expect(draws.filter((p) => p < 0.146).length / draws.length).toBeGreaterThan(0.22);
  });
});

describe('an innocent recipient\'s score', () => {
  it('has mean 0 and variance 1 per slot, whichever form the leak shows', () => {
    const random = seededRandom(11);
    const biases = drawBiases(200_000, 1 / 300, random);
    for (const y of [0, 1] as const) {
      let sum = 0;
      let squares = 0;
      for (const p of biases) {
        const v = slotScore(p, y, random() < p ? 1 : 0);
        sum += v;
        squares += v * v;
      }
      const mean = sum / biases.length;
      expect(Math.abs(mean)).toBeLessThan(0.02);
      expect(squares / biases.length - mean * mean).toBeCloseTo(1, 1);
    }
  });

  it('is symmetric in the two forms, and bounded by the cutoff', () => {
    for (const p of [0.01, 0.2, 0.5, 0.93]) for (const x of [0, 1]) expect(slotScore(p, 1, x)).toBeCloseTo(slotScore(1 - p, 0, 1 - x), 12);
    expect(slotScore(1 / 300, 1, 1)).toBeCloseTo(maxTerm(1 / 300), 12);
  });

  it('passes the threshold in no more than ε of the trials, however the leak was made', () => {
    const n = 20;
    let accused = 0;
    const trials = 400;
    for (let k = 0; k < trials; k += 1) {
      const { random, biases, words, params } = world(n, 2, 1000 + k);
      // A leak that owes nothing to these recipients: every accusation would be false.
      const leak = Array.from(biases, () => (random() < 0.5 ? 1 : 0));
      if (trace(biases, words, leak, EPS, params.cutoff).suspects.some((s) => s.accused)) accused += 1;
    }
    expect(accused / trials).toBeLessThanOrEqual(EPS);
  });
});

describe('tracing', () => {
  it('names a single leaker among 20 from a whole copy and from an excerpt with slots lost, and nobody else', () => {
    const { random, params, biases, words } = world(20, 1, 3);
    const leaked = words.get('r7')!;
    const whole = trace(biases, words, Array.from(leaked) as (0 | 1)[], EPS, params.cutoff);
    expect(whole.suspects[0]).toMatchObject({ recipient: 'r7', accused: true });
    expect(whole.suspects[0]!.confidence).toBeGreaterThan(1 - EPS);
    expect(whole.suspects.filter((s) => s.accused).map((s) => s.recipient)).toEqual(['r7']);
    const part = trace(biases, words, excerpt(leaked, Math.ceil(params.length * 0.9), 0.1, random), EPS, params.cutoff);
    expect(part.slotsRead).toBeLessThan(params.length);
    expect(part.suspects.filter((s) => s.accused).map((s) => s.recipient)).toEqual(['r7']);
  });

  it('accuses nobody when too few slots survive, rather than guess', () => {
    const { random, params, biases, words } = world(20, 1, 5);
    const tiny = trace(biases, words, excerpt(words.get('r2')!, 12, 0, random), EPS, params.cutoff);
    expect(tiny.slotsRead).toBe(12);
    expect(tiny.suspects.some((s) => s.accused)).toBe(false);
    expect(tiny.suspects[0]!.score).toBeLessThan(tiny.threshold);
    expect(trace(biases, words, Array.from(biases, () => null), EPS, params.cutoff)).toMatchObject({ slotsRead: 0, threshold: Infinity });
  });

  it('catches a member of a coalition of three under every strategy, and no innocent', () => {
    for (const strategy of strategies) {
      let caught = 0;
      const trials = 8;
      for (let k = 0; k < trials; k += 1) {
        const { random, params, biases, words } = world(20, 3, 50 + k);
        const members = ['r3', 'r11', 'r17'];
        const leak = Array.from(collude(members.map((m) => words.get(m)!), strategy, random)) as (0 | 1)[];
        const accused = trace(biases, words, leak, EPS, params.cutoff).suspects.filter((s) => s.accused).map((s) => s.recipient);
        expect(accused.filter((r) => !members.includes(r)), strategy).toEqual([]);
        if (accused.length > 0) caught += 1;
      }
      expect(caught, strategy).toBeGreaterThanOrEqual(trials - 1);
    }
  });

  it('keeps to the marking assumption: where the members agree, the leak agrees', () => {
    const random = seededRandom(9);
    const a = Uint8Array.from([0, 0, 1, 1, 0, 1]);
    const b = Uint8Array.from([0, 1, 1, 0, 0, 1]);
    for (const strategy of strategies) {
      const leak = collude([a, b], strategy, random);
      for (const i of [0, 2, 4, 5]) expect(leak[i], strategy).toBe(a[i]);
    }
    expect(Array.from(collude([a, b], 'all-1', random))).toEqual([0, 1, 1, 1, 0, 1]);
  });
});

describe('the parameters', () => {
  it('grow with the coalition and the recipients, and refuse nonsense', () => {
    const one = tardosParams(20, 1);
    const three = tardosParams(20, 3);
    expect(three.length).toBeGreaterThan(one.length);
    expect(tardosParams(100, 1).length).toBeGreaterThan(one.length);
    expect(one.cutoff).toBeCloseTo(1 / 300, 12);
    expect(() => tardosParams(0, 1)).toThrow(RangeError);
    expect(() => tardosParams(20, 1, 0)).toThrow(RangeError);
  });

  it('states the bound it accuses by: at the threshold an innocent gets there with probability at most ε', () => {
    for (const m of [10, 100, 1000]) {
      const z = accusationThreshold(m, 20, EPS, 1 / 300);
      expect(falseAccusationBound(z, m, 20, 1 / 300)).toBeCloseTo(EPS, 9);
      expect(accusationThreshold(m * 2, 20, EPS, 1 / 300)).toBeGreaterThan(z);
    }
    const { biases, words } = world(5, 1, 1);
    const w = words.get('r0')!;
    expect(recipientScore(biases, w, Array.from(w) as (0 | 1)[])).toBeGreaterThan(0);
  });
});

describe('the Chernoff threshold for the leak at hand', () => {
  it('holds its bound: innocents drawn against one fixed leak pass it no more often than ε/n allows', () => {
    const random = seededRandom(21);
    const t = 1 / 600;
    const biases = drawBiases(60, t, random);
    const leak = Array.from(drawCodeword(biases, random)) as (0 | 1)[];
    // n = 1, ε = 0.05: at most 5% of innocents may reach it (the bound is loose, so far fewer do).
    const z = leakThreshold(biases, leak, 1, 0.05);
    let over = 0;
    const trials = 4000;
    for (let k = 0; k < trials; k += 1) if (recipientScore(biases, drawCodeword(biases, random), leak) >= z) over += 1;
    expect(over / trials).toBeLessThanOrEqual(0.05);
    // The bound is evaluated on the λ grid, the threshold refined between its points: equal within a hair.
    expect(leakFalseAccusationBound(biases, leak, z, 1)).toBeLessThanOrEqual(0.051);
    expect(leakFalseAccusationBound(biases, leak, z, 1)).toBeGreaterThan(0.02);
  });

  it('names a lone leaker among 11 from 40 slots, where the Bernstein bound alone could not', () => {
    let named = 0;
    for (let seed = 0; seed < 50; seed += 1) {
      const random = seededRandom(100 + seed);
      const cutoff = 1 / 600;
      const biases = drawBiases(40, cutoff, random);
      const words = new Map(Array.from({ length: 11 }, (_, j) => [`r${j}`, drawCodeword(biases, random)] as const));
      const leak = Array.from(words.get('r3')!) as (0 | 1)[];
      expect(accusationThreshold(40, 11, EPS, cutoff)).toBeGreaterThan(recipientScore(biases, words.get('r3')!, leak));
      const result = trace(biases, words, leak, EPS, cutoff);
      expect(result.suspects.filter((s) => s.accused && s.recipient !== 'r3')).toEqual([]);
      if (result.suspects[0]?.recipient === 'r3' && result.suspects[0].accused) named += 1;
    }
    expect(named).toBeGreaterThanOrEqual(40);
  });

  it('is infinite with nothing read, so nobody is accused', () => {
    expect(leakThreshold([0.5, 0.5], [null, null], 5, EPS)).toBe(Infinity);
  });
});
