/**
 * Invitations to a seat in a negotiation. Issuing one is `manage_members` in the policy
 * table: the mediator's office for any seat, a principal for a seat in its own party.
 * Accepting one adds the member through the domain command, as an event in the log.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invitationState } from '../../domain/accounts/lifetimes.ts';
import { NegotiationParams } from '../../protocol/common.schema.ts';
import {
  AcceptInvitationBody, AcceptInvitationOut, InvitationCreateBody, InvitationCreatedOut, InvitationListOut, InvitationOut, InvitationParams,
} from '../../protocol/accounts.schema.ts';
import { acceptInvitation, createInvitation, listInvitationsAs, revokeInvitationAs } from '../../store/accounts/invitation-flow.ts';
import type { InvitationRow } from '../../store/accounts/invitations.store.ts';
import { startSession } from '../../store/accounts/sign-in.ts';
import type { Auth } from '../auth/request-auth.ts';
import { clientOf, requireSession, setSessionCookie } from '../auth/session-cookie.ts';
import { defineRoute, type RouteDeps } from '../route.ts';
import { memberOf } from '../viewer.ts';
import { presentAccount } from './auth.routes.ts';

const tags = ['members'];

function present(i: InvitationRow, now: Date): z.input<typeof InvitationOut> {
  return {
    id: i.id, partyId: i.partyId, role: i.role, email: i.email, displayName: i.displayName, invitedBy: i.invitedBy,
    createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString(), acceptedAt: i.acceptedAt?.toISOString() ?? null,
    acceptedBy: i.acceptedBy, revokedAt: i.revokedAt?.toISOString() ?? null, state: invitationState(i, now),
  };
}

async function inviter(deps: RouteDeps, negotiationId: string, auth: Auth) {
  return { actor: await memberOf(deps.db, negotiationId, auth), accountId: auth.accountId };
}

/**
 * The link to send. The token rides in the fragment: browsers never send a fragment to a
 * server, so the token stays out of access logs and Referer headers on the way in.
 */
function acceptUrl(request: FastifyRequest, token: string): string {
  return `${request.protocol}://${request.host}/invitations/accept#${token}`;
}

export const invitationRoutes = [
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/invitations', operationId: 'createInvitation', summary: 'Invite someone to a seat (mediator: any seat; principal: own party); the token is in this answer only', tags, auth: 'write', status: 201,
    params: NegotiationParams, body: InvitationCreateBody, response: InvitationCreatedOut,
    async handler({ auth, params, body, deps, request }) {
      const by = await inviter(deps, params.id, auth!);
      const { invitation, token } = await createInvitation(deps.db, by, params.id, body, clientOf(request));
      return { invitationId: invitation.id, token, acceptUrl: acceptUrl(request, token), expiresAt: invitation.expiresAt.toISOString() };
    },
  }),

  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/invitations', operationId: 'listInvitations', summary: "Invitations I may manage (mediator: all; principal: own party's)", tags, auth: 'read',
    params: NegotiationParams, response: InvitationListOut,
    async handler({ auth, params, deps }) {
      const by = await inviter(deps, params.id, auth!);
      const now = new Date();
      return { items: (await listInvitationsAs(deps.db, by, params.id)).map((i) => present(i, now)) };
    },
  }),

  defineRoute({
    method: 'DELETE', url: '/api/negotiations/:id/invitations/:invId', operationId: 'revokeInvitation', summary: 'Withdraw an invitation that was not accepted yet', tags, auth: 'write', status: 204,
    params: InvitationParams, response: z.undefined(),
    async handler({ auth, params, deps, request }) {
      const by = await inviter(deps, params.id, auth!);
      await revokeInvitationAs(deps.db, by, params.id, params.invId, clientOf(request));
      return undefined;
    },
  }),

  defineRoute({
    method: 'POST', url: '/api/invitations/accept', operationId: 'acceptInvitation', summary: 'Accept an invitation as the signed-in account, or create an account with it (and sign in)', tags, auth: 'none',
    body: AcceptInvitationBody, response: AcceptInvitationOut,
    async handler({ auth, body, deps, request, reply }) {
      const accountId = auth ? requireSession(auth).accountId : null;
      const client = clientOf(request);
      const accepted = await acceptInvitation(deps.db, { token: body.token, accountId, newAccount: body.account ?? null }, client);
      let csrfToken: string | null = null;
      if (accepted.accountCreated) {
        const started = await startSession(deps.db, accepted.account, client, new Date());
        setSessionCookie(request, reply, started.secret, started.expiresAt);
        csrfToken = started.csrfToken;
      }
      return { negotiationId: accepted.negotiationId, memberId: accepted.memberId, account: presentAccount(accepted.account), csrfToken };
    },
  }),
];
