/**
 * Accounts, sessions and API tokens for integration tests, written straight into the
 * tables of 0002_accounts.sql the way the accounts store writes them: secrets are 32
 * random bytes in base64url (tokens prefixed `parley_`), and only their SHA-256 is stored
 * (a session's row id, a token's token_hash).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Auth, Scope } from '../../src/server/auth/request-auth.ts';
import type { Database } from '../../src/store/database.ts';

export const SESSION_COOKIE = 'parley_session';

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

function cookieValue(request: FastifyRequest, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

/**
 * Stands in for the session and bearer-token resolution of src/server/auth/auth.plugin.ts
 * while that plugin does not fill `request.auth` yet: the same rows, the same rules (not
 * revoked, not expired). It steps aside whenever the plugin has authenticated the request,
 * so it can stay installed once the plugin lands.
 */
export function installTestAuth(app: FastifyInstance, db: Database): void {
  app.addHook('onRequest', async (request) => {
    if (request.auth) return;
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null;
    if (bearer) {
      const rows = await db.query<{ id: string; account_id: string; scopes: Scope[]; negotiation_id: string | null; is_admin: boolean }>(
        `SELECT t.id, t.account_id, t.scopes, t.negotiation_id, a.is_admin FROM api_tokens t JOIN accounts a ON a.id = t.account_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`, [sha256(bearer)]);
      const t = rows[0];
      if (t) {
        const auth: Auth = { accountId: t.account_id, isAdmin: t.is_admin, via: 'token', sessionId: null, tokenId: t.id, scopes: t.scopes, negotiationId: t.negotiation_id };
        request.auth = auth;
      }
      return;
    }
    const cookie = cookieValue(request, SESSION_COOKIE);
    if (cookie) {
      const rows = await db.query<{ id: string; account_id: string; is_admin: boolean }>(
        `SELECT s.id, s.account_id, a.is_admin FROM sessions s JOIN accounts a ON a.id = s.account_id
         WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`, [sha256(cookie)]);
      const s = rows[0];
      if (s) request.auth = { accountId: s.account_id, isAdmin: s.is_admin, via: 'session', sessionId: s.id, tokenId: null, scopes: ['read', 'write', 'admin'], negotiationId: null };
    }
  });
}
