import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { asSession, bearer, makeAccount, makeApp, negotiationWithAccounts, sessionFor, type Session, type TestNegotiation } from './support.ts';

describe.each(backends)('API tokens on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let n: TestNegotiation;
  let s: Session;
  beforeEach(async () => {
    t = await freshDatabase(backend);
    app = await makeApp(t.db);
    n = await negotiationWithAccounts(t.db);
    s = await sessionFor(app, n.mediator.email);
  });
  afterEach(async () => {
    await app.close();
    await t.dispose();
  });

  async function issue(body: Record<string, unknown>, session = s): Promise<{ id: string; token: string; scopes: string[]; expiresAt: string | null }> {
    const res = await app.inject({ method: 'POST', url: '/api/account/tokens', headers: asSession(session), payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  const invite = (headers: Record<string, string>) => app.inject({
    method: 'POST', url: `/api/negotiations/${n.negotiationId}/invitations`, headers,
    payload: { partyId: n.partyA, role: 'observer', displayName: 'Observer A' },
  });

  it('is shown once, stored as a hash, listed without its secret', async () => {
    const issued = await issue({ name: 'ci', scopes: ['read'], expiresInDays: 30 });
    expect(issued.token).toMatch(/^parley_[A-Za-z0-9_-]{43}$/);
    expect(issued.scopes).toEqual(['read']);
    expect(Date.parse(issued.expiresAt!) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const list = await app.inject({ method: 'GET', url: '/api/account/tokens', headers: { cookie: s.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([issued.id]);
    expect(list.body).not.toContain(issued.token);
    expect(list.body).not.toContain(issued.token.slice('parley_'.length));
    const stored = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens');
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('authenticates as Authorization: Bearer, with its scopes', async () => {
    const { token } = await issue({ name: 'reader', scopes: ['read'] });
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ via: 'token', scopes: ['read'], csrfToken: null, account: { id: n.mediator.accountId } });
  });

  it('a read token cannot write (403); a write token can', async () => {
    const reader = await issue({ name: 'reader', scopes: ['read'] });
    const writer = await issue({ name: 'writer', scopes: ['write'] });
    const denied = await invite(bearer(reader.token));
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'action_denied' });
    expect(denied.json<{ detail: string }>().detail).toMatch(/"write" scope/);
    expect((await invite(bearer(writer.token))).statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: `/api/negotiations/${n.negotiationId}/invitations`, headers: bearer(reader.token) })).statusCode).toBe(200);
  });

  it('expired and revoked tokens are refused (401)', async () => {
    const expiring = await issue({ name: 'soon', scopes: ['read'], expiresInDays: 1 });
    const revoking = await issue({ name: 'gone', scopes: ['read'] });
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(expiring.token) })).statusCode).toBe(200);
    await t.db.query("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [expiring.id]);
    const expired = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(expiring.token) });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'unauthenticated' });

    const del = await app.inject({ method: 'DELETE', url: `/api/account/tokens/${revoking.id}`, headers: asSession(s) });
    expect(del.statusCode).toBe(204);
    const revoked = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(revoking.token) });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json<{ detail: string }>().detail).toMatch(/revoked/);
    const listed = (await app.inject({ method: 'GET', url: '/api/account/tokens', headers: { cookie: s.cookie } })).json<{ items: { id: string; revokedAt: string | null }[] }>();
    expect(listed.items.find((i) => i.id === revoking.id)?.revokedAt).not.toBeNull();
  });

  it('an unknown, malformed or non-Bearer credential is a 401, not an anonymous request', async () => {
    for (const authorization of [`Bearer parley_${'x'.repeat(43)}`, 'Bearer nonsense', 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const res = await app.inject({ method: 'GET', url: '/api/health', headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
    }
  });

  it('a token is revoked only by its own account', async () => {
    const mine = await issue({ name: 'mine', scopes: ['read'] });
    const other = await sessionFor(app, n.principalA.email);
    const res = await app.inject({ method: 'DELETE', url: `/api/account/tokens/${mine.id}`, headers: asSession(other) });
    expect(res.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(mine.token) })).statusCode).toBe(200);
  });

  it('cannot mint tokens, and only an administrator may issue the admin scope', async () => {
    const writer = await issue({ name: 'writer', scopes: ['write'] });
    const minted = await app.inject({ method: 'POST', url: '/api/account/tokens', headers: bearer(writer.token), payload: { name: 'more', scopes: ['write'] } });
    expect(minted.statusCode).toBe(403);
    const admin = await app.inject({ method: 'POST', url: '/api/account/tokens', headers: asSession(s), payload: { name: 'adm', scopes: ['admin'] } });
    expect(admin.statusCode).toBe(403);
    await makeAccount(t.db, 'root@test.parley', { isAdmin: true });
    const root = await sessionFor(app, 'root@test.parley');
    expect((await issue({ name: 'adm', scopes: ['admin'] }, root)).scopes).toEqual(['read', 'write', 'admin']);
  });

  it('a token limited to one negotiation sees that one only, and no account settings', async () => {
    const other = await negotiationWithAccounts(t.db);
    const notMine = await app.inject({ method: 'POST', url: '/api/account/tokens', headers: asSession(s), payload: { name: 'x', scopes: ['read'], negotiationId: other.negotiationId } });
    expect(notMine.statusCode, 'not a member of it').toBe(404);
    const limited = await issue({ name: 'one', scopes: ['write'], negotiationId: n.negotiationId });
    expect((await invite(bearer(limited.token))).statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/api/account/tokens', headers: bearer(limited.token) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/account/log', headers: bearer(limited.token) })).statusCode).toBe(403);
  });

  it('records its use: last_used_at, and token.used in the account log at most once a minute', async () => {
    const { id, token } = await issue({ name: 'busy', scopes: ['read'] });
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    const [row] = await t.db.query<{ last_used_at: Date | null }>('SELECT last_used_at FROM api_tokens WHERE id = $1', [id]);
    expect(row!.last_used_at).not.toBeNull();
    const used = async () => (await t.db.query("SELECT 1 FROM account_log WHERE action = 'token.used' AND detail->>'tokenId' = $1", [id])).length;
    expect(await used()).toBe(1);
    await t.db.query("UPDATE api_tokens SET last_used_at = last_used_at - interval '61 seconds' WHERE id = $1", [id]);
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect(await used()).toBe(2);
  });
});
