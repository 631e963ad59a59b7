import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arabicOrdinalToNumber, chineseToNumber, normalizeDigits, romanToNumber, toAsciiDigits } from './numerals.ts';
import { bestChain } from './sequence.ts';

describe('numerals', () => {
  it('converts digits of any script to ASCII', () => {
    expect(toAsciiDigits('١٢٣')).toBe('123');
    expect(toAsciiDigits('۱۲۳')).toBe('123');
    expect(toAsciiDigits('１２')).toBe('12');
    expect(toAsciiDigits('१२')).toBe('12');
    expect(normalizeDigits('007')).toBe('7');
  });

  it('reads canonical Roman numerals only', () => {
    expect(romanToNumber('IV')).toBe(4);
    expect(romanToNumber('XIV')).toBe(14);
    expect(romanToNumber('MCMXC')).toBe(1990);
    expect(romanToNumber('IIII')).toBeUndefined();
    expect(romanToNumber('MIX')).toBe(1009);
    expect(romanToNumber('DID')).toBeUndefined();
  });

  it('reads Chinese numerals and Arabic ordinal words', () => {
    expect(chineseToNumber('十二')).toBe(12);
    expect(chineseToNumber('二十')).toBe(20);
    expect(chineseToNumber('一百零五')).toBe(105);
    expect(arabicOrdinalToNumber('الأولى')).toBe(1);
    expect(arabicOrdinalToNumber('الثانية')).toBe(2);
    expect(arabicOrdinalToNumber('الحادي عشر')).toBe(11);
    expect(arabicOrdinalToNumber('أولاً')).toBe(1);
  });

  it('round-trips every Arabic-Indic number', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100000 }), (n) => {
        const arabic = String(n).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
        const persian = String(n).replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
        expect(toAsciiDigits(arabic)).toBe(String(n));
        expect(toAsciiDigits(persian)).toBe(String(n));
      }),
    );
  });
});

describe('bestChain', () => {
  it('follows the run and skips numbers that break it', () => {
    const numbers = [1, 2, 2025, 3, 40, 4, 5];
    expect(bestChain(numbers).picked.map((i) => numbers[i])).toEqual([1, 2, 3, 4, 5]);
  });

  it('prefers the later of two equal runs (a table of contents, then the text)', () => {
    expect(bestChain([1, 2, 3, 1, 2, 3]).picked).toEqual([3, 4, 5]);
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
});
