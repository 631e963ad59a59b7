/** The signed-in person's own account: API tokens, second factor, password, security log. */
import { z } from 'zod';
import {
  AccountLogOut, PasswordChangeBody, PasswordChangeOut, TokenCreateBody, TokenCreatedOut, TokenListOut, TokenOut, TokenParams,
  TotpDisableBody, TotpEnableBody, TotpSetupOut, TotpStatusOut,
} from '../../protocol/accounts.schema.ts';
import { listAccountLog } from '../../store/accounts/account-log.store.ts';
import { changePassword, disableTotp, enableTotp, issueToken, revokeOwnToken, setupTotp } from '../../store/accounts/account-settings.ts';
import { listTokens, type TokenRow } from '../../store/accounts/tokens.store.ts';
import { clientOf, requireAccountWide, requireSession } from '../auth/session-cookie.ts';
import { defineRoute, Page, PageQuery } from '../route.ts';
import { withRetryAfter } from './auth.routes.ts';

const tags = ['account'];

function presentToken(t: TokenRow): z.input<typeof TokenOut> {
  return {
    id: t.id, name: t.name, scopes: t.scopes, negotiationId: t.negotiationId, createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null, lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

function offsetOf(cursor: string | undefined): number {
  const n = cursor ? Number.parseInt(Buffer.from(cursor, 'base64url').toString('utf8'), 10) : 0;
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

export const accountRoutes = [
  defineRoute({
    method: 'POST', url: '/api/account/tokens', operationId: 'createToken', summary: 'Issue an API token; the token is in this answer only', tags, auth: 'write', status: 201,
    body: TokenCreateBody, response: TokenCreatedOut,
    async handler({ auth, body, deps, request }) {
      const a = requireSession(auth!);
      const { token, row } = await issueToken(deps.db, { id: a.accountId, isAdmin: a.isAdmin }, body, clientOf(request));
      return { ...presentToken(row), token };
    },
  }),

  defineRoute({
    method: 'GET', url: '/api/account/tokens', operationId: 'listTokens', summary: 'My API tokens (never their secrets)', tags, auth: 'read',
    response: TokenListOut,
    async handler({ auth, deps }) {
      const a = requireAccountWide(auth!);
      return { items: (await listTokens(deps.db, a.accountId)).map(presentToken) };
    },
  }),

  defineRoute({
    method: 'DELETE', url: '/api/account/tokens/:tokenId', operationId: 'revokeToken', summary: 'Revoke one of my API tokens', tags, auth: 'write', status: 204,
    params: TokenParams, response: z.undefined(),
    async handler({ auth, params, deps, request }) {
      const a = requireAccountWide(auth!);
      await revokeOwnToken(deps.db, a.accountId, params.tokenId, clientOf(request));
      return undefined;
    },
  }),

  defineRoute({
    method: 'POST', url: '/api/account/totp/setup', operationId: 'setupTotp', summary: 'Start two-factor sign-in: a new TOTP secret, not in force until enabled', tags, auth: 'write',
    response: TotpSetupOut,
    async handler({ auth, deps }) {
      const a = requireSession(auth!);
      return setupTotp(deps.db, a.accountId);
    },
  }),

  defineRoute({
    method: 'POST', url: '/api/account/totp/enable', operationId: 'enableTotp', summary: 'Turn two-factor sign-in on with a current code', tags, auth: 'write',
    body: TotpEnableBody, response: TotpStatusOut,
    async handler({ auth, body, deps, request }) {
      const a = requireSession(auth!);
      await enableTotp(deps.db, a.accountId, body.code, clientOf(request));
      return { totpEnabled: true };
    },
  }),

  defineRoute({
    method: 'POST', url: '/api/account/totp/disable', operationId: 'disableTotp', summary: 'Turn two-factor sign-in off (password and a current code)', tags, auth: 'write',
    body: TotpDisableBody, response: TotpStatusOut,
    async handler({ auth, body, deps, request }) {
      const a = requireSession(auth!);
      await disableTotp(deps.db, a.accountId, body, clientOf(request));
      return { totpEnabled: false };
    },
  }),

  defineRoute({
    method: 'POST', url: '/api/account/password', operationId: 'changePassword', summary: 'Change my password; my other sessions end', tags, auth: 'write',
    body: PasswordChangeBody, response: PasswordChangeOut,
    async handler({ auth, body, deps, request, reply }) {
      const a = requireSession(auth!);
      return changePassword(deps.db, a.accountId, a.sessionId, body, clientOf(request)).catch((e: unknown) => { throw withRetryAfter(reply, e); });
    },
  }),

  defineRoute({
    method: 'GET', url: '/api/account/log', operationId: 'accountLog', summary: 'My security log: sign-ins, failures, lockouts, token use, credential changes', tags, auth: 'read',
    query: PageQuery, response: Page(AccountLogOut),
    async handler({ auth, query, deps }) {
      const a = requireAccountWide(auth!);
      const offset = offsetOf(query.cursor);
      const rows = await listAccountLog(deps.db, a.accountId, offset, query.limit);
      return {
        items: rows.slice(0, query.limit).map((r) => ({ id: r.id, at: r.at.toISOString(), action: r.action, detail: r.detail, ip: r.ip })),
        nextCursor: rows.length > query.limit ? Buffer.from(String(offset + query.limit), 'utf8').toString('base64url') : null,
      };
    },
  }),
];
