/**
 * The coding layer of leak tracing: a binary symmetric Tardos code. Each recipient's copy
 * carries one bit per slot (which of two equivalent forms the slot shows); the bits of
 * recipient j at slot i are drawn with a secret bias p_i, and a leaked excerpt is traced by
 * scoring every recipient against the bits read from it.
 *
 * Sources:
 * - G. Tardos, "Optimal probabilistic fingerprint codes", STOC 2003 / J. ACM 55(2), 2008: the
 *   biases, drawn from the arcsine density f(p) = 1 / (π √(p(1−p))) on [t, 1−t] with the
 *   cutoff t = 1/(300c) for coalitions of up to c, and the asymmetric score.
 * - B. Škorić, S. Katzenbeisser, M. U. Celik, "Symmetric Tardos fingerprinting codes for
 *   arbitrary alphabet sizes", Designs, Codes and Cryptography 46(2), 2008: the symmetric score,
 *   which also counts the slots where the leak shows 0, and with it an innocent's score per
 *   slot has mean 0 and variance 1, and a coalition's total score grows like 2m/π.
 *
 * Written here, not taken from a library: no maintained npm package implements Tardos codes,
 * and the parts are a few lines each; the tests hold them to the properties above.
 *
 * The false-accusation bound. Tardos and Škorić et al. derive the threshold for codes read in
 * full. A leak is read in part (an excerpt, retyped, with slots lost), so the threshold here is
 * computed for the slots actually read, from Bernstein's inequality: an innocent's score over m
 * read slots is a sum of independent terms with mean 0, variance 1 and |term| ≤ M = √((1−t)/t),
 * so P(score ≥ z) ≤ exp(−z² / (2(m + Mz/3))). Solving for P = ε/n and taking the union over the
 * n recipients, the chance that any innocent recipient is accused is at most ε, whatever the
 * coalition did and however few slots survived. The bound is valid for every m; it is loose,
 * which costs slots, never a false accusation.
 *
 * A tighter bound for the leak at hand. Given the leak, an innocent's bits are still independent
 * draws with the known biases, so each read slot's term has a known two-point distribution and
 * its moment generating function φ_i(λ) = q_i e^{λ g_i} + (1 − q_i) e^{−λ h_i} is exact. Chernoff's
 * bound P(S ≥ z) ≤ exp(Σ ln φ_i(λ) − λz), minimised over λ > 0, is then solved for ε/n
 * (`leakThreshold`). Both bounds hold, so the tracer uses the smaller threshold: on a typical
 * excerpt the Chernoff one names a single leaker among 11 recipients from 30 to 40 slots where
 * Bernstein's worst-case term needs several hundred.
 */

/** Coalition size assumed when no other is given. */
export const DEFAULT_COALITION = 2;

export interface TardosParams {
  /** Recipients. */
  n: number;
  /** The largest coalition the code is built to resist. */
  c: number;
  /** The bound on accusing any innocent recipient. */
  epsilon: number;
  /** The bias cutoff t (Tardos: 1/(300c)). */
  cutoff: number;
  /** Slots needed to catch a coalition of c reading every slot (the expected coalition score clears the threshold with margin). */
  length: number;
}

/** The largest value one slot can add to a score: g at the cutoff. */
export function maxTerm(cutoff: number): number {
  return Math.sqrt((1 - cutoff) / cutoff);
}

/**
 * The score an innocent recipient passes with probability at most ε/n after `read` slots
 * (Bernstein's inequality solved for z): z = ML/3 + √((ML/3)² + 2mL), L = ln(n/ε).
 */
export function accusationThreshold(read: number, n: number, epsilon: number, cutoff: number): number {
  if (read <= 0) return Infinity;
  const L = Math.log(n / epsilon);
  const a = (maxTerm(cutoff) * L) / 3;
  return a + Math.sqrt(a * a + 2 * read * L);
}

/**
 * The code's parameters for n recipients, coalitions up to c and a bound ε. The length is the
 * least m at which a coalition's expected total score, 2m/π (Škorić et al.), split evenly over
 * c members, clears the threshold by half again: the colluder with the highest score is then
 * accused in most draws (the evaluation measures how often).
 */
