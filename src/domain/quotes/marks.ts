/**
 * Finding quotations by their marks in one paragraph, in every style the genre uses:
 * “…” ‘…’ „…“ ‚…‘ «…» »…« ‹…› "…" '…' 「…」 『…』, the Urdu/Arabic doubled ’’…‘‘ (and the
 * same marks reversed, as RTL keyboards type them), ''…'' and ``…''. Marks pair by family
 * on a stack, so nested quotations („…“ inside «…») stay inside their outer one. Straight
 * and same-shaped marks are told apart by what stands on each side (space before and a
 * letter after opens; a letter or punctuation before and space after closes). A double
 * mark or guillemet still open at the paragraph's end opens a quotation that runs to the
 * end (the reporter's convention for a quotation continued in the next paragraph); an
 * unpaired single mark is an apostrophe and is ignored.
 */

export interface QuoteSpan {
  /** UTF-16 index of the opening mark in the paragraph. */
  readonly open: number;
  readonly openMark: string;
  /** UTF-16 index of the closing mark, or null when the quotation runs to the paragraph's end. */
  readonly close: number | null;
  readonly closeMark: string | null;
  /** The quoted words (without marks and surrounding spaces), as UTF-16 indices. */
  readonly contentStart: number;
  readonly contentEnd: number;
}

type Role = 'open' | 'close' | 'either';

interface MarkToken {
  readonly index: number;
  readonly mark: string;
  readonly role: Role;
}

/** For each opener, the marks that may close it. */
const CLOSERS: Readonly<Record<string, readonly string[]>> = {
  '«': ['»'],
  '»': ['«'],
  '‹': ['›'],
  '›': ['‹'],
  '„': ['“', '”', '"'],
  '‚': ['‘', '’', "'"],
  '“': ['”', '“', '"'],
  '”': ['”', '“'],
  '"': ['"', '”', '“'],
  '‘': ['’', "'"],
  '’': ['‘', '’'],
  "'": ["'", '’'],
  '’’': ['‘‘', '’’', '”', '“', '"'],
  '‘‘': ['’’', '‘‘', '”', '"'],
  "''": ["''"],
  '``': ["''", '’’'],
  '「': ['」'],
  '『': ['』'],
};

