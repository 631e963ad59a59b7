/**
 * What a signed-in person changes about their own account: password, second factor, API
 * tokens, and signing out everywhere. Every change is written to the account log.
 */
import { randomUUID } from 'node:crypto';
import { ParleyError } from '../../domain/errors.ts';
import { daysFrom, TOKEN_DEFAULT_DAYS } from '../../domain/accounts/lifetimes.ts';
import { checkPassword } from '../../domain/accounts/password-policy.ts';
import { checkTokenScopes, type Scope } from '../../domain/accounts/scopes.ts';
import { hashSecret, newApiToken } from '../../domain/accounts/secrets.ts';
import { acceptTotp, newTotpSecret, totpUrl } from '../../domain/accounts/totp.ts';
import type { Database } from '../database.ts';
import { claimTotpStep, getAccount, setPasswordHash, setPendingTotpSecret, setTotpEnabled, type AccountRow } from './accounts.store.ts';
import { appendAccountLog } from './account-log.store.ts';
import { hashPassword } from './passwords.ts';
import { checkAccountPassword, refuseIfLocked, type Client } from './sign-in.ts';
import { revokeSessions } from './sessions.store.ts';
import { insertToken, revokeAllTokens, revokeToken, type TokenRow } from './tokens.store.ts';

async function fresh(db: Database, accountId: string): Promise<AccountRow> {
  const a = await getAccount(db, accountId);
  if (!a) throw new ParleyError('unauthenticated', 'Your account no longer exists.');
  return a;
}

/** Re-checks the password before a sensitive change; wrong answers count toward the lockout. */
async function confirmPassword(db: Database, account: AccountRow, password: string, client: Client, now: Date): Promise<void> {
  refuseIfLocked(account, now);
  if (!(await checkAccountPassword(db, account, password, client, now, 'password confirmation'))) {
    throw new ParleyError('action_denied', 'The current password is wrong.', { field: 'password' });
  }
}

/** Changes the password and ends every other session: whoever else held one must sign in again. */
export async function changePassword(
  db: Database, accountId: string, keepSessionId: string | null, input: { currentPassword: string; newPassword: string }, client: Client, now = new Date(),
): Promise<{ sessionsRevoked: number }> {
  const account = await fresh(db, accountId);
  await confirmPassword(db, account, input.currentPassword, client, now);
  checkPassword(input.newPassword, account.email);
  if (input.newPassword === input.currentPassword) throw new ParleyError('invalid_input', 'The new password is the same as the current one.', { field: 'newPassword' });
  const hash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await setPasswordHash(tx, account.id, hash, now);
    const sessionsRevoked = await revokeSessions(tx, account.id, now, keepSessionId);
    await appendAccountLog(tx, { accountId: account.id, action: 'password.changed', detail: { sessionsRevoked }, ip: client.ip, at: now });
    return { sessionsRevoked };
  });
}

export async function signOutEverywhere(db: Database, accountId: string, includeTokens: boolean, client: Client, now = new Date()): Promise<{ sessionsRevoked: number; tokensRevoked: number }> {
  return db.transaction(async (tx) => {
    const sessionsRevoked = await revokeSessions(tx, accountId, now);
    const tokensRevoked = includeTokens ? await revokeAllTokens(tx, accountId, now) : 0;
    await appendAccountLog(tx, { accountId, action: 'signout.everywhere', detail: { sessionsRevoked, tokensRevoked }, ip: client.ip, at: now });
    return { sessionsRevoked, tokensRevoked };
  });
}

/** A new secret, not yet in force: the person proves their app has it by enabling with a code. */
export async function setupTotp(db: Database, accountId: string): Promise<{ secret: string; otpauthUrl: string }> {
  const account = await fresh(db, accountId);
  if (account.totpEnabled) throw new ParleyError('invalid_transition', 'Two-factor sign-in is already on; turn it off first to set up a new device.');
  const secret = newTotpSecret();
  await setPendingTotpSecret(db, account.id, secret);
  return { secret, otpauthUrl: totpUrl(secret, account.email) };
}

