/**
 * The per-negotiation access log (ARCHITECTURE §2): exports, reads of confidential
 * versions, invitations. Append-only for the app role. Call it inside the transaction of
 * the access it records, as the member (after `actAs`): the row-level security policy
 * accepts rows only for the negotiation the transaction acts in. The operator's role may
 * append too (no viewer needed).
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database.ts';

export interface AccessLogEntry {
  negotiationId: string;
  accountId: string | null;
  memberId: string | null;
  /** What was done, e.g. 'export', 'version.read', 'invitation.created'. */
  action: string;
  /** What it was done to, e.g. a version or invitation id. */
  target: string | null;
  detail?: Record<string, unknown>;
  ip: string | null;
  at?: Date;
}

export async function logAccess(tx: Tx, e: AccessLogEntry): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO access_log (negotiation_id, id, at, account_id, member_id, action, target, detail, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
    [e.negotiationId, id, e.at ?? new Date(), e.accountId, e.memberId, e.action, e.target, JSON.stringify(e.detail ?? {}), e.ip]);
  return id;
}
