import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TOTP_PERIOD, totpCode } from '../../src/domain/accounts/totp.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { asSession, bearer, makeAccount, makeApp, PASSWORD, sessionFor, signIn, type Session } from './support.ts';

const step = TOTP_PERIOD * 1000;

/** A 6-digit code that is valid for none of the steps around now. */
function wrongCode(secret: string): string {
  const valid = new Set([-1, 0, 1].map((k) => totpCode(secret, Date.now() + k * step)));
  for (let n = 0; ; n++) {
    const c = String(n).padStart(6, '0');
    if (!valid.has(c)) return c;
  }
}

describe.each(backends)('two-factor sign-in on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let s: Session;
  const email = 'kushner@test.parley';
  beforeEach(async () => {
    t = await freshDatabase(backend);
    app = await makeApp(t.db);
    await makeAccount(t.db, email);
    s = await sessionFor(app, email);
  });
  afterEach(async () => {
    await app.close();
    await t.dispose();
  });

  async function enable(): Promise<{ secret: string; enablingCode: string }> {
    const setup = await app.inject({ method: 'POST', url: '/api/account/totp/setup', headers: asSession(s) });
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, otpauthUrl } = setup.json<{ secret: string; otpauthUrl: string }>();
    expect(otpauthUrl).toContain(`secret=${secret}`);
    const enablingCode = totpCode(secret, Date.now());
    const on = await app.inject({ method: 'POST', url: '/api/account/totp/enable', headers: asSession(s), payload: { code: enablingCode } });
    expect(on.statusCode, on.body).toBe(200);
    return { secret, enablingCode };
  }

  it('is not in force until a code from the new secret is shown', async () => {
    const setup = await app.inject({ method: 'POST', url: '/api/account/totp/setup', headers: asSession(s) });
    const { secret } = setup.json<{ secret: string }>();
    expect((await signIn(app, email)).statusCode, 'set up but not enabled').toBe(200);
    const bad = await app.inject({ method: 'POST', url: '/api/account/totp/enable', headers: asSession(s), payload: { code: wrongCode(secret) } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_input' });
  });

  it('once on, sign-in needs the code: 401 totp_required without it, 401 with a wrong one', async () => {
    const { secret } = await enable();
    const missing = await signIn(app, email);
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ code: 'totp_required' });
    const wrong = await signIn(app, email, PASSWORD, { totp: wrongCode(secret) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'unauthenticated' });
    // A wrong password is refused before any code is asked for.
    expect((await signIn(app, email, 'not the password!')).json()).toMatchObject({ code: 'unauthenticated' });
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.json()).toMatchObject({ account: { totpEnabled: true } });
  });

  it('accepts a code once: the same code again is refused, and so is the code that enabled it', async () => {
    const { secret, enablingCode } = await enable();
    // Enabling used up that code's step, so it cannot also sign in.
    expect((await signIn(app, email, PASSWORD, { totp: enablingCode })).statusCode).toBe(401);
    // The next step's code (accepted one step early, for clock drift) works once.
    const code = totpCode(secret, Date.now() + step);
    const first = await signIn(app, email, PASSWORD, { totp: code });
    expect(first.statusCode, first.body).toBe(200);
    const again = await signIn(app, email, PASSWORD, { totp: code });
    expect(again.statusCode).toBe(401);
    expect(again.json<{ detail: string }>().detail).toMatch(/already used/);
  });

  it('turning it off needs the password and a current code', async () => {
    const { secret } = await enable();
    const next = totpCode(secret, Date.now() + step);
    const noPassword = await app.inject({ method: 'POST', url: '/api/account/totp/disable', headers: asSession(s), payload: { password: 'not the password!', code: next } });
    expect(noPassword.statusCode).toBe(403);
    const off = await app.inject({ method: 'POST', url: '/api/account/totp/disable', headers: asSession(s), payload: { password: PASSWORD, code: next } });
    expect(off.statusCode, off.body).toBe(200);
    expect((await signIn(app, email)).statusCode).toBe(200);
    const log = await t.db.query<{ action: string }>("SELECT action FROM account_log WHERE action LIKE 'totp.%' ORDER BY at");
    expect(log.map((l) => l.action)).toEqual(['totp.enabled', 'totp.disabled']);
  });

  it('is managed from a session only, not with an API token', async () => {
    const token = (await app.inject({ method: 'POST', url: '/api/account/tokens', headers: asSession(s), payload: { name: 'w', scopes: ['write'] } })).json<{ token: string }>().token;
    const res = await app.inject({ method: 'POST', url: '/api/account/totp/setup', headers: bearer(token) });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'action_denied' });
  });
});
