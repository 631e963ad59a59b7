import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestChain, isLazyMarkdownList } from './sequence.ts';

describe('bestChain', () => {
  it('follows the run and skips numbers that break it', () => {
    const numbers = [1, 2, 2025, 3, 40, 4, 5];
    expect(bestChain(numbers).picked.map((i) => numbers[i])).toEqual([1, 2, 3, 4, 5]);
  });

  it('prefers the later of two equal runs (a table of contents, then the text)', () => {
    expect(bestChain([1, 2, 3, 1, 2, 3]).picked).toEqual([3, 4, 5]);
  });

  it('returns nothing for no numbers', () => {
    expect(bestChain([]).picked).toEqual([]);
  });

  it('always picks an increasing run with steps of at most 3', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 60 }), (numbers) => {
        const picked = bestChain(numbers).picked.map((i) => numbers[i]!);
        for (let k = 1; k < picked.length; k += 1) {
          expect(picked[k]! - picked[k - 1]!).toBeGreaterThanOrEqual(1);
          expect(picked[k]! - picked[k - 1]!).toBeLessThanOrEqual(3);
        }
      }),
    );
  });

  it('picks the whole list when it is 1..n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (n) => {
        const numbers = Array.from({ length: n }, (_, i) => i + 1);
        expect(bestChain(numbers).picked).toEqual(numbers.map((_, i) => i));
      }),
    );
  });
});

describe('isLazyMarkdownList', () => {
  it('recognises three or more items all numbered 1', () => {
    expect(isLazyMarkdownList([1, 1, 1])).toBe(true);
    expect(isLazyMarkdownList([1, 1])).toBe(false);
    expect(isLazyMarkdownList([1, 2, 1])).toBe(false);
  });
});
