/**
 * Wording-variant suggestions (issue 8, embedding layer 3a): the places in one language's text
 * where an equivalent wording could stand, for a drafter to approve as wording slots. Nothing
 * here changes a text; a suggestion a lawyer would reject is worse than none, so each rule
 * family offers only what its language treats as the same words (see each file).
 *
 * The result is sorted by start and free of overlaps: where two rules claim overlapping text
 * the more specific wins (a date over the digits in it, "ten (10)" over its figure, a word
 * over the quotation around it). Every alternative is NFC and passes the Unicode-safety check
 * on its own: no joiners, no bidi controls, nothing `findTextFlags` would flag, so a
 * recipient's copy never shows a flag its master does not.
 */
import { findTextFlags } from '../../text/unicode-safety.ts';
import { dateVariants } from './dates.ts';
import { digitVariants } from './digits.ts';
import { numberWordVariants } from './number-words.ts';
import { quoteVariants } from './quotes.ts';
import { yoVariants } from './russian-yo.ts';
import { serialCommaVariants } from './serial-comma.ts';
import { spellingVariants } from './spelling.ts';
import { baseLanguage } from './text-helpers.ts';
import type { VariantKind, VariantSuggestion } from './types.ts';

export type { VariantKind, VariantSuggestion } from './types.ts';

/** The longest phrase offered, in UTF-16 units, original or alternative. */
export const MAX_PHRASE = 60;

/** Characters on each side of a phrase checked for flags with the alternative in place. */
const CONTEXT = 40;

/** Which kind wins an overlap: earlier in this list. */
const PRIORITY: readonly VariantKind[] = ['date', 'number-words', 'serial-comma', 'spelling', 'yo', 'quotes', 'digits'];

const RULES = [dateVariants, numberWordVariants, serialCommaVariants, spellingVariants, yoVariants, quoteVariants, digitVariants];

/** Joiners, bidi controls and marks: never in an alternative, whatever their neighbours. */
const FORBIDDEN = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF\u00AD]/u;

function safe(text: string, s: VariantSuggestion): boolean {
  return (
    s.start >= 0 && s.end <= text.length && s.start < s.end
    && s.original === text.slice(s.start, s.end)
    && s.alternative !== s.original
    && s.alternative.length > 0
    && s.original.length <= MAX_PHRASE && s.alternative.length <= MAX_PHRASE
    && s.alternative === s.alternative.normalize('NFC')
    && !FORBIDDEN.test(s.alternative)
    && findTextFlags(s.alternative).length === 0
    && noNewFlagsAround(text, s)
  );
}

/** Put in its place, the alternative may not make its surroundings flagged (a word of two scripts, a mark inside a word). */
function noNewFlagsAround(text: string, s: VariantSuggestion): boolean {
  const from = Math.max(0, s.start - CONTEXT);
  const to = Math.min(text.length, s.end + CONTEXT);
  const before = text.slice(from, to);
  const after = text.slice(from, s.start) + s.alternative + text.slice(s.end, to);
  return findTextFlags(after).length <= findTextFlags(before).length;
}

export function suggestVariants(text: string, lang: string): VariantSuggestion[] {
  const base = baseLanguage(lang);
  const candidates = RULES.flatMap((rule) => rule(text, base)).filter((s) => safe(text, s));
  candidates.sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || a.start - b.start || a.end - b.end);
  const chosen: VariantSuggestion[] = [];
  for (const c of candidates) {
    if (chosen.every((k) => c.end <= k.start || c.start >= k.end)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
