/**
 * Tokens for a word-level redline, from `Intl.Segmenter` (UAX #29 word boundaries with the
 * locale's dictionary, so Chinese splits into words without spaces and Urdu keeps its ZWNJ
 * inside the word). Every character belongs to exactly one token, in order: words,
 * whitespace runs and punctuation marks are each their own token, with UTF-16 offsets.
 *
 * The text is cut into pieces at places that are always word boundaries: after whitespace
 * (or CJK sentence punctuation) and before a character that does not attach to what precedes
 * it. UAX #29 lets only Extend, Format and ZWJ attach to a space (WB4), and none of its rules
 * looks across a space, so segmenting each piece alone gives the same tokens as segmenting the
 * whole text. That is used twice:
 *
 * - long texts are segmented piece by piece: V8's segment iterator slows down superlinearly
 *   on long strings (16,000 words take seconds, measured on Node 20);
 * - each piece's tokens are remembered by the piece's text. The segmenter costs a few
 *   microseconds per token, and a negotiated text repeats its words ("the parties shall ..."),
 *   so most pieces of a long redline are segmented once and then looked up.
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

/** A piece's tokens: texts, offsets within the piece, kinds. */
interface PieceTokens {
  texts: string[];
  starts: number[];
  kinds: TokenKind[];
}

/** Remembered pieces per locale; cleared when full, so memory stays bounded. */
const pieceCaches = new Map<string, Map<string, PieceTokens>>();
const CACHE_LIMIT = 100_000;
/** Longer pieces (a paragraph of Chinese, a URL) are segmented but not remembered. */
const CACHE_MAX_PIECE = 64;
/** Pieces are segmented together up to about this many characters per call. */
const MAX_RUN = 1024;

function cacheFor(lang: string | undefined): Map<string, PieceTokens> {
  const key = lang ?? '';
  let c = pieceCaches.get(key);
  if (!c) {
    c = new Map();
    pieceCaches.set(key, c);
  }
  if (c.size > CACHE_LIMIT) c.clear();
  return c;
}

/** Whitespace as `\s` matches it, except U+FEFF, which is a format character that attaches to the letter before it. */
export function isSpaceUnit(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** After these a piece may end: whitespace, and the CJK sentence punctuation that stands between words there. */
export function endsPiece(c: number): boolean {
  return isSpaceUnit(c) || c === 0x3001 || c === 0x3002 || c === 0xff0c || c === 0xff1b || c === 0xff1a || c === 0xff01 || c === 0xff1f;
}

const ATTACHING = /^[\p{M}\p{Cf}]$/u;
/** 0 = not yet known, 1 = attaches to what precedes it (Extend, Format, ZWJ), 2 = does not. */
const attachTable = new Uint8Array(0x10000);

/** Does this UTF-16 unit attach to the character before it (so no boundary may fall before it)? */
export function attachesUnit(c: number): boolean {
  if (c < 0x300) return c === 0xad;
  if (c >= 0xd800 && c <= 0xdfff) return true; // astral: emoji modifiers attach; not cutting is always safe
  let k = attachTable[c]!;
  if (k === 0) attachTable[c] = k = ATTACHING.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** The end of the piece starting at `from` (at most `to`): a run up to and including its trailing whitespace. */
export function pieceEnd(text: string, from: number, to: number): number {
  let i = from;
  for (;;) {
    while (i < to && !endsPiece(text.charCodeAt(i))) i++;
    while (i < to && endsPiece(text.charCodeAt(i))) i++;
    if (i >= to) return to;
    const c = text.charCodeAt(i);
    if (!attachesUnit(c)) return i;
  }
}

const SPACE = /^\s+$/u;

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
  const cache = cacheFor(lang);
  const seg = segmenterFor(lang);
  // Pieces not yet remembered are gathered into a run and segmented in one call. (No inner
  // closures here: under tsx each one created costs a property definition, on every call.)
  const runEnds: number[] = [];
  let runStart = from;
  let i = from;
  while (i < to) {
    const end = pieceEnd(text, i, to);
    const known = end - i <= CACHE_MAX_PIECE ? cache.get(text.slice(i, end)) : undefined;
    if (known) {
      if (runEnds.length > 0) {
        segmentRun(text, runStart, runEnds, seg, cache, visit);
        runEnds.length = 0;
      }
      for (let t = 0; t < known.texts.length; t++) visit(known.texts[t]!, i + known.starts[t]!, known.kinds[t]!);
    } else {
      if (runEnds.length > 0 && end - runStart > MAX_RUN) {
        segmentRun(text, runStart, runEnds, seg, cache, visit);
        runEnds.length = 0;
      }
      if (runEnds.length === 0) runStart = i;
      runEnds.push(end);
    }
    i = end;
  }
  if (runEnds.length > 0) segmentRun(text, runStart, runEnds, seg, cache, visit);
}

/** Segments the pieces text[start, ends[0]), [ends[0], ends[1]), ... in one call, remembering the short ones. */
function segmentRun(
  text: string,
  start: number,
  ends: readonly number[],
  seg: Intl.Segmenter,
  cache: Map<string, PieceTokens>,
  visit: (segment: string, start: number, kind: TokenKind) => void,
): void {
  let p = 0;
  let pieceStart = start;
  let piece: PieceTokens = { texts: [], starts: [], kinds: [] };
  // Should a token ever straddle two pieces (the boundary argument above failing on some
  // text), neither piece is remembered: the tokens given are still the segmenter's own.
  let lastEnd = start;
  let cleanStart = true;
  for (const s of seg.segment(text.slice(start, ends.at(-1)))) {
    const at = start + s.index;
    while (at >= ends[p]!) {
      if (cleanStart && lastEnd <= ends[p]! && ends[p]! - pieceStart <= CACHE_MAX_PIECE) cache.set(text.slice(pieceStart, ends[p]), piece);
      cleanStart = lastEnd <= ends[p]!;
      pieceStart = ends[p]!;
      piece = { texts: [], starts: [], kinds: [] };
      p++;
    }
    lastEnd = at + s.segment.length;
    const kind: TokenKind = s.isWordLike ? 'word' : SPACE.test(s.segment) ? 'space' : 'punct';
    piece.texts.push(s.segment);
    piece.starts.push(at - pieceStart);
    piece.kinds.push(kind);
    visit(s.segment, at, kind);
  }
  // The last piece (the run ends with it, and so does its last token).
  if (cleanStart && p === ends.length - 1 && ends[p]! - pieceStart <= CACHE_MAX_PIECE) cache.set(text.slice(pieceStart, ends[p]), piece);
}

/** The text as tokens; joined, their texts give the text back. */
export function tokenize(text: string, lang?: string): Token[] {
  const out: Token[] = [];
  forEachToken(text, 0, text.length, lang, (t, start, kind) => out.push({ text: t, start, end: start + t.length, kind }));
  return out;
}
