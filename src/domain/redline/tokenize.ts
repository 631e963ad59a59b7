/**
 * Tokens for a word-level redline, from `Intl.Segmenter` (UAX #29 word boundaries with the
 * locale's dictionary, so Chinese splits into words without spaces and Urdu keeps its ZWNJ
 * inside the word). Every character belongs to exactly one token, in order: words,
 * whitespace runs and punctuation marks are each their own token, with UTF-16 offsets.
 *
 * The text is segmented chunk by chunk. V8's segment iterator slows down superlinearly on
 * long strings (16,000 words take seconds, measured on Node 20), and a line break is always a
 * word boundary (UAX #29 WB3a/WB3b), as is the step from whitespace to a letter or digit
 * (WB999; only Extend/Format/ZWJ attach to a preceding space), so cutting there gives the
 * same tokens as segmenting the whole text at once.
 */

export type TokenKind = 'word' | 'space' | 'punct';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
}

const segmenters = new Map<string, Intl.Segmenter>();

/** One segmenter per locale, reused: constructing one loads ICU data. */
export function segmenterFor(lang: string | undefined): Intl.Segmenter {
  const key = lang ?? '';
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(lang ? [lang] : undefined, { granularity: 'word' });
    segmenters.set(key, s);
  }
  return s;
}

const SPACE = /^\s+$/u;
/** After whitespace or CJK sentence punctuation, before a letter or digit: always a word boundary. */
const CUT_AFTER = /[\s\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF01\uFF1F]/u;
const CUT_BEFORE = /[\p{L}\p{N}]/u;
const MAX_CHUNK = 1024;

function chunkEnd(text: string, from: number, to: number): number {
  const nl = text.indexOf('\n', from);
  const lineEnd = nl < 0 || nl >= to ? to : nl + 1;
  if (lineEnd - from <= MAX_CHUNK) return lineEnd;
  for (let i = from + MAX_CHUNK / 2; i < lineEnd - 1; i++) {
    if (CUT_AFTER.test(text[i]!) && CUT_BEFORE.test(text[i + 1]!)) return i + 1;
  }
  return lineEnd;
}

/**
 * Calls `visit` for each token of `text[from, to)` with absolute offsets. The callback form
 * lets the diff intern tokens without building objects for the whole text.
 */
export function forEachToken(
  text: string,
  from: number,
  to: number,
  lang: string | undefined,
  visit: (segment: string, start: number, kind: TokenKind) => void,
): void {
  const seg = segmenterFor(lang);
  let i = from;
  while (i < to) {
    const end = chunkEnd(text, i, to);
    const chunk = text.slice(i, end);
    for (const s of seg.segment(chunk)) {
      const kind: TokenKind = s.isWordLike ? 'word' : SPACE.test(s.segment) ? 'space' : 'punct';
      visit(s.segment, i + s.index, kind);
    }
    i = end;
  }
}

/** The text as tokens; joined, their texts give the text back. */
export function tokenize(text: string, lang?: string): Token[] {
  const out: Token[] = [];
  forEachToken(text, 0, text.length, lang, (t, start, kind) => out.push({ text: t, start, end: start + t.length, kind }));
  return out;
}
