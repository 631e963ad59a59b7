/**
 * What a coalition of recipients can do to the bits of a leak, under the marking assumption
 * (Boneh and Shaw, 1998): where every member's copy shows the same form, they cannot tell the
 * slot is a mark and leak that form; where their copies differ they may choose. These are the
 * strategies the evaluation and the tests play against the code.
 */
export const strategies = ['interleaving', 'majority', 'minority', 'random', 'all-0', 'all-1'] as const;
export type Strategy = (typeof strategies)[number];

/** The bits a coalition leaks: one per slot, chosen from its members' bits by `strategy`. */
export function collude(words: readonly Uint8Array[], strategy: Strategy, random: () => number): Uint8Array {
  const m = words[0]?.length ?? 0;
  const out = new Uint8Array(m);
  for (let i = 0; i < m; i += 1) {
    let ones = 0;
    for (const w of words) ones += w[i]!;
    if (ones === 0 || ones === words.length) {
      out[i] = ones === 0 ? 0 : 1;
      continue;
    }
    switch (strategy) {
      // Paragraph by paragraph from each member in turn: slot i from member i mod c.
      case 'interleaving': out[i] = words[i % words.length]![i]!; break;
      case 'majority': out[i] = 2 * ones > words.length ? 1 : 2 * ones < words.length ? 0 : (random() < 0.5 ? 1 : 0); break;
      case 'minority': out[i] = 2 * ones < words.length ? 1 : 2 * ones > words.length ? 0 : (random() < 0.5 ? 1 : 0); break;
      case 'random': out[i] = random() < 0.5 ? 1 : 0; break;
      case 'all-0': out[i] = 0; break;
      case 'all-1': out[i] = 1; break;
    }
  }
  return out;
}

/**
 * The slots a leak lets the tracer read: a contiguous excerpt of `read` slots starting at a
 * random place, with each slot inside it lost with probability `erasure` (retyped, reformatted).
 */
export function excerpt(bits: Uint8Array, read: number, erasure: number, random: () => number): (0 | 1 | null)[] {
  const m = bits.length;
  const len = Math.min(read, m);
  const start = Math.floor(random() * (m - len + 1));
  return Array.from(bits, (b, i) => (i < start || i >= start + len || random() < erasure ? null : (b as 0 | 1)));
}
