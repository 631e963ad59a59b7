/**
 * Password hashing: argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: the
 * OWASP minimum), PHC strings, so parameters travel with each hash and can be raised later.
 */
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  // The library's default algorithm is Argon2id (test/auth/passwords.test.ts holds it to that).
  return hash(password.normalize('NFC'));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * Spends the same work as checking a real password, for sign-ins with an unknown email:
 * otherwise the response time would tell which addresses have accounts.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('parley-timing-equaliser');
  await verifyPassword(await dummy, password);
  return false;
}
