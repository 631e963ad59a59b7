/**
 * Email addresses as sign-in names. Stored as entered (trimmed, NFC); compared without
 * case, which is what people expect and what the unique index on lower(email) enforces.
 */
import { z } from 'zod';

export const EMAIL_MAX = 254;

export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim();
}

/** The form two addresses are compared in. */
export function emailKey(email: string): string {
  return normalizeEmail(email).toLowerCase();
}

/** Deliberately loose: one @, something on each side, no spaces. Deliverability is not ours to judge. */
export const Email = z
  .string()
  .transform(normalizeEmail)
  .pipe(z.string().max(EMAIL_MAX, { error: `must be at most ${EMAIL_MAX} characters` }).regex(/^[^\s@]+@[^\s@]+$/, { error: 'is not an email address' }));
