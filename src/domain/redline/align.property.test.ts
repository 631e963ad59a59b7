/**
 * Laws of the alignment: it reads content, never numbers; identical documents align 1:1;
 * a shuffled document still finds every point. Texts are drawn from word pools in several
 * scripts so that points are distinct sentences, as in an agreement.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignPoints, type AlignedPair, type AlignInputPoint } from './align.ts';

const pools = {
  en: ['ceasefire', 'prisoners', 'elections', 'guarantees', 'sovereignty', 'commission', 'territory', 'sanctions', 'reconstruction', 'monitoring', 'withdrawal', 'amnesty', 'border', 'referendum', 'energy', 'grain', 'the', 'will', 'be', 'of'],
  ru: ['перемирие', 'пленные', 'выборы', 'гарантии', 'суверенитет', 'комиссия', 'территория', 'санкции', 'восстановление', 'наблюдение', 'отвод', 'амнистия', 'граница', 'и', 'в', 'будет'],
  ur: ['جنگ', 'بندی', 'قیدی', 'انتخابات', 'ضمانت', 'خودمختاری', 'کمیشن', 'علاقہ', 'پابندیاں', 'تعمیر', 'نگرانی', 'سرحد', 'کی', 'کے', 'گا', 'اور'],
} as const;

const sentence = fc
  .constantFrom(...Object.values(pools))
  .chain((pool) => fc.array(fc.constantFrom(...pool), { minLength: 4, maxLength: 14 }))
  .map((words) => words.join(' ') + '.');

/** Distinct texts, so "the same point" is well defined. */
const texts = fc.uniqueArray(sentence, { minLength: 1, maxLength: 12 });

const numbered = (ts: readonly string[], numbers?: readonly string[]): AlignInputPoint[] =>
  ts.map((text, i) => ({ number: numbers?.[i] ?? String(i + 1), text }));

/** What renumbering may not change: who is paired with whom, how, and how closely. */
const shape = (pairs: readonly AlignedPair[]) =>
  pairs.map((p) => ({
    oldIndex: p.oldIndex,
    newIndex: p.newIndex,
    kind: p.kind === 'renumbered' ? 'unchanged' : p.kind,
    similarity: p.similarity,
  }));

describe('alignPoints laws', () => {
  it('identical documents align 1:1, unchanged, similarity 1', () => {
    fc.assert(
      fc.property(texts, (ts) => {
        const pairs = alignPoints(numbered(ts), numbered(ts));
        expect(pairs.map((p) => [p.oldIndex, p.newIndex, p.kind, p.similarity])).toEqual(ts.map((_, i) => [i, i, 'unchanged', 1]));
      }),
    );
  });

  it('is stable under renumbering: renumbering either side changes only the numbers in the result', () => {
    const renumbering = (n: number) => fc.uniqueArray(fc.integer({ min: 1, max: 999 }).map(String), { minLength: n, maxLength: n });
    const docs = fc
      .tuple(texts, texts)
      .chain(([a, b]) => fc.tuple(fc.constant(a), fc.constant(b), renumbering(a.length), renumbering(b.length)));
    fc.assert(
      fc.property(docs, ([a, b, oldNumbers, newNumbers]) => {
        const base = alignPoints(numbered(a), numbered(b));
        const renumbered = alignPoints(numbered(a, oldNumbers), numbered(b, newNumbers));
        expect(shape(renumbered)).toEqual(shape(base));
        for (const p of renumbered) {
          expect(p.old).toBe(p.oldIndex === null ? null : oldNumbers[p.oldIndex]);
          expect(p.new).toBe(p.newIndex === null ? null : newNumbers[p.newIndex]);
        }
        // Renumbering one side only: the same law.
        expect(shape(alignPoints(numbered(a, oldNumbers), numbered(b)))).toEqual(shape(base));
      }),
    );
  });

  it('a shuffled document still matches every point to itself', () => {
    fc.assert(
      fc.property(
        texts.chain((ts) => fc.shuffledSubarray(ts.map((_, i) => i), { minLength: ts.length, maxLength: ts.length }).map((order) => [ts, order] as const)),
        ([ts, order]) => {
          const pairs = alignPoints(numbered(ts), numbered(order.map((i) => ts[i]!)));
          expect(pairs).toHaveLength(ts.length);
          for (const p of pairs) {
            expect(p.newIndex).not.toBeNull();
            expect(p.oldIndex).toBe(order[p.newIndex!]);
            expect(p.similarity).toBe(1);
          }
        },
      ),
    );
  });

  it('accounts for every point of both documents, and is deterministic', () => {
    fc.assert(
      fc.property(texts, texts, (a, b) => {
        const pairs = alignPoints(numbered(a), numbered(b));
        expect(new Set(pairs.flatMap((p) => (p.oldIndex === null ? [] : [p.oldIndex])))).toEqual(new Set(a.map((_, i) => i)));
        expect(new Set(pairs.flatMap((p) => (p.newIndex === null ? [] : [p.newIndex])))).toEqual(new Set(b.map((_, i) => i)));
        for (const p of pairs) {
          expect(p.similarity).toBeGreaterThanOrEqual(0);
          expect(p.similarity).toBeLessThanOrEqual(1);
        }
        expect(alignPoints(numbered(a), numbered(b))).toEqual(pairs);
      }),
    );
  });
});
