/**
 * Invitations, from the seat offered to the member added. An invitation is not itself a
 * change to the negotiation, so it is not an event: it is a row in `invitations`, written
 * as the inviting member under row-level security, and a line in the access log. Accepting
 * it is the change, and that runs the domain command addMember as the inviter, so the new
 * membership is an event in the log like any other.
 */
import { randomUUID } from 'node:crypto';
import { emailKey } from '../../domain/accounts/email.ts';
import { daysFrom, INVITATION_DEFAULT_DAYS, invitationState } from '../../domain/accounts/lifetimes.ts';
import { hashSecret, isInvitationToken, newInvitationToken } from '../../domain/accounts/secrets.ts';
import { ParleyError, isParleyError } from '../../domain/errors.ts';
import type { Role } from '../../domain/model.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { authorize } from '../../domain/policy/permissions.ts';
import type { Database } from '../database.ts';
import { execute } from '../execute.ts';
import { actAs } from '../viewer.ts';
import { deleteUnusedAccount, getAccount, type AccountRow } from './accounts.store.ts';
import { appendAccountLog } from './account-log.store.ts';
import { logAccess } from './access-log.store.ts';
import {
  claimInvitation, findInvitationByTokenHash, getInvitation, insertInvitation, listInvitations, releaseInvitation, revokeInvitation,
  type InvitationRow,
} from './invitations.store.ts';
import { insertPreparedAccount, prepareAccount } from './register.ts';
import type { Client } from './sign-in.ts';

export type MemberActor = Extract<Actor, { kind: 'member' }>;
export interface Inviter { actor: MemberActor; accountId: string }

export interface InvitationRequest { partyId: string | null; role: Role; email: string | null; displayName: string; expiresInDays: number | null }

export async function createInvitation(
  db: Database, by: Inviter, negotiationId: string, req: InvitationRequest, client: Client, now = new Date(),
): Promise<{ invitation: InvitationRow; token: string }> {
  // The same rule addMember applies at acceptance, checked now so nobody holds a link that cannot work.
  if ((req.role === 'mediator') !== (req.partyId === null)) {
    throw new ParleyError('invalid_input', req.role === 'mediator'
      ? "A mediator belongs to the mediator's office: leave partyId null."
      : `${/^[aeiou]/.test(req.role) ? 'An' : 'A'} ${req.role} must belong to a party: give its partyId.`);
  }
  authorize(by.actor, 'manage_members', req.partyId);
  const token = newInvitationToken();
  return db.transaction(async (tx) => {
    await actAs(tx, negotiationId, by.actor);
    if (req.partyId !== null) {
      const party = await tx.query('SELECT 1 FROM parties WHERE negotiation_id = $1 AND id = $2', [negotiationId, req.partyId]);
      if (party.length === 0) throw new ParleyError('party_not_found', `No party ${req.partyId} in this negotiation.`);
    }
    const invitation = await insertInvitation(tx, {
      negotiationId, id: randomUUID(), tokenHash: hashSecret(token), partyId: req.partyId, role: req.role, email: req.email,
      displayName: req.displayName, invitedBy: by.actor.memberId, now, expiresAt: daysFrom(now, req.expiresInDays ?? INVITATION_DEFAULT_DAYS),
    });
    await logAccess(tx, {
      negotiationId, accountId: by.accountId, memberId: by.actor.memberId, action: 'invitation.created', target: invitation.id,
      detail: { partyId: req.partyId, role: req.role }, ip: client.ip, at: now,
    });
    return { invitation, token };
  });
}

/** The mediator's office sees every invitation, a principal its own party's (row-level security does the filtering). */
export async function listInvitationsAs(db: Database, by: Inviter, negotiationId: string): Promise<InvitationRow[]> {
  authorize(by.actor, 'manage_members', by.actor.partyId);
  return db.transaction(async (tx) => {
    await actAs(tx, negotiationId, by.actor);
    return listInvitations(tx, negotiationId);
  });
}

export async function revokeInvitationAs(db: Database, by: Inviter, negotiationId: string, invitationId: string, client: Client, now = new Date()): Promise<InvitationRow> {
  return db.transaction(async (tx) => {
    await actAs(tx, negotiationId, by.actor);
    const found = await getInvitation(tx, negotiationId, invitationId);
    if (!found) throw new ParleyError('not_found', `No invitation ${invitationId} that you may see.`);
    authorize(by.actor, 'manage_members', found.partyId);
    if (found.acceptedAt) throw new ParleyError('invalid_transition', 'This invitation was already accepted; remove the member instead.');
    const revoked = (await revokeInvitation(tx, negotiationId, invitationId, now))!;
    await logAccess(tx, { negotiationId, accountId: by.accountId, memberId: by.actor.memberId, action: 'invitation.revoked', target: invitationId, ip: client.ip, at: now });
    return revoked;
  });
}

