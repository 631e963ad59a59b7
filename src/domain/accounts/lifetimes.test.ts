import { describe, expect, it } from 'vitest';
import {
  invitationState, LOCK_AFTER_FAILURES, LOCK_MS, retryAfterSeconds, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionExpiresAt,
  sessionIsLive, SIGNIN_MAX_PER_WINDOW, SIGNIN_WINDOW_MS, tokenState,
} from './lifetimes.ts';

const t0 = new Date('2025-12-02T16:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const H = 3_600_000;

describe('sessions', () => {
  it('live 12 hours idle and 7 days in all', () => {
    expect(SESSION_IDLE_MS).toBe(12 * H);
    expect(SESSION_ABSOLUTE_MS).toBe(7 * 24 * H);
    expect(sessionExpiresAt(t0)).toEqual(at(7 * 24 * H));
    const s = { expiresAt: sessionExpiresAt(t0), lastSeenAt: t0, revokedAt: null };
    expect(sessionIsLive(s, at(H))).toBe(true);
    expect(sessionIsLive(s, at(12 * H - 1))).toBe(true);
    expect(sessionIsLive(s, at(12 * H)), 'idle for 12 hours').toBe(false);
    expect(sessionIsLive({ ...s, lastSeenAt: at(7 * 24 * H - H) }, at(7 * 24 * H)), 'past the absolute limit though active').toBe(false);
    expect(sessionIsLive({ ...s, revokedAt: t0 }, at(1))).toBe(false);
  });
});

describe('throttle', () => {
  it('states the numbers the issue asks for', () => {
    expect([SIGNIN_MAX_PER_WINDOW, SIGNIN_WINDOW_MS]).toEqual([10, 5 * 60_000]);
    expect([LOCK_AFTER_FAILURES, LOCK_MS]).toEqual([5, 15 * 60_000]);
  });

  it('Retry-After is whole seconds, at least one', () => {
    expect(retryAfterSeconds(at(90_500), t0)).toBe(91);
    expect(retryAfterSeconds(t0, t0)).toBe(1);
    expect(retryAfterSeconds(at(-5000), t0)).toBe(1);
  });
});

describe('token and invitation state', () => {
  it('revoked wins over expired; no expiry means live', () => {
    expect(tokenState({ expiresAt: null, revokedAt: null }, t0)).toBe('live');
    expect(tokenState({ expiresAt: at(1), revokedAt: null }, t0)).toBe('live');
    expect(tokenState({ expiresAt: t0, revokedAt: null }, t0)).toBe('expired');
    expect(tokenState({ expiresAt: at(-1), revokedAt: at(-2) }, t0)).toBe('revoked');
  });

  it('an invitation is good once, until it expires or is revoked', () => {
    const open = { expiresAt: at(H), revokedAt: null, acceptedAt: null };
    expect(invitationState(open, t0)).toBe('live');
    expect(invitationState({ ...open, acceptedAt: t0 }, t0)).toBe('used');
    expect(invitationState({ ...open, revokedAt: t0 }, t0)).toBe('revoked');
    expect(invitationState(open, at(H))).toBe('expired');
  });
});
