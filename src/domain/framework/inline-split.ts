/**
 * Points run together on one line, as news sites and chat messages flatten lists:
 * "1. Ukraine's sovereignty will be confirmed. 2. A non-aggression agreement…". A number
 * inside running text ("in 2. Moreover", "2.12.2025", "Article 5 of the NATO treaty") must
 * not split a point, so a split needs three things at once: the number is the one the
 * sequence expects next, it follows the end of a sentence, and it is written in the same
 * marker style as the point it continues.
 */
import { classifyLine, type PointCandidate } from './point-markers.ts';

/** Where a sentence can end before a run-together marker, closing quotes and brackets included. */
const SENTENCE_BREAK = /[.!?;:…؟؛۔。！？”"»)\]]\s+/gu;
/** Markers are short; classifying a bounded window keeps long single-line inputs linear. */
const WINDOW = 400;

export interface RunTogetherSplit {
  readonly before: string;
  readonly marker: PointCandidate;
  /** Text of the next point, starting right after its marker. */
  readonly after: string;
}

function candidateAt(text: string, position: number): { marker: PointCandidate; restStart: number } | undefined {
  const lineEnd = text.indexOf('\n', position);
  const end = Math.min(position + WINDOW, lineEnd === -1 ? text.length : lineEnd);
  const window = text.slice(position, end);
  const c = classifyLine(window);
  if (c.kind !== 'point' || c.rest === '') return undefined;
  const probe = c.rest.slice(0, 12);
  const found = window.indexOf(probe);
  const restStart = position + (found >= 0 ? found : window.trimEnd().length - c.rest.length);
  return { marker: c, restStart };
}

function isSameScheme(found: PointCandidate, style: string): boolean {
  if (found.style !== style) return false;
  // A keyword marker without punctuation needs a capitalised text after it: that is already
  // checked by the grammar, but inside running text also require a separator for digits-only styles.
  return found.keyword || found.separated;
}

/** Finds the first place in `text` where point `expected`, in `style`, starts after a sentence end. */
export function findRunTogether(text: string, expected: number, style: string): RunTogetherSplit | undefined {
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(text); m !== null; m = SENTENCE_BREAK.exec(text)) {
    const position = m.index + m[0].length;
    const hit = candidateAt(text, position);
    if (hit === undefined) continue;
    if (hit.marker.number !== expected || !isSameScheme(hit.marker, style)) continue;
    return { before: text.slice(0, position).trimEnd(), marker: hit.marker, after: text.slice(hit.restStart).trim() };
  }
  return undefined;
}

/**
 * Finds a list that starts inside running text: a point 1 after a sentence end (or at the
 * start of a line), followed later by point 2 in the same style. Used when no line of the
 * document starts with a marker, as when a whole plan was pasted as one paragraph.
 */
export function findInlineListStart(text: string): RunTogetherSplit | undefined {
  const positions: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) positions.push(i + 1);
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(text); m !== null; m = SENTENCE_BREAK.exec(text)) positions.push(m.index + m[0].length);
  positions.sort((a, b) => a - b);
  for (const position of positions) {
    const hit = candidateAt(text, position);
    if (hit === undefined || hit.marker.number !== 1 || hit.marker.style === 'roman') continue;
    const after = text.slice(hit.restStart);
    if (findRunTogether(after, 2, hit.marker.style) === undefined) continue;
    return { before: text.slice(0, position).trimEnd(), marker: hit.marker, after: after.trim() };
  }
  return undefined;
}
