/**
 * From an account to the member it is in one negotiation. Someone who is not a member gets
 * the same answer as for a negotiation that does not exist, so ids reveal nothing.
 */
import { ParleyError } from '../domain/errors.ts';
import type { Actor } from '../domain/policy/actor.ts';
import type { Role } from '../domain/model.ts';
import type { Database } from '../store/database.ts';
import type { Auth } from './auth/request-auth.ts';

export type MemberActor = Extract<Actor, { kind: 'member' }>;

export async function memberOf(db: Database, negotiationId: string, auth: Auth): Promise<MemberActor> {
  if (auth.negotiationId !== null && auth.negotiationId !== negotiationId) {
    throw new ParleyError('negotiation_not_found', `No negotiation with id ${negotiationId} that you may see.`);
  }
  const rows = await db.query<{ id: string; party_id: string | null; role: Role }>(
    'SELECT id, party_id, role FROM members WHERE negotiation_id = $1 AND account_id = $2 AND active', [negotiationId, auth.accountId]);
  const m = rows[0];
  if (!m) throw new ParleyError('negotiation_not_found', `No negotiation with id ${negotiationId} that you may see.`);
  return { kind: 'member', memberId: m.id, partyId: m.party_id, role: m.role };
}
