/**
 * Turns the redline engine's operations into what a reader sees, inline or in two columns.
 *
 * Inline, every operation shows in order; a moved passage shows struck where it left and
 * underlined where it arrived, with the words changed on the way marked inside the arrival.
 * In two columns the old text (equal, deleted, moved away) stands beside the new one (equal,
 * inserted, moved in), so neither column holds a mark of the other's text: the words deleted
 * on the way are marked inside the departure, those inserted inside the arrival.
 */
import type { RedlineOp } from '../../../src/domain/redline/index.ts';

export type PieceKind = 'equal' | 'insert' | 'delete' | 'move-from' | 'move-to';

export interface RedlinePiece {
  kind: PieceKind;
  text: string;
  /** A move's pair id, shared by its two ends. */
  moveId?: string;
  /** Where a move's other end lies in the text: further on, or before this one. */
  partner?: 'later' | 'earlier';
  /** Inside a moved passage: what changed in it on the way (equal, insert, delete only). */
  inner?: RedlinePiece[];
}

export interface RedlineView {
  inline: RedlinePiece[];
  old: RedlinePiece[];
  new: RedlinePiece[];
  moves: number;
}

type Side = 'inline' | 'old' | 'new';

/** Which operations a side shows; a side never shows the other text's marks. */
const shows: Record<Side, (op: RedlineOp['op']) => boolean> = {
  inline: () => true,
  old: (op) => op !== 'insert' && op !== 'move-to',
  new: (op) => op !== 'delete' && op !== 'move-from',
};

/** Adjacent pieces of one plain kind read as one (dropping the other side leaves equal, equal). */
function merge(pieces: RedlinePiece[]): RedlinePiece[] {
  const out: RedlinePiece[] = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (last && last.kind === p.kind && !last.moveId && !p.moveId && !last.inner && !p.inner) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/**
 * The changes inside a moved passage as one side shows them, or undefined if there are none
 * or they do not spell the passage's text on that side (then the passage shows whole).
 */
function innerOf(edits: readonly RedlineOp[] | undefined, text: string, side: Side): RedlinePiece[] | undefined {
  if (!edits || edits.every((e) => e.op === 'equal')) return undefined;
  const kept = edits.filter((e) => e.op === 'equal' || (side !== 'new' && e.op === 'delete') || (side !== 'old' && e.op === 'insert'));
  const spelled = kept.filter((e) => e.op === 'equal' || e.op === (side === 'old' ? 'delete' : 'insert')).map((e) => e.text).join('');
  if (spelled !== text) return undefined;
  const inner = merge(kept.map((e) => ({ kind: e.op === 'equal' ? 'equal' : e.op === 'insert' ? 'insert' : 'delete', text: e.text })));
  return inner.some((p) => p.kind !== 'equal') ? inner : undefined;
}

export function redlineView(ops: readonly RedlineOp[]): RedlineView {
  // A move's two ends, by id: an end without its partner reads as a plain deletion or insertion.
  const ends = new Map<string, { from?: number; to?: number; edits?: RedlineOp[] }>();
  ops.forEach((o, i) => {
    if (!o.moveId || (o.op !== 'move-from' && o.op !== 'move-to')) return;
    const e = ends.get(o.moveId) ?? {};
    if (o.op === 'move-from') e.from = i;
    else { e.to = i; e.edits = o.edits; }
    ends.set(o.moveId, e);
  });
  const paired = (id: string | undefined) => {
    const e = id === undefined ? undefined : ends.get(id);
    return e && e.from !== undefined && e.to !== undefined ? { from: e.from, to: e.to, edits: e.edits } : null;
  };

  const side = (which: Side): RedlinePiece[] => {
    const pieces: RedlinePiece[] = [];
    ops.forEach((o, i) => {
      const pair = paired(o.moveId);
      const kind: PieceKind = pair ? o.op : o.op === 'move-from' ? 'delete' : o.op === 'move-to' ? 'insert' : o.op;
      if (!shows[which](kind)) return;
      if (!pair || (kind !== 'move-from' && kind !== 'move-to')) {
        pieces.push({ kind, text: o.text });
        return;
      }
      const other = kind === 'move-from' ? pair.to : pair.from;
      const piece: RedlinePiece = { kind, text: o.text, moveId: o.moveId!, partner: other > i ? 'later' : 'earlier' };
      // Inline, the changes made on the way show once, where the passage arrived.
      const inner = which === 'inline' && kind === 'move-from' ? undefined : innerOf(pair.edits, o.text, which);
      if (inner) piece.inner = inner;
      pieces.push(piece);
    });
    return merge(pieces);
  };

  let moves = 0;
  for (const id of ends.keys()) if (paired(id)) moves++;
  return { inline: side('inline'), old: side('old'), new: side('new'), moves };
}
