/**
 * Marks that do not quote anyone: a newspaper's or platform's name («Ведомости», "Truth
 * Social"), a title, an operation's name, a scare-quoted word. They are recognized by the
 * noun that announces them (газета «…», صحيفة "…", روزنامه «…», "…" اخبار) or, in scripts
 * with capitals, by being a short capitalized name that nobody is said to have said.
 */
import { fold, isCapitalized } from './fold.ts';
import { NAME_NOUNS, wordMatches } from './lexicon.ts';
import type { QuoteSpan } from './marks.ts';
import type { Token } from './tokens.ts';

const POSTPOSITIONS = new Set(['کے', 'کی', 'کا'].map(fold));
const LINKS = new Set(['به', 'под', 'під', 'as', 'called', 'named'].map(fold));

const TERMINAL = /[.!?…。！？۔؟]/u;

function isNameNoun(t: Token | undefined): boolean {
  if (t === undefined || !t.word) return false;
  for (const n of NAME_NOUNS) if (wordMatches(n, t.folded)) return true;
  return false;
}

export function wordCount(text: string): number {
  return Array.from(new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)).filter((s) => s.isWordLike === true).length;
}

/** A name or title in marks rather than anyone's words. */
export function isNameInMarks(par: string, span: QuoteSpan, tokens: readonly Token[]): boolean {
  const content = par.slice(span.contentStart, span.contentEnd);
  if (!/[\p{L}]/u.test(content)) return true;
  if (/^(https?:\/\/|www\.|[#@])\S+$/u.test(content)) return true;
  const before = tokens.filter((t) => t.end <= span.open);
  const after = tokens.filter((t) => t.start >= span.contentEnd + 1);
  const afterWords = after.filter((t) => t.word);
  const words = wordCount(content);
  if (words <= 5 && !TERMINAL.test(content) && (isNameNoun(before.at(-1)) || isNameNoun(before.at(-2)) && before.at(-1)?.word === true && words <= 3)) return true;
  // Urdu and Persian put the noun after the name: "ڈان" اخبار.
  if (words <= 3 && !TERMINAL.test(content) && /\p{Script=Arabic}/u.test(content) && isNameNoun(after[0])) return true;
  // …or after a postposition: ’’…‘‘ کے عنوان سے, «…» نامی.
  if (words <= 5 && !TERMINAL.test(content) && /\p{Script=Arabic}/u.test(content) && POSTPOSITIONS.has(afterWords[0]?.folded ?? '') && isNameNoun(afterWords[1])) return true;
  // "سند موسوم به «…»", "документ под названием «…»": a noun, then a linking word.
  if (words <= 6 && !TERMINAL.test(content) && isNameNoun(before.at(-2)) && LINKS.has(before.at(-1)?.folded ?? '')) return true;
  // A short name in capitals, no sentence in it: a title or a name (Truth Social, «Единая Россия»,
  // «Северный поток»). Latin titles capitalize each word; Cyrillic ones only the first. Speech
  // cut by "he said" ends with a comma and is not one.
  if (words <= 3 && !/[\p{P}]$/u.test(content) && /^[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(content) && isCapitalized(content)) {
    const latin = /^\p{Script=Latin}/u.test(content);
    const titleCase = content.split(/\s+/u).every((w) => isCapitalized(w) || /^(of|the|and|for|in|on|a|an|to)$/u.test(w));
    const prev = before.at(-1);
    if ((!latin || titleCase) && (prev === undefined || prev.text !== ':')) return true;
  }
  return false;
}

/** A full sentence of speech rather than a phrase inside the reporter's own sentence. */
export function isSpeech(par: string, span: QuoteSpan, words: number): boolean {
  const content = par.slice(span.contentStart, span.contentEnd);
  if (span.close === null) return true;
  if (TERMINAL.test(content.slice(0, -1)) || (TERMINAL.test(content.slice(-1)) && words >= 3)) return true;
  const before = par.slice(0, span.open).trimEnd();
  if (/[:：]$/u.test(before) && words >= 2) return true;
  if (words >= 3 && (before === '' || /[.!?…。۔؟]$/u.test(before))) return true;
  // '"We are ready," he said': the comma inside or right after the closing mark.
  if (words >= 3 && /[,،]$/u.test(content)) return true;
  const afterClose = par.slice(span.close + (span.closeMark?.length ?? 1)).trimStart();
  if (words >= 3 && /^[,،]\s*[—–-]?/u.test(afterClose) && /^[,،]\s*[—–-]/u.test(afterClose)) return true;
  return false;
}