export async function enableTotp(db: Database, accountId: string, code: string, client: Client, now = new Date()): Promise<void> {
  const account = await fresh(db, accountId);
  if (account.totpEnabled) throw new ParleyError('invalid_transition', 'Two-factor sign-in is already on.');
  if (!account.totpSecret) throw new ParleyError('invalid_transition', 'Set up two-factor sign-in first (POST /api/account/totp/setup).');
  const step = acceptTotp(account.totpSecret, code, now.getTime(), account.totpLastStep);
  // The step is claimed, so the code that turned TOTP on cannot also be used to sign in.
  if (step === null || !(await claimTotpStep(db, account.id, step))) {
    throw new ParleyError('invalid_input', 'That code does not match; check that the device clock is right and enter the current code.', { field: 'code' });
  }
  await setTotpEnabled(db, account.id, true);
  await appendAccountLog(db, { accountId: account.id, action: 'totp.enabled', ip: client.ip, at: now });
}

export async function disableTotp(db: Database, accountId: string, input: { password: string; code: string }, client: Client, now = new Date()): Promise<void> {
  const account = await fresh(db, accountId);
  if (!account.totpEnabled || !account.totpSecret) throw new ParleyError('invalid_transition', 'Two-factor sign-in is not on.');
  await confirmPassword(db, account, input.password, client, now);
  const step = acceptTotp(account.totpSecret, input.code, now.getTime(), account.totpLastStep);
  if (step === null || !(await claimTotpStep(db, account.id, step))) {
    throw new ParleyError('action_denied', 'That code is wrong or was already used; enter the current code.', { field: 'code' });
  }
  await setTotpEnabled(db, account.id, false);
  await appendAccountLog(db, { accountId: account.id, action: 'totp.disabled', ip: client.ip, at: now });
}

export interface TokenRequest { name: string; scopes: readonly Scope[]; negotiationId: string | null; expiresInDays: number | null }

/**
 * Issues an API token; the token is in the answer and nowhere else. A token limited to a
 * negotiation may only be issued for one the account is a member of.
 */
export async function issueToken(db: Database, account: { id: string; isAdmin: boolean }, req: TokenRequest, client: Client, now = new Date()): Promise<{ token: string; row: TokenRow }> {
  const scopes = checkTokenScopes(req.scopes, account.isAdmin);
  if (req.negotiationId !== null) {
    const member = await db.query('SELECT 1 FROM members WHERE negotiation_id = $1 AND account_id = $2 AND active', [req.negotiationId, account.id]);
    if (member.length === 0) throw new ParleyError('negotiation_not_found', `No negotiation with id ${req.negotiationId} that you may see.`);
  }
  const token = newApiToken();
  return db.transaction(async (tx) => {
    const row = await insertToken(tx, {
      id: randomUUID(), accountId: account.id, name: req.name, tokenHash: hashSecret(token), scopes, negotiationId: req.negotiationId,
      now, expiresAt: daysFrom(now, req.expiresInDays ?? TOKEN_DEFAULT_DAYS),
    });
    await appendAccountLog(tx, { accountId: account.id, action: 'token.created', detail: { tokenId: row.id, name: row.name, scopes }, ip: client.ip, at: now });
    return { token, row };
  });
}

export async function revokeOwnToken(db: Database, accountId: string, tokenId: string, client: Client, now = new Date()): Promise<TokenRow> {
  return db.transaction(async (tx) => {
    const row = await revokeToken(tx, accountId, tokenId, now);
    if (!row) throw new ParleyError('not_found', `You have no API token ${tokenId}.`);
    await appendAccountLog(tx, { accountId, action: 'token.revoked', detail: { tokenId, name: row.name }, ip: client.ip, at: now });
    return row;
  });
}
