/**
 * Quotation-mark style: a quoted phrase written with one of the two styles its language uses
 * as a matter of course, offered in the other. The slot is the whole quoted span, marks
 * included.
 *
 * - ru, uk: « » and „ “ (both in standard use; „ “ is also the inner style, so a span inside
 *   another quotation is never offered);
 * - de: „ “ and » «;
 * - fr: « » with a no-break space inside each mark, and “ ”;
 * - ar, ur, fa: « » and “ ”.
 *
 * English gets none: “ ” and ‘ ’ are the outer and inner quotes of the two spellings of English,
 * so swapping them changes what is nested in what, and straight quotes are what retyping
 * produces, so they carry no bit. Only a span without any other quote mark inside (no nesting),
 * on one line, is offered, and only at the top level (not inside another quotation).
 */
import type { VariantSuggestion } from './types.ts';

interface Style {
  open: string;
  close: string;
  /** French guillemets hold a no-break space inside each mark. */
  padded: boolean;
  label: string;
}

const GUILLEMETS: Style = { open: '«', close: '»', padded: false, label: '« »' };
const LOW_HIGH: Style = { open: '„', close: '“', padded: false, label: '„ “' };
const GERMAN_GUILLEMETS: Style = { open: '»', close: '«', padded: false, label: '» «' };
const FRENCH_GUILLEMETS: Style = { open: '«', close: '»', padded: true, label: '« »' };
const ENGLISH: Style = { open: '“', close: '”', padded: false, label: '“ ”' };

/** The two styles of each language, either of which the other may replace. */
const STYLES: Readonly<Record<string, readonly [Style, Style]>> = {
  ru: [GUILLEMETS, LOW_HIGH],
  uk: [GUILLEMETS, LOW_HIGH],
  de: [LOW_HIGH, GERMAN_GUILLEMETS],
  fr: [FRENCH_GUILLEMETS, ENGLISH],
  ar: [GUILLEMETS, ENGLISH],
  ur: [GUILLEMETS, ENGLISH],
  fa: [GUILLEMETS, ENGLISH],
};

/**
 * Any quotation mark of any style. The apostrophes ' and ’ are left out: Ukrainian writes
 * ’ inside words (п’ять), and an apostrophe is no nesting.
 */
const ANY_QUOTE = /["«»„“”‘‚‹›「」『』]/u;
const PAD = /^[ \u00A0\u202F]|[ \u00A0\u202F]$/gu;
const MAX = 60;

interface Pair { open: number; close: number; style: Style; nested: boolean; depth: number }

/** Matched pairs of the language's two styles, with their depth and whether anything nests in them. */
function pairs(text: string, styles: readonly [Style, Style]): Pair[] {
  const out: Pair[] = [];
  const stack: { at: number; style: Style; nested: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const opening = styles.find((s) => s.open === ch);
    const closing = styles.find((s) => s.close === ch);
    if (closing && stack.at(-1)?.style === closing) {
      const top = stack.pop()!;
      out.push({ open: top.at, close: i, style: closing, nested: top.nested, depth: stack.length });
      if (stack.length > 0) stack.at(-1)!.nested = true;
    } else if (opening) {
      if (stack.length > 0) stack.at(-1)!.nested = true;
      stack.push({ at: i, style: opening, nested: false });
    } else if (closing) {
      // A closing mark that closes nothing: the quoting around here cannot be trusted.
      for (const open of stack) out.push({ open: open.at, close: -1, style: open.style, nested: true, depth: -1 });
      stack.length = 0;
    }
  }
  return out;
}

export function quoteVariants(text: string, lang: string): VariantSuggestion[] {
  const styles = STYLES[lang];
  if (!styles) return [];
  const out: VariantSuggestion[] = [];
  for (const p of pairs(text, styles)) {
    if (p.depth !== 0 || p.nested || p.close < 0) continue;
    const inner = text.slice(p.open + 1, p.close);
    const core = p.style.padded ? inner.replace(PAD, '') : inner;
    if (core.trim() === '' || core !== core.trim() || ANY_QUOTE.test(inner) || /[\n\r\u2028\u2029]/u.test(inner)) continue;
    const other = styles[0] === p.style ? styles[1] : styles[0];
    const pad = other.padded ? '\u00A0' : '';
    const original = text.slice(p.open, p.close + 1);
    const alternative = other.open + pad + core + pad + other.close;
    if (original.length > MAX || alternative.length > MAX) continue;
    out.push({ start: p.open, end: p.close + 1, original, alternative, kind: 'quotes', note: `quotation marks ${p.style.label} → ${other.label}` });
  }
  return out;
}
