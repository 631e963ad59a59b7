/**
 * How long credentials live, and the sign-in throttle. One place, so the numbers the
 * server enforces are the numbers the documentation states.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A session ends after 12 hours without a request, and 7 days after sign-in regardless. */
export const SESSION_IDLE_MS = 12 * HOUR;
export const SESSION_ABSOLUTE_MS = 7 * DAY;
/** last_seen_at is written at most this often per session: one write per request would be waste. */
export const SESSION_TOUCH_MS = MINUTE;

/** API tokens: 90 days unless asked otherwise, at most a year. */
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 366;
/** Token use is recorded (last_used_at and the account log) at most once a minute per token. */
export const TOKEN_USE_RECORD_MS = MINUTE;

/** Invitations: 7 days unless asked otherwise, at most 30. */
export const INVITATION_DEFAULT_DAYS = 7;
export const INVITATION_MAX_DAYS = 30;

/** Sign-in attempts per client address per window, whatever the account. */
export const SIGNIN_WINDOW_MS = 5 * MINUTE;
export const SIGNIN_MAX_PER_WINDOW = 10;
/** Consecutive failures that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * MINUTE;

export const daysFrom = (now: Date, days: number): Date => new Date(now.getTime() + days * DAY);

export interface SessionTimes { expiresAt: Date; lastSeenAt: Date; revokedAt: Date | null }

export function sessionExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + SESSION_ABSOLUTE_MS);
}

/** Live: not revoked, within its absolute lifetime, and used within the idle limit. */
export function sessionIsLive(s: SessionTimes, now: Date): boolean {
  return s.revokedAt === null && s.expiresAt.getTime() > now.getTime() && now.getTime() - s.lastSeenAt.getTime() < SESSION_IDLE_MS;
}

/** Whole seconds until `until`, at least 1: the value of a Retry-After header. */
export function retryAfterSeconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

export type CredentialState = 'live' | 'expired' | 'revoked' | 'used';

export function tokenState(t: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): CredentialState {
  if (t.revokedAt !== null) return 'revoked';
  if (t.expiresAt !== null && t.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'live';
}

export function invitationState(i: { expiresAt: Date; revokedAt: Date | null; acceptedAt: Date | null }, now: Date): CredentialState {
  if (i.revokedAt !== null) return 'revoked';
  if (i.acceptedAt !== null) return 'used';
  if (i.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'live';
}
