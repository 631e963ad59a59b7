/**
 * Digits, in Arabic-script languages only: a number in ASCII digits ↔ the same number in the
 * script's own digits, Arabic-Indic (٠–٩) for Arabic, Extended Arabic-Indic (۰–۹) for Urdu and
 * Persian. Both are in everyday use in all three, in laws and treaties too.
 *
 * Only plain whole numbers are offered. Left alone:
 * - a point's own number at the very start of the text ("3." or "(3)");
 * - anything with a separator inside (decimals, thousands, times, dates, references like
 *   "A/RES/68/262"): the separators change with the digits, and dates have their own rule;
 * - a number glued to a Latin or Cyrillic letter, or next to a Latin word ("S-300", "Minsk 2"):
 *   it belongs to a name written in that script.
 */
import { DIGIT_CLASS, digitScriptOfRun, toDigitScript, type DigitScript } from './text-helpers.ts';
import type { VariantSuggestion } from './types.ts';

const SCRIPT: Readonly<Record<string, DigitScript>> = { ar: 'arab', ur: 'arabext', fa: 'arabext' };
const LABEL: Readonly<Record<DigitScript, string>> = { latn: 'ASCII digits', arab: 'Arabic-Indic digits', arabext: 'Extended Arabic-Indic digits' };
const D = `[${DIGIT_CLASS}]`;
/** A run of digits with whatever separators join it to more digits. */
const CLUSTER = new RegExp(`${D}+(?:[.,:/\\-‐\\u066B\\u066C\\u060C]${D}+)*`, 'gu');
const FOREIGN_LETTER = /[\p{scx=Latn}\p{scx=Cyrl}\p{scx=Grek}]/u;
const MAX = 60;

/** The leading point number of a text: "3.", "3)", "(3)", "3.1", "٣-" and the spaces before it. */
const POINT_NUMBER = new RegExp(`^\\s*\\(?${D}+(?:[.\\-]${D}+)*[.)\\-]?`, 'u');

/** The nearest character that is not a space, before (step −1) or after (step +1) `from`. */
function nearest(text: string, from: number, step: 1 | -1): string | undefined {
  let i = from;
  while (i >= 0 && i < text.length && /[ \u00A0]/u.test(text[i]!)) i += step;
  return text[i];
}

export function digitVariants(text: string, lang: string): VariantSuggestion[] {
  const native = SCRIPT[lang];
  if (!native) return [];
  const skipUntil = POINT_NUMBER.exec(text)?.[0].length ?? 0;
  const out: VariantSuggestion[] = [];
  for (const m of text.matchAll(CLUSTER)) {
    const original = m[0];
    const start = m.index;
    const end = start + original.length;
    if (start < skipUntil || original.length > MAX || !/^\p{Nd}+$/u.test(original)) continue;
    const script = digitScriptOfRun(original);
    if (script !== 'latn' && script !== native) continue;
    const before = text[start - 1];
    const after = text[end];
    // Glued by a hyphen, slash or point to a letter or digit: a code or a reference.
    const gluedBefore = before !== undefined && /[‐/.-]/u.test(before) && /[\p{L}\p{N}]/u.test(text[start - 2] ?? '');
    const gluedAfter = after !== undefined && /[‐/.-]/u.test(after) && /[\p{L}\p{N}]/u.test(text[end + 1] ?? '');
    if (gluedBefore || gluedAfter) continue;
    const near = [nearest(text, start - 1, -1), nearest(text, end, 1)];
    if (near.some((c) => c !== undefined && FOREIGN_LETTER.test(c))) continue;
    const target = script === 'latn' ? native : 'latn';
    out.push({ start, end, original, alternative: toDigitScript(original, target), kind: 'digits', note: `${LABEL[script]} → ${LABEL[target]}` });
  }
  return out;
}
