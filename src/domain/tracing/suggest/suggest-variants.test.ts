import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTextFlags } from '../../text/unicode-safety.ts';
import { MAX_PHRASE, suggestVariants, type VariantKind, type VariantSuggestion } from './suggest-variants.ts';

/** The text with every suggestion's alternative in place (applied from the end, so offsets hold). */
function apply(text: string, suggestions: readonly VariantSuggestion[]): string {
  return [...suggestions].sort((a, b) => b.start - a.start).reduce((t, s) => t.slice(0, s.start) + s.alternative + t.slice(s.end), text);
}

/**
 * What a reader takes from a text, for the rules whose equivalence is a matter of spelling:
 * one digit set, one quotation mark with no space beside it, е for ё, no serial comma, one spelling of each variant
 * word. (Dates and swapped numerals are checked by their own laws below.)
 */
function fold(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/gu, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u06F0-\u06F9]/gu, (d) => String(d.charCodeAt(0) - 0x6f0))
    // French guillemets hold spaces inside; spaces beside any mark are dropped, on both sides alike.
    .replace(/\s*([«»„“”])\s*/gu, '$1')
    .replace(/[«»„“”]/gu, '"')
    .replace(/ё/gu, 'е').replace(/Ё/gu, 'Е')
    .replace(/,( (?:and|or)\b)/gu, '$1')
    .replace(/\bper cent\b/giu, (m) => (m[0] === 'P' ? 'Percent' : 'percent'))
    .replace(/\b(T|t)owards\b/gu, '$1oward')
    .replace(/\b(J|j)udgement/gu, '$1udgment');
}

const FOLDED: ReadonlySet<VariantKind> = new Set(['quotes', 'digits', 'yo', 'serial-comma', 'spelling']);
const INVISIBLE_OR_BIDI = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF]/u;

/** Pieces of treaty text in the languages covered, with the characters that test the edges. */
const fragments = [
  // English
  'The Parties', ' shall withdraw within ', 'thirty (30) days', '30 (thirty) days', 'One hundred (100)', 'Russia, Ukraine and the OSCE',
  'Russia, Ukraine, and the OSCE', 'Upon signature, the Parties and observers', ' on 24 February 2022', ' on February 24, 2022,', ' per cent',
  ' toward', ' judgement', 'Article 5 (Definitions)', ' and/or ', ' or ', ', and ',
  // Russian and Ukrainian
  'Стороны', ' ещё ', 'всё', ' Ковалёв', 'учтённые', '«дорожная карта»', '„режим тишины“', '«план „Схід“»', ' 24 февраля 2022 г.',
  ' 24.02.2022', ' от 4 марта 2022 года', 'тридцати (30) дней', 'протягом п’яти (5) днів', ' 24 лютого 2022 р.', 'Её',
  // Arabic, Urdu, Persian (with the ZWNJ Persian and Urdu write inside words)
  'اتفق الطرفان على ', '«خطة السلام»', '“خطة السلام”', 'ثلاثين (30) يوماً', 'خمسة وعشرين (٢٥)', ' 24 فبراير 2022', ' ٢٤/٠٢/٢٠٢٢',
  ' المادة 5 ', ' ٣ ', 'می\u200Cخواهیم', 'ذمہ\u200Cداری', ' 2 دسمبر، 2025', ' ۲۴ فوریهٔ ۲۰۲۲', 'بیست و پنج (۲۵) روز', ' 12 ', '"مفید"',
  // German, French
  'den „Friedensplan“', 'das »Minsker Abkommen«', 'la « feuille\u00A0de route »', 'le “plan”', 'dix (10) jours',
  // Edges
  ' ', '  ', '\n', '\u00A0', '.', ',', '(', ')', '-', '3. ', '1.', '«', '»', '„', '“', '"', '\u200F', 'A', 'a', '7',
];
const languages = ['en', 'en-GB', 'ru', 'ru-RU', 'uk', 'ar', 'ar-EG', 'ur', 'ur-PK', 'fa', 'fa-IR', 'de', 'fr', 'it', 'und', 'zh'];
const texts = fc.array(fc.constantFrom(...fragments), { maxLength: 24 }).map((ps) => ps.join('').normalize('NFC'));