const SINGLE = new Set(['‘', '’', "'", '‚', '‹', '›']);
const DOUBLE_CAPABLE = new Set(['’', '‘', "'", '`']);
const ALL_MARKS = new Set(['«', '»', '‹', '›', '„', '‚', '“', '”', '"', '‘', '’', "'", '`', '「', '」', '『', '』']);

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c);
const isLetterOrDigit = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
/** What may stand before an opening mark besides space: brackets, dashes, slashes, other marks. */
const isOpenerContext = (c: string | undefined): boolean => isSpace(c) || /[([{\-–—/«„“‘"'’‚:،,؛]/u.test(c ?? '');
/** What may follow a closing mark besides space: punctuation of any script. */
const isCloserContext = (c: string | undefined): boolean => isSpace(c) || /[\p{P}\p{S}]/u.test(c ?? '');

function classify(mark: string, before: string | undefined, after: string | undefined): Role | null {
  const leftFlank = !isSpace(after) && isOpenerContext(before);
  const rightFlank = !isSpace(before) && isCloserContext(after);
  switch (mark) {
    case '«':
    case '‹':
      // …and « closes a quotation opened with » (»…«).
      return rightFlank && !leftFlank ? 'either' : 'open';
    case '„':
    case '‚':
    case '「':
    case '『':
    case '``':
      return 'open';
    case '」':
    case '』':
      return 'close';
    case '»':
    case '›':
      // »…« (Danish, some typesetting) opens with » when a word follows it.
      return leftFlank && !rightFlank ? 'either' : 'close';
    case '’':
    case "'":
      // Between two letters it is an apostrophe (don't, Trump's, п'ять).
      if (isLetterOrDigit(before) && isLetterOrDigit(after)) return null;
      if (leftFlank && !rightFlank) return 'open';
      if (rightFlank && !leftFlank) return 'close';
      return null;
    case '‘':
      if (isLetterOrDigit(before) && isLetterOrDigit(after)) return null;
      return leftFlank ? 'open' : rightFlank ? 'close' : null;
    default:
      if (leftFlank && !rightFlank) return mark === '”' ? 'either' : 'open';
      if (rightFlank && !leftFlank) return 'close';
      return 'either';
  }
}

function tokenize(par: string): MarkToken[] {
  const tokens: MarkToken[] = [];
  for (let i = 0; i < par.length; i++) {
    const c = par[i]!;
    if (!ALL_MARKS.has(c)) continue;
    let mark = c;
    if (DOUBLE_CAPABLE.has(c) && par[i + 1] === c) mark = c + c;
    if (c === '`' && mark !== '``') continue;
    const role = classify(mark, par[i - 1], par[i + mark.length]);
    if (role !== null) tokens.push({ index: i, mark, role });
    i += mark.length - 1;
  }
  return tokens;
}

interface Open {
  readonly token: MarkToken;
  /** Depth 0 openers become quotations; deeper ones are quotations inside quotations. */
  readonly depth: number;
}

export function findQuoteSpans(par: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: Open[] = [];
  const closeTo = (k: number, token: MarkToken): void => {
    const opener = stack[k]!;
    stack.length = k;
    if (opener.depth === 0) spans.push(makeSpan(par, opener.token, token));
  };
  for (const token of tokenize(par)) {
    const k = findOpener(stack, token.mark);
    if (token.role === 'close' || (token.role === 'either' && k >= 0)) {
      if (k >= 0) closeTo(k, token);
      continue;
    }
    if (token.role === 'open' || token.role === 'either') {
      if (CLOSERS[token.mark] !== undefined) stack.push({ token, depth: stack.length });
    }
  }
  // Only a double mark or a guillemet left open is a quotation run to the paragraph's end.
  const bottom = stack[0];
  if (bottom !== undefined && !SINGLE.has(bottom.token.mark)) spans.push(makeSpan(par, bottom.token, null));
  return spans
    .flatMap((s) => splitAtDashes(par, s))
    .filter((s) => s.contentEnd > s.contentStart)
    .sort((a, b) => a.open - b.open);
}

/**
 * «Мы видим в нем элементы, — отметила Захарова. — Но…»: Russian and Ukrainian put the
 * attribution inside one pair of guillemets, between dashes. It starts after a comma, "!",
 * "?" or "…" with a lower-case word and ends with ". —", ", —" or ": —"; the quotation is
 * the two pieces around it, and the attribution is the reporter's text.
 */
const INNER_ATTRIBUTION = /[,!?…]\s+[—–]\s+(?=\p{Ll})[^«»„“”"—–]{2,80}?[.,:]\s+[—–]\s+(?=\S)/gu;

function splitAtDashes(par: string, span: QuoteSpan): QuoteSpan[] {
  const content = par.slice(span.contentStart, span.contentEnd);
  const pieces: QuoteSpan[] = [];
  let from = span.contentStart;
  let open = span.open;
  let openMark = span.openMark;
  for (const m of content.matchAll(INNER_ATTRIBUTION)) {
    const dash = span.contentStart + m.index + 1 + (m[0].slice(1).length - m[0].slice(1).trimStart().length);
    pieces.push({ open, openMark, close: dash, closeMark: par[dash]!, contentStart: from, contentEnd: span.contentStart + m.index + 1 });
    open = span.contentStart + m.index + m[0].trimEnd().length - 1;
    openMark = par[open]!;
    from = span.contentStart + m.index + m[0].length;
  }
  if (pieces.length === 0) return [span];
  pieces.push({ ...span, open, openMark, contentStart: from });
  return pieces;
}

/** The innermost open quotation this mark may close, searching down the stack. */
function findOpener(stack: readonly Open[], mark: string): number {
  for (let k = stack.length - 1; k >= 0; k--) {
    if ((CLOSERS[stack[k]!.token.mark] ?? []).includes(mark)) return k;
  }
  return -1;
}

function makeSpan(par: string, open: MarkToken, close: MarkToken | null): QuoteSpan {
  let contentStart = open.index + open.mark.length;
  let contentEnd = close === null ? par.length : close.index;
  while (contentStart < contentEnd && /\s/u.test(par[contentStart]!)) contentStart++;
  while (contentEnd > contentStart && /\s/u.test(par[contentEnd - 1]!)) contentEnd--;
  return {
    open: open.index,
    openMark: open.mark,
    close: close === null ? null : close.index,
    closeMark: close === null ? null : close.mark,
    contentStart,
    contentEnd,
  };
}

/** The index just after a span's closing mark (or the paragraph's end). */
export function spanEnd(span: QuoteSpan, parLength: number): number {
  return span.close === null ? parLength : span.close + (span.closeMark?.length ?? 1);
}
