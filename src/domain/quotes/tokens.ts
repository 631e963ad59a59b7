/**
 * A paragraph as word and punctuation tokens (Intl.Segmenter, so Urdu, Persian with its
 * half-spaces, Russian and Chinese all split as their own rules say), each with its folded
 * form for matching and its UTF-16 range in the paragraph.
 */
import { fold } from './fold.ts';

export interface Token {
  readonly text: string;
  readonly folded: string;
  readonly start: number;
  readonly end: number;
  readonly word: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string, granularity: 'word' | 'sentence'): Intl.Segmenter {
  const key = `${lang}:${granularity}`;
  let s = segmenters.get(key);
  if (s === undefined) {
    s = new Intl.Segmenter(lang === 'und' ? undefined : lang, { granularity });
    segmenters.set(key, s);
  }
  return s;
}

export function tokenize(text: string, lang: string): Token[] {
  const tokens: Token[] = [];
  for (const seg of segmenter(lang, 'word').segment(text)) {
    if (/^\s+$/u.test(seg.segment)) continue;
    const word = seg.isWordLike === true;
    tokens.push({ text: seg.segment, folded: fold(seg.segment), start: seg.index, end: seg.index + seg.segment.length, word });
  }
  return tokens;
}

/** Sentence ranges [start, end) of a paragraph. */
export function sentenceRanges(text: string, lang: string): [number, number][] {
  const out: [number, number][] = [];
  for (const seg of segmenter(lang, 'sentence').segment(text)) out.push([seg.index, seg.index + seg.segment.length]);
  return out;
}
