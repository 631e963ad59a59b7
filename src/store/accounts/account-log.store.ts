/**
 * The account's own security record: sign-ins, failures, lockouts, token use, changes to
 * credentials. Never a secret in it: details name tokens by id and name only.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../database.ts';
import { toDate } from './rows.ts';

export type AccountAction =
  | 'account.created' | 'signin' | 'signin.failed' | 'account.locked' | 'signout' | 'signout.everywhere'
  | 'password.changed' | 'totp.enabled' | 'totp.disabled' | 'token.created' | 'token.revoked' | 'token.used'
  | 'invitation.accepted';

export interface AccountLogEntry { accountId: string | null; action: AccountAction; detail?: Record<string, unknown>; ip: string | null; at: Date }
export interface AccountLogRow { id: string; at: Date; action: string; detail: Record<string, unknown>; ip: string | null }

export async function appendAccountLog(q: Queryable, e: AccountLogEntry): Promise<void> {
  await q.query('INSERT INTO account_log (id, at, account_id, action, detail, ip) VALUES ($1, $2, $3, $4, $5::jsonb, $6)',
    [randomUUID(), e.at, e.accountId, e.action, JSON.stringify(e.detail ?? {}), e.ip]);
}

/** An account's entries, newest first; `limit + 1` rows are read so the caller knows if there is more. */
export async function listAccountLog(q: Queryable, accountId: string, offset: number, limit: number): Promise<AccountLogRow[]> {
  const rows = await q.query<{ id: string; at: Date | string; action: string; detail: Record<string, unknown>; ip: string | null }>(
    'SELECT id, at, action, detail, ip FROM account_log WHERE account_id = $1 ORDER BY at DESC, id LIMIT $2 OFFSET $3',
    [accountId, limit + 1, offset]);
  return rows.map((r) => ({ id: r.id, at: toDate(r.at), action: r.action, detail: r.detail, ip: r.ip }));
}
