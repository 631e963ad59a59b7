/**
 * The session cookie: the random secret of one session, nothing else. HttpOnly (scripts
 * never see it), SameSite=Strict (no other site's page sends it), Path=/, and Secure when
 * the server is configured for TLS or the request came over https.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ParleyError } from '../../domain/errors.ts';
import type { Auth } from './request-auth.ts';

export const SESSION_COOKIE = 'parley_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by the auth plugin from AppOptions.secureCookies. */
    parleySecureCookies: boolean;
  }
}

function secure(request: FastifyRequest): boolean {
  return request.server.parleySecureCookies || request.protocol === 'https';
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, secret: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'strict', path: '/', secure: secure(request), expires: expiresAt });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: secure(request) });
}

/** Who is on the other end, for the account log and the throttle. Never a header value beyond these two. */
export function clientOf(request: FastifyRequest): { ip: string | null; userAgent: string | null } {
  const ua = request.headers['user-agent'];
  return { ip: request.ip || null, userAgent: typeof ua === 'string' ? ua : null };
}

/**
 * Account settings (password, second factor, tokens, signing out everywhere) are changed
 * from a signed-in session, never with an API token: a token that could mint tokens or
 * change the password would be the whole account.
 */
export function requireSession(auth: Auth): Auth & { sessionId: string } {
  if (auth.via !== 'session' || auth.sessionId === null) {
    throw new ParleyError('action_denied', 'Account settings are changed from a signed-in session, not with an API token.');
  }
  return auth as Auth & { sessionId: string };
}

/** Account-level reads are refused to a token limited to one negotiation: it may see that negotiation only. */
export function requireAccountWide(auth: Auth): Auth {
  if (auth.negotiationId !== null) throw new ParleyError('action_denied', 'This API token is limited to one negotiation; it cannot read account settings.');
  return auth;
}
