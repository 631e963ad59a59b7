/** API tokens: stored as the SHA-256 of the token; the token itself is shown once, at issue. */
import type { Scope } from '../../domain/accounts/scopes.ts';
import type { Queryable } from '../database.ts';
import { ACCOUNT_COLUMNS, toAccount, type AccountRow } from './accounts.store.ts';
import { appendAccountLog } from './account-log.store.ts';
import { toDate, toDateOrNull } from './rows.ts';

export interface TokenRow {
  id: string;
  accountId: string;
  name: string;
  scopes: Scope[];
  negotiationId: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

interface Raw {
  id: string; account_id: string; name: string; scopes: Scope[] | string; negotiation_id: string | null; created_at: Date | string;
  expires_at: Date | string | null; revoked_at: Date | string | null; last_used_at: Date | string | null;
}

const TOKEN_COLUMNS = 'id, account_id, name, scopes, negotiation_id, created_at, expires_at, revoked_at, last_used_at';

function toToken(r: Raw): TokenRow {
  return {
    id: r.id, accountId: r.account_id, name: r.name, scopes: typeof r.scopes === 'string' ? JSON.parse(r.scopes) as Scope[] : r.scopes,
    negotiationId: r.negotiation_id, createdAt: toDate(r.created_at), expiresAt: toDateOrNull(r.expires_at),
    revokedAt: toDateOrNull(r.revoked_at), lastUsedAt: toDateOrNull(r.last_used_at),
  };
}

export interface NewToken { id: string; accountId: string; name: string; tokenHash: string; scopes: readonly Scope[]; negotiationId: string | null; now: Date; expiresAt: Date | null }

export async function insertToken(q: Queryable, t: NewToken): Promise<TokenRow> {
  const rows = await q.query<Raw>(
    `INSERT INTO api_tokens (id, account_id, name, token_hash, scopes, negotiation_id, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) RETURNING ${TOKEN_COLUMNS}`,
    [t.id, t.accountId, t.name, t.tokenHash, JSON.stringify(t.scopes), t.negotiationId, t.now, t.expiresAt]);
  return toToken(rows[0]!);
}

/** An account's tokens, newest first, revoked ones included (they show when they were revoked). */
export async function listTokens(q: Queryable, accountId: string): Promise<TokenRow[]> {
  const rows = await q.query<Raw>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE account_id = $1 ORDER BY created_at DESC, id`, [accountId]);
  return rows.map(toToken);
}

/** Revokes one of the account's own tokens; false when it has no such token. Revoking twice is fine. */
export async function revokeToken(q: Queryable, accountId: string, tokenId: string, now: Date): Promise<TokenRow | null> {
  const rows = await q.query<Raw>(
    `UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $3) WHERE account_id = $1 AND id = $2 RETURNING ${TOKEN_COLUMNS}`,
    [accountId, tokenId, now]);
  return rows[0] ? toToken(rows[0]) : null;
}

export async function revokeAllTokens(q: Queryable, accountId: string, now: Date): Promise<number> {
  const rows = await q.query('UPDATE api_tokens SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL RETURNING id', [accountId, now]);
  return rows.length;
}

/** The token with this hash and its account, whatever its state; the caller decides if it is live. */
export async function findTokenByHash(q: Queryable, tokenHash: string): Promise<{ token: TokenRow; account: AccountRow } | null> {
  const cols = ACCOUNT_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ');
  const rows = await q.query<Parameters<typeof toAccount>[0] & {
    t_id: string; t_name: string; t_scopes: Scope[] | string; t_neg: string | null; t_created: Date | string;
    t_expires: Date | string | null; t_revoked: Date | string | null; t_used: Date | string | null;
  }>(
    `SELECT t.id AS t_id, t.name AS t_name, t.scopes AS t_scopes, t.negotiation_id AS t_neg, t.created_at AS t_created,
            t.expires_at AS t_expires, t.revoked_at AS t_revoked, t.last_used_at AS t_used, ${cols}
     FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = $1`, [tokenHash]);
  const r = rows[0];
  if (!r) return null;
  return {
    token: toToken({ id: r.t_id, account_id: r.id, name: r.t_name, scopes: r.t_scopes, negotiation_id: r.t_neg, created_at: r.t_created, expires_at: r.t_expires, revoked_at: r.t_revoked, last_used_at: r.t_used }),
    account: toAccount(r),
  };
}

/**
 * Records that a token was used: last_used_at and a 'token.used' line in the account log,
 * at most once per `everyMs` per token. The condition is in the UPDATE, so however many
 * servers see the token at once, one of them writes the log line.
 */
export async function noteTokenUse(q: Queryable, token: TokenRow, now: Date, everyMs: number, ip: string | null): Promise<boolean> {
  const rows = await q.query(
    'UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $3) RETURNING id',
    [token.id, now, new Date(now.getTime() - everyMs)]);
  if (rows.length === 0) return false;
  await appendAccountLog(q, { accountId: token.accountId, action: 'token.used', detail: { tokenId: token.id, name: token.name }, ip, at: now });
  return true;
}
