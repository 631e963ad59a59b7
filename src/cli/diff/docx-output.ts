/**
 * `--format docx`: the comparison as a Word document with real tracked changes, drawn by the
 * export module's `redlineDocx` (the same writer the versions page uses). Two files have no
 * parties, so every change is attributed to the new file (its name as the author, its
 * modification time as the date): that is who proposed the text being compared.
 */
import { createHash } from 'node:crypto';
import { redlineDocx } from '../../export/docx.ts';
import type { RedlineDocument, RedlineRow } from '../../export/redline.ts';
import type { PointChange } from '../../domain/versions/compare-versions.ts';
import type { AlignKind } from '../../domain/redline/align.ts';
import type { FileDiff } from './file-diff.ts';
import { directionOf } from './render.ts';

export interface DocxSource {
  name: string;
  text: string;
  modifiedAt: Date;
}

const STATUS: Record<AlignKind, PointChange> = {
  unchanged: 'unchanged',
  renumbered: 'unchanged',
  changed: 'changed',
  merged: 'changed',
  split: 'changed',
  added: 'added',
  removed: 'removed',
};

export async function diffDocx(diff: FileDiff, oldFile: DocxSource, newFile: DocxSource, lang: string): Promise<Buffer> {
  const ref = (f: DocxSource, seqNo: number) => ({
    id: f.name,
    seqNo,
    label: f.name,
    createdAt: f.modifiedAt.toISOString(),
    contentHash: createHash('sha256').update(f.text).digest('hex'),
  });
  const by = { author: newFile.name, date: newFile.modifiedAt.toISOString() };
  const counts: RedlineDocument['counts'] = { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0, renumbered: diff.stats.pairs.renumbered };
  const rows = diff.pairs.map((p, i): RedlineRow => {
    const status = STATUS[p.kind];
    counts[status]++;
    return {
      pointId: `pair-${i}`,
      status,
      oldNumber: p.old,
      newNumber: p.new,
      // A move becomes its deletion and its insertion: the writer draws w:ins/w:del only.
      parts: p.ops.map((op) => ({ op: op.op === 'move-from' ? 'delete' : op.op === 'move-to' ? 'insert' : op.op, text: op.text })),
      moved: false,
      sectionId: null,
      by,
    };
  });
  return redlineDocx({
    title: `${oldFile.name} → ${newFile.name}`,
    lang,
    dir: directionOf(lang),
    a: ref(oldFile, 1),
    b: ref(newFile, 2),
    rows,
    sectionTitles: new Map(),
    counts,
  });
}
