/**
 * Word-level comparison of two texts in any script. Tokens come from Intl.Segmenter (words,
 * spaces and punctuation each their own token, so Urdu, Arabic and Cyrillic split where
 * their words do, not on spaces alone); the longest-common-subsequence work is jsdiff's
 * `diffArrays`. Applying the result to the old text gives the new one exactly (the law the
 * property test checks), because every token of both texts is kept, in order.
 */
import { diffArrays } from 'diff';
import { segmenterFor } from '../redline/tokenize.ts';

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart { op: DiffOp; text: string }

/** The text as tokens: each word, each run of spaces, each punctuation mark. Joined, they give the text back. */
export function tokenize(text: string, lang?: string): string[] {
  return Array.from(segmenterFor(lang).segment(text), (s) => s.segment);
}

/** The changes that turn `before` into `after`, word by word, adjacent parts of one kind merged. */
export function wordDiff(before: string, after: string, lang?: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  const changes = diffArrays(tokenize(before, lang), tokenize(after, lang));
  const parts: DiffPart[] = [];
  for (const c of changes) {
    const op: DiffOp = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const text = c.value.join('');
    if (text === '') continue;
    const last = parts.at(-1);
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  }
  return tidy(parts);
}

/**
 * A lone space kept between two changes reads as noise ("[old] [new]" with an unchanged gap):
 * it joins both sides of the change around it, so a replaced phrase shows as one deletion
 * and one insertion. Both sides keep every character, so the law still holds.
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = '';
    ins = '';
  };
  parts.forEach((p, i) => {
    if (p.op === 'delete') del += p.text;
    else if (p.op === 'insert') ins += p.text;
    else if ((del || ins) && /^\s+$/u.test(p.text) && parts[i + 1] && parts[i + 1]!.op !== 'equal') {
      del += p.text;
      ins += p.text;
    } else {
      flush();
      out.push({ ...p });
    }
  });
  flush();
  return out;
}

/** The old text the parts describe (equal + delete). */
export function oldSide(parts: readonly DiffPart[]): string {
  return parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('');
}

/** The new text the parts describe (equal + insert): applying the redline. */
export function newSide(parts: readonly DiffPart[]): string {
  return parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('');
}

/** How much changed, in words (spaces and punctuation not counted). */
export function diffStats(parts: readonly DiffPart[], lang?: string): { inserted: number; deleted: number; unchanged: number } {
  const words = (t: string) => Array.from(segmenterFor(lang).segment(t)).filter((s) => s.isWordLike).length;
  const stats = { inserted: 0, deleted: 0, unchanged: 0 };
  for (const p of parts) {
    if (p.op === 'insert') stats.inserted += words(p.text);
    else if (p.op === 'delete') stats.deleted += words(p.text);
    else stats.unchanged += words(p.text);
  }
  return stats;
}
