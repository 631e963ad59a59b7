/**
 * An account's last visit to a negotiation (0004_visits.sql). The table is account-level:
 * parley_app has no grant on it, so these run on the server's own connection, after the
 * route has checked that the account is a member. It holds only a seq and a time.
 */
import type { Database } from '../database.ts';
import { iso } from './read-as.ts';

export interface Visit { seenSeq: number; seenAt: string }

export async function getVisit(db: Database, accountId: string, negotiationId: string): Promise<Visit | null> {
  const [r] = await db.query<{ seen_seq: number; seen_at: Date | string }>(
    'SELECT seen_seq, seen_at FROM visits WHERE account_id = $1 AND negotiation_id = $2', [accountId, negotiationId]);
  return r ? { seenSeq: r.seen_seq, seenAt: iso(r.seen_at)! } : null;
}

/**
 * Records that the account has seen up to `seenSeq`. The mark only moves forward: a tab
 * left open on an older page must not make changes the person already saw look new again.
 * Returns the visit as it is after the write.
 */
export async function markVisit(db: Database, accountId: string, negotiationId: string, seenSeq: number, at = new Date()): Promise<Visit> {
  const [r] = await db.query<{ seen_seq: number; seen_at: Date | string }>(
    `INSERT INTO visits (account_id, negotiation_id, seen_seq, seen_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id, negotiation_id) DO UPDATE
       SET seen_seq = EXCLUDED.seen_seq, seen_at = EXCLUDED.seen_at
       WHERE visits.seen_seq < EXCLUDED.seen_seq
     RETURNING seen_seq, seen_at`, [accountId, negotiationId, seenSeq, at]);
  if (r) return { seenSeq: r.seen_seq, seenAt: iso(r.seen_at)! };
  // Nothing changed (the mark was already at or past seenSeq): answer with what is stored.
  return (await getVisit(db, accountId, negotiationId))!;
}

/** The negotiation's last seq: a visit cannot be marked past what exists. Any member may read it. */
export async function headSeqOf(db: Database, negotiationId: string): Promise<number> {
  const [r] = await db.query<{ last_seq: number }>('SELECT last_seq FROM negotiation_heads WHERE negotiation_id = $1', [negotiationId]);
  return r ? r.last_seq : 0;
}
