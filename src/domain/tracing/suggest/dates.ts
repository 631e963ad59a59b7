/**
 * Dates: a full date (day, month, year) offered in another standard format of its language.
 *
 * - en: "24 February 2022" ↔ "February 24, 2022";
 * - ru, uk: "24 февраля 2022 г." / "24 лютого 2022 р." (also "года", "року", or no word) ↔
 *   "24.02.2022";
 * - ar, ur, fa: the long form ("24 فبراير 2022", "24 فروری، 2022", "۲۴ فوریهٔ ۲۰۲۲") ↔ the numeric
 *   form in the order CLDR gives the language (day/month/year for Arabic and Urdu,
 *   year/month/day for Persian), in the digits the text used. Only Gregorian years 1900–2100 are
 *   read as numeric dates there, since a Hijri date is written the same way.
 *
 * Month names and the long and numeric patterns come from Intl.DateTimeFormat (CLDR): the
 * formatToParts of a whole date gives the month in the form a date uses (the genitive in
 * Russian and Ukrainian, the ezafe in Persian). Arabic is read with the month names of Egypt
 * and the Gulf, the Levant and Iraq, Algeria and Tunisia, and Morocco, and written with those
 * the text already uses. The marks CLDR puts around Arabic date separators (U+200F) are left
 * out: they are bidi controls, which no alternative may carry.
 */
import { DIGIT_CLASS, digitScriptOfRun, digitValue, LETTER, toDigitScript, type DigitScript } from './text-helpers.ts';
import type { VariantSuggestion } from './types.ts';

const MAX = 60;
const D = `[${DIGIT_CLASS}]`;
const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;
type Part = 'day' | 'month' | 'year';

interface Ymd { y: number; m: number; d: number }

