/**
 * Signing in, and what it takes to trust a request afterwards. Order matters in signIn:
 * throttle the address first (cheap, before any hashing), refuse a locked account without
 * looking at the password, then check the password, then the second factor.
 */
import type { Database, Queryable } from '../database.ts';
import { ParleyError } from '../../domain/errors.ts';
import {
  LOCK_AFTER_FAILURES, LOCK_MS, retryAfterSeconds, SESSION_TOUCH_MS, sessionExpiresAt, sessionIsLive, SIGNIN_MAX_PER_WINDOW,
  SIGNIN_WINDOW_MS, tokenState, TOKEN_USE_RECORD_MS,
} from '../../domain/accounts/lifetimes.ts';
import { hashSecret, isApiToken, isSessionSecret, newCsrfToken, newSessionSecret } from '../../domain/accounts/secrets.ts';
import { acceptTotp } from '../../domain/accounts/totp.ts';
import { claimTotpStep, findAccountByEmail, recordSignInFailure, recordSignInSuccess, type AccountRow } from './accounts.store.ts';
import { appendAccountLog } from './account-log.store.ts';
import { verifyNothing, verifyPassword } from './passwords.ts';
import { hitRateLimit } from './rate-limit.store.ts';
import { findSession, insertSession, touchSession, type SessionRow } from './sessions.store.ts';
import { findTokenByHash, noteTokenUse, type TokenRow } from './tokens.store.ts';

export interface Client { ip: string | null; userAgent: string | null }

export interface StartedSession { account: AccountRow; secret: string; sessionId: string; csrfToken: string; expiresAt: Date }

export async function startSession(q: Queryable, account: AccountRow, client: Client, now: Date): Promise<StartedSession> {
  const secret = newSessionSecret();
  const sessionId = hashSecret(secret);
  const csrfToken = newCsrfToken();
  const expiresAt = sessionExpiresAt(now);
  await insertSession(q, { id: sessionId, accountId: account.id, csrfToken, now, expiresAt, ip: client.ip, userAgent: client.userAgent });
  return { account, secret, sessionId, csrfToken, expiresAt };
}

const WRONG = 'The email or password is wrong.';

/** Checks a password for an account, counting a failure toward the lockout. */
export async function checkAccountPassword(q: Queryable, account: AccountRow, password: string, client: Client, now: Date, what: string): Promise<boolean> {
  if (await verifyPassword(account.passwordHash, password)) return true;
  await countFailure(q, account, client, now, what);
  return false;
}

async function countFailure(q: Queryable, account: AccountRow, client: Client, now: Date, reason: string): Promise<void> {
  const lockUntil = new Date(now.getTime() + LOCK_MS);
  const { locked } = await recordSignInFailure(q, account.id, LOCK_AFTER_FAILURES, lockUntil);
  await appendAccountLog(q, { accountId: account.id, action: 'signin.failed', detail: { reason }, ip: client.ip, at: now });
  if (locked) await appendAccountLog(q, { accountId: account.id, action: 'account.locked', detail: { until: lockUntil.toISOString() }, ip: client.ip, at: now });
}

/**
 * A locked account is refused before its password is checked, so guessing stops for the
 * lock's length. The price: a 423 tells the caller that the address has an account, which
 * the uniform 401 otherwise hides; a lockout is loud in the account log anyway.
 */
export function refuseIfLocked(account: AccountRow, now: Date): void {
  if (account.lockedUntil && account.lockedUntil.getTime() > now.getTime()) {
    const retryAfter = retryAfterSeconds(account.lockedUntil, now);
    throw new ParleyError('account_locked',
      `This account is locked after repeated failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} minutes.`, { retryAfter });
  }
}

export interface SignInInput { email: string; password: string; totp?: string | undefined }

export async function signIn(db: Database, input: SignInInput, client: Client, now = new Date()): Promise<StartedSession> {
  const hit = await hitRateLimit(db, `signin:ip:${client.ip ?? 'unknown'}`, SIGNIN_WINDOW_MS, now);
  if (hit.hits > SIGNIN_MAX_PER_WINDOW) {
    const retryAfter = retryAfterSeconds(new Date(hit.windowStart.getTime() + SIGNIN_WINDOW_MS), now);
    throw new ParleyError('rate_limited', `Too many sign-in attempts from your address; try again in ${retryAfter} seconds.`, { retryAfter });
  }
  const account = await findAccountByEmail(db, input.email);
  if (!account) {
    await verifyNothing(input.password);
    await appendAccountLog(db, { accountId: null, action: 'signin.failed', detail: { reason: 'unknown account' }, ip: client.ip, at: now });
    throw new ParleyError('unauthenticated', WRONG);
  }
  refuseIfLocked(account, now);
  if (!(await checkAccountPassword(db, account, input.password, client, now, 'password'))) throw new ParleyError('unauthenticated', WRONG);
  if (account.totpEnabled && account.totpSecret) {
    const code = input.totp?.trim() ?? '';
    // The password was right; asking for the code is not a failure.
    if (code === '') throw new ParleyError('totp_required', 'Enter the 6-digit code from your authenticator app.');
    const step = acceptTotp(account.totpSecret, code, now.getTime(), account.totpLastStep);
    if (step === null || !(await claimTotpStep(db, account.id, step))) {
      await countFailure(db, account, client, now, 'totp');
      throw new ParleyError('unauthenticated', 'That code is wrong or was already used; wait for the next one.');
    }
  }
  await recordSignInSuccess(db, account.id);
  const started = await startSession(db, account, client, now);
  await appendAccountLog(db, { accountId: account.id, action: 'signin', detail: { totp: account.totpEnabled }, ip: client.ip, at: now });
  return started;
}

/** The live session a cookie's secret opens, or null (unknown, expired, idle too long, revoked). */
export async function sessionFromSecret(db: Database, secret: string, now = new Date()): Promise<{ session: SessionRow; account: AccountRow } | null> {
  if (!isSessionSecret(secret)) return null;
  const found = await findSession(db, hashSecret(secret));
  if (!found || !sessionIsLive(found.session, now)) return null;
  await touchSession(db, found.session.id, now, SESSION_TOUCH_MS);
  return found;
}

/** The live token a bearer string is; a token that is unknown, expired or revoked is a 401. */
export async function tokenFromBearer(db: Database, bearer: string, client: Client, now = new Date()): Promise<{ token: TokenRow; account: AccountRow }> {
  const found = isApiToken(bearer) ? await findTokenByHash(db, hashSecret(bearer)) : null;
  if (!found) throw new ParleyError('unauthenticated', 'This API token is not valid; issue a new one under your account.');
  const state = tokenState(found.token, now);
  if (state !== 'live') throw new ParleyError('unauthenticated', `This API token was ${state === 'expired' ? 'valid until' : 'revoked on'} ${(state === 'expired' ? found.token.expiresAt : found.token.revokedAt)?.toISOString() ?? ''}; issue a new one.`);
  await noteTokenUse(db, found.token, now, TOKEN_USE_RECORD_MS, client.ip);
  return found;
}
