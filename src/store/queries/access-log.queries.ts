/** The per-negotiation access log: appended by anyone acting in it, read by the mediator (RLS). */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database.ts';
import { iso } from './read-as.ts';

export interface AccessEntry {
  negotiationId: string;
  accountId: string | null;
  memberId: string | null;
  action: 'version.read' | 'version.export' | 'events.read' | 'token.used' | (string & {});
  target: string | null;
  detail?: Record<string, unknown>;
  ip: string | null;
}

export async function appendAccess(tx: Tx, e: AccessEntry): Promise<void> {
  await tx.query(
    `INSERT INTO access_log (negotiation_id, id, at, account_id, member_id, action, target, detail, ip)
     VALUES ($1, $2, now(), $3, $4, $5, $6, $7::jsonb, $8)`,
    [e.negotiationId, randomUUID(), e.accountId, e.memberId, e.action, e.target, JSON.stringify(e.detail ?? {}), e.ip]);
}

export async function listAccessLog(tx: Tx, n: string, offset: number, limit: number) {
  const rows = await tx.query<Record<string, unknown>>(
    'SELECT * FROM access_log WHERE negotiation_id = $1 ORDER BY at DESC, id OFFSET $2 LIMIT $3', [n, offset, limit + 1]);
  return rows.map((r) => ({
    id: r.id as string, at: iso(r.at as Date)!, accountId: (r.account_id ?? null) as string | null, memberId: (r.member_id ?? null) as string | null,
    action: r.action as string, target: (r.target ?? null) as string | null, detail: r.detail, ip: (r.ip ?? null) as string | null,
  }));
}
