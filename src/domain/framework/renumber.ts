/**
 * After an insert, delete or move the working text must read 1, 2, 3 again, while every
 * point keeps its id: that is what lets a position taken on "point 7" in v1 follow the
 * same clause to "point 6" in v2. Numbers that are not plain integers (7a, 2.1, IV) were
 * chosen by the drafters and are left alone.
 */
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
