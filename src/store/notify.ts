/**
 * The announcement of new events. `execute` notifies inside the command's transaction,
 * and PostgreSQL delivers a NOTIFY only when that transaction commits, so no listener ever
 * hears of a write that was rolled back. The payload names the negotiation and its new
 * head; listeners read the events themselves, under row-level security, since a
 * notification is seen by every listener on the database whoever they serve.
 */
import type { Tx } from './database.ts';

export const EVENTS_CHANNEL = 'parley_events';

export async function notifyAppended(tx: Tx, negotiationId: string, lastSeq: number): Promise<void> {
  await tx.query(`SELECT pg_notify('${EVENTS_CHANNEL}', $1)`, [`${negotiationId}:${lastSeq}`]);
}

export interface Appended { negotiationId: string; seq: number }

/** The payload `${negotiationId}:${lastSeq}`; null for anything else on the channel. */
export function parseAppended(payload: string): Appended | null {
  const colon = payload.lastIndexOf(':');
  if (colon <= 0) return null;
  const seq = Number(payload.slice(colon + 1));
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  return { negotiationId: payload.slice(0, colon), seq };
}
