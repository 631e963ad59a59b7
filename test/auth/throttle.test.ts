import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { makeAccount, makeApp, PASSWORD, signIn } from './support.ts';

describe.each(backends)('sign-in throttle and lockout on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const email = 'witkoff@test.parley';
  beforeEach(async () => {
    t = await freshDatabase(backend);
    app = await makeApp(t.db);
    await makeAccount(t.db, email);
  });
  afterEach(async () => {
    await app.close();
    await t.dispose();
  });

  it('allows 10 attempts per address in 5 minutes, then answers 429 rate_limited with Retry-After', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await signIn(app, `nobody${i}@test.parley`, 'whatever password', { ip: '203.0.113.7' });
      expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await signIn(app, email, PASSWORD, { ip: '203.0.113.7' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    // Another address is not held back, and the window ending lets the first one in again.
    expect((await signIn(app, email, PASSWORD, { ip: '203.0.113.8' })).statusCode).toBe(200);
    await t.db.query("UPDATE rate_limits SET window_start = window_start - interval '5 minutes'");
    expect((await signIn(app, email, PASSWORD, { ip: '203.0.113.7' })).statusCode).toBe(200);
  });

  it('counts attempts in the database, so every server on it shares the limit', async () => {
    const other = await makeApp(t.db);
    try {
      for (let i = 0; i < 5; i++) await signIn(app, 'nobody@test.parley', 'whatever password', { ip: '198.51.100.1' });
      for (let i = 0; i < 5; i++) await signIn(other, 'nobody@test.parley', 'whatever password', { ip: '198.51.100.1' });
      expect((await signIn(other, email, PASSWORD, { ip: '198.51.100.1' })).statusCode).toBe(429);
      expect((await signIn(app, email, PASSWORD, { ip: '198.51.100.1' })).statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('locks an account for 15 minutes after 5 consecutive failures (423 account_locked), even for the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(app, email, `wrong password ${i}`)).statusCode).toBe(401);
    const locked = await signIn(app, email, PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'account_locked' });
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const [row] = await t.db.query<{ locked_until: Date }>('SELECT locked_until FROM accounts WHERE lower(email) = $1', [email]);
    expect(row!.locked_until.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    // The lock and its cause are in the account's log.
    const log = await t.db.query<{ action: string }>("SELECT action FROM account_log WHERE action IN ('signin.failed', 'account.locked')");
    expect(log.filter((l) => l.action === 'signin.failed')).toHaveLength(5);
    expect(log.filter((l) => l.action === 'account.locked')).toHaveLength(1);
    // Once the lock has run out, the right password works again.
    await t.db.query("UPDATE accounts SET locked_until = now() - interval '1 second'");
    expect((await signIn(app, email, PASSWORD)).statusCode).toBe(200);
  });

  it('a success resets the count: failures must be consecutive', async () => {
    for (let i = 0; i < 4; i++) await signIn(app, email, 'wrong password again');
    expect((await signIn(app, email, PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await signIn(app, email, 'wrong password again');
    expect((await signIn(app, email, PASSWORD)).statusCode).toBe(200);
  });

  it('locks one account without touching another', async () => {
    await makeAccount(t.db, 'rubio@test.parley');
    for (let i = 0; i < 5; i++) await signIn(app, email, 'wrong password again', { ip: `192.0.2.${i}` });
    expect((await signIn(app, email, PASSWORD, { ip: '192.0.2.50' })).statusCode).toBe(423);
    expect((await signIn(app, 'rubio@test.parley', PASSWORD, { ip: '192.0.2.50' })).statusCode).toBe(200);
  });
});