const invalidBecause: Record<'expired' | 'revoked' | 'used', string> = {
  expired: 'This invitation has expired; ask for a new one.',
  revoked: 'This invitation was withdrawn; ask for a new one.',
  used: 'This invitation was already accepted; each link works once.',
};

export interface Acceptance {
  token: string;
  /** The signed-in account accepting, or null to create one from `newAccount`. */
  accountId: string | null;
  newAccount: { email: string; displayName: string; password: string } | null;
}

export interface Accepted { negotiationId: string; memberId: string; account: AccountRow; accountCreated: boolean }

export async function acceptInvitation(db: Database, a: Acceptance, client: Client, now = new Date()): Promise<Accepted> {
  const tokenHash = isInvitationToken(a.token) ? hashSecret(a.token) : null;
  const found = tokenHash ? await findInvitationByTokenHash(db, tokenHash) : null;
  if (!found || !tokenHash) throw new ParleyError('invitation_invalid', 'This invitation link is not valid; check that it was copied whole.');
  const state = invitationState(found, now);
  if (state !== 'live') throw new ParleyError('invitation_invalid', invalidBecause[state]);

  if (a.accountId !== null && a.newAccount !== null) throw new ParleyError('invalid_input', 'You are signed in: accept as yourself, or sign out to create a new account.');
  let existing: AccountRow | null = null;
  let prepared: Awaited<ReturnType<typeof prepareAccount>> | null = null;
  if (a.accountId !== null) {
    existing = await getAccount(db, a.accountId);
    if (!existing) throw new ParleyError('unauthenticated', 'Your account no longer exists.');
  } else if (a.newAccount !== null) {
    // Only now, with a good token in hand, is the hashing work spent.
    prepared = await prepareAccount({ email: a.newAccount.email, displayName: a.newAccount.displayName, password: a.newAccount.password });
  } else {
    throw new ParleyError('unauthenticated', 'Sign in to accept this invitation, or give an email, a display name and a password to create an account.');
  }
  const email = existing?.email ?? prepared?.email ?? '';
  if (found.email !== null && emailKey(found.email) !== emailKey(email)) {
    throw new ParleyError('action_denied', 'This invitation was made out to a different email address.');
  }

  // Claim first (and create the account with the claim), so two people cannot both take the seat.
  const account = await db.transaction(async (tx) => {
    const acc = existing ?? await insertPreparedAccount(tx, prepared!, now, client.ip, 'invitation');
    const claimed = await claimInvitation(tx, tokenHash, acc.id, now);
    if (!claimed) throw new ParleyError('invitation_invalid', invalidBecause.used);
    return acc;
  });

  let memberId: string;
  try {
    const events = await execute(db, {
      negotiationId: found.negotiationId,
      as: { memberId: found.invitedBy },
      command: { name: 'addMember', input: { displayName: found.displayName, partyId: found.partyId, role: found.role, accountId: account.id } },
      clock: () => now,
    });
    const added = events.find((e) => e.type === 'member.added');
    if (added?.type !== 'member.added') throw new ParleyError('invalid_input', 'Accepting the invitation recorded no membership.');
    memberId = added.payload.member.id;
  } catch (e) {
    // Give the seat back, and the account too when it was made for this seat alone.
    await releaseInvitation(db, found.negotiationId, found.id, account.id);
    if (prepared) await deleteUnusedAccount(db, account.id);
    if (isParleyError(e) && e.code === 'already_exists') throw new ParleyError('already_exists', 'You are already a member of this negotiation.');
    if (isParleyError(e) && (e.code === 'member_not_found' || e.code === 'action_denied')) {
      throw new ParleyError('invitation_invalid', 'The member who invited you can no longer add members; ask for a new invitation.');
    }
    throw e;
  }

  await db.transaction(async (tx) => {
    await logAccess(tx, {
      negotiationId: found.negotiationId, accountId: account.id, memberId, action: 'invitation.accepted', target: found.id,
      detail: { invitedBy: found.invitedBy, role: found.role, partyId: found.partyId }, ip: client.ip, at: now,
    });
    await appendAccountLog(tx, { accountId: account.id, action: 'invitation.accepted', detail: { negotiationId: found.negotiationId, memberId }, ip: client.ip, at: now });
  });
  return { negotiationId: found.negotiationId, memberId, account, accountCreated: prepared !== null };
}
