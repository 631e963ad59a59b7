/**
 * The comparison `parley diff` prints: two documents' points aligned by content
 * (`alignPoints`), each link with its word-level operations at character offsets, and
 * counts. Pure: the command reads the files and writes the result.
 *
 * Offsets are UTF-16 code units into the point texts as imported (JavaScript string
 * indices): `oldOffset` where the operation starts in the old text, `newOffset` in the new.
 */
import { alignPoints, type AlignKind } from '../../domain/redline/align.ts';
import type { ParsedPoint } from '../../domain/framework/parse-points.ts';
import { diffStats, wordDiff, type DiffOp } from '../../domain/text/word-diff.ts';

export interface DiffOperation {
  op: DiffOp;
  text: string;
  oldOffset: number;
  newOffset: number;
}

export interface FilePair {
  old: string | null;
  new: string | null;
  kind: AlignKind;
  similarity: number;
  ops: DiffOperation[];
}

export interface FileDiffStats {
  lang: string;
  oldPoints: number;
  newPoints: number;
  pairs: Record<AlignKind, number>;
  words: { inserted: number; deleted: number; unchanged: number };
}

export interface FileDiff {
  pairs: FilePair[];
  stats: FileDiffStats;
}

/** The operations that turn `before` into `after`, with where each starts on both sides. */
export function operations(before: string, after: string, lang: string | undefined): DiffOperation[] {
  let o = 0;
  let n = 0;
  return wordDiff(before, after, lang).map((part) => {
    const op: DiffOperation = { op: part.op, text: part.text, oldOffset: o, newOffset: n };
    if (part.op !== 'insert') o += part.text.length;
    if (part.op !== 'delete') n += part.text.length;
    return op;
  });
}

export function diffDocuments(oldPoints: readonly ParsedPoint[], newPoints: readonly ParsedPoint[], lang: string | undefined): FileDiff {
  const aligned = alignPoints(oldPoints, newPoints, lang === undefined ? {} : { lang });
  const counts: Record<AlignKind, number> = { unchanged: 0, changed: 0, renumbered: 0, added: 0, removed: 0, merged: 0, split: 0 };
  const words = { inserted: 0, deleted: 0, unchanged: 0 };
  const pairs = aligned.map((p): FilePair => {
    counts[p.kind]++;
    const before = p.oldIndex === null ? '' : oldPoints[p.oldIndex]!.text;
    const after = p.newIndex === null ? '' : newPoints[p.newIndex]!.text;
    const ops = operations(before, after, lang);
    // Merged and split links diff one part against the whole, so their "inserted" words are
    // mostly the other parts' text: only 1:1, added and removed points count in the words.
    if (p.kind !== 'merged' && p.kind !== 'split') {
      const s = diffStats(ops, lang);
      words.inserted += s.inserted;
      words.deleted += s.deleted;
      words.unchanged += s.unchanged;
    }
    return { old: p.old, new: p.new, kind: p.kind, similarity: p.similarity, ops };
  });
  return {
    pairs,
    stats: { lang: lang ?? 'und', oldPoints: oldPoints.length, newPoints: newPoints.length, pairs: counts, words },
  };
}