export function tardosParams(n: number, c: number = DEFAULT_COALITION, epsilon = 1e-3): TardosParams {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive whole number of recipients');
  if (!Number.isInteger(c) || c < 1) throw new RangeError('c must be a positive whole number');
  if (!(epsilon > 0 && epsilon < 1)) throw new RangeError('ε must be between 0 and 1');
  const cutoff = 1 / (300 * c);
  let length = 1;
  while ((2 * length) / (Math.PI * c) < 1.5 * accusationThreshold(length, n, epsilon, cutoff)) length = Math.ceil(length * 1.05) + 1;
  return { n, c, epsilon, cutoff, length };
}

/**
 * The secret biases: p = sin²(r), r uniform on [r_t, π/2 − r_t] with sin²(r_t) = t, which is the
 * arcsine density restricted to [t, 1 − t]. `random` returns uniform numbers in [0, 1).
 */
export function drawBiases(length: number, cutoff: number, random: () => number): Float64Array {
  const rt = Math.asin(Math.sqrt(cutoff));
  const biases = new Float64Array(length);
  for (let i = 0; i < length; i += 1) {
    const r = rt + random() * (Math.PI / 2 - 2 * rt);
    biases[i] = Math.sin(r) ** 2;
  }
  return biases;
}

/** One recipient's bits: bit i is 1 with probability p_i. */
export function drawCodeword(biases: Float64Array, random: () => number): Uint8Array {
  const word = new Uint8Array(biases.length);
  for (let i = 0; i < biases.length; i += 1) word[i] = random() < biases[i]! ? 1 : 0;
  return word;
}

/**
 * The symmetric score of one slot: with the leak showing y and the recipient's bit x,
 * √((1−q)/q) when x = y and −√(q/(1−q)) otherwise, where q is the probability of y
 * (p for y = 1, 1 − p for y = 0).
 */
export function slotScore(p: number, y: 0 | 1, x: number): number {
  const q = y === 1 ? p : 1 - p;
  return x === y ? Math.sqrt((1 - q) / q) : -Math.sqrt(q / (1 - q));
}

/** What was read from a leak: the bit of each slot, or null where the slot could not be read (an erasure). */
export type ReadSlots = readonly (0 | 1 | null)[];

export function recipientScore(biases: ArrayLike<number>, word: ArrayLike<number>, read: ReadSlots): number {
  let s = 0;
  for (let i = 0; i < read.length; i += 1) {
    const y = read[i];
    if (y === null || y === undefined) continue;
    s += slotScore(biases[i]!, y, word[i]!);
  }
  return s;
}

export interface Suspect {
  recipient: string;
  score: number;
  threshold: number;
  accused: boolean;
  /**
   * 1 − the bound on an innocent recipient reaching this score (Bernstein, union over the
   * recipients): how sure an accusation is. 0 when the bound says nothing.
   */
  confidence: number;
}

/** The chance that some innocent recipient scores `score` or more over `read` slots, bounded above. */
export function falseAccusationBound(score: number, read: number, n: number, cutoff: number): number {
  if (score <= 0 || read <= 0) return 1;
  return Math.min(1, n * Math.exp(-(score * score) / (2 * (read + (maxTerm(cutoff) * score) / 3))));
}

export interface TraceResult {
  slotsRead: number;
  threshold: number;
  /** Every recipient, highest score first; `accused` only past the threshold. */
  suspects: Suspect[];
}

