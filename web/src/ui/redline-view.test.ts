import { describe, expect, it } from 'vitest';
import { redline, type RedlineOp } from '../../../src/domain/redline/index.ts';
import { redlineView, type RedlinePiece } from './redline-view.ts';

const A = 'The parties agree to a ceasefire. Prisoners will be exchanged all for all within thirty days. Sanctions will be lifted in stages.';
const MOVED = 'Sanctions will be lifted in stages. The parties agree to a ceasefire. Prisoners will be exchanged all for all within thirty days.';
const MOVED_EDITED = 'Sanctions will be lifted gradually in stages. The parties agree to a ceasefire. Prisoners will be exchanged all for all within thirty days.';

/** The text a column reads as (a move counts as its own text; inner pieces must spell it). */
const read = (pieces: RedlinePiece[]) => pieces.map((p) => {
  if (p.inner) expect(p.inner.filter((q) => q.kind !== (p.kind === 'move-from' ? 'insert' : 'delete')).map((q) => q.text).join('')).toBe(p.text);
  return p.text;
}).join('');
const ofKind = (pieces: RedlinePiece[], ...kinds: string[]) => pieces.filter((p) => kinds.includes(p.kind));

describe('redlineView', () => {
  it('pairs a moved sentence: struck where it left, underlined where it arrived, each pointing at the other', () => {
    const v = redlineView(redline(A, MOVED, { lang: 'en' }));
    expect(v.moves).toBe(1);
    const [to] = ofKind(v.inline, 'move-to');
    const [from] = ofKind(v.inline, 'move-from');
    expect(to).toMatchObject({ text: 'Sanctions will be lifted in stages.', partner: 'later' });
    expect(from).toMatchObject({ text: 'Sanctions will be lifted in stages.', partner: 'earlier', moveId: to!.moveId });
    expect(to!.inner).toBeUndefined();
  });

  it('splits into columns: the old text on one side, the new on the other, nothing of one in the other', () => {
    const v = redlineView(redline(A, MOVED, { lang: 'en' }));
    expect(read(v.old)).toBe(A);
    expect(read(v.new)).toBe(MOVED);
    expect(ofKind(v.old, 'insert', 'move-to')).toEqual([]);
    expect(ofKind(v.new, 'delete', 'move-from')).toEqual([]);
    expect(ofKind(v.old, 'move-from')).toHaveLength(1);
    expect(ofKind(v.new, 'move-to')).toHaveLength(1);
  });

  it('marks the words changed on the way inside the arrival inline, and split by side in columns', () => {
    const v = redlineView(redline(A, MOVED_EDITED, { lang: 'en' }));
    const [to] = ofKind(v.inline, 'move-to');
    expect(to!.inner).toEqual([
      { kind: 'equal', text: 'Sanctions will be lifted ' },
      { kind: 'insert', text: 'gradually ' },
      { kind: 'equal', text: 'in stages.' },
    ]);
    // Inline, the departure shows whole: the change is told once, at the arrival.
    expect(ofKind(v.inline, 'move-from')[0]!.inner).toBeUndefined();
    expect(read(v.old)).toBe(A);
    expect(read(v.new)).toBe(MOVED_EDITED);
    // The old column has nothing inserted on the way, so its departure shows whole.
    expect(ofKind(v.old, 'move-from')[0]!.inner).toBeUndefined();
    expect(ofKind(v.new, 'move-to')[0]!.inner?.map((p) => p.kind)).toEqual(['equal', 'insert', 'equal']);
  });

  it('shows a word deleted on the way inside the departure, in the old column only', () => {
    const v = redlineView(redline(MOVED_EDITED, A, { lang: 'en' }));
    const [from] = ofKind(v.old, 'move-from');
    expect(from!.inner).toEqual([
      { kind: 'equal', text: 'Sanctions will be lifted ' },
      { kind: 'delete', text: 'gradually ' },
      { kind: 'equal', text: 'in stages.' },
    ]);
    expect(ofKind(v.new, 'move-to')[0]!.inner).toBeUndefined();
    expect(read(v.old)).toBe(MOVED_EDITED);
    expect(read(v.new)).toBe(A);
  });

  it('moves in Urdu too, and merges the equal runs a column is left with', () => {
    const ur = 'فریقین جنگ بندی پر متفق ہیں۔ قیدیوں کا تبادلہ تیس دن میں ہوگا۔ پابندیاں مرحلہ وار اٹھائی جائیں گی۔';
    const urMoved = 'پابندیاں مرحلہ وار اٹھائی جائیں گی۔ فریقین جنگ بندی پر متفق ہیں۔ قیدیوں کا تبادلہ تیس دن میں ہوگا۔';
    const v = redlineView(redline(ur, urMoved, { lang: 'ur' }));
    expect(v.moves).toBe(1);
    expect(read(v.old)).toBe(ur);
    expect(read(v.new)).toBe(urMoved);
    for (const col of [v.inline, v.old, v.new]) {
      for (let i = 1; i < col.length; i++) {
        const [a, b] = [col[i - 1]!, col[i]!];
        expect(a.kind === b.kind && !a.moveId && !b.moveId).toBe(false);
      }
    }
  });

  it('reads an end without its partner as a plain deletion or insertion', () => {
    const ops: RedlineOp[] = [
      { op: 'equal', oldStart: 0, oldEnd: 4, newStart: 0, newEnd: 4, text: 'One ' },
      { op: 'move-from', oldStart: 4, oldEnd: 7, newStart: 4, newEnd: 4, text: 'two', moveId: 'lost' },
      { op: 'move-to', oldStart: 7, oldEnd: 7, newStart: 4, newEnd: 9, text: 'three', moveId: 'other' },
    ];
    const v = redlineView(ops);
    expect(v.moves).toBe(0);
    expect(v.inline.map((p) => p.kind)).toEqual(['equal', 'delete', 'insert']);
    expect(v.old.map((p) => p.kind)).toEqual(['equal', 'delete']);
    expect(v.new.map((p) => p.kind)).toEqual(['equal', 'insert']);
  });

  it('shows plain changes as before: deletions and insertions in order, nothing paired', () => {
    const v = redlineView(redline('within thirty days', 'within sixty days', { lang: 'en' }));
    expect(v.moves).toBe(0);
    expect(v.inline.map((p) => [p.kind, p.text])).toEqual([['equal', 'within '], ['delete', 'thirty'], ['insert', 'sixty'], ['equal', ' days']]);
    expect(v.old.map((p) => p.kind)).toEqual(['equal', 'delete', 'equal']);
  });
});
