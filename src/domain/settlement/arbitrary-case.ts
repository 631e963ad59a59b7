/**
 * Random settlement cases for property tests and the benchmark (never used by the engine):
 * whole-number weights summing to 100, whole-number ratings, random red lines and
 * disagreement values. Red lines never cover every option of an issue, since such a case is
 * refused before any analysis (prepare-case.ts).
 */
import fc from 'fast-check';
import type { SettlementCaseInput } from './model.ts';

export interface CaseShape {
  parties: { min: number; max: number };
  issues: { min: number; max: number };
  options: { min: number; max: number };
  /** Largest disagreement value drawn; 0 gives every party batna 0. */
  maxBatna?: number;
  /** Chance that a party red-lines a given option. */
  redLineRate?: number;
  /** Some issues divisible (true) or all of them ('all'); divisible issues take no ratings or red lines. */
  divisible?: boolean | 'all';
  /** Ratings of 0, 50 or 100 and weights in tens: many packages tie exactly. */
  coarse?: boolean;
}

/** n whole numbers ≥ 0 summing to 100. */
function weights(n: number, step: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 0, max: 100 / step }).map((k) => k * step), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), 100];
    return sorted.slice(1).map((x, k) => x - sorted[k]!);
  });
}

export function arbitraryCase(shape: CaseShape): fc.Arbitrary<SettlementCaseInput> {
  return fc
    .record({
      parties: fc.integer(shape.parties),
      options: fc.array(fc.integer(shape.options), { minLength: shape.issues.min, maxLength: shape.issues.max }),
      divisible: fc.array(fc.boolean(), { minLength: shape.issues.max, maxLength: shape.issues.max }),
    })
    .chain(({ parties, options, divisible }) => {
      const isDivisible = options.map((_, i) => shape.divisible === 'all' || (shape.divisible === true && divisible[i] === true));
      const optionNames = options.map((n, i) => (isDivisible[i] ? [] : Array.from({ length: n }, (_, o) => `o${o}`)));
      const ids = options.map((_, i) => `i${i}`);
      const issues = ids.map((id, i) => (isDivisible[i] ? { id, divisible: true as const } : { id, options: optionNames[i]! }));
      const rate = shape.redLineRate ?? 0;
      const perOption = <T>(arb: fc.Arbitrary<T>) => fc.tuple(...optionNames.map((names) => fc.array(arb, { minLength: names.length, maxLength: names.length })));
      const party = fc.record({
        weights: weights(ids.length, shape.coarse === true ? 10 : 1),
        ratings: perOption(shape.coarse === true ? fc.constantFrom(0, 50, 100) : fc.integer({ min: 0, max: 100 })),
        // Unbiased: fast-check's default bias toward the ends of a range would red-line nearly everything.
        red: perOption(fc.noBias(fc.integer({ min: 0, max: 99 }))),
        batna: fc.integer({ min: 0, max: shape.maxBatna ?? 0 }),
      });
      return fc.array(party, { minLength: parties, maxLength: parties }).map((drawn): SettlementCaseInput => {
        const names = drawn.map((_, p) => `P${p}`);
        const redLined = optionNames.map((names) => names.map(() => false));
        const scores = Object.fromEntries(drawn.map((d, p) => {
          const unacceptable: string[] = [];
          optionNames.forEach((names, i) => {
            names.forEach((o, k) => {
              const blocked = redLined[i]!;
              const left = blocked.filter((b) => !b).length;
              if (d.red[i]![k]! < rate * 100 && !blocked[k] && left > 1) {
                blocked[k] = true;
                unacceptable.push(`${ids[i]!}:${o}`);
              }
            });
          });
          return [names[p]!, {
            weights: Object.fromEntries(ids.map((id, i) => [id, d.weights[i]!])),
            ratings: Object.fromEntries(optionNames.flatMap((names, i) => (isDivisible[i] ? [] : [[ids[i]!, Object.fromEntries(names.map((o, k) => [o, d.ratings[i]![k]!]))]]))),
            unacceptable,
            batna: d.batna,
          }];
        }));
        return { parties: names, issues, scores };
      });
    });
}