/** ln φ(λ) for one read slot whose leaked symbol has probability q: a log-sum-exp, safe for large λg. */
function logMgf(q: number, lambda: number): number {
  const a = Math.log(q) + lambda * Math.sqrt((1 - q) / q);
  const b = Math.log1p(-q) - lambda * Math.sqrt(q / (1 - q));
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/** The probabilities of the symbols the leak shows, at the slots it shows one. */
function shownProbabilities(biases: ArrayLike<number>, read: ReadSlots): number[] {
  const qs: number[] = [];
  for (let i = 0; i < read.length; i += 1) {
    const y = read[i];
    if (y === null || y === undefined) continue;
    const p = biases[i]!;
    qs.push(y === 1 ? p : 1 - p);
  }
  return qs;
}

/** Any λ > 0 gives a valid Chernoff bound, so a grid of λ (log-spaced) loses tightness, never validity. */
const LAMBDAS = Array.from({ length: 121 }, (_, k) => Math.exp((k - 80) / 10));

/** Σ ln φ_i(λ) for every λ of the grid: computed once per leak, shared by the threshold and every recipient's bound. */
function cumulants(qs: readonly number[]): number[] {
  return LAMBDAS.map((lambda) => qs.reduce((k, q) => k + logMgf(q, lambda), 0));
}

/**
 * The Chernoff threshold for this leak: the least z with min_λ exp(Σ ln φ_i(λ) − λz) ≤ ε/n,
 * i.e. min over λ of (Σ ln φ_i(λ) + ln(n/ε)) / λ, over the grid and then refined by golden
 * section around the grid's best.
 */
export function leakThreshold(biases: ArrayLike<number>, read: ReadSlots, n: number, epsilon: number): number {
  const qs = shownProbabilities(biases, read);
  if (qs.length === 0) return Infinity;
  return thresholdFrom(qs, cumulants(qs), Math.log(n / epsilon));
}

function thresholdFrom(qs: readonly number[], ks: readonly number[], L: number): number {
  let best = Infinity;
  let bestK = 0;
  ks.forEach((k, i) => {
    const z = (k + L) / LAMBDAS[i]!;
    if (z < best) [best, bestK] = [z, i];
  });
  const z = (logLambda: number) => (qs.reduce((k, q) => k + logMgf(q, Math.exp(logLambda)), 0) + L) / Math.exp(logLambda);
  let lo = (bestK - 81) / 10;
  let hi = (bestK - 79) / 10;
  const r = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 30; i += 1) {
    const a = hi - r * (hi - lo);
    const b = lo + r * (hi - lo);
    if (z(a) < z(b)) hi = b;
    else lo = a;
  }
  return Math.min(best, z((lo + hi) / 2));
}

function boundFrom(ks: readonly number[], score: number, n: number): number {
  if (score <= 0) return 1;
  const exponent = Math.min(...ks.map((k, i) => k - LAMBDAS[i]! * score));
  return Math.min(1, n * Math.exp(exponent));
}

/**
 * Both bounds for one leak, with the cumulants computed once: the threshold (the smaller of
 * Bernstein's and Chernoff's) and, for any score, the smaller bound on an innocent reaching it.
 */
export function leakBounds(biases: ArrayLike<number>, read: ReadSlots, n: number, epsilon: number, cutoff: number): { threshold: number; bound: (score: number) => number } {
  const qs = shownProbabilities(biases, read);
  if (qs.length === 0) return { threshold: Infinity, bound: () => 1 };
  const ks = cumulants(qs);
  return {
    threshold: Math.min(accusationThreshold(qs.length, n, epsilon, cutoff), thresholdFrom(qs, ks, Math.log(n / epsilon))),
    bound: (score) => Math.min(falseAccusationBound(score, qs.length, n, cutoff), boundFrom(ks, score, n)),
  };
}

/** The Chernoff bound on some innocent among n reaching `score` on this leak (1 when it says nothing). */
export function leakFalseAccusationBound(biases: ArrayLike<number>, read: ReadSlots, score: number, n: number): number {
  const qs = shownProbabilities(biases, read);
  return qs.length === 0 ? 1 : boundFrom(cumulants(qs), score, n);
}

/**
 * Scores every recipient against the slots read and accuses only those past the threshold
 * for ε given the slots read (the smaller of the Bernstein and the Chernoff threshold, each a
 * valid bound): with too little evidence, nobody.
 */
export function trace(biases: ArrayLike<number>, words: ReadonlyMap<string, ArrayLike<number>>, read: ReadSlots, epsilon: number, cutoff: number): TraceResult {
  const slotsRead = read.filter((y) => y !== null).length;
  const { threshold, bound } = leakBounds(biases, read, words.size, epsilon, cutoff);
  const suspects = [...words].map(([recipient, word]) => {
    const score = recipientScore(biases, word, read);
    return { recipient, score, threshold, accused: score >= threshold, confidence: 1 - bound(score) };
  });
  suspects.sort((a, b) => b.score - a.score || a.recipient.localeCompare(b.recipient));
  return { slotsRead, threshold, suspects };
}
