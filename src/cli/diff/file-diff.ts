/**
 * The comparison `parley diff` prints: two documents' points aligned by content
 * (`alignPoints`), each link with the redline engine's operations (`diffPointPairs`: word
 * level, moved passages as `move-from`/`move-to`, UTF-16 offsets `oldStart..oldEnd` and
 * `newStart..newEnd` into the point texts as imported), and counts. Pure: the command reads
 * the files and writes the result.
 */
import { alignPoints, type AlignKind } from '../../domain/redline/align.ts';
import { diffPointPairs, type RedlineOp } from '../../domain/redline/index.ts';
import type { ParsedPoint } from '../../domain/framework/parse-points.ts';
import { alignTokens } from '../../domain/redline/align.ts';

export interface FilePair {
  old: string | null;
  new: string | null;
  kind: AlignKind;
  similarity: number;
  ops: RedlineOp[];
}

export interface FileDiffStats {
  lang: string;
  oldPoints: number;
  newPoints: number;
  pairs: Record<AlignKind, number>;
  words: { inserted: number; deleted: number; moved: number; unchanged: number };
}

export interface FileDiff {
  pairs: FilePair[];
  stats: FileDiffStats;
}

export function diffDocuments(oldPoints: readonly ParsedPoint[], newPoints: readonly ParsedPoint[], lang: string | undefined): FileDiff {
  const options = lang === undefined ? {} : { lang };
  const aligned = alignPoints(oldPoints, newPoints, options);
  const compared = diffPointPairs(
    oldPoints,
    newPoints,
    aligned.map((p) => ({ old: p.oldIndex, new: p.newIndex })),
    options,
  );
  const counts: Record<AlignKind, number> = { unchanged: 0, changed: 0, renumbered: 0, added: 0, removed: 0, merged: 0, split: 0 };
  const words = { inserted: 0, deleted: 0, moved: 0, unchanged: 0 };
  const count = (text: string): number => alignTokens(text, lang).length;
  const pairs = aligned.map((p, k): FilePair => {
    counts[p.kind]++;
    const ops = compared[k]!.ops;
    // Merged and split links diff one part against the whole, so their "inserted" words are
    // mostly the other parts' text: only 1:1, added and removed points count in the words.
    if (p.kind !== 'merged' && p.kind !== 'split') {
      for (const op of ops) {
        if (op.op === 'insert') words.inserted += count(op.text);
        else if (op.op === 'delete') words.deleted += count(op.text);
        else if (op.op === 'move-to') words.moved += count(op.text);
        else if (op.op === 'equal') words.unchanged += count(op.text);
      }
    }
    return { old: p.old, new: p.new, kind: p.kind, similarity: p.similarity, ops };
  });
  return {
    pairs,
    stats: { lang: lang ?? 'und', oldPoints: oldPoints.length, newPoints: newPoints.length, pairs: counts, words },
  };
}
