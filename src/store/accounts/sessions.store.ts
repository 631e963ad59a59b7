/**
 * Sessions live in the database, so any server behind the load balancer can serve any
 * request. The row's id is the SHA-256 of the secret in the cookie: the table alone
 * opens no session.
 */
import type { Queryable } from '../database.ts';
import { ACCOUNT_COLUMNS, toAccount, type AccountRow } from './accounts.store.ts';
import { toDate, toDateOrNull } from './rows.ts';

export interface SessionRow {
  id: string;
  accountId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

export interface NewSession { id: string; accountId: string; csrfToken: string; now: Date; expiresAt: Date; ip: string | null; userAgent: string | null }

export async function insertSession(q: Queryable, s: NewSession): Promise<void> {
  await q.query(
    `INSERT INTO sessions (id, account_id, csrf_token, created_at, expires_at, last_seen_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $4, $6, $7)`,
    [s.id, s.accountId, s.csrfToken, s.now, s.expiresAt, s.ip, s.userAgent?.slice(0, 300) ?? null]);
}

/** The session with this id and its account, whatever its state; the caller decides if it is live. */
export async function findSession(q: Queryable, id: string): Promise<{ session: SessionRow; account: AccountRow } | null> {
  const cols = ACCOUNT_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ');
  const rows = await q.query<Parameters<typeof toAccount>[0] & {
    s_id: string; s_csrf: string; s_created: Date | string; s_expires: Date | string; s_seen: Date | string; s_revoked: Date | string | null;
  }>(
    `SELECT s.id AS s_id, s.csrf_token AS s_csrf, s.created_at AS s_created, s.expires_at AS s_expires, s.last_seen_at AS s_seen,
            s.revoked_at AS s_revoked, ${cols}
     FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id = $1`, [id]);
  const r = rows[0];
  if (!r) return null;
  return {
    session: { id: r.s_id, accountId: r.id, csrfToken: r.s_csrf, createdAt: toDate(r.s_created), expiresAt: toDate(r.s_expires), lastSeenAt: toDate(r.s_seen), revokedAt: toDateOrNull(r.s_revoked) },
    account: toAccount(r),
  };
}

/** Moves the idle clock, at most once per `everyMs`: one write per request would be waste. */
export async function touchSession(q: Queryable, id: string, now: Date, everyMs: number): Promise<void> {
  await q.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $3', [id, now, new Date(now.getTime() - everyMs)]);
}

export async function revokeSession(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query('UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, now]);
}

/** Revokes every open session of an account, except `exceptId` when given; returns how many. */
export async function revokeSessions(q: Queryable, accountId: string, now: Date, exceptId: string | null = null): Promise<number> {
  const rows = await q.query(
    'UPDATE sessions SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL AND expires_at > $2 AND id IS DISTINCT FROM $3 RETURNING id',
    [accountId, now, exceptId]);
  return rows.length;
}
