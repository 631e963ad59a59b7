import { describe, expect, it } from 'vitest';
import { Email, emailKey, normalizeEmail } from './email.ts';

describe('Email', () => {
  it('trims, keeps case as entered, and compares without case', () => {
    expect(Email.parse('  Ushakov@Demo.Parley ')).toBe('Ushakov@Demo.Parley');
    expect(emailKey(' Ushakov@Demo.Parley')).toBe('ushakov@demo.parley');
    expect(normalizeEmail('e\u0301@x.org')).toBe('é@x.org');
  });

  it('refuses what is not an address', () => {
    for (const bad of ['', 'no-at', 'a@', '@b', 'a b@c.d', 'a@b@c']) expect(Email.safeParse(bad).success, bad).toBe(false);
    expect(Email.safeParse(`${'a'.repeat(250)}@b.cd`).success).toBe(false);
  });

  it('accepts addresses in any script', () => {
    expect(Email.parse('ушаков@пример.рф')).toBe('ушаков@пример.рф');
  });
});
