/**
 * Who is calling, as the auth plugin established it, and the guards routes use. The plugin
 * (auth.plugin.ts) fills `request.auth` from a session cookie or a bearer API token; routes
 * never look at cookies or headers themselves.
 */
import type { FastifyRequest } from 'fastify';
import { ParleyError } from '../../domain/errors.ts';

export type Scope = 'read' | 'write' | 'admin';

export interface Auth {
  accountId: string;
  isAdmin: boolean;
  via: 'session' | 'token';
  sessionId: string | null;
  tokenId: string | null;
  /** A session holds every scope; a token only those it was issued with. */
  scopes: readonly Scope[];
  /** A token may be limited to one negotiation. */
  negotiationId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
}

export function requireAuth(request: FastifyRequest, scope: Scope = 'read'): Auth {
  const auth = request.auth;
  if (!auth) throw new ParleyError('unauthenticated', 'Sign in first, or send an API token as "Authorization: Bearer <token>".');
  if (!auth.scopes.includes(scope)) {
    throw new ParleyError('action_denied', `This API token does not have the "${scope}" scope; issue one that does.`);
  }
  return auth;
}

export function requireAdmin(request: FastifyRequest): Auth {
  const auth = requireAuth(request, 'admin');
  if (!auth.isAdmin) throw new ParleyError('action_denied', 'Only an administrator may do this.');
  return auth;
}