describe('suggestVariants, the laws', () => {
  it('gives sorted, non-overlapping phrases of the text, each with a different, short, NFC, safe alternative', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...languages), (text, lang) => {
        const found = suggestVariants(text, lang);
        found.forEach((s, i) => {
          if (i > 0) expect(s.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
          expect(s.start).toBeLessThan(s.end);
          expect(text.slice(s.start, s.end)).toBe(s.original);
          expect(s.alternative).not.toBe(s.original);
          expect(s.original.length).toBeLessThanOrEqual(MAX_PHRASE);
          expect(s.alternative.length).toBeLessThanOrEqual(MAX_PHRASE);
          expect(s.alternative).toBe(s.alternative.normalize('NFC'));
          expect(s.alternative).not.toMatch(INVISIBLE_OR_BIDI);
          expect(findTextFlags(s.alternative)).toEqual([]);
          expect(s.note.length).toBeGreaterThan(0);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('never adds a Unicode-safety flag to the text, with every alternative in place', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...languages), (text, lang) => {
        const changed = apply(text, suggestVariants(text, lang));
        expect(findTextFlags(changed).length).toBeLessThanOrEqual(findTextFlags(text).length);
        expect(changed.includes('\u200D')).toBe(text.includes('\u200D'));
        expect(changed.split('\u200C').length).toBe(text.split('\u200C').length);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same after folding, with every spelling-level alternative in place', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...languages), (text, lang) => {
        const spelling = suggestVariants(text, lang).filter((s) => FOLDED.has(s.kind));
        expect(fold(apply(text, spelling))).toBe(fold(text));
      }),
      { numRuns: 300 },
    );
  });

  it('swaps numerals without adding or losing a character but the case of the first letter', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...languages), (text, lang) => {
        for (const s of suggestVariants(text, lang).filter((x) => x.kind === 'number-words')) {
          const bag = (t: string) => Array.from(t.toLowerCase()).sort().join('');
          expect(bag(s.alternative)).toBe(bag(s.original));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('suggestVariants on treaty clauses', () => {
  const kinds = (text: string, lang: string) => suggestVariants(text, lang).map((s) => [s.kind, s.original, s.alternative]);

  it('finds each family in a Russian clause, and lets the date win over the digits in it', () => {
    const ru = 'Стороны обязуются в течение тридцати (30) дней с 24 февраля 2022 г. согласовать «дорожную карту» и её приложения. Всё прочее решает Ковалёв.';
    expect(kinds(ru, 'ru-RU')).toEqual([
      ['number-words', 'тридцати (30)', '30 (тридцати)'],
      ['date', '24 февраля 2022 г.', '24.02.2022'],
      ['quotes', '«дорожную карту»', '„дорожную карту“'],
      ['yo', 'её', 'ее'],
    ]);
  });

  it('finds each family in an Arabic clause, without touching the point number or the numbers in the date', () => {
    const ar = '1. يلتزم الطرفان خلال ثلاثين (30) يوماً من 24 فبراير 2022 بتنفيذ «خطة السلام» وفق المادة 5.';
    expect(kinds(ar, 'ar')).toEqual([
      ['number-words', 'ثلاثين (30)', '30 (ثلاثين)'],
      ['date', '24 فبراير 2022', '24/02/2022'],
      ['quotes', '«خطة السلام»', '“خطة السلام”'],
      ['digits', '5', '٥'],
    ]);
  });

  it('handles the seed report’s Urdu: the caption’s date, its figures, never its straight quotes or joiners', () => {
    const ur = 'روس کے صدر ولادیمیر پوتن اور دیگر حکام دو دسمبر، 2025 کو ماسکو میں امریکی صدر ڈونلڈ ٹرمپ کے داماد جیرڈ کشنر کے ساتھ بات چیت کرتے ہوئے۔ اوشاکوف نے پانچ گھنٹے تک چلی بات چیت کو "مفید، تعمیری اور اہم" قرار دیا۔ ذمہ\u200Cداری';
    const found = suggestVariants(ur, 'ur');
    expect(found.map((s) => [s.kind, s.original, s.alternative])).toEqual([['digits', '2025', '۲۰۲۵']]);
  });

  it('finds each family in an English clause', () => {
    const en = 'Within thirty (30) days from 24 February 2022, Russia, Ukraine and the OSCE shall reduce forces by 50 per cent toward the line.';
    expect(kinds(en, 'en-GB')).toEqual([
      ['number-words', 'thirty (30)', '30 (thirty)'],
      ['date', '24 February 2022', 'February 24, 2022'],
      ['serial-comma', ', Ukraine and', ', Ukraine, and'],
      ['spelling', 'per cent', 'percent'],
      ['spelling', 'toward', 'towards'],
    ]);
  });

  it('gives an unknown language only the language-neutral numerals', () => {
    const it_ = 'Le Parti, ossia Russia, Ucraina e OSCE, «entro» il 24.02.2022 e ten (10) giorni, 5 per cent.';
    expect(kinds(it_, 'it')).toEqual([['number-words', 'ten (10)', '10 (ten)']]);
  });

  it('gives nothing for an empty text', () => {
    expect(suggestVariants('', 'ru')).toEqual([]);
  });
});
