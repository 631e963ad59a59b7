/**
 * Accounts, sessions and API tokens for integration tests, written straight into the
 * tables of 0002_accounts.sql the way the accounts store writes them: secrets are 32
 * random bytes in base64url (tokens prefixed `parley_`), and only their SHA-256 is stored
 * (a session's row id, a token's token_hash). The real auth plugin then authenticates
 * them like any other: no sign-in (argon2) per test.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Scope } from '../../src/server/auth/request-auth.ts';
import { SESSION_COOKIE } from '../../src/server/auth/session-cookie.ts';
import type { Database } from '../../src/store/database.ts';

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const secret = (): string => randomBytes(32).toString('base64url');

export async function addAccount(db: Database, displayName: string): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await db.query(
    `INSERT INTO accounts (id, email, display_name, password_hash, created_at, password_changed_at)
     VALUES ($1, $2, $3, 'not-a-password-hash', $4, $4)`,
    [id, `${id}@example.test`, displayName, now]);
  return id;
}

export interface IssuedToken { token: string; tokenId: string }

export async function issueToken(
  db: Database, accountId: string, options: { scopes?: readonly Scope[]; negotiationId?: string | null } = {},
): Promise<IssuedToken> {
  const token = `parley_${secret()}`;
  const tokenId = randomUUID();
  await db.query(
    `INSERT INTO api_tokens (id, account_id, name, token_hash, scopes, negotiation_id, created_at)
     VALUES ($1, $2, 'test', $3, $4::jsonb, $5, $6)`,
    [tokenId, accountId, sha256(token), JSON.stringify(options.scopes ?? ['read', 'write']), options.negotiationId ?? null, new Date()]);
  return { token, tokenId };
}

export async function revokeToken(db: Database, tokenId: string): Promise<void> {
  await db.query('UPDATE api_tokens SET revoked_at = $2 WHERE id = $1', [tokenId, new Date()]);
}

export interface OpenedSession { secret: string; sessionId: string; cookie: string }

export async function openSession(db: Database, accountId: string): Promise<OpenedSession> {
  const s = secret();
  const now = new Date();
  await db.query(
    `INSERT INTO sessions (id, account_id, csrf_token, created_at, expires_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $4)`,
    [sha256(s), accountId, secret(), now, new Date(now.getTime() + 86_400_000)]);
  return { secret: s, sessionId: sha256(s), cookie: `${SESSION_COOKIE}=${s}` };
}

export async function revokeSession(db: Database, sessionId: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = $2 WHERE id = $1', [sessionId, new Date()]);
}
