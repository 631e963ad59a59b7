/** Reading the per-negotiation access log (appends: store/accounts/access-log.store.ts); RLS shows the mediator all of it, others their own. */
import type { Tx } from '../database.ts';
import { iso } from './read-as.ts';

export async function listAccessLog(tx: Tx, n: string, offset: number, limit: number) {
  const rows = await tx.query(
    'SELECT * FROM access_log WHERE negotiation_id = $1 ORDER BY at DESC, id OFFSET $2 LIMIT $3', [n, offset, limit + 1]);
  return rows.map((r) => ({
    id: r.id as string, at: iso(r.at as Date)!, accountId: (r.account_id ?? null) as string | null, memberId: (r.member_id ?? null) as string | null,
    action: r.action as string, target: (r.target ?? null) as string | null, detail: r.detail, ip: (r.ip ?? null) as string | null,
  }));
}
