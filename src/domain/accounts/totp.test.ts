import { describe, expect, it } from 'vitest';
import { acceptTotp, newTotpSecret, TOTP_PERIOD, totpCode, totpStep, totpUrl } from './totp.ts';

// RFC 6238 appendix B: the SHA-1 test key "12345678901234567890" in base32.
const RFC_KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const now = Date.parse('2025-12-02T16:00:10Z');

describe('TOTP', () => {
  it('computes the RFC 6238 test vectors (last 6 digits)', () => {
    expect(totpCode(RFC_KEY, 59_000)).toBe('287082');
    expect(totpCode(RFC_KEY, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(RFC_KEY, 1_234_567_890_000)).toBe('005924');
  });

  it('makes 160-bit base32 secrets and an otpauth URL naming Parley and the account', () => {
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(s);
    const url = new URL(totpUrl(s, 'ushakov@demo.parley'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe(s);
    expect(url.searchParams.get('issuer')).toBe('Parley');
    expect(decodeURIComponent(url.pathname)).toContain('ushakov@demo.parley');
  });

  it('accepts the current code and one step either side, returning its step', () => {
    const step = totpStep(now);
    expect(acceptTotp(RFC_KEY, totpCode(RFC_KEY, now), now, null)).toBe(step);
    expect(acceptTotp(RFC_KEY, totpCode(RFC_KEY, now - TOTP_PERIOD * 1000), now, null)).toBe(step - 1);
    expect(acceptTotp(RFC_KEY, totpCode(RFC_KEY, now + TOTP_PERIOD * 1000), now, null)).toBe(step + 1);
    expect(acceptTotp(RFC_KEY, totpCode(RFC_KEY, now + 2 * TOTP_PERIOD * 1000), now, null)).toBeNull();
    expect(acceptTotp(RFC_KEY, totpCode(RFC_KEY, now - 2 * TOTP_PERIOD * 1000), now, null)).toBeNull();
  });

  it('refuses a code for a step already used, or an earlier one', () => {
    const step = totpStep(now);
    const code = totpCode(RFC_KEY, now);
    expect(acceptTotp(RFC_KEY, code, now, step)).toBeNull();
    expect(acceptTotp(RFC_KEY, totpCode(RFC_KEY, now - TOTP_PERIOD * 1000), now, step)).toBeNull();
    expect(acceptTotp(RFC_KEY, totpCode(RFC_KEY, now + TOTP_PERIOD * 1000), now, step)).toBe(step + 1);
    expect(acceptTotp(RFC_KEY, code, now, step - 1)).toBe(step);
  });

  it('tolerates spaces, refuses anything but six digits', () => {
    const code = totpCode(RFC_KEY, now);
    expect(acceptTotp(RFC_KEY, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(totpStep(now));
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`]) expect(acceptTotp(RFC_KEY, bad, now, null), bad).toBeNull();
  });
});
