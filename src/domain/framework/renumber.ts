/**
 * After an insert, delete or move the working text must read 1, 2, 3 again, while every
 * point keeps its id: that is what lets a position taken on "point 7" in v1 follow the
 * same clause to "point 6" in v2. Numbers that are not plain integers (7a, 2.1, IV) were
 * chosen by the drafters and are left alone.
 */
import { ParleyError } from '../errors.ts';
import type { Point } from '../model.ts';
import type { PendingEvent } from '../record/events.ts';

export function renumber(ordered: readonly Point[]): PendingEvent[] {
  const plain = ordered.every((p) => /^\d+$/.test(p.number));
  const events: PendingEvent[] = [];
  ordered.forEach((p, i) => {
    const order = i + 1;
    const number = plain ? String(order) : p.number;
    if (p.order !== order || p.number !== number) {
      events.push({ type: 'point.moved', payload: { pointId: p.id, order, number }, visibility: 'parties', partyId: null });
    }
  });
  return events;
}

/**
 * The events that announce `point`, newly placed in `ordered`: the point itself, with the
 * number renumbering gives it (a plain "5" put first becomes "1"), then every other point
 * whose place or number shifted. Refuses a number that another point keeps.
 */
export function insertionEvents(ordered: readonly Point[], point: Point): PendingEvent[] {
  const moves = renumber(ordered);
  const renumbered = new Map<string, string>();
  for (const e of moves) if (e.type === 'point.moved') renumbered.set(e.payload.pointId, e.payload.number);
  const placed = { ...point, number: renumbered.get(point.id) ?? point.number };
  if (ordered.some((p) => p.id !== point.id && (renumbered.get(p.id) ?? p.number) === placed.number)) {
    throw new ParleyError('already_exists', `Point ${placed.number} already exists; give the new point a number of its own.`);
  }
  return [
    { type: 'point.added', payload: { point: placed }, visibility: 'parties', partyId: null },
    ...moves.filter((e) => e.type !== 'point.moved' || e.payload.pointId !== point.id),
  ];
}
