/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 seconds, what every
 * authenticator app expects). A code is accepted one step either side of now, for clocks
 * that drift, and only once: the caller records the step a code was accepted for and
 * refuses any step not after it, so a code seen over a shoulder cannot be replayed.
 */
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { RandomBytes } from './secrets.ts';

export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
export const TOTP_ISSUER = 'Parley';

function totp(secretBase32: string, label = 'account'): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** 160 random bits in base32, as RFC 4226 recommends. */
export function newTotpSecret(random: RandomBytes = randomBytes): string {
  const bytes = Uint8Array.from(random(20));
  return new Secret({ buffer: bytes.buffer }).base32;
}

/** The otpauth:// URL an authenticator app reads from a QR code. */
export function totpUrl(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

/** The step (30-second counter) a time falls in. */
export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD);
}

/** The code for a given time, for tests and tools. */
export function totpCode(secretBase32: string, nowMs: number): string {
  return totp(secretBase32).generate({ timestamp: nowMs });
}

/**
 * The step `code` is valid for, or null. `lastStep` is the step of the last code accepted:
 * a code for that step or an earlier one is refused even when it is otherwise right.
 */
export function acceptTotp(secretBase32: string, code: string, nowMs: number, lastStep: number | null): number | null {
  const trimmed = code.replace(/\s+/g, '');
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(trimmed)) return null;
  const delta = totp(secretBase32).validate({ token: trimmed, timestamp: nowMs, window: 1 });
  if (delta === null) return null;
  const step = totpStep(nowMs) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
