/**
 * Invitations to a seat in a negotiation. Creating, listing and revoking run as the member
 * (row-level security: the mediator's office sees every invitation, a party its own).
 * Accepting runs as the operator's role, because whoever accepts is not a member yet: the
 * secret token is what authorises it, and the row is found by the token's hash.
 */
import type { Role } from '../../domain/model.ts';
import type { Queryable, Tx } from '../database.ts';
import { toDate, toDateOrNull } from './rows.ts';

export interface InvitationRow {
  negotiationId: string;
  id: string;
  partyId: string | null;
  role: Role;
  email: string | null;
  displayName: string;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedBy: string | null;
  revokedAt: Date | null;
}

interface Raw {
  negotiation_id: string; id: string; party_id: string | null; role: Role; email: string | null; display_name: string; invited_by: string;
  created_at: Date | string; expires_at: Date | string; accepted_at: Date | string | null; accepted_by: string | null; revoked_at: Date | string | null;
}

const COLUMNS = 'negotiation_id, id, party_id, role, email, display_name, invited_by, created_at, expires_at, accepted_at, accepted_by, revoked_at';

function toInvitation(r: Raw): InvitationRow {
  return {
    negotiationId: r.negotiation_id, id: r.id, partyId: r.party_id, role: r.role, email: r.email, displayName: r.display_name,
    invitedBy: r.invited_by, createdAt: toDate(r.created_at), expiresAt: toDate(r.expires_at), acceptedAt: toDateOrNull(r.accepted_at),
    acceptedBy: r.accepted_by, revokedAt: toDateOrNull(r.revoked_at),
  };
}

export interface NewInvitation {
  negotiationId: string; id: string; tokenHash: string; partyId: string | null; role: Role; email: string | null;
  displayName: string; invitedBy: string; now: Date; expiresAt: Date;
}

export async function insertInvitation(tx: Tx, i: NewInvitation): Promise<InvitationRow> {
  const rows = await tx.query<Raw>(
    `INSERT INTO invitations (negotiation_id, id, token_hash, party_id, role, email, display_name, invited_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
    [i.negotiationId, i.id, i.tokenHash, i.partyId, i.role, i.email, i.displayName, i.invitedBy, i.now, i.expiresAt]);
  return toInvitation(rows[0]!);
}

/** Under row-level security: only the invitations the viewer may see. Newest first. */
export async function listInvitations(tx: Tx, negotiationId: string): Promise<InvitationRow[]> {
  const rows = await tx.query<Raw>(`SELECT ${COLUMNS} FROM invitations WHERE negotiation_id = $1 ORDER BY created_at DESC, id`, [negotiationId]);
  return rows.map(toInvitation);
}

export async function getInvitation(tx: Tx, negotiationId: string, id: string): Promise<InvitationRow | null> {
  const rows = await tx.query<Raw>(`SELECT ${COLUMNS} FROM invitations WHERE negotiation_id = $1 AND id = $2`, [negotiationId, id]);
  return rows[0] ? toInvitation(rows[0]) : null;
}

export async function revokeInvitation(tx: Tx, negotiationId: string, id: string, now: Date): Promise<InvitationRow | null> {
  const rows = await tx.query<Raw>(
    `UPDATE invitations SET revoked_at = COALESCE(revoked_at, $3) WHERE negotiation_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [negotiationId, id, now]);
  return rows[0] ? toInvitation(rows[0]) : null;
}

/** The invitation a token opens, whatever its state (operator's role). */
export async function findInvitationByTokenHash(q: Queryable, tokenHash: string): Promise<InvitationRow | null> {
  const rows = await q.query<Raw>(`SELECT ${COLUMNS} FROM invitations WHERE token_hash = $1`, [tokenHash]);
  return rows[0] ? toInvitation(rows[0]) : null;
}

/**
 * Takes an open invitation for `accountId`: the condition is in the UPDATE, so of two
 * people accepting one invitation at once exactly one gets it. Null when it was not open.
 */
export async function claimInvitation(q: Queryable, tokenHash: string, accountId: string, now: Date): Promise<InvitationRow | null> {
  const rows = await q.query<Raw>(
    `UPDATE invitations SET accepted_at = $3, accepted_by = $2
     WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3 RETURNING ${COLUMNS}`,
    [tokenHash, accountId, now]);
  return rows[0] ? toInvitation(rows[0]) : null;
}

/** Gives a claimed invitation back when the membership it was for could not be recorded. */
export async function releaseInvitation(q: Queryable, negotiationId: string, id: string, accountId: string): Promise<void> {
  await q.query('UPDATE invitations SET accepted_at = NULL, accepted_by = NULL WHERE negotiation_id = $1 AND id = $2 AND accepted_by = $3',
    [negotiationId, id, accountId]);
}
