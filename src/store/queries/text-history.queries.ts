/**
 * Each point's text history, read from the log under the caller's row-level security and
 * folded by the domain's own function, so the API's "translation pending" is the state's.
 * The read models keep no copy: the events already hold every text a point ever had.
 */
import { textHistories, type TextEvent, type TextHistory } from '../../domain/framework/translation-status.ts';
import type { Tx } from '../database.ts';

const TEXT_EVENTS = `type IN ('point.added', 'point.edited', 'point.translation_confirmed')`;

/** One point's history, or every point's when `pointId` is not given. */
export async function readTextHistories(tx: Tx, negotiationId: string, pointId?: string): Promise<Map<string, TextHistory>> {
  const one = pointId === undefined ? '' : ` AND (payload->>'pointId' = $2 OR payload->'point'->>'id' = $2)`;
  const rows = await tx.query<{ seq: number; type: string; payload: unknown }>(
    `SELECT seq, type, payload FROM events WHERE negotiation_id = $1 AND ${TEXT_EVENTS}${one} ORDER BY seq`,
    pointId === undefined ? [negotiationId] : [negotiationId, pointId]);
  // The rows are events this log recorded after their schema checked them; only these three types are read.
  return textHistories(rows.map((r) => ({ seq: r.seq, type: r.type, payload: r.payload }) as TextEvent));
}
