import { describe, expect, it } from 'vitest';
import { digitVariants } from './digits.ts';

const pairs = (text: string, lang: string) => digitVariants(text, lang).map((s) => [s.original, s.alternative]);

describe('digits in Arabic-script languages', () => {
  it('offers the script’s own digits for ASCII ones and back', () => {
    expect(pairs('وفقاً للمادة 5 من الاتفاق', 'ar')).toEqual([['5', '٥']]);
    expect(pairs('وفقاً للمادة ٥ من الاتفاق', 'ar')).toEqual([['٥', '5']]);
    expect(pairs('روس اور امریکہ نے 2025 میں 5 نکات پر بات کی', 'ur')).toEqual([['2025', '۲۰۲۵'], ['5', '۵']]);
    expect(pairs('طرفین در ۱۲ ماده توافق کردند', 'fa')).toEqual([['۱۲', '12']]);
  });

  it('gives Arabic the Arabic-Indic digits and Urdu and Persian the extended ones, never the other', () => {
    expect(pairs('المادة ۵ من الاتفاق', 'ar')).toEqual([]);
    expect(pairs('آرٹیکل ٥ کے تحت', 'ur')).toEqual([]);
  });

  it('skips the point number at the start, separated numbers, codes and numbers beside Latin words', () => {
    expect(pairs('3. يلتزم الطرفان بوقف إطلاق النار خلال 7 أيام', 'ar')).toEqual([['7', '٧']]);
    expect(pairs('(3) يلتزم الطرفان', 'ar')).toEqual([]);
    expect(pairs('بنسبة 3.5 في المائة وفي 10:30 وعدد 1,000', 'ar')).toEqual([]);
    expect(pairs('القرار A/RES/68/262 ومنظومة S-300', 'ar')).toEqual([]);
    expect(pairs('اتفاق Minsk 2 الشهير', 'ar')).toEqual([]);
  });

  it('offers nothing in other languages', () => {
    expect(pairs('Article 5 of the Agreement', 'en')).toEqual([]);
    expect(pairs('статья 5', 'ru')).toEqual([]);
  });
});
