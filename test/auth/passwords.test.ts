import { describe, expect, it } from 'vitest';
import { hashPassword, verifyNothing, verifyPassword } from '../../src/store/accounts/passwords.ts';

describe('password hashing', () => {
  it('is argon2id with per-hash salt, in PHC form', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
  });

  it('verifies the password and nothing else; NFC and NFD spellings are one password', async () => {
    const h = await hashPassword('pässwörd-lang-genug');
    expect(await verifyPassword(h, 'pässwörd-lang-genug')).toBe(true);
    expect(await verifyPassword(h, 'pässwörd-lang-genug'.normalize('NFD'))).toBe(true);
    expect(await verifyPassword(h, 'passwort-lang-genug')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
    expect(await verifyNothing('anything')).toBe(false);
  });
});
