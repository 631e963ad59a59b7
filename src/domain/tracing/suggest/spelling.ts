/**
 * English spelling variants that every reader takes as the same word: "per cent" ↔ "percent",
 * "toward" ↔ "towards", and "judgement" → "judgment". Whole words only, capitalisation kept.
 *
 * "judgment" is never turned into "judgement": British legal English keeps "judgment" for a
 * court's decision, so that direction would read as a change of meaning to a lawyer, while
 * "judgment" is correct for both senses everywhere.
 */
import { tokenize } from '../../redline/tokenize.ts';
import { caseShape, withCase } from './text-helpers.ts';
import type { VariantSuggestion } from './types.ts';

/** One word to another, in lower case. */
const WORD_SWAPS: Readonly<Record<string, string>> = {
  percent: 'per cent',
  toward: 'towards',
  towards: 'toward',
  judgement: 'judgment',
  judgements: 'judgments',
};

export function spellingVariants(text: string, lang: string): VariantSuggestion[] {
  if (lang !== 'en') return [];
  const tokens = tokenize(text, 'en');
  const out: VariantSuggestion[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'word') return;
    const shape = caseShape(t.text);
    if (shape === 'mixed') return;
    const lower = t.text.toLowerCase();
    // "per cent": two words with one space between them, in the same case.
    const space = tokens[i + 1];
    const cent = tokens[i + 2];
    if (lower === 'per' && space?.text === ' ' && cent?.kind === 'word' && cent.text.toLowerCase() === 'cent' && caseShape(cent.text) === (shape === 'capitalised' ? 'lower' : shape)) {
      out.push({ start: t.start, end: cent.end, original: text.slice(t.start, cent.end), alternative: withCase('percent', shape), kind: 'spelling', note: '“per cent” → “percent”' });
      return;
    }
    const swap = WORD_SWAPS[lower];
    if (swap === undefined) return;
    const alternative = shape === 'upper' ? swap.toUpperCase() : withCase(swap, shape);
    out.push({ start: t.start, end: t.end, original: t.text, alternative, kind: 'spelling', note: `“${lower}” → “${swap}”` });
  });
  return out;
}
