/**
 * What test/auth does not already prove about sessions and tokens, on the negotiation
 * routes rather than the account ones: CSRF on every unsafe route, dead credentials
 * (expired, revoked, signed out) refused everywhere and writing nothing, a token kept to
 * its negotiation, no fallback from a bad token to a good cookie, no session fixation, and
 * no secret echoed back or stored in the logs.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allRoutes } from '../../src/server/routes/index.ts';
import { asSession, bearer, makeApp, negotiationWithAccounts, PASSWORD, sessionFor, sessionSetCookie, signIn, type Session, type TestNegotiation } from '../auth/support.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { headSeq } from '../helpers/seats.ts';

describe.each(backends)('sessions and tokens on the negotiation routes on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let n: TestNegotiation;
  let principal: Session;
  let pointId: string;

  beforeEach(async () => {
    t = await freshDatabase(backend);
    app = await makeApp(t.db);
    n = await negotiationWithAccounts(t.db);
    const mediator = await sessionFor(app, n.mediator.email);
    const added = await app.inject({ method: 'POST', url: `/api/negotiations/${n.negotiationId}/points`, headers: asSession(mediator), payload: { texts: { en: 'A point.' } } });
    expect(added.statusCode, added.body).toBe(201);
    pointId = added.json<{ id: string }>().id;
    principal = await sessionFor(app, n.principalA.email);
  });
  afterEach(async () => {
    await app.close();
    await t.dispose();
  });

  const setPosition = (headers: Record<string, string>, negotiationId = n.negotiationId) => app.inject({
    method: 'POST', url: `/api/negotiations/${negotiationId}/positions`, headers,
    payload: { partyId: n.partyA, pointId, level: 'discuss', reason: randomUUID(), visibility: 'party' },
  });

  async function issue(session: Session, body: Record<string, unknown>): Promise<{ id: string; token: string }> {
    const res = await app.inject({ method: 'POST', url: '/api/account/tokens', headers: asSession(session), payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('every unsafe route refuses a session cookie without its CSRF token, before doing anything', async () => {
    const head = await headSeq(t.db, n.negotiationId);
    const unsafe = allRoutes.filter((r) => r.method !== 'GET');
    expect(unsafe.length).toBeGreaterThan(20);
    for (const r of unsafe) {
      const url = r.url.replace(/:id\b/, n.negotiationId).replace(/:([A-Za-z]+)/g, () => randomUUID());
      for (const headers of [asSession(principal, false), { cookie: principal.cookie, 'x-csrf-token': '' }, { cookie: principal.cookie, 'x-csrf-token': principal.csrf.slice(1) }]) {
        const res = await app.inject({ method: r.method, url, headers, payload: {} });
        expect({ route: `${r.method} ${r.url}`, status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({ route: `${r.method} ${r.url}`, status: 403, code: 'csrf_failed' });
      }
    }
    expect(await headSeq(t.db, n.negotiationId)).toBe(head);
    // The same write with the token goes through.
    expect((await setPosition(asSession(principal))).statusCode).toBe(201);
  });

  it('a signed-out, expired or idle session reads and writes nothing in a negotiation', async () => {
    const read = (headers: Record<string, string>) => app.inject({ method: 'GET', url: `/api/negotiations/${n.negotiationId}/positions`, headers });
    expect((await read({ cookie: principal.cookie })).statusCode).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: asSession(principal) });
    expect(out.statusCode).toBe(204);
    const head = await headSeq(t.db, n.negotiationId);
    expect((await read({ cookie: principal.cookie })).statusCode).toBe(401);
    // Dead session: the request is anonymous, so no CSRF question arises; it is simply not signed in.
    expect((await setPosition(asSession(principal))).statusCode).toBe(401);

    const expiring = await sessionFor(app, n.principalA.email);
    await t.db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL");
    expect((await read({ cookie: expiring.cookie })).statusCode).toBe(401);
    expect((await setPosition(asSession(expiring))).statusCode).toBe(401);

    const idle = await sessionFor(app, n.principalA.email);
    await t.db.query("UPDATE sessions SET last_seen_at = now() - interval '13 hours' WHERE revoked_at IS NULL AND expires_at > now()");
    expect((await read({ cookie: idle.cookie })).statusCode).toBe(401);
    expect((await setPosition(asSession(idle))).statusCode).toBe(401);
    expect(await headSeq(t.db, n.negotiationId)).toBe(head);
  });

  it('an expired or revoked token reads and writes nothing, and is never echoed back', async () => {
    const expiring = await issue(principal, { name: 'soon', scopes: ['read', 'write'], expiresInDays: 1 });
    const revoking = await issue(principal, { name: 'gone', scopes: ['read', 'write'] });
    expect((await setPosition(bearer(expiring.token))).statusCode).toBe(201);
    expect((await setPosition(bearer(revoking.token))).statusCode).toBe(201);
    await t.db.query("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [expiring.id]);
    expect((await app.inject({ method: 'DELETE', url: `/api/account/tokens/${revoking.id}`, headers: asSession(principal) })).statusCode).toBe(204);
    const head = await headSeq(t.db, n.negotiationId);
    for (const token of [expiring.token, revoking.token]) {
      for (const res of [await setPosition(bearer(token)), await app.inject({ method: 'GET', url: `/api/negotiations/${n.negotiationId}`, headers: bearer(token) })]) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ code: 'unauthenticated' });
        expect(res.body).not.toContain(token.slice('parley_'.length));
      }
    }
    expect(await headSeq(t.db, n.negotiationId)).toBe(head);
  });

  it('a token limited to one negotiation cannot reach another one its account belongs to', async () => {
    const second = await negotiationWithAccounts(t.db);
    // The principal of A also holds a seat in the second negotiation.
    const mediator2 = await sessionFor(app, second.mediator.email);
    const invited = await app.inject({ method: 'POST', url: `/api/negotiations/${second.negotiationId}/invitations`, headers: asSession(mediator2), payload: { partyId: second.partyA, role: 'principal', displayName: 'Dual' } });
    const accepted = await app.inject({ method: 'POST', url: '/api/invitations/accept', headers: asSession(principal), payload: { token: invited.json<{ token: string }>().token } });
    expect(accepted.statusCode, accepted.body).toBe(200);

    const limited = await issue(principal, { name: 'first only', scopes: ['read', 'write'], negotiationId: n.negotiationId });
    const listed = await app.inject({ method: 'GET', url: '/api/negotiations', headers: bearer(limited.token) });
    expect(listed.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([n.negotiationId]);
    const head = await headSeq(t.db, second.negotiationId);
    for (const url of ['', '/positions', '/events', '/members', '/invitations']) {
      const res = await app.inject({ method: 'GET', url: `/api/negotiations/${second.negotiationId}${url}`, headers: bearer(limited.token) });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
    }
    const write = await app.inject({
      method: 'POST', url: `/api/negotiations/${second.negotiationId}/positions`, headers: bearer(limited.token),
      payload: { partyId: second.partyA, pointId: randomUUID(), level: 'accept' },
    });
    expect(write.statusCode).toBe(404);
    expect(write.json()).toMatchObject({ code: 'negotiation_not_found' });
    expect(await headSeq(t.db, second.negotiationId)).toBe(head);
    // The session itself reaches both.
    expect((await app.inject({ method: 'GET', url: `/api/negotiations/${second.negotiationId}`, headers: { cookie: principal.cookie } })).statusCode).toBe(200);
  });

  it('a bad bearer token is a 401 even beside a good session cookie: no fallback', async () => {
    const headers = { ...asSession(principal), authorization: `Bearer parley_${'x'.repeat(43)}` };
    expect((await app.inject({ method: 'GET', url: `/api/negotiations/${n.negotiationId}`, headers })).statusCode).toBe(401);
    expect((await setPosition(headers)).statusCode).toBe(401);
  });

  it('the sign-in throttle counts the connection, not an address the client claims in X-Forwarded-For', async () => {
    const attempt = (i: number) => app.inject({
      method: 'POST', url: '/api/auth/sign-in', remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': `198.51.100.${i}` },
      payload: { email: `nobody${i}@test.parley`, password: 'not anyone\'s password' },
    });
    for (let i = 0; i < 10; i++) expect((await attempt(i)).statusCode, `attempt ${i + 1}`).toBe(401);
    expect((await attempt(10)).statusCode).toBe(429);
  });

  it('sign-in never adopts a session secret the client brought (no session fixation)', async () => {
    const planted = 'P'.repeat(43);
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { cookie: `parley_session=${planted}` }, payload: { email: n.negotiatorA.email, password: PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    const issued = /^parley_session=([^;]*)/.exec(sessionSetCookie(res)!)![1]!;
    expect(issued).not.toBe(planted);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `parley_session=${planted}` } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `parley_session=${issued}` } })).statusCode).toBe(200);
  });

  it('no password, token, session secret or CSRF token is stored in the account log or the access log, or echoed in a refusal', async () => {
    const secrets: string[] = [PASSWORD, principal.secret, principal.csrf];
    const token = await issue(principal, { name: 'logged', scopes: ['read', 'write'] });
    secrets.push(token.token);
    expect((await setPosition(bearer(token.token))).statusCode).toBe(201);
    const invitation = await app.inject({ method: 'POST', url: `/api/negotiations/${n.negotiationId}/invitations`, headers: asSession(principal), payload: { partyId: n.partyA, role: 'observer', displayName: 'Observer' } });
    const inviteToken = invitation.json<{ token: string }>().token;
    secrets.push(inviteToken);
    const wrong = 'the wrong password, typed';
    secrets.push(wrong);
    const refused = [
      await signIn(app, n.principalA.email, wrong),
      await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: n.principalA.email, password: wrong, totp: 12 } }),
      await app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: `${inviteToken}x`, account: { email: 'x@test.parley', displayName: 'X', password: wrong } } }),
      await app.inject({ method: 'POST', url: '/api/account/password', headers: asSession(principal), payload: { currentPassword: wrong, newPassword: wrong } }),
      await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(`${token.token}x`) }),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      for (const s of secrets) expect(res.body.includes(s), `${res.body.slice(0, 120)} echoes a secret`).toBe(false);
    }
    const logs = JSON.stringify([
      await t.db.query('SELECT * FROM account_log'),
      await t.db.query('SELECT * FROM access_log'),
    ]);
    expect(logs).toContain('signin');
    for (const s of secrets) expect(logs.includes(s), `a secret (${s.slice(0, 4)}…) is in a log table`).toBe(false);
    expect(logs).not.toContain(token.token.slice('parley_'.length));
    expect(logs).not.toContain(inviteToken.slice('parley_inv_'.length));
  });
});
