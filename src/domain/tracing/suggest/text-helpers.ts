/**
 * Small pieces the rule families share: the base of a language tag, the three digit sets of
 * the languages covered, where a sentence starts, and keeping a word's capitalisation.
 */

/** The base language of a BCP-47 tag, lower case: 'ru-RU' → 'ru', 'ur-Arab-PK' → 'ur'. */
export function baseLanguage(lang: string): string {
  return (lang.split(/[-_]/u)[0] ?? '').toLowerCase();
}

export type DigitScript = 'latn' | 'arab' | 'arabext';

/** The code point of zero in each digit set: ASCII, Arabic-Indic (U+0660), Extended Arabic-Indic (U+06F0). */
const ZERO: Readonly<Record<DigitScript, number>> = { latn: 0x30, arab: 0x660, arabext: 0x6f0 };

/** A character class (inside [...]) of every digit the rules read. */
export const DIGIT_CLASS = '0-9\u0660-\u0669\u06F0-\u06F9';

export function digitScriptOf(ch: string): DigitScript | null {
  const c = ch.charCodeAt(0);
  for (const script of ['latn', 'arab', 'arabext'] as const) if (c >= ZERO[script] && c <= ZERO[script] + 9) return script;
  return null;
}

/** The digit set of a run of digits, or null when it mixes sets (or holds no digit). */
export function digitScriptOfRun(digits: string): DigitScript | null {
  let found: DigitScript | null = null;
  for (const ch of digits) {
    const s = digitScriptOf(ch);
    if (s === null) continue;
    if (found !== null && found !== s) return null;
    found = s;
  }
  return found;
}

/** The text with every digit of the three sets written in `script`; other characters as they are. */
export function toDigitScript(text: string, script: DigitScript): string {
  let out = '';
  for (const ch of text) {
    const from = digitScriptOf(ch);
    out += from === null ? ch : String.fromCharCode(ZERO[script] + ch.charCodeAt(0) - ZERO[from]);
  }
  return out;
}

/** The value of a run of digits of one set, grouping separators ignored; NaN when there is none. */
export function digitValue(digits: string): number {
  const ascii = toDigitScript(digits, 'latn').replace(/[^0-9]/gu, '');
  return ascii === '' ? NaN : Number(ascii);
}

const OPENERS = /[\s«„“"‘‚‹»([—–-]/u;
const SENTENCE_END = /[.!?…;:\n\u061F\u06D4]/u;

/**
 * Does a sentence start at `index`? Looking back over spaces, opening quotes, brackets and
 * dashes, it does at the start of the text and after a full stop, question or exclamation mark
 * (Latin, Arabic ؟ and Urdu ۔), a colon, a semicolon or a line break.
 */
export function atSentenceStart(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && OPENERS.test(text[i]!) && text[i] !== '\n') i--;
  return i < 0 || SENTENCE_END.test(text[i]!);
}

export type CaseShape = 'lower' | 'capitalised' | 'upper' | 'mixed';

/** How a word is capitalised; a word without cased letters counts as lower case. */
export function caseShape(word: string): CaseShape {
  const lower = word.toLocaleLowerCase();
  if (word === lower) return 'lower';
  if (word === word.toLocaleUpperCase() && Array.from(word).length > 1) return 'upper';
  const [first = '', ...rest] = word;
  if (first !== first.toLocaleLowerCase() && rest.join('') === rest.join('').toLocaleLowerCase()) return 'capitalised';
  return 'mixed';
}

/** `word` (lower case) written with the given shape. */
export function withCase(word: string, shape: CaseShape): string {
  if (shape === 'upper') return word.toLocaleUpperCase();
  if (shape === 'capitalised') {
    const [first = '', ...rest] = word;
    return first.toLocaleUpperCase() + rest.join('');
  }
  return word;
}

/** Letters and combining marks: a number or word glued to one of these is part of something longer. */
export const LETTER = /[\p{L}\p{M}]/u;
