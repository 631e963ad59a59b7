import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffStats, newSide, oldSide, tokenize, wordDiff } from './word-diff.ts';

describe('wordDiff', () => {
  it('marks a changed word in English', () => {
    const parts = wordDiff('Ukraine will not join NATO.', 'Ukraine will not join NATO before 2030.');
    expect(parts).toEqual([
      { op: 'equal', text: 'Ukraine will not join NATO' },
      { op: 'insert', text: ' before 2030' },
      { op: 'equal', text: '.' },
    ]);
  });

  it('splits Urdu by its words, not by bytes or spaces alone', () => {
    const before = 'یوکرین کی فوج چھ لاکھ تک محدود ہوگی۔';
    const after = 'یوکرین کی فوج آٹھ لاکھ تک محدود ہوگی۔';
    const parts = wordDiff(before, after, 'ur');
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text.trim())).toEqual(['چھ']);
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual(['آٹھ']);
    expect(diffStats(parts, 'ur')).toMatchObject({ inserted: 1, deleted: 1 });
  });

  it('compares Russian and Arabic', () => {
    expect(newSide(wordDiff('Армия Украины: 600 тысяч.', 'Армия Украины: 800 тысяч.', 'ru'))).toBe('Армия Украины: 800 тысяч.');
    const ar = wordDiff('وقف إطلاق النار فوراً', 'وقف إطلاق النار خلال شهر', 'ar');
    expect(ar.some((p) => p.op === 'insert' && p.text.includes('شهر'))).toBe(true);
  });

  it('tokenizes losslessly', () => {
    for (const t of ['a  b\nc', 'ہوگی۔', 'Путин, Уиткофф и Кушнер', '']) expect(tokenize(t).join('')).toBe(t);
  });

  it('identical and empty texts', () => {
    expect(wordDiff('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'new')).toEqual([{ op: 'insert', text: 'new' }]);
  });

  it('law: the redline applied to the old text gives the new one, and keeps the old one', () => {
    const words = fc.constantFrom('the', 'Ukraine', 'یوکرین', 'فوج', 'армия', 'وقف', ' ', '  ', ',', '۔', '\n', 'NATO', '600', '800');
    const text = fc.array(words, { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(fc.property(text, text, fc.constantFrom(undefined, 'en', 'ur', 'ru', 'ar'), (a, b, lang) => {
      const parts = wordDiff(a, b, lang);
      expect(newSide(parts)).toBe(b);
      expect(oldSide(parts)).toBe(a);
    }), { numRuns: 400 });
  });
});
