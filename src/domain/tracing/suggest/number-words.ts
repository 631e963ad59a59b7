/**
 * Number words and figures: "thirty (30) days" ↔ "30 (thirty) days", "тридцати (30) дней" ↔
 * "30 (тридцати) дней", "ثلاثين (٣٠) يوماً" ↔ "٣٠ (ثلاثين) يوماً". The slot is the words and the
 * bracketed figure together, swapped. Figures may be written in ASCII, Arabic-Indic or Extended
 * Arabic-Indic digits, with thousands separators.
 *
 * The words must spell the figure (number-lexicons.ts): that is what tells "one hundred (100)"
 * from "hundred (100)" and a numeral from "Article 5 (Definitions)".
 */
import { tokenize, type Token } from '../../redline/tokenize.ts';
import { foldWord, lookUp, numberLexicon, numeralValue, type NumberLexicon, type NumberWord } from './number-lexicons.ts';
import { atSentenceStart, caseShape, DIGIT_CLASS, digitScriptOfRun, digitValue, LETTER, withCase } from './text-helpers.ts';
import type { VariantSuggestion } from './types.ts';

const MAX = 60;
const D = `[${DIGIT_CLASS}]`;
/** A figure: digits, or groups of three after a separator (1,000; 1 000; ١٬٠٠٠). */
const FIGURE = `${D}{1,3}(?:[,\\u00A0\\u202F\\u066C ]${D}{3})+|${D}+`;
const WORDS_THEN_FIGURE = new RegExp(`([ \\u00A0]?)\\((${FIGURE})\\)`, 'gu');
const FIGURE_THEN_WORDS = new RegExp(`(${FIGURE})([ \\u00A0]?)\\(([^()\\n]{1,50})\\)`, 'gu');
const HYPHEN = /^[-‐]$/u;

interface Numeral { start: number; end: number; value: number; words: string[] }

/**
 * Reads `tokens` as one numeral: number words, joiners between them, hyphens and spaces. Null
 * when any token is something else or the words do not form a number.
 */
function readNumeral(tokens: readonly Token[], lex: NumberLexicon): Numeral | null {
  const parts: { token: Token; word: NumberWord | null }[] = [];
  for (const t of tokens) {
    if (t.kind === 'space') { if (/[\n\r]/u.test(t.text)) return null; continue; }
    if (t.kind === 'punct') { if (!HYPHEN.test(t.text)) return null; continue; }
    const w = lookUp(lex, t.text);
    if (w) parts.push({ token: t, word: w });
    else if (lex.joiners.has(t.text.toLowerCase())) parts.push({ token: t, word: null });
    else return null;
  }
  // A joiner or an article may not begin or end the numeral.
  while (parts.length > 0 && (parts[0]!.word === null || (parts[0]!.word.onlyBeforeScale && !parts[1]?.word?.scale))) parts.shift();
  while (parts.length > 0 && parts.at(-1)!.word === null) parts.pop();
  // A conjunction written onto the first word joins the numeral to what precedes it ("وثلاثين"): not part of it.
  if (parts.length === 0 || !lex.words.has(foldWord(parts[0]!.token.text))) return null;
  const value = numeralValue(parts.flatMap((p) => (p.word ? [p.word] : [])));
  if (Number.isNaN(value)) return null;
  return { start: parts[0]!.token.start, end: parts.at(-1)!.token.end, value, words: parts.map((p) => p.token.text) };
}

/** The figure's value when it is one number in one digit set, else NaN. */
function figureValue(figure: string): number {
  return digitScriptOfRun(figure) === null ? NaN : digitValue(figure);
}

/** Case may only mark a sentence's start: lower case throughout, or the first word capitalised there. */
function caseFits(words: readonly string[], sentenceStart: boolean): boolean {
  return words.every((w, i) => {
    const shape = caseShape(w);
    return shape === 'lower' || (i === 0 && sentenceStart && shape === 'capitalised');
  });
}

function lowerFirst(s: string): string {
  const [first = '', ...rest] = s;
  return first.toLocaleLowerCase() + rest.join('');
}

