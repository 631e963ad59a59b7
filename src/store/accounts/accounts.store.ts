/**
 * The accounts table. Account-level tables belong to no negotiation and are read and
 * written by the server's own role (no row-level security): authentication happens before
 * there is any viewer to filter for.
 */
import { ParleyError } from '../../domain/errors.ts';
import { emailKey } from '../../domain/accounts/email.ts';
import type { Queryable } from '../database.ts';
import { isUniqueViolation, toDate, toDateOrNull } from './rows.ts';

export interface AccountRow {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  isAdmin: boolean;
  totpSecret: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  failedSignins: number;
  lockedUntil: Date | null;
  createdAt: Date;
  passwordChangedAt: Date;
}

interface Raw {
  id: string; email: string; display_name: string; password_hash: string; is_admin: boolean; totp_secret: string | null;
  totp_enabled: boolean; totp_last_step: number | null; failed_signins: number; locked_until: Date | string | null;
  created_at: Date | string; password_changed_at: Date | string;
}

export const ACCOUNT_COLUMNS = 'id, email, display_name, password_hash, is_admin, totp_secret, totp_enabled, totp_last_step, failed_signins, locked_until, created_at, password_changed_at';

export function toAccount(r: Raw): AccountRow {
  return {
    id: r.id, email: r.email, displayName: r.display_name, passwordHash: r.password_hash, isAdmin: r.is_admin,
    totpSecret: r.totp_secret, totpEnabled: r.totp_enabled, totpLastStep: r.totp_last_step, failedSignins: r.failed_signins,
    lockedUntil: toDateOrNull(r.locked_until), createdAt: toDate(r.created_at), passwordChangedAt: toDate(r.password_changed_at),
  };
}

export interface NewAccount { id: string; email: string; displayName: string; passwordHash: string; isAdmin: boolean; now: Date }

export async function insertAccount(q: Queryable, a: NewAccount): Promise<AccountRow> {
  try {
    const rows = await q.query<Raw>(
      `INSERT INTO accounts (id, email, display_name, password_hash, is_admin, created_at, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${ACCOUNT_COLUMNS}`,
      [a.id, a.email, a.displayName, a.passwordHash, a.isAdmin, a.now]);
    return toAccount(rows[0]!);
  } catch (e) {
    if (isUniqueViolation(e)) throw new ParleyError('already_exists', `There is already an account for ${a.email}; sign in with it instead.`);
    throw e;
  }
}

export async function findAccountByEmail(q: Queryable, email: string): Promise<AccountRow | null> {
  const rows = await q.query<Raw>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE lower(email) = $1`, [emailKey(email)]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function getAccount(q: Queryable, id: string): Promise<AccountRow | null> {
  const rows = await q.query<Raw>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`, [id]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function countAccounts(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
  return rows[0]?.n ?? 0;
}

/**
 * Counts one failed sign-in, atomically (two servers may count at once). The failure that
 * reaches `lockAfter` locks the account until `lockUntil` and starts the count again.
 * Returns whether this failure locked it.
 */
export async function recordSignInFailure(q: Queryable, id: string, lockAfter: number, lockUntil: Date): Promise<{ locked: boolean }> {
  const rows = await q.query<{ failed_signins: number; locked_until: Date | string | null }>(
    `UPDATE accounts SET
       locked_until   = CASE WHEN failed_signins + 1 >= $2 THEN $3 ELSE locked_until END,
       failed_signins = CASE WHEN failed_signins + 1 >= $2 THEN 0 ELSE failed_signins + 1 END
     WHERE id = $1 RETURNING failed_signins, locked_until`,
    [id, lockAfter, lockUntil]);
  const r = rows[0];
  return { locked: r !== undefined && r.failed_signins === 0 && toDateOrNull(r.locked_until)?.getTime() === lockUntil.getTime() };
}

export async function recordSignInSuccess(q: Queryable, id: string): Promise<void> {
  await q.query('UPDATE accounts SET failed_signins = 0, locked_until = NULL WHERE id = $1 AND (failed_signins <> 0 OR locked_until IS NOT NULL)', [id]);
}

export async function setPasswordHash(q: Queryable, id: string, passwordHash: string, now: Date): Promise<void> {
  await q.query('UPDATE accounts SET password_hash = $2, password_changed_at = $3 WHERE id = $1', [id, passwordHash, now]);
}

/** Stores a secret that is not yet in force: TOTP is on only once a code from it was shown. */
export async function setPendingTotpSecret(q: Queryable, id: string, secret: string): Promise<void> {
  await q.query('UPDATE accounts SET totp_secret = $2, totp_last_step = NULL WHERE id = $1 AND NOT totp_enabled', [id, secret]);
}

export async function setTotpEnabled(q: Queryable, id: string, enabled: boolean): Promise<void> {
  await q.query(
    enabled ? 'UPDATE accounts SET totp_enabled = true WHERE id = $1 AND totp_secret IS NOT NULL'
      : 'UPDATE accounts SET totp_enabled = false, totp_secret = NULL, totp_last_step = NULL WHERE id = $1',
    [id]);
}

/**
 * Claims a TOTP step: succeeds only if no code for this step or a later one was accepted
 * before. The condition sits in the UPDATE, so two servers receiving the same code at
 * the same moment cannot both accept it.
 */
export async function claimTotpStep(q: Queryable, id: string, step: number): Promise<boolean> {
  const rows = await q.query('UPDATE accounts SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id', [id, step]);
  return rows.length === 1;
}

/**
 * Removes an account that was created a moment ago for a step that then failed (accepting
 * an invitation): it never had a session, a token or a membership, only its creation line.
 */
export async function deleteUnusedAccount(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM account_log WHERE account_id = $1', [id]);
  await q.query('DELETE FROM accounts WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM sessions WHERE account_id = $1) AND NOT EXISTS (SELECT 1 FROM api_tokens WHERE account_id = $1)', [id]);
}

/**
 * Accounts that should exist (the demo's): creates those missing, leaves the others as they
 * are, and returns every one's id by its email in lower case.
 */
export async function ensureAccounts(
  q: Queryable, wanted: readonly { id: string; email: string; displayName: string }[], passwordHash: string, now: Date,
): Promise<{ ids: Map<string, string>; created: string[] }> {
  const created: string[] = [];
  for (const w of wanted) {
    const rows = await q.query<{ id: string }>(
      `INSERT INTO accounts (id, email, display_name, password_hash, is_admin, created_at, password_changed_at)
       VALUES ($1, $2, $3, $4, false, $5, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [w.id, w.email, w.displayName, passwordHash, now]);
    if (rows[0]) created.push(rows[0].id);
  }
  const ids = new Map<string, string>();
  const rows = await q.query<{ id: string; email: string }>('SELECT id, lower(email) AS email FROM accounts WHERE lower(email) = ANY($1::text[])', [wanted.map((w) => emailKey(w.email))]);
  for (const r of rows) ids.set(r.email, r.id);
  return { ids, created };
}
