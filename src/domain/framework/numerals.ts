/**
 * Numbers as agreements write them, turned into the plain ASCII digits Parley stores.
 *
 * Decision: a point keeps the number it has in the source, but always in ASCII digits, and
 * Roman numerals, Chinese numerals and ordinal words are converted to Arabic digits
 * ("Article IV" → "4", "المادة الثانية" → "2", "第十二条" → "12"). One spelling per number
 * is what lets later code compare, sort and reference points across language versions.
 */

const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * Unicode lays every decimal digit set out as a run of ten code points from 0 to 9 (some
 * sets sit back to back, like the mathematical digits), so the value of any `\p{Nd}` digit is
 * its distance from the start of its run, modulo ten. That covers Arabic-Indic (٠١٢),
 * Extended Arabic-Indic (۰۱۲, Persian and Urdu), full-width (０１２), Devanagari and the
 * rest without a table per script.
 */
function digitValue(ch: string): number {
  const cp = ch.codePointAt(0)!;
  let start = cp;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return (cp - start) % 10;
}

/** Converts every decimal digit, in any script, to ASCII; other characters pass through. */
export function toAsciiDigits(input: string): string {
  return input.replace(/\p{Nd}/gu, (d) => (d >= '0' && d <= '9' ? d : String(digitValue(d))));
}

/** "0012" and "١٢" both become "12": leading zeros are typography, not part of the number. */
export function normalizeDigits(input: string): string {
  const ascii = toAsciiDigits(input);
  const trimmed = ascii.replace(/^0+(?=\d)/, '');
  return trimmed;
}

const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * Strict Roman numeral parsing: only canonical forms (IV, not IIII; XC, not LXL) are
 * accepted, because a loose parser would read words such as "DID" or "MIX" as numbers.
 */
export function romanToNumber(input: string): number | undefined {
  const s = input.toUpperCase();
  if (!/^[IVXLCDM]+$/.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i += 1) {
    const v = ROMAN_VALUES[s[i]!]!;
    const next = i + 1 < s.length ? ROMAN_VALUES[s[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  if (total <= 0 || total >= 4000 || numberToRoman(total) !== s) return undefined;
  return total;
}

function numberToRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CHINESE_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numerals up to 9999 ("十二" → 12, "二十" → 20, "一百零五" → 105): enough for article numbers. */
export function chineseToNumber(input: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百千]+$/u.test(input)) return undefined;
  let total = 0;
  let pending = 0;
  for (const ch of input) {
    const digit = CHINESE_DIGITS[ch];
    if (digit !== undefined) {
      pending = digit;
      continue;
    }
    const unit = CHINESE_UNITS[ch]!;
    // "十二" omits the leading "一": a unit with nothing pending counts once.
    total += (pending === 0 ? 1 : pending) * unit;
    pending = 0;
  }
  total += pending;
  return total > 0 ? total : undefined;
}

/**
 * Arabic legal texts number articles with ordinal words ("المادة الأولى", "البند الثاني")
 * and list items with ordinal adverbs ("أولاً", "ثانياً"). Forms are listed without hamza and
 * tanween variants; `arabicOrdinalToNumber` folds those before looking up.
 */
const ARABIC_ORDINALS: readonly (readonly string[])[] = [
  ['الاول', 'الاولى', 'اولا'],
  ['الثاني', 'الثانيه', 'ثانيا'],
  ['الثالث', 'الثالثه', 'ثالثا'],
  ['الرابع', 'الرابعه', 'رابعا'],
  ['الخامس', 'الخامسه', 'خامسا'],
  ['السادس', 'السادسه', 'سادسا'],
  ['السابع', 'السابعه', 'سابعا'],
  ['الثامن', 'الثامنه', 'ثامنا'],
  ['التاسع', 'التاسعه', 'تاسعا'],
  ['العاشر', 'العاشره', 'عاشرا'],
];

function foldArabic(input: string): string {
  return input
    .replace(/[\u064B-\u0652\u0670\u0640]/gu, '') // harakat, tanween, superscript alef, tatweel
    .replace(/[أإآ]/gu, 'ا')
    .replace(/ة/gu, 'ه')
    .replace(/ى/gu, 'ي')
    .replace(/\s+/gu, ' ')
    .trim();
}

const ARABIC_ORDINAL_LOOKUP: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  ARABIC_ORDINALS.forEach((forms, i) => {
    for (const form of forms) map.set(foldArabic(form), i + 1);
  });
  // 11–19: "الحادي عشر", "الثاني عشر"/"الثانية عشرة", …
  const teens: [string, string][] = [['الحادي', 'الحاديه'], ['الثاني', 'الثانيه'], ['الثالث', 'الثالثه'],
    ['الرابع', 'الرابعه'], ['الخامس', 'الخامسه'], ['السادس', 'السادسه'], ['السابع', 'السابعه'],
    ['الثامن', 'الثامنه'], ['التاسع', 'التاسعه']];
  teens.forEach(([masc, fem], i) => {
    map.set(foldArabic(`${masc} عشر`), 11 + i);
    map.set(foldArabic(`${fem} عشره`), 11 + i);
    map.set(foldArabic(`${fem} عشر`), 11 + i);
  });
  map.set('العشرون', 20);
  map.set('العشرين', 20);
  map.set('حادي عشر', 11);
  map.set('ثاني عشر', 12);
  return map;
})();

export function arabicOrdinalToNumber(input: string): number | undefined {
  return ARABIC_ORDINAL_LOOKUP.get(foldArabic(input));
}

/** The pattern source of every Arabic ordinal form, longest first so "الحادي عشر" wins over shorter prefixes. */
export const ARABIC_ORDINAL_PATTERN: string = (() => {
  const harakat = '[\\u064B-\\u0652\\u0670\\u0640]*';
  const forms = [...ARABIC_ORDINAL_LOOKUP.keys()].sort((a, b) => b.length - a.length);
  const toPattern = (form: string): string =>
    form.replace(/./gu, (ch) => {
      if (ch === ' ') return '\\s+';
      if (ch === 'ا') return `[اأإآ]${harakat}`;
      if (ch === 'ه') return `[هة]${harakat}`;
      if (ch === 'ي') return `[يى]${harakat}`;
      return `${ch}${harakat}`;
    });
  return forms.map(toPattern).join('|');
})();

const ENGLISH_NUMBER_WORDS: readonly string[] = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];

/** "Article One" in US-drafted texts; beyond twenty such texts switch to digits. */
export function englishNumberWordToNumber(input: string): number | undefined {
  const i = ENGLISH_NUMBER_WORDS.indexOf(input.toLowerCase());
  return i === -1 ? undefined : i + 1;
}

export const ENGLISH_NUMBER_WORD_PATTERN: string = ENGLISH_NUMBER_WORDS.join('|');