/** "ten (10)" → "10 (ten)". */
function wordsThenFigure(text: string, lang: string, lex: NumberLexicon): VariantSuggestion[] {
  const out: VariantSuggestion[] = [];
  for (const m of text.matchAll(WORDS_THEN_FIGURE)) {
    const gap = m[1]!;
    const figure = m[2]!;
    const value = figureValue(figure);
    const wordsEnd = m.index;
    const end = m.index + m[0].length;
    if (Number.isNaN(value) || wordsEnd === 0 || (end < text.length && LETTER.test(text[end]!))) continue;
    // The numeral is the longest run of number words before the bracket: the words of "one hundred (100)" are both.
    const lineStart = text.lastIndexOf('\n', wordsEnd - 1) + 1;
    const from = Math.max(lineStart, wordsEnd - 80);
    const tokens = tokenize(text.slice(from, wordsEnd), lang).map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
    let first = tokens.length;
    while (first > 0) {
      const t = tokens[first - 1]!;
      const fits = t.kind === 'space' ? !/[\n\r]/u.test(t.text) : t.kind === 'punct' ? HYPHEN.test(t.text) : lookUp(lex, t.text) !== null || lex.joiners.has(t.text.toLowerCase());
      if (!fits) break;
      first--;
    }
    if (first === tokens.length || tokens.at(-1)!.kind !== 'word') continue;
    const numeral = readNumeral(tokens.slice(first), lex);
    if (!numeral || numeral.value !== value || numeral.end !== wordsEnd) continue;
    // Glued to a word or a hyphen before it, the numeral is part of something longer.
    const before = text[numeral.start - 1];
    if (before !== undefined && (LETTER.test(before) || HYPHEN.test(before) || /[0-9'’]/u.test(before))) continue;
    const sentenceStart = atSentenceStart(text, numeral.start);
    if (!caseFits(numeral.words, sentenceStart)) continue;
    const words = text.slice(numeral.start, wordsEnd);
    const original = text.slice(numeral.start, end);
    const alternative = `${figure}${gap}(${lowerFirst(words)})`;
    if (original.length > MAX || alternative.length > MAX) continue;
    out.push({ start: numeral.start, end, original, alternative, kind: 'number-words', note: 'number in words and figures swapped: words (figure) → figure (words)' });
  }
  return out;
}

/** "10 (ten)" → "ten (10)". */
function figureThenWords(text: string, lang: string, lex: NumberLexicon): VariantSuggestion[] {
  const out: VariantSuggestion[] = [];
  for (const m of text.matchAll(FIGURE_THEN_WORDS)) {
    const [whole, figure = '', gap = '', inner = ''] = m;
    const start = m.index;
    const end = start + whole.length;
    const value = figureValue(figure);
    const before = text[start - 1];
    // Part of a longer number or a code ("1.10 (ten)", "A10 (ten)"): not this figure.
    if (Number.isNaN(value) || (before !== undefined && (LETTER.test(before) || /[.,/:‐\u066B\u066C-]/u.test(before) || digitScriptOfRun(before) !== null))) continue;
    if (end < text.length && LETTER.test(text[end]!)) continue;
    const tokens = tokenize(inner, lang);
    const numeral = readNumeral(tokens, lex);
    // Everything inside the brackets must be the numeral.
    if (!numeral || numeral.value !== value || inner.slice(0, numeral.start).trim() !== '' || inner.slice(numeral.end).trim() !== '' || inner !== inner.trim()) continue;
    if (!caseFits(numeral.words, false)) continue;
    const words = atSentenceStart(text, start) ? withCase(inner, 'capitalised') : inner;
    const alternative = `${words}${gap}(${figure})`;
    if (whole.length > MAX || alternative.length > MAX) continue;
    out.push({ start, end, original: whole, alternative, kind: 'number-words', note: 'number in words and figures swapped: figure (words) → words (figure)' });
  }
  return out;
}

export function numberWordVariants(text: string, lang: string): VariantSuggestion[] {
  const lex = numberLexicon(lang);
  return [...wordsThenFigure(text, lang, lex), ...figureThenWords(text, lang, lex)];
}
