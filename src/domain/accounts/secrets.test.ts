import { describe, expect, it } from 'vitest';
import {
  generatePassword, hashSecret, isApiToken, isInvitationToken, isSessionSecret, newApiToken, newCsrfToken,
  newInvitationToken, newSessionSecret, secretsEqual,
} from './secrets.ts';
import { passwordProblem } from './password-policy.ts';

const fixed = (byte: number) => (n: number) => new Uint8Array(n).fill(byte);

describe('secret formats', () => {
  it('are 256 bits of base64url, with a prefix for tokens and invitations', () => {
    expect(newSessionSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newCsrfToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newApiToken()).toMatch(/^parley_[A-Za-z0-9_-]{43}$/);
    expect(newInvitationToken()).toMatch(/^parley_inv_[A-Za-z0-9_-]{43}$/);
    expect(newApiToken(fixed(0))).toBe('parley_' + 'A'.repeat(43));
  });

  it('never repeat', () => {
    const seen = new Set(Array.from({ length: 200 }, () => newApiToken()));
    expect(seen.size).toBe(200);
  });

  it('are recognised by kind and never mistaken for one another', () => {
    const token = newApiToken();
    const invitation = newInvitationToken();
    const session = newSessionSecret();
    expect([isApiToken(token), isInvitationToken(token), isSessionSecret(token)]).toEqual([true, false, false]);
    expect([isApiToken(invitation), isInvitationToken(invitation), isSessionSecret(invitation)]).toEqual([false, true, false]);
    expect([isApiToken(session), isInvitationToken(session), isSessionSecret(session)]).toEqual([false, false, true]);
    expect(isApiToken(token + 'x')).toBe(false);
    expect(isApiToken(token.slice(0, -1))).toBe(false);
    expect(isApiToken(`${token.slice(0, -1)}=`)).toBe(false);
  });
});

describe('hashSecret', () => {
  it('is SHA-256 in lowercase hex', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('secretsEqual', () => {
  it('says equal only for equal strings, of any length', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abd')).toBe(false);
    expect(secretsEqual('abc', 'abcd')).toBe(false);
    expect(secretsEqual('', '')).toBe(true);
  });
});

describe('generatePassword', () => {
  it('gives 20 unambiguous characters in groups of five that pass the policy', () => {
    const p = generatePassword();
    expect(p).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    expect(p).not.toMatch(/[01lIO]/);
    expect(passwordProblem(p, 'admin@example.org')).toBeNull();
  });

  it('uses every symbol of its alphabet', () => {
    const seen = new Set<string>();
    for (let b = 0; b < 32; b++) for (const ch of generatePassword(fixed(b)).replaceAll('-', '')) seen.add(ch);
    expect(seen.size).toBe(32);
  });
});