function validDate({ y, m, d }: Ymd): boolean {
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function utc({ y, m, d }: Ymd): Date {
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date;
}

const LONG: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn' };
const NUMERIC: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${options.month}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

const monthNameCache = new Map<string, ReadonlyMap<string, number>>();

/** The month names of a locale in the form a full date uses, and (optionally) the standalone form. */
function monthNames(locale: string, standalone: boolean): ReadonlyMap<string, number> {
  const key = `${locale}|${standalone}`;
  const known = monthNameCache.get(key);
  if (known) return known;
  const names = new Map<string, number>();
  for (let m = 1; m <= 12; m++) {
    const date = utc({ y: 2022, m, d: 15 });
    names.set(formatter(locale, LONG).formatToParts(date).find((p) => p.type === 'month')!.value.normalize('NFC'), m);
    if (standalone) names.set(new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC', calendar: 'gregory' }).format(date).normalize('NFC'), m);
  }
  monthNameCache.set(key, names);
  return names;
}

/** A date written by a locale's pattern, without bidi marks, in the given digits. */
function format(locale: string, options: Intl.DateTimeFormatOptions, date: Ymd, digits: DigitScript, upTo?: Part): string {
  const parts = formatter(locale, options).formatToParts(utc(date));
  const cut = upTo ? parts.findIndex((p) => p.type === upTo) + 1 : parts.length;
  // CLDR's narrow no-break space (before "г.") is a word-joining character to the segmenter, and
  // mixes "2022 г" into one word of two scripts: an ordinary space is what people type.
  const written = parts.slice(0, cut).map((p) => p.value).join('').replace(BIDI_MARKS, '').replace(/[\u202F\u00A0]/gu, ' ');
  return toDigitScript(written, digits).normalize('NFC');
}

/** The order of day, month and year in a locale's numeric date, and its separator. */
function numericPattern(locale: string): { order: Part[]; separator: string } {
  const parts = formatter(locale, NUMERIC).formatToParts(utc({ y: 2022, m: 2, d: 24 }));
  const order = parts.flatMap((p) => (p.type === 'day' || p.type === 'month' || p.type === 'year' ? [p.type] : []));
  const separator = (parts.find((p) => p.type === 'literal')?.value ?? '/').replace(BIDI_MARKS, '');
  return { order, separator };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** An alternation of names, the longest first, so "فوریهٔ" is tried before "فوریه". */
const alternation = (names: Iterable<string>) => [...names].sort((a, b) => b.length - a.length).map(escape).join('|');

/** Not inside a longer number or word. */
function freeStanding(text: string, start: number, end: number, allowAfter?: RegExp): boolean {
  const before = text[start - 1];
  const after = text[end];
  if (before !== undefined && (LETTER.test(before) || /\p{Nd}/u.test(before) || (/[.,/]/u.test(before) && /\p{Nd}/u.test(text[start - 2] ?? '')))) return false;
  if (after === undefined) return true;
  if (allowAfter?.test(after)) return true;
  return !(LETTER.test(after) || /\p{Nd}/u.test(after) || (/[./]/u.test(after) && /\p{Nd}/u.test(text[end + 1] ?? '')));
}

/** The digit set all the runs share, or null. */
function sameDigits(...runs: string[]): DigitScript | null {
  return digitScriptOfRun(runs.join(''));
}

function suggestion(text: string, start: number, end: number, alternative: string, note: string): VariantSuggestion | null {
  const original = text.slice(start, end);
  if (original.length > MAX || alternative.length > MAX || alternative === original) return null;
  return { start, end, original, alternative, kind: 'date', note };
}

// --- English -------------------------------------------------------------------------------

function englishDates(text: string): VariantSuggestion[] {
  const names = monthNames('en', false);
  const months = alternation(names.keys());
  const out: VariantSuggestion[] = [];
  const dayFirst = new RegExp(`(\\d{1,2})[ \\u00A0\\u202F](${months})[ \\u00A0\\u202F](\\d{4})`, 'gu');
  const monthFirst = new RegExp(`(${months})[ \\u00A0\\u202F](\\d{1,2}),[ \\u00A0\\u202F](\\d{4})`, 'gu');
  for (const m of text.matchAll(dayFirst)) {
    const date = { d: Number(m[1]), m: names.get(m[2]!)!, y: Number(m[3]) };
    const end = m.index + m[0].length;
    if (!validDate(date) || !freeStanding(text, m.index, end)) continue;
    const s = suggestion(text, m.index, end, format('en-US', LONG, date, 'latn'), 'date: day month year → month day, year');
    if (s) out.push(s);
  }
  for (const m of text.matchAll(monthFirst)) {
    const date = { m: names.get(m[1]!)!, d: Number(m[2]), y: Number(m[3]) };
    const end = m.index + m[0].length;
    if (!validDate(date) || !freeStanding(text, m.index, end)) continue;
    const s = suggestion(text, m.index, end, format('en-GB', LONG, date, 'latn'), 'date: month day, year → day month year');
    if (s) out.push(s);
  }
  return out;
}

// --- Russian and Ukrainian -------------------------------------------------------------------

/** The words that may follow the year: the abbreviation, and "year" in the genitive. */
const YEAR_WORDS: Readonly<Record<string, { abbreviation: string; words: string[] }>> = {
  ru: { abbreviation: 'г.', words: ['года'] },
  uk: { abbreviation: 'р.', words: ['року'] },
};

function cyrillicDates(text: string, lang: 'ru' | 'uk'): VariantSuggestion[] {
  const names = monthNames(lang, false);
  const { abbreviation, words } = YEAR_WORDS[lang]!;
  const yearWord = [escape(abbreviation), ...words.map((w) => `${w}(?![\\p{L}\\p{M}])`)].join('|');
  const out: VariantSuggestion[] = [];
  const long = new RegExp(`(\\d{1,2})[ \\u00A0\\u202F](${alternation(names.keys())})[ \\u00A0\\u202F](\\d{4})(?:[ \\u00A0\\u202F](${yearWord}))?`, 'gu');
  for (const m of text.matchAll(long)) {
    const date = { d: Number(m[1]), m: names.get(m[2]!)!, y: Number(m[3]) };
    const end = m.index + m[0].length;
    if (!validDate(date) || !freeStanding(text, m.index, end)) continue;
    let numeric = format(lang, NUMERIC, date, 'latn');
    if (m[4] === abbreviation) {
      // The abbreviation's point may also end the sentence: then the numeric form needs its own.
      const rest = text.slice(end);
      if (rest === '' || /^\s*[\n\r]/u.test(rest)) numeric += '.';
      else if (/^\s+\p{Lu}/u.test(rest)) continue;
    }
    const s = suggestion(text, m.index, end, numeric, 'date: day month year → dd.mm.yyyy');
    if (s) out.push(s);
  }
  const numericRe = /(\d{1,2})\.(\d{2})\.(\d{4})/gu;
  for (const m of text.matchAll(numericRe)) {
    const date = { d: Number(m[1]), m: Number(m[2]), y: Number(m[3]) };
    let end = m.index + m[0].length;
    const rest = text.slice(end);
    if (!validDate(date) || !freeStanding(text, m.index, end, /\./u) || /^\.\p{Nd}/u.test(rest)) continue;
    let alternative: string;
    if (new RegExp(`^[ \\u00A0\\u202F](?:${yearWord})`, 'u').test(rest)) {
      // "24.02.2022 г." / "24.02.2022 года": the word stays, the date before it changes.
      alternative = format(lang, LONG, date, 'latn', 'year');
    } else {
      alternative = format(lang, LONG, date, 'latn');
      // At a sentence's end the abbreviation's point is the full stop as well.
      if (rest.startsWith('.') && alternative.endsWith('.')) end += 1;
    }
    const s = suggestion(text, m.index, end, alternative, 'date: dd.mm.yyyy → day month year');
    if (s) out.push(s);
  }
  return out;
}

// --- Arabic, Urdu and Persian -----------------------------------------------------------------

/** Locales whose month names are read; the first is the default for writing. */
const ARABIC_SCRIPT: Readonly<Record<string, { locales: string[]; standalone: boolean }>> = {
  ar: { locales: ['ar', 'ar-SY', 'ar-DZ', 'ar-MA'], standalone: false },
  ur: { locales: ['ur'], standalone: false },
  fa: { locales: ['fa'], standalone: true },
};

function arabicScriptDates(text: string, lang: 'ar' | 'ur' | 'fa'): VariantSuggestion[] {
  const { locales, standalone } = ARABIC_SCRIPT[lang]!;
  const perLocale = locales.map((locale) => ({ locale, names: monthNames(locale, standalone) }));
  const names = new Map<string, number>();
  const clash = new Set<string>();
  for (const { names: n } of perLocale) {
    for (const [name, m] of n) {
      const had = names.get(name);
      if (had !== undefined && had !== m) clash.add(name);
      else names.set(name, m);
    }
  }
  for (const c of clash) names.delete(c);
  // Write months the way the text already names them.
  const writer = perLocale.find(({ names: n }) => [...n.keys()].some((name) => text.includes(name)))?.locale ?? locales[0]!;
  const out: VariantSuggestion[] = [];

  const long = new RegExp(`(${D}{1,2})[ \\u00A0\\u202F](${alternation(names.keys())})(،?)[ \\u00A0\\u202F](${D}{4})`, 'gu');
  const { order, separator } = numericPattern(lang);
  for (const m of text.matchAll(long)) {
    const digits = sameDigits(m[1]!, m[4]!);
    const date = { d: digitValue(m[1]!), m: names.get(m[2]!)!, y: digitValue(m[4]!) };
    const end = m.index + m[0].length;
    // "2022م": the Gregorian era letter may follow the year.
    if (digits === null || !validDate(date) || !freeStanding(text, m.index, end, /م/u)) continue;
    const s = suggestion(text, m.index, end, format(lang, NUMERIC, date, digits).replace(/[^\p{Nd}]+/gu, separator), `date: day month year → ${order.map((p) => p[0]!.repeat(p === 'year' ? 4 : 2)).join(separator)}`);
    if (s) out.push(s);
  }

  const field = (p: Part) => (p === 'year' ? `(${D}{4})` : `(${D}{1,2})`);
  const numeric = new RegExp(order.map(field).join(escape(separator)), 'gu');
  for (const m of text.matchAll(numeric)) {
    const digits = sameDigits(m[0]);
    const value = (p: Part) => digitValue(m[order.indexOf(p) + 1]!);
    const date = { d: value('day'), m: value('month'), y: value('year') };
    const end = m.index + m[0].length;
    if (digits === null || date.y < 1900 || date.y > 2100 || !validDate(date) || !freeStanding(text, m.index, end, /م/u)) continue;
    const alternative = format(writer === locales[0] ? lang : writer, LONG, date, digits);
    const s = suggestion(text, m.index, end, alternative, 'date: numeric → day month year');
    if (s) out.push(s);
  }
  return out;
}

export function dateVariants(text: string, lang: string): VariantSuggestion[] {
  switch (lang) {
    case 'en': return englishDates(text);
    case 'ru': case 'uk': return cyrillicDates(text, lang);
    case 'ar': case 'ur': case 'fa': return arabicScriptDates(text, lang);
    default: return [];
  }
}
