import { describe, expect, it } from 'vitest';
import {
  ARABIC_ORDINAL_PATTERN, arabicOrdinalToNumber, chineseToNumber, ENGLISH_NUMBER_WORD_PATTERN, englishNumberWordToNumber,
  normalizeDigits, romanToNumber, toAsciiDigits,
} from './numerals.ts';

describe('toAsciiDigits', () => {
  it('converts decimal digits of every script, leaving other characters alone', () => {
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789'); // Arabic-Indic
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789'); // Extended Arabic-Indic (Urdu, Persian)
    expect(toAsciiDigits('０１２３４５６７８９')).toBe('0123456789'); // full width
    expect(toAsciiDigits('०१२३४५६७८९')).toBe('0123456789'); // Devanagari
    expect(toAsciiDigits('\u{1D7CF}\u{1D7D9}\u{1D7ED}')).toBe('111'); // mathematical digits, runs back to back
    expect(toAsciiDigits('نکتہ ۱۲: Art. ٣ (b)')).toBe('نکتہ 12: Art. 3 (b)');
  });
});

describe('normalizeDigits', () => {
  it('drops leading zeros but keeps a lone zero', () => {
    expect(normalizeDigits('0012')).toBe('12');
    expect(normalizeDigits('٠٠١٢')).toBe('12');
    expect(normalizeDigits('0')).toBe('0');
    expect(normalizeDigits('000')).toBe('0');
    expect(normalizeDigits('120')).toBe('120');
  });
});

describe('romanToNumber', () => {
  it('reads canonical numerals in either case', () => {
    expect(romanToNumber('IV')).toBe(4);
    expect(romanToNumber('iv')).toBe(4);
    expect(romanToNumber('XC')).toBe(90);
    expect(romanToNumber('XXVIII')).toBe(28);
    expect(romanToNumber('MMMCMXCIX')).toBe(3999);
  });

  it('refuses non-canonical forms and other letters', () => {
    for (const bad of ['IIII', 'LXL', 'VX', 'IC', 'DID', 'MMMM', '', 'IVa', 'A']) expect(romanToNumber(bad), bad).toBeUndefined();
  });
});

describe('chineseToNumber', () => {
  it('reads article numbers up to 9999', () => {
    expect(chineseToNumber('十')).toBe(10);
    expect(chineseToNumber('十二')).toBe(12);
    expect(chineseToNumber('二十')).toBe(20);
    expect(chineseToNumber('一百零五')).toBe(105);
    expect(chineseToNumber('两千')).toBe(2000);
    expect(chineseToNumber('九千九百九十九')).toBe(9999);
  });

  it('refuses zero and other characters', () => {
    expect(chineseToNumber('零')).toBeUndefined();
    expect(chineseToNumber('第十二条')).toBeUndefined();
    expect(chineseToNumber('')).toBeUndefined();
  });
});

describe('arabicOrdinalToNumber and ARABIC_ORDINAL_PATTERN', () => {
  it('reads ordinal words with or without hamza, tanween and taa marbuta', () => {
    expect(arabicOrdinalToNumber('الأولى')).toBe(1);
    expect(arabicOrdinalToNumber('الاولى')).toBe(1);
    expect(arabicOrdinalToNumber('أولاً')).toBe(1);
    expect(arabicOrdinalToNumber('الثانية')).toBe(2);
    expect(arabicOrdinalToNumber('ثانياً')).toBe(2);
    expect(arabicOrdinalToNumber('العاشر')).toBe(10);
    expect(arabicOrdinalToNumber('الحادي عشر')).toBe(11);
    expect(arabicOrdinalToNumber('الثانية عشرة')).toBe(12);
    expect(arabicOrdinalToNumber('التاسع  عشر')).toBe(19);
    expect(arabicOrdinalToNumber('العشرون')).toBe(20);
    expect(arabicOrdinalToNumber('المادة')).toBeUndefined();
  });

  it('the pattern matches the same forms, harakat included', () => {
    const re = new RegExp(`^(?:${ARABIC_ORDINAL_PATTERN})$`, 'u');
    for (const ok of ['الأولى', 'الثانيَة', 'ثانياً', 'الحادي عشر', 'الثانية عشرة']) expect(re.test(ok), ok).toBe(true);
    expect(re.test('المادة')).toBe(false);
    // Longest first: the two-word form wins over its one-word prefix.
    expect(new RegExp(`(?:${ARABIC_ORDINAL_PATTERN})`, 'u').exec('البند الحادي عشر')?.[0]).toBe('الحادي عشر');
  });
});

describe('englishNumberWordToNumber', () => {
  it('reads one to twenty, in any case', () => {
    expect(englishNumberWordToNumber('One')).toBe(1);
    expect(englishNumberWordToNumber('TWELVE')).toBe(12);
    expect(englishNumberWordToNumber('twenty')).toBe(20);
    expect(englishNumberWordToNumber('twenty-one')).toBeUndefined();
    expect(englishNumberWordToNumber('first')).toBeUndefined();
    expect(new RegExp(`^(?:${ENGLISH_NUMBER_WORD_PATTERN})$`).test('seventeen')).toBe(true);
  });
});
