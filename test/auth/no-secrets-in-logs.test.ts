/**
 * Passwords, tokens, session secrets, CSRF tokens, TOTP secrets and invitation links must
 * never reach the server log. The app logs to a captured stream at the most verbose level
 * while every flow that handles a secret runs, successful or not; then no secret may
 * appear in what was written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { totpCode } from '../../src/domain/accounts/totp.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { asSession, bearer, makeApp, negotiationWithAccounts, PASSWORD, sessionFor, signIn } from './support.ts';

describe.each(backends)('secrets in logs on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let log: string[];
  beforeEach(async () => {
    t = await freshDatabase(backend);
    log = [];
    app = await makeApp(t.db, { logger: { stream: { write: (line: string) => { log.push(line); } }, level: 'trace' } });
  });
  afterEach(async () => {
    await app.close();
    await t.dispose();
  });

  it('no password, token or secret appears in the log of any flow', async () => {
    const n = await negotiationWithAccounts(t.db);
    const secrets: string[] = [PASSWORD];
    const wrongPassword = 'a wrong password to be refused';
    secrets.push(wrongPassword);
    await signIn(app, n.mediator.email, wrongPassword);
    await signIn(app, 'nobody@test.parley', wrongPassword);

    const s = await sessionFor(app, n.mediator.email);
    secrets.push(s.secret, s.csrf);
    await app.inject({ method: 'POST', url: '/api/account/totp/setup', headers: asSession(s, false) });

    const issued = (await app.inject({ method: 'POST', url: '/api/account/tokens', headers: asSession(s), payload: { name: 'ci', scopes: ['write'] } })).json<{ token: string }>();
    secrets.push(issued.token);
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(issued.token) });
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(`${issued.token.slice(0, -1)}x`) });

    const inv = (await app.inject({
      method: 'POST', url: `/api/negotiations/${n.negotiationId}/invitations`, headers: bearer(issued.token),
      payload: { partyId: n.partyA, role: 'observer', displayName: 'Observer' },
    })).json<{ token: string }>();
    secrets.push(inv.token);
    const newcomerPassword = 'newcomer password 2025';
    secrets.push(newcomerPassword);
    const accepted = await app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: inv.token, account: { email: 'newcomer@test.parley', displayName: 'N', password: newcomerPassword } } });
    expect(accepted.statusCode).toBe(200);
    const newcomerCsrf = accepted.json<{ csrfToken: string }>().csrfToken;
    secrets.push(newcomerCsrf);
    await app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: inv.token, account: { email: 'late@test.parley', displayName: 'L', password: newcomerPassword } } });

    const principal = await sessionFor(app, n.principalA.email);
    secrets.push(principal.secret, principal.csrf);
    const setup = (await app.inject({ method: 'POST', url: '/api/account/totp/setup', headers: asSession(principal) })).json<{ secret: string }>();
    secrets.push(setup.secret);
    const code = totpCode(setup.secret, Date.now());
    await app.inject({ method: 'POST', url: '/api/account/totp/enable', headers: asSession(principal), payload: { code } });
    const nextCode = totpCode(setup.secret, Date.now() + 30_000);
    await signIn(app, n.principalA.email, PASSWORD, { totp: nextCode });
    await signIn(app, n.principalA.email, PASSWORD, { totp: nextCode });

    const newPassword = 'a brand new passphrase';
    secrets.push(newPassword);
    await app.inject({ method: 'POST', url: '/api/account/password', headers: asSession(s), payload: { currentPassword: 'wrong current password', newPassword } });
    await app.inject({ method: 'POST', url: '/api/account/password', headers: asSession(s), payload: { currentPassword: PASSWORD, newPassword } });

    const text = log.join('');
    // The log did record the traffic: each of the 17 requests above, and the sign-ins.
    expect(text).toContain('/api/auth/sign-in');
    expect(text).toContain('signed in');
    expect(log.filter((l) => l.includes('incoming request')).length).toBe(17);
    expect(text).toContain('request completed');
    for (const secret of secrets) {
      expect(text.includes(secret), `a secret (${secret.slice(0, 4)}…) is in the log`).toBe(false);
    }
    // The part of a token after its prefix is just as secret.
    expect(text).not.toContain(issued.token.slice('parley_'.length));
    expect(text).not.toContain(inv.token.slice('parley_inv_'.length));
    expect(text).not.toMatch(/parley_session=[A-Za-z0-9_-]{20}/);
  });
});
