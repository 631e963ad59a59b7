import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { asSession, bearer, makeAccount, makeApp, PASSWORD, sessionFor, sessionSetCookie, signIn } from './support.ts';

describe.each(backends)('sessions on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const email = 'ushakov@test.parley';
  beforeEach(async () => {
    t = await freshDatabase(backend);
    app = await makeApp(t.db);
    await makeAccount(t.db, email, { displayName: 'Yuri Ushakov' });
  });
  afterEach(async () => {
    await app.close();
    await t.dispose();
  });

  describe('sign-in', () => {
    it('answers the account and a CSRF token, and sets an HttpOnly, SameSite=Strict session cookie for /', async () => {
      const res = await signIn(app, 'Ushakov@Test.Parley');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ account: Record<string, unknown>; csrfToken: string; expiresAt: string }>();
      expect(body.account).toMatchObject({ email, displayName: 'Yuri Ushakov', isAdmin: false, totpEnabled: false });
      expect(Object.keys(body.account).sort()).toEqual(['createdAt', 'displayName', 'email', 'id', 'isAdmin', 'totpEnabled']);
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const cookie = sessionSetCookie(res)!;
      expect(cookie).toMatch(/^parley_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).not.toMatch(/; Secure/);
      expect(new Date(/Expires=([^;]+)/.exec(cookie)![1]!).getTime()).toBe(Math.floor(Date.parse(body.expiresAt) / 1000) * 1000);
    });

    it('marks the cookie Secure when the server is configured for it, or the request came over https', async () => {
      const secureApp = await makeApp(t.db, { secureCookies: true });
      try {
        expect(sessionSetCookie(await signIn(secureApp, email))).toMatch(/; Secure/);
      } finally {
        await secureApp.close();
      }
      // X-Forwarded-Proto counts only from a proxy the server was told to trust.
      const proxied = await makeApp(t.db, { trustProxy: 'loopback' });
      try {
        const viaProxy = await proxied.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'x-forwarded-proto': 'https' }, payload: { email, password: PASSWORD } });
        expect(sessionSetCookie(viaProxy)).toMatch(/; Secure/);
      } finally {
        await proxied.close();
      }
      const spoofed = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'x-forwarded-proto': 'https' }, payload: { email, password: PASSWORD } });
      expect(sessionSetCookie(spoofed)).not.toMatch(/; Secure/);
    });

    it('stores only the SHA-256 of the session secret', async () => {
      const s = await sessionFor(app, email);
      const rows = await t.db.query<{ id: string }>('SELECT id FROM sessions');
      expect(rows).toHaveLength(1);
      expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(rows)).not.toContain(s.secret);
    });

    it('refuses a wrong password and an unknown email alike (401, same words)', async () => {
      const wrong = await signIn(app, email, 'not the password at all');
      const unknown = await signIn(app, 'nobody@test.parley', PASSWORD);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ code: 'unauthenticated' });
      expect(wrong.json<{ detail: string }>().detail).toBe(unknown.json<{ detail: string }>().detail);
      expect(sessionSetCookie(wrong)).toBeNull();
    });

    it('signing in again from a signed-in browser replaces its session', async () => {
      const first = await sessionFor(app, email);
      const again = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: asSession(first), payload: { email, password: PASSWORD } });
      expect(again.statusCode).toBe(200);
      expect(sessionSetCookie(again)).not.toContain(first.secret);
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first.cookie } })).statusCode).toBe(401);
    });

    it('refuses a malformed body as invalid input', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_input' });
    });

    it('writes sign-ins and failures to the account log, which the account can read', async () => {
      await signIn(app, email, 'wrong password here');
      const s = await sessionFor(app, email);
      const log = await app.inject({ method: 'GET', url: '/api/account/log', headers: asSession(s) });
      expect(log.statusCode).toBe(200);
      const actions = log.json<{ items: { action: string }[] }>().items.map((i) => i.action);
      expect(actions).toEqual(expect.arrayContaining(['signin', 'signin.failed', 'account.created']));
    });
  });

  describe('the session', () => {
    it('authenticates GET /api/auth/me, which gives the CSRF token back', async () => {
      const s = await sessionFor(app, email);
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ account: { email }, via: 'session', scopes: ['read', 'write', 'admin'], negotiationId: null, csrfToken: s.csrf });
    });

    it('without a cookie, or with a forged one, the caller is anonymous (401) and a bad cookie is cleared', async () => {
      expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
      const forged = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `parley_session=${'A'.repeat(43)}` } });
      expect(forged.statusCode).toBe(401);
      expect(forged.json()).toMatchObject({ code: 'unauthenticated' });
      expect(sessionSetCookie(forged)).toMatch(/^parley_session=;.*Expires=Thu, 01 Jan 1970/);
    });

    it('ends after 12 hours idle and 7 days in all', async () => {
      const idle = await sessionFor(app, email);
      await t.db.query("UPDATE sessions SET last_seen_at = now() - interval '13 hours'");
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: idle.cookie } })).statusCode).toBe(401);
      const old = await sessionFor(app, email);
      await t.db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL");
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: old.cookie } })).statusCode).toBe(401);
    });
  });

  describe('CSRF', () => {
    it('a cookie-authenticated write without the X-CSRF-Token header is refused (403 csrf_failed)', async () => {
      const s = await sessionFor(app, email);
      const write = { method: 'POST' as const, url: '/api/account/totp/setup' };
      const none = await app.inject({ ...write, headers: asSession(s, false) });
      expect(none.statusCode).toBe(403);
      expect(none.json()).toMatchObject({ code: 'csrf_failed' });
      const wrong = await app.inject({ ...write, headers: { cookie: s.cookie, 'x-csrf-token': 'B'.repeat(43) } });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json()).toMatchObject({ code: 'csrf_failed' });
      const other = await sessionFor(app, email);
      const crossed = await app.inject({ ...write, headers: { cookie: s.cookie, 'x-csrf-token': other.csrf } });
      expect(crossed.statusCode, "another session's token").toBe(403);
      const right = await app.inject({ ...write, headers: asSession(s) });
      expect(right.statusCode).toBe(200);
    });

    it('applies to every unsafe method, sign-out included, and not to reads', async () => {
      const s = await sessionFor(app, email);
      expect((await app.inject({ method: 'DELETE', url: `/api/account/tokens/${crypto.randomUUID()}`, headers: asSession(s, false) })).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: asSession(s, false) })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/api/account/tokens', headers: asSession(s, false) })).statusCode).toBe(200);
    });

    it('bearer-token requests need no CSRF token', async () => {
      const s = await sessionFor(app, email);
      const issued = await app.inject({ method: 'POST', url: '/api/account/tokens', headers: asSession(s), payload: { name: 'ci', scopes: ['write'] } });
      expect(issued.statusCode, issued.body).toBe(201);
      const token = issued.json<{ token: string; id: string }>();
      const other = await app.inject({ method: 'POST', url: '/api/account/tokens', headers: asSession(s), payload: { name: 'other', scopes: ['read'] } });
      const res = await app.inject({ method: 'DELETE', url: `/api/account/tokens/${other.json<{ id: string }>().id}`, headers: bearer(token.token) });
      expect(res.statusCode, res.body).toBe(204);
    });
  });

  describe('signing out', () => {
    it('sign-out ends this session and clears the cookie', async () => {
      const s = await sessionFor(app, email);
      const out = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: asSession(s) });
      expect(out.statusCode).toBe(204);
      expect(sessionSetCookie(out)).toMatch(/^parley_session=;/);
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    });

    it('sign-out-everywhere ends every session; tokens stay unless asked', async () => {
      const a = await sessionFor(app, email);
      const b = await sessionFor(app, email);
      const token = (await app.inject({ method: 'POST', url: '/api/account/tokens', headers: asSession(a), payload: { name: 'script', scopes: ['read'] } })).json<{ token: string }>().token;
      const out = await app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: asSession(a) });
      expect(out.statusCode, out.body).toBe(200);
      expect(out.json()).toEqual({ sessionsRevoked: 2, tokensRevoked: 0 });
      for (const s of [a, b]) expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);

      const c = await sessionFor(app, email);
      const all = await app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: asSession(c), payload: { includeTokens: true } });
      expect(all.json()).toEqual({ sessionsRevoked: 1, tokensRevoked: 1 });
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
    });

    it('sign-out-everywhere is refused to an API token', async () => {
      const s = await sessionFor(app, email);
      const token = (await app.inject({ method: 'POST', url: '/api/account/tokens', headers: asSession(s), payload: { name: 'w', scopes: ['write'] } })).json<{ token: string }>().token;
      const res = await app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: bearer(token) });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'action_denied' });
    });
  });

  describe('password change', () => {
    const next = 'a much better passphrase';

    it('needs the current password and a policy-compliant new one', async () => {
      const s = await sessionFor(app, email);
      const wrong = await app.inject({ method: 'POST', url: '/api/account/password', headers: asSession(s), payload: { currentPassword: 'not my password!', newPassword: next } });
      expect(wrong.statusCode).toBe(403);
      const short = await app.inject({ method: 'POST', url: '/api/account/password', headers: asSession(s), payload: { currentPassword: PASSWORD, newPassword: 'short' } });
      expect(short.statusCode).toBe(400);
      expect(short.json()).toMatchObject({ code: 'invalid_input' });
      const same = await app.inject({ method: 'POST', url: '/api/account/password', headers: asSession(s), payload: { currentPassword: PASSWORD, newPassword: email } });
      expect(same.json<{ detail: string }>().detail).toMatch(/email/);
    });

    it('ends the other sessions, keeps this one, and swaps which password works', async () => {
      const mine = await sessionFor(app, email);
      const elsewhere = await sessionFor(app, email);
      const res = await app.inject({ method: 'POST', url: '/api/account/password', headers: asSession(mine), payload: { currentPassword: PASSWORD, newPassword: next } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ sessionsRevoked: 1 });
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: mine.cookie } })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: elsewhere.cookie } })).statusCode).toBe(401);
      expect((await signIn(app, email, PASSWORD)).statusCode).toBe(401);
      expect((await signIn(app, email, next)).statusCode).toBe(200);
    });
  });
});
