/**
 * Formats of the secrets Parley hands out. Every secret is 32 random bytes (256 bits) in
 * base64url; the database keeps only its SHA-256, so a copy of the tables opens nothing.
 * A plain hash (not argon2) is right here: the secrets are random and long, so there is
 * nothing to guess, and lookups by hash stay one index probe.
 *
 * API tokens and invitation links carry a prefix so secret scanners (and people) can tell
 * what a leaked string is; the two prefixes cannot be mistaken for each other because the
 * body after the prefix has a fixed length.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const BODY = '[A-Za-z0-9_-]{43}';

export const API_TOKEN_PREFIX = 'parley_';
export const INVITATION_PREFIX = 'parley_inv_';

const SESSION_RE = new RegExp(`^${BODY}$`);
const API_TOKEN_RE = new RegExp(`^${API_TOKEN_PREFIX}${BODY}$`);
const INVITATION_RE = new RegExp(`^${INVITATION_PREFIX}${BODY}$`);

export type RandomBytes = (n: number) => Uint8Array;

/** 32 random bytes, base64url without padding: 43 characters. */
export function newSecret(random: RandomBytes = randomBytes): string {
  return Buffer.from(random(32)).toString('base64url');
}

export const newSessionSecret = (random?: RandomBytes): string => newSecret(random);
export const newApiToken = (random?: RandomBytes): string => API_TOKEN_PREFIX + newSecret(random);
export const newInvitationToken = (random?: RandomBytes): string => INVITATION_PREFIX + newSecret(random);
/** The anti-CSRF token of a session: random, unrelated to the session secret. */
export const newCsrfToken = (random?: RandomBytes): string => newSecret(random);

export const isSessionSecret = (s: string): boolean => SESSION_RE.test(s);
export const isApiToken = (s: string): boolean => API_TOKEN_RE.test(s);
export const isInvitationToken = (s: string): boolean => INVITATION_RE.test(s);

/** What the database stores for a secret: lowercase hex SHA-256. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two secrets in time independent of where they differ. */
export function secretsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A password for a person to type once and change: 20 characters from an alphabet without
 * look-alikes (no 0/O, 1/l/I), in groups of five. 32 symbols, so each character is exactly
 * 5 random bits (no modulo bias): 100 bits in all.
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789A';
export function generatePassword(random: RandomBytes = randomBytes): string {
  const bytes = random(20);
  let out = '';
  for (let i = 0; i < 20; i++) {
    if (i > 0 && i % 5 === 0) out += '-';
    out += ALPHABET.charAt((bytes[i] ?? 0) & 31);
  }
  return out;
}
