/**
 * What the tracing pages compute before they show anything: the ε choices, a confidence that
 * never rounds up to certainty, suggestions grouped by point, the documents a leak can be
 * traced against, and where a phrase typed for a custom variant stands in a point's text.
 */
import { tokenize } from '../../../../src/domain/redline/tokenize.ts';
import type { IssuedCopy, TraceReport, VariantSuggestionView } from './queries.ts';

export const EPSILONS = [1e-2, 1e-3, 1e-6] as const;
export const DEFAULT_EPSILON = 1e-3;

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 10⁻³ for 0.001; other values as the UI language writes numbers. */
export function formatEpsilon(epsilon: number, lang: string): string {
  const power = Math.log10(epsilon);
  if (Number.isInteger(Math.round(power * 1e9) / 1e9) && epsilon < 1) {
    return `10${String(Math.round(power)).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c] ?? c)}`;
  }
  return new Intl.NumberFormat(lang, { maximumSignificantDigits: 3 }).format(epsilon);
}

/**
 * A confidence as a percentage with two decimals, floored, and never 100%: from 0.9999 up it
 * is "more than 99.99%" (`above`). A bound is never certainty, and a confidence of exactly 1
 * is a bound too small for a double. Below zero (a bound above 1) is 0.
 */
export function confidencePercent(confidence: number, lang: string): { text: string; above: boolean } {
  const c = Math.min(1, Math.max(0, confidence));
  const floored = Math.floor(c * 10_000) / 10_000;
  const above = floored >= 0.9999;
  const fmt = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return { text: fmt.format(above ? 0.9999 : floored), above };
}

export function formatScore(x: number, lang: string): string {
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
}

export function formatShare(x: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(x);
}

export interface PointGroup<T> { pointId: string; pointNumber: string; items: T[] }

/** Items by point, points in the order they first appear (the document's), items in theirs. */
export function groupByPoint<T extends { pointId: string; pointNumber: string }>(items: readonly T[]): PointGroup<T>[] {
  const groups = new Map<string, PointGroup<T>>();
  for (const item of items) {
    let g = groups.get(item.pointId);
    if (!g) {
      g = { pointId: item.pointId, pointNumber: item.pointNumber, items: [] };
      groups.set(item.pointId, g);
    }
    g.items.push(item);
  }
  return [...groups.values()];
}

/** One suggestion's identity in the form: two suggestions never share a phrase and an alternative. */
export const suggestionKey = (s: Pick<VariantSuggestionView, 'pointId' | 'lang' | 'start' | 'end' | 'alternative'>): string =>
  `${s.pointId}|${s.lang}|${s.start}|${s.end}|${s.alternative}`;

export interface CopyDocument { kind: 'version' | 'readout'; id: string; label: string }

/** The documents copies were issued of, each once, in the order the list first names them. */
export function copiedDocuments(copies: readonly IssuedCopy[]): CopyDocument[] {
  const seen = new Map<string, CopyDocument>();
  for (const c of copies) {
    const key = `${c.docKind}:${c.docId}`;
    if (!seen.has(key)) seen.set(key, { kind: c.docKind, id: c.docId, label: c.docLabel });
  }
  return [...seen.values()];
}

export const accusedSuspects = (report: TraceReport) => report.suspects.filter((s) => s.accused);

export interface Occurrence { start: number; end: number; before: string; after: string }

const CONTEXT_WORDS = 4;

/**
 * Every place `phrase` stands in `text` (both NFC), as UTF-16 offsets into the text, with a
 * few words either side to tell equal phrases apart. Occurrences do not overlap. Whitespace
 * at the phrase's ends is kept as typed: a variant may begin or end with a space.
 */
export function findOccurrences(text: string, phrase: string, lang: string): Occurrence[] {
  const t = text.normalize('NFC');
  const p = phrase.normalize('NFC');
  if (p.length === 0) return [];
  const tokens = tokenize(t, lang);
  const out: Occurrence[] = [];
  for (let at = t.indexOf(p); at >= 0; at = t.indexOf(p, at + p.length)) {
    out.push({ start: at, end: at + p.length, before: contextBefore(t, tokens, at), after: contextAfter(t, tokens, at + p.length) });
  }
  return out;
}

/**
 * A few whole words either side of text[start, end), with an ellipsis where the point's text
 * goes on: what the mediator reads a phrase in. (The server's context is cut by characters.)
 */
export function contextAround(text: string, start: number, end: number, lang: string): { before: string; after: string } {
  const tokens = tokenize(text, lang);
  const before = contextBefore(text, tokens, start);
  const after = contextAfter(text, tokens, end);
  return {
    before: (start - before.length > 0 ? '…' : '') + before,
    after: after + (end + after.length < text.length ? '…' : ''),
  };
}

type Tok = ReturnType<typeof tokenize>[number];

function contextBefore(text: string, tokens: readonly Tok[], at: number): string {
  let words = 0;
  let from = at;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const tok = tokens[i]!;
    if (tok.start >= at) continue;
    if (tok.kind === 'word' && ++words > CONTEXT_WORDS) break;
    from = tok.start;
  }
  // Spaces beyond the farthest word are no context.
  return text.slice(from, at).trimStart();
}

function contextAfter(text: string, tokens: readonly Tok[], at: number): string {
  let words = 0;
  let to = at;
  for (const tok of tokens) {
    if (tok.end <= at) continue;
    if (tok.kind === 'word' && ++words > CONTEXT_WORDS) break;
    to = tok.end;
  }
  return text.slice(at, to).trimEnd();
}

/** Characters that keep their neighbours on one line: a no-break space, a narrow one, a non-breaking hyphen. */
const GLUE = new Set([0x00a0, 0x202f, 0x2011]);

/**
 * A copy's text cut after each no-break space and non-breaking hyphen, so the view can offer
 * a line break there (<wbr>, which adds no character): the copy then wraps as a plain text
 * would, and the copied characters are unchanged. The pieces join back to the text.
 */
export function breakablePieces(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (GLUE.has(text.charCodeAt(i))) {
      out.push(text.slice(from, i + 1));
      from = i + 1;
    }
  }
  if (from < text.length || out.length === 0) out.push(text.slice(from));
  return out;
}
