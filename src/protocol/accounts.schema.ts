/**
 * Requests and answers of the account, session, token and invitation routes. Secrets
 * (passwords, tokens) appear in requests, and in an answer only where one is issued, once.
 */
import { z } from 'zod';
import { Email } from '../domain/accounts/email.ts';
import { INVITATION_MAX_DAYS, TOKEN_MAX_DAYS } from '../domain/accounts/lifetimes.ts';
import { PASSWORD_MAX } from '../domain/accounts/password-policy.ts';
import { Scope } from '../domain/accounts/scopes.ts';
import { Id, NonEmptyText, Role } from '../domain/model.ts';

/** A password as typed: its policy is checked by the domain, which names the problem. */
const Password = z.string().max(PASSWORD_MAX * 4, { error: 'is too long' });
const Name = NonEmptyText.pipe(z.string().max(200, { error: 'must be at most 200 characters' }));
const Code = z.string().max(20).describe('the 6-digit code from the authenticator app');

export const AccountOut = z.object({
  id: z.uuid(), email: z.string(), displayName: z.string(), isAdmin: z.boolean(), totpEnabled: z.boolean(), createdAt: z.string(),
});
export type AccountOut = z.infer<typeof AccountOut>;

export const SignInBody = z.object({
  email: z.string().max(320),
  password: Password,
  totp: Code.optional(),
});

export const SessionOut = z.object({
  account: AccountOut,
  csrfToken: z.string().describe('send as the X-CSRF-Token header on every write made with the session cookie'),
  expiresAt: z.string().describe('the latest the session lasts; it also ends after 12 hours without use'),
});

export const MeOut = z.object({
  account: AccountOut,
  via: z.enum(['session', 'token']),
  scopes: z.array(Scope),
  negotiationId: z.uuid().nullable().describe('the one negotiation a token is limited to, if any'),
  csrfToken: z.string().nullable().describe('for a session: the token writes must carry; null for API tokens'),
});

export const SignOutEverywhereBody = z.object({
  includeTokens: z.boolean().default(false).describe('also revoke every API token of the account'),
});
export const SignOutEverywhereOut = z.object({ sessionsRevoked: z.number().int(), tokensRevoked: z.number().int() });

export const PasswordChangeBody = z.object({ currentPassword: Password, newPassword: Password });
export const PasswordChangeOut = z.object({ sessionsRevoked: z.number().int().describe('other sessions ended; this one stays') });

export const TotpSetupOut = z.object({
  secret: z.string().describe('base32; enter it in an authenticator app, or show otpauthUrl as a QR code'),
  otpauthUrl: z.string(),
});
export const TotpEnableBody = z.object({ code: Code });
export const TotpDisableBody = z.object({ password: Password, code: Code });
export const TotpStatusOut = z.object({ totpEnabled: z.boolean() });

export const TokenCreateBody = z.object({
  name: Name,
  scopes: z.array(Scope).min(1, { error: 'needs at least one scope' }),
  negotiationId: Id.nullable().default(null).describe('limit the token to this negotiation'),
  expiresInDays: z.number().int().min(1).max(TOKEN_MAX_DAYS).nullable().default(null).describe('default 90'),
});
export const TokenOut = z.object({
  id: z.uuid(), name: z.string(), scopes: z.array(Scope), negotiationId: z.uuid().nullable(), createdAt: z.string(),
  expiresAt: z.string().nullable(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(),
});
export const TokenCreatedOut = TokenOut.extend({ token: z.string().describe('shown this once: store it now') });
export const TokenListOut = z.object({ items: z.array(TokenOut) });
export const TokenParams = z.object({ tokenId: z.uuid({ error: 'is not a token id' }) });

export const AccountLogOut = z.object({
  id: z.uuid(), at: z.string(), action: z.string(), detail: z.record(z.string(), z.unknown()), ip: z.string().nullable(),
});

export const InvitationCreateBody = z.object({
  partyId: Id.nullable().describe("null for a seat in the mediator's office"),
  role: Role,
  email: Email.nullable().default(null).describe('when given, only an account with this email may accept'),
  displayName: Name.describe('the new member\'s name as others will see it'),
  expiresInDays: z.number().int().min(1).max(INVITATION_MAX_DAYS).nullable().default(null).describe('default 7'),
});
export const InvitationOut = z.object({
  id: z.uuid(), partyId: z.uuid().nullable(), role: Role, email: z.string().nullable(), displayName: z.string(), invitedBy: z.uuid(),
  createdAt: z.string(), expiresAt: z.string(), acceptedAt: z.string().nullable(), acceptedBy: z.uuid().nullable(), revokedAt: z.string().nullable(),
  state: z.enum(['live', 'expired', 'revoked', 'used']),
});
export const InvitationCreatedOut = z.object({
  invitationId: z.uuid(),
  token: z.string().describe('shown this once'),
  acceptUrl: z.string().describe('the link to send; the token travels in its fragment, which browsers never send to a server'),
  expiresAt: z.string(),
});
export const InvitationListOut = z.object({ items: z.array(InvitationOut) });
export const InvitationParams = z.object({
  id: z.uuid({ error: 'is not a negotiation id' }),
  invId: z.uuid({ error: 'is not an invitation id' }),
});

export const AcceptInvitationBody = z.object({
  token: z.string().max(200),
  account: z.object({ email: Email, displayName: Name, password: Password }).optional()
    .describe('to create an account; leave out when signed in'),
});
export const AcceptInvitationOut = z.object({
  negotiationId: z.uuid(),
  memberId: z.uuid(),
  account: AccountOut,
  csrfToken: z.string().nullable().describe('when an account was created, it is also signed in: the session\'s CSRF token'),
});
