/**
 * What an API token may do. Scopes are ordered: `write` includes `read`, `admin` includes
 * both, so a token issued for writing can also read what it writes. Tokens store the
 * expanded list, so a check is one `includes`.
 */
import { z } from 'zod';
import { ParleyError } from '../errors.ts';

export const Scope = z.enum(['read', 'write', 'admin']);
export type Scope = z.infer<typeof Scope>;

const rank: Record<Scope, number> = { read: 0, write: 1, admin: 2 };
export const allScopes: readonly Scope[] = Scope.options;

/** Every scope implied by the ones asked for, in order read, write, admin. */
export function expandScopes(scopes: readonly Scope[]): Scope[] {
  const top = Math.max(-1, ...scopes.map((s) => rank[s]));
  return allScopes.filter((s) => rank[s] <= top);
}

/** The scopes a token may be issued with: only an administrator's tokens may carry `admin`. */
export function checkTokenScopes(scopes: readonly Scope[], isAdmin: boolean): Scope[] {
  if (scopes.length === 0) throw new ParleyError('invalid_input', 'A token needs at least one scope: read, write or admin.', { field: 'scopes' });
  if (scopes.includes('admin') && !isAdmin) throw new ParleyError('action_denied', 'Only an administrator may issue a token with the admin scope.');
  return expandScopes(scopes);
}
