import { describe, expect, it } from 'vitest';
import { lookUp, numberLexicon, numeralValue, type NumberWord } from './number-lexicons.ts';
import { numberWordVariants } from './number-words.ts';

const pairs = (text: string, lang: string) => numberWordVariants(text, lang).map((s) => [s.original, s.alternative]);

describe('number words and figures', () => {
  it('swaps words (figure) and figure (words) in English, keeping the sentence start capitalised', () => {
    expect(pairs('The Parties shall withdraw within thirty (30) days.', 'en')).toEqual([['thirty (30)', '30 (thirty)']]);
    expect(pairs('The Parties shall withdraw within 30 (thirty) days.', 'en')).toEqual([['30 (thirty)', 'thirty (30)']]);
    expect(pairs('Twenty-five (25) observers shall be deployed.', 'en')).toEqual([['Twenty-five (25)', '25 (twenty-five)']]);
    expect(pairs('25 (twenty-five) observers shall be deployed.', 'en')).toEqual([['25 (twenty-five)', 'Twenty-five (25)']]);
    expect(pairs('No more than one hundred and twenty (120) personnel.', 'en')).toEqual([['one hundred and twenty (120)', '120 (one hundred and twenty)']]);
    expect(pairs('Up to 2,500 (two thousand five hundred) monitors.', 'en')).toEqual([['2,500 (two thousand five hundred)', 'two thousand five hundred (2,500)']]);
    expect(pairs('Within a hundred (100) days.', 'en')).toEqual([['a hundred (100)', '100 (a hundred)']]);
  });

  it('takes the whole numeral, or none when the words do not spell the figure', () => {
    // "hundred (100)" alone would drop "one": the numeral is read whole and must equal the figure.
    expect(pairs('one hundred (100) days', 'en')).toEqual([['one hundred (100)', '100 (one hundred)']]);
    expect(pairs('within thirty (31) days', 'en')).toEqual([]);
    expect(pairs('Article 5 (Definitions) applies.', 'en')).toEqual([]);
    expect(pairs('paragraph 3 (a) applies', 'en')).toEqual([]);
    expect(pairs('Annex (2) lists the areas.', 'en')).toEqual([]);
    expect(pairs('for a thirty (30) day period', 'en')).toEqual([['thirty (30)', '30 (thirty)']]);
    expect(pairs('Resolution 2202 (2015) endorsed the package.', 'en')).toEqual([]);
  });

  it('keeps a capitalised numeral inside a sentence as it is (a name, a title)', () => {
    expect(pairs('the Group of Seven (7) met', 'en')).toEqual([]);
  });

  it('reads Russian and Ukrainian numerals in any case', () => {
    expect(pairs('в течение тридцати (30) дней', 'ru')).toEqual([['тридцати (30)', '30 (тридцати)']]);
    expect(pairs('в течение 30 (тридцати) дней', 'ru')).toEqual([['30 (тридцати)', 'тридцати (30)']]);
    expect(pairs('составлено в двух (2) экземплярах', 'ru')).toEqual([['двух (2)', '2 (двух)']]);
    expect(pairs('не более двух тысяч пятисот (2 500) человек', 'ru')).toEqual([['двух тысяч пятисот (2 500)', '2 500 (двух тысяч пятисот)']]);
    expect(pairs('протягом п’яти (5) днів', 'uk')).toEqual([['п’яти (5)', '5 (п’яти)']]);
    expect(pairs('протягом двадцяти одного (21) дня', 'uk')).toEqual([['двадцяти одного (21)', '21 (двадцяти одного)']]);
  });

  it('reads Arabic, Persian and Urdu numerals with any of the three digit sets', () => {
    expect(pairs('خلال ثلاثين (30) يوماً', 'ar')).toEqual([['ثلاثين (30)', '30 (ثلاثين)']]);
    expect(pairs('خلال ثلاثين (٣٠) يوماً', 'ar')).toEqual([['ثلاثين (٣٠)', '٣٠ (ثلاثين)']]);
    expect(pairs('خلال خمسة وعشرين (25) يوماً', 'ar')).toEqual([['خمسة وعشرين (25)', '25 (خمسة وعشرين)']]);
    expect(pairs('خلال ٢٥ (خمسة وعشرين) يوماً', 'ar')).toEqual([['٢٥ (خمسة وعشرين)', 'خمسة وعشرين (٢٥)']]);
    expect(pairs('ظرف بیست و پنج (۲۵) روز', 'fa')).toEqual([['بیست و پنج (۲۵)', '۲۵ (بیست و پنج)']]);
    expect(pairs('پچیس (25) دن کے اندر', 'ur')).toEqual([['پچیس (25)', '25 (پچیس)']]);
    expect(pairs('تیس (۳۰) دن کے اندر', 'ur')).toEqual([['تیس (۳۰)', '۳۰ (تیس)']]);
    // A conjunction written onto the numeral's first word belongs to the sentence, not the numeral.
    expect(pairs('يوماً وثلاثين (30) ساعة', 'ar')).toEqual([]);
    // Mixed digit sets are no one number.
    expect(pairs('خلال ثلاثين (3٠) يوماً', 'ar')).toEqual([]);
  });

  it('reads every listed language for a language without its own list', () => {
    expect(pairs('entro trenta giorni, ossia ten (10)', 'it')).toEqual([['ten (10)', '10 (ten)']]);
    expect(pairs('entro 30 (trenta) giorni', 'it')).toEqual([]);
  });
});

describe('the numeral reader', () => {
  const read = (lang: string, ...words: string[]) => numeralValue(words.map((w) => lookUp(numberLexicon(lang), w)).filter((w): w is NumberWord => w !== null));

  it('adds values and multiplies by scales, closing groups at a thousand', () => {
    expect(read('en', 'two', 'thousand', 'five', 'hundred')).toBe(2500);
    expect(read('en', 'one', 'million', 'two', 'hundred', 'thousand')).toBe(1_200_000);
    expect(read('ru', 'сто', 'двадцать', 'пять')).toBe(125);
    expect(read('ar', 'ثلاثة', 'آلاف', 'وخمسمائة')).toBe(3500);
    expect(read('ar', 'ثلاثة', 'عشر')).toBe(13);
    expect(read('fa', 'هزار', 'و', 'دویست')).toBe(1200);
    expect(read('en', 'a')).toBeNaN();
  });
});
