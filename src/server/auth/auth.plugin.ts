/**
 * Establishes `request.auth` for every request, before any route runs: from a bearer API
 * token (`Authorization: Bearer parley_...`) or from the session cookie. Routes never read
 * cookies or the Authorization header themselves; they declare a scope (route.ts).
 *
 * CSRF. A browser attaches the session cookie to any request to this origin, including one
 * a hostile page makes it send. So every cookie-authenticated request that may change
 * something (any method but GET, HEAD, OPTIONS) must also carry the header X-CSRF-Token
 * equal to the session's CSRF token, which the page received at sign-in (or from
 * GET /api/auth/me) and another origin cannot read. The check is hand-written because the
 * session already lives in our database with its CSRF token beside it: comparing one
 * header with one column needs no extra cookie, no signing key and no library. SameSite=
 * Strict on the cookie is a second, independent defence.
 *
 * Bearer-token requests are exempt: a browser never adds an Authorization header by
 * itself, so a request carrying one was built deliberately by its holder.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { allScopes } from '../../domain/accounts/scopes.ts';
import { secretsEqual } from '../../domain/accounts/secrets.ts';
import { ParleyError } from '../../domain/errors.ts';
import { sessionFromSecret, tokenFromBearer } from '../../store/accounts/sign-in.ts';
import type { Database } from '../../store/database.ts';
import { clearSessionCookie, clientOf, CSRF_HEADER, SESSION_COOKIE } from './session-cookie.ts';

export interface AuthPluginOptions { db: Database; secureCookies: boolean }

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(request: FastifyRequest): boolean {
  return SAFE_METHODS.has(request.method);
}

export const authPlugin = fp((app: FastifyInstance, opts: AuthPluginOptions, done: () => void) => {
  app.decorateRequest('auth', null);
  app.decorate('parleySecureCookies', opts.secureCookies);

  app.addHook('onRequest', async (request, reply) => {
    const now = new Date();
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const bearer = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
      if (!bearer) throw new ParleyError('unauthenticated', 'Send an API token as "Authorization: Bearer <token>"; no other scheme is accepted.');
      const { token, account } = await tokenFromBearer(opts.db, bearer, clientOf(request), now);
      request.auth = {
        accountId: account.id, isAdmin: account.isAdmin, via: 'token', sessionId: null, tokenId: token.id,
        scopes: token.scopes, negotiationId: token.negotiationId,
      };
      return;
    }

    const secret = request.cookies[SESSION_COOKIE];
    if (!secret) return;
    const found = await sessionFromSecret(opts.db, secret, now);
    if (!found) {
      // Expired, revoked or forged: forget it, and carry on as anonymous (sign-in still works).
      clearSessionCookie(request, reply);
      return;
    }
    if (!isSafeMethod(request)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !secretsEqual(sent, found.session.csrfToken)) {
        throw new ParleyError('csrf_failed', 'This request needs the X-CSRF-Token header from sign-in (GET /api/auth/me returns it again); reload the page and retry.');
      }
    }
    request.auth = {
      accountId: found.account.id, isAdmin: found.account.isAdmin, via: 'session', sessionId: found.session.id, tokenId: null,
      scopes: allScopes, negotiationId: null,
    };
  });
  done();
});
