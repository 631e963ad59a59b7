/** Signing in and out, and who am I. */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { isParleyError, ParleyError } from '../../domain/errors.ts';
import { MeOut, SessionOut, SignInBody, SignOutEverywhereBody, SignOutEverywhereOut, type AccountOut } from '../../protocol/accounts.schema.ts';
import { getAccount, type AccountRow } from '../../store/accounts/accounts.store.ts';
import { appendAccountLog } from '../../store/accounts/account-log.store.ts';
import { signOutEverywhere } from '../../store/accounts/account-settings.ts';
import { findSession, revokeSession } from '../../store/accounts/sessions.store.ts';
import { signIn } from '../../store/accounts/sign-in.ts';
import { clearSessionCookie, clientOf, requireSession, setSessionCookie } from '../auth/session-cookie.ts';
import { defineRoute } from '../route.ts';

const tags = ['auth'];

export function presentAccount(a: AccountRow): AccountOut {
  return { id: a.id, email: a.email, displayName: a.displayName, isAdmin: a.isAdmin, totpEnabled: a.totpEnabled, createdAt: a.createdAt.toISOString() };
}

/** Throttling and lockout answers say when to come back, in the header clients understand. */
export function withRetryAfter(reply: FastifyReply, e: unknown): unknown {
  if (isParleyError(e) && (e.code === 'rate_limited' || e.code === 'account_locked') && typeof e.detail?.retryAfter === 'number') {
    void reply.header('Retry-After', String(e.detail.retryAfter));
  }
  return e;
}

export const authRoutes = [
  defineRoute({
    method: 'POST', url: '/api/auth/sign-in', operationId: 'signIn', summary: 'Sign in with email, password and, when enabled, a TOTP code; sets the session cookie', tags, auth: 'none',
    body: SignInBody, response: SessionOut,
    async handler({ auth, body, deps, request, reply }) {
      const started = await signIn(deps.db, body, clientOf(request)).catch((e: unknown) => { throw withRetryAfter(reply, e); });
      // Signing in again replaces the browser's session rather than leaving the old one open.
      if (auth?.via === 'session' && auth.sessionId) await revokeSession(deps.db, auth.sessionId, new Date());
      setSessionCookie(request, reply, started.secret, started.expiresAt);
      request.log.info({ accountId: started.account.id }, 'signed in');
      return { account: presentAccount(started.account), csrfToken: started.csrfToken, expiresAt: started.expiresAt.toISOString() };
    },
  }),

  defineRoute({
    method: 'POST', url: '/api/auth/sign-out', operationId: 'signOut', summary: 'End this session and clear its cookie', tags, auth: 'none', status: 204,
    response: z.undefined(),
    async handler({ auth, deps, request, reply }) {
      if (auth?.via === 'session' && auth.sessionId) {
        const now = new Date();
        await revokeSession(deps.db, auth.sessionId, now);
        await appendAccountLog(deps.db, { accountId: auth.accountId, action: 'signout', ip: clientOf(request).ip, at: now });
      }
      clearSessionCookie(request, reply);
      return undefined;
    },
  }),

  defineRoute({
    method: 'POST', url: '/api/auth/sign-out-everywhere', operationId: 'signOutEverywhere', summary: 'End every session of the account (and, if asked, revoke its API tokens)', tags, auth: 'write',
    body: SignOutEverywhereBody, response: SignOutEverywhereOut,
    async handler({ auth, body, deps, request, reply }) {
      const a = requireSession(auth!);
      const out = await signOutEverywhere(deps.db, a.accountId, body.includeTokens, clientOf(request));
      clearSessionCookie(request, reply);
      return out;
    },
  }),

  defineRoute({
    method: 'GET', url: '/api/auth/me', operationId: 'me', summary: 'The signed-in account, how it is authenticated, and the CSRF token of a session', tags, auth: 'read',
    response: MeOut,
    async handler({ auth, deps }) {
      const a = auth!;
      const account = await getAccount(deps.db, a.accountId);
      if (!account) throw new ParleyError('unauthenticated', 'Your account no longer exists.');
      const csrfToken = a.sessionId ? (await findSession(deps.db, a.sessionId))?.session.csrfToken ?? null : null;
      return { account: presentAccount(account), via: a.via, scopes: [...a.scopes], negotiationId: a.negotiationId, csrfToken };
    },
  }),
];
