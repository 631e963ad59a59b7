/**
 * Joining lines that a text editor, e-mail client or PDF export wrapped inside one sentence.
 * The join must read as if the line had never been broken: one space between words, none
 * between Chinese characters, and a hyphen at the break removed only when the document
 * itself shows it was hyphenation and not a compound word.
 */
import { isCjk } from './text-shape.ts';

/**
 * What the rest of the document says about words that a line break cut at a hyphen. A
 * break after "non-" in "non-aggression" and one after "sover-" in "sovereignty" look the
 * same; the difference is whether the joined word, with or without its hyphen, occurs
 * elsewhere in the same text.
 */
export interface HyphenEvidence {
  /** Lower-cased words of the whole document. */
  readonly words: ReadonlySet<string>;
  /** Hyphenated compounds written on one line somewhere in the document, lower-cased. */
  readonly compounds: ReadonlySet<string>;
  /** Word prefixes of at least MIN_STEM letters → the one word that has it, or true for several; built on first use. */
  stems?: Map<string, string | true>;
}

/** Inflected languages rarely repeat a word form exactly ("наблюдение", "наблюдением"); a shared stem is evidence enough. */
const MIN_STEM = 6;
const MAX_ENDING = 3;

function stemsOf(evidence: HyphenEvidence): Map<string, string | true> {
  if (evidence.stems !== undefined) return evidence.stems;
  const stems = new Map<string, string | true>();
  for (const word of evidence.words) {
    for (let k = MIN_STEM; k <= word.length; k += 1) {
      const prefix = word.slice(0, k);
      const seen = stems.get(prefix);
      stems.set(prefix, seen === undefined || seen === word ? word : true);
    }
  }
  evidence.stems = stems;
  return stems;
}

/** Whether a word other than the cut-off fragment shares the joined word's stem. */
function isAttested(joined: string, fragment: string, evidence: HyphenEvidence): boolean {
  if (evidence.words.has(joined)) return true;
  const stems = stemsOf(evidence);
  for (let k = joined.length; k >= Math.max(MIN_STEM, joined.length - MAX_ENDING); k -= 1) {
    const owner = stems.get(joined.slice(0, k));
    if (owner === true || (owner !== undefined && owner !== fragment)) return true;
  }
  return false;
}

/**
 * Hyphenation only concerns the alphabetic scripts matched below, where a word is a run of
 * letters; a letter-run scan finds those words in one linear pass over a 20 MB text, which
 * word segmentation of the whole document would not.
 */
const ALPHABETIC_WORD = /[\p{Script=Latin}\p{Script=Cyrillic}\p{M}]+/gu;

export function collectHyphenEvidence(text: string): HyphenEvidence {
  const words = new Set<string>();
  for (const m of text.matchAll(ALPHABETIC_WORD)) words.add(m[0].toLowerCase());
  const compounds = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)+/gu)) {
    const parts = m[0].toLowerCase().split('-');
    for (let k = 0; k + 1 < parts.length; k += 1) compounds.add(`${parts[k]!}-${parts[k + 1]!}`);
  }
  return { words, compounds };
}

const SOFT_HYPHEN_END = /\u00AD$/u;
/** A word of a cased alphabetic script cut by a hyphen at the end of the line. */
const HYPHEN_END = /([\p{Script=Latin}\p{Script=Cyrillic}]+)[-\u2010]$/u;
const CASED_WORD_START = /^([\p{Script=Latin}\p{Script=Cyrillic}]+)/u;

/** Only the end of the previous text matters; looking at all of it would make long joined blocks quadratic. */
const TAIL = 80;

function joinAtHyphen(prev: string, next: string, evidence: HyphenEvidence): string | undefined {
  const end = prev.slice(-TAIL);
  if (SOFT_HYPHEN_END.test(end)) return prev.slice(0, -1) + next;
  const head = HYPHEN_END.exec(end);
  const tail = CASED_WORD_START.exec(next.slice(0, TAIL));
  if (head === null || tail === null) return undefined;
  const left = head[1]!;
  const right = tail[1]!;
  // A capital after the break is a new word ("Russia-\nUkraine"): keep the hyphen.
  if (right[0] !== right[0]!.toLowerCase()) return prev + next;
  const joined = (left + right).toLowerCase();
  const compound = `${left}-${right}`.toLowerCase();
  if (!evidence.compounds.has(compound) && isAttested(joined, left.toLowerCase(), evidence)) return prev.slice(0, -1) + next;
  // Without evidence either way, keep the hyphen: "sover-eignty" is still readable and
  // reveals the source, while "nonaggression" silently changes a word.
  return prev + next;
}

/**
 * Joins `next` onto `prev`, which ended at a wrap inside the same sentence. Both are
 * expected trimmed; `prev` may be a whole long paragraph, so only its end is inspected.
 */
export function joinWrapped(prev: string, next: string, evidence: HyphenEvidence): string {
  const a = prev;
  const b = next.trimStart();
  if (a === '') return b;
  if (b === '') return a;
  const hyphenated = joinAtHyphen(a, b, evidence);
  if (hyphenated !== undefined) return hyphenated;
  const last = /.$/u.exec(a.slice(-2))?.[0] ?? '';
  const first = /^./u.exec(b)?.[0] ?? '';
  if (isCjk(last) && isCjk(first)) return a + b;
  return `${a} ${b}`;
}
