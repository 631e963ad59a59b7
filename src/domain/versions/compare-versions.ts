/**
 * Two versions of the text aligned point by point. Points are matched by their stable id,
 * never by number: renumbering after an insertion or deletion is not a change of text, and
 * a clause keeps its identity from "point 7" in v1 to "point 6" in v2.
 *
 * A point present in both is "moved" when its place relative to the other common points
 * changed: those outside the longest common subsequence of the two orders (the same LCS the
 * word diff uses, through jsdiff's `diffArrays`). A point that only shifted because another
 * was inserted or removed before it is renumbered, not moved.
 */
import { diffArrays } from 'diff';
import { redline, segmenterFor } from '../redline/index.ts';
import type { RedlineOp } from '../redline/types.ts';

/** The fields of a point that a comparison reads (a version's point, or the working text's). */
export interface ComparablePoint {
  pointId: string;
  number: string;
  sectionId: string | null;
  texts: Record<string, string>;
}

export type PointChange = 'unchanged' | 'changed' | 'added' | 'removed' | 'moved';

export interface AlignedPoint<P extends ComparablePoint = ComparablePoint> {
  pointId: string;
  /** The point in the first version, or null when it was added. */
  a: P | null;
  /** The point in the second version, or null when it was removed. */
  b: P | null;
  /** One status per point; a changed text wins over a move, a move over a renumbering. */
  status: PointChange;
  textChanged: boolean;
  /** The languages whose text differs (empty unless the text changed). */
  changedLanguages: string[];
  /** Its place among the points both versions share changed. */
  moved: boolean;
  /** Present in both under different numbers. */
  renumbered: boolean;
  sectionChanged: boolean;
  /** The section the point stands in: the second version's, or the first's for a removed point. */
  sectionId: string | null;
}

export interface VersionComparison<P extends ComparablePoint = ComparablePoint> {
  /** The second version's order, each removed point placed after the point that preceded it in the first. */
  rows: AlignedPoint<P>[];
  counts: Record<PointChange, number> & { renumbered: number };
}

function languagesThatDiffer(a: Record<string, string>, b: Record<string, string>): string[] {
  const langs = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...langs].filter((l) => (a[l] ?? '') !== (b[l] ?? '')).sort();
}

export function compareVersions<P extends ComparablePoint>(a: readonly P[], b: readonly P[]): VersionComparison<P> {
  const inA = new Map(a.map((p) => [p.pointId, p]));
  const inB = new Map(b.map((p) => [p.pointId, p]));
  const commonA = a.filter((p) => inB.has(p.pointId)).map((p) => p.pointId);
  const commonB = b.filter((p) => inA.has(p.pointId)).map((p) => p.pointId);
  const moved = new Set<string>();
  for (const part of diffArrays(commonA, commonB)) {
    if (part.added || part.removed) part.value.forEach((id) => moved.add(id));
  }

  const rows: AlignedPoint<P>[] = b.map((pb) => {
    const pa = inA.get(pb.pointId) ?? null;
    if (!pa) {
      return { pointId: pb.pointId, a: null, b: pb, status: 'added', textChanged: false, changedLanguages: [], moved: false, renumbered: false, sectionChanged: false, sectionId: pb.sectionId };
    }
    const changedLanguages = languagesThatDiffer(pa.texts, pb.texts);
    const textChanged = changedLanguages.length > 0;
    const isMoved = moved.has(pb.pointId);
    const sectionChanged = pa.sectionId !== pb.sectionId;
    const status: PointChange = textChanged ? 'changed' : isMoved || sectionChanged ? 'moved' : 'unchanged';
    return { pointId: pb.pointId, a: pa, b: pb, status, textChanged, changedLanguages, moved: isMoved, renumbered: pa.number !== pb.number, sectionChanged, sectionId: pb.sectionId };
  });

  // Removed points go back where they stood: right after the point that preceded them in the
  // first version (itself possibly removed, hence already placed), or first.
  a.forEach((pa, i) => {
    if (inB.has(pa.pointId)) return;
    const anchor = i === 0 ? -1 : rows.findIndex((r) => r.pointId === a[i - 1]!.pointId);
    rows.splice(anchor + 1, 0, { pointId: pa.pointId, a: pa, b: null, status: 'removed', textChanged: false, changedLanguages: [], moved: false, renumbered: false, sectionChanged: false, sectionId: pa.sectionId });
  });

  const counts = { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0, renumbered: 0 };
  for (const r of rows) {
    counts[r.status] += 1;
    if (r.renumbered) counts.renumbered += 1;
  }
  return { rows, counts };
}

/** Words inserted and deleted in one language across a comparison (an added point's words all count as inserted). */
/**
 * Words inserted, deleted and moved in one language over a whole comparison, as the redline
 * engine reads each point: a passage that moved counts as moved, not as deleted and inserted
 * again, and edits made inside a moved passage count as the insertions and deletions they are.
 */
export function comparisonWordStats(rows: readonly AlignedPoint[], lang: string): { inserted: number; deleted: number; moved: number } {
  const segmenter = segmenterFor(lang);
  const words = (t: string) => { let n = 0; for (const s of segmenter.segment(t)) if (s.isWordLike) n++; return n; };
  const total = { inserted: 0, deleted: 0, moved: 0 };
  const count = (ops: readonly RedlineOp[]) => {
    for (const op of ops) {
      if (op.op === 'insert') total.inserted += words(op.text);
      else if (op.op === 'delete') total.deleted += words(op.text);
      else if (op.op === 'move-to') {
        total.moved += words(op.text);
        if (op.edits) count(op.edits.filter((e) => e.op !== 'equal'));
      }
    }
  };
  for (const r of rows) {
    const before = r.a?.texts[lang] ?? '';
    const after = r.b?.texts[lang] ?? '';
    if (before !== after) count(redline(before, after, { lang }));
  }
  return total;
}
