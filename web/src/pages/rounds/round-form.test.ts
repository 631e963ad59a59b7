import { describe, expect, it } from 'vitest';
import type { RoundOut } from '../../api/schemas.ts';
import { draftFromRound, emptyRoundDraft, groupByDay, instantOf, localDay, localInputValue, minutesOf, roundBody, toLocalized, toRows, toggle } from './round-form.ts';

const round: RoundOut = {
  id: '00000000-0000-4000-8000-000000000001', title: { en: 'Talks in the Kremlin', ur: 'کریملن میں مذاکرات' }, startsAt: '2025-12-02T16:00:00.000Z',
  endsAt: null, durationMinutes: 300, place: { en: 'Moscow' }, format: 'bilateral', partyIds: ['p1', 'p2'], attendeeIds: ['a1'],
  confidentiality: { nonDisclosure: true, terms: { en: 'Not to disclose' } }, publicReadout: {}, pointIds: ['x'], visibility: 'parties', revision: 3,
};

describe('localized rows', () => {
  it('keeps rows with text, trimmed, the first of a repeated language', () => {
    expect(toLocalized([{ lang: 'en', text: ' A ' }, { lang: 'ur', text: '  ' }, { lang: 'en', text: 'B' }, { lang: 'ru', text: 'В' }])).toEqual({ en: 'A', ru: 'В' });
  });
  it('gives one empty row for an empty text', () => {
    expect(toRows({}, 'ur')).toEqual([{ lang: 'ur', text: '' }]);
    expect(toRows({ en: 'x', ur: 'y' }, 'en')).toEqual([{ lang: 'en', text: 'x' }, { lang: 'ur', text: 'y' }]);
  });
});

describe('times', () => {
  it('round-trips an instant through the datetime-local value of this zone', () => {
    const v = localInputValue('2025-12-02T16:00:00.000Z');
    expect(v).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(instantOf(v)).toBe('2025-12-02T16:00:00.000Z');
    expect(localDay('2025-12-02T16:00:00.000Z')).toBe(v.slice(0, 10));
  });
  it('refuses what is not a full date and time', () => {
    expect(instantOf('2025-12-02')).toBeNull();
    expect(instantOf('')).toBeNull();
    expect(localInputValue(null)).toBe('');
  });
  it('takes the recorded duration, else the span from start to end', () => {
    expect(minutesOf(round)).toBe(300);
    expect(minutesOf({ ...round, durationMinutes: null, endsAt: '2025-12-02T17:30:00.000Z' })).toBe(90);
    expect(minutesOf({ ...round, durationMinutes: null })).toBeNull();
  });
});

describe('roundBody', () => {
  it('builds the body of an edited round unchanged', () => {
    const r = roundBody(draftFromRound(round, 'en'));
    expect(r).toEqual({
      ok: true,
      body: {
        title: round.title, startsAt: round.startsAt, endsAt: null, durationMinutes: 300, place: { en: 'Moscow' }, format: 'bilateral',
        partyIds: ['p1', 'p2'], attendeeIds: ['a1'], confidentiality: { nonDisclosure: true, terms: { en: 'Not to disclose' } },
        publicReadout: {}, pointIds: ['x'], visibility: 'parties',
      },
    });
  });
  it('names the first thing to fix', () => {
    const d = emptyRoundDraft('en');
    expect(roundBody(d)).toEqual({ ok: false, problem: 'title' });
    const titled = { ...d, title: [{ lang: 'ur', text: 'دور' }] };
    expect(roundBody(titled)).toEqual({ ok: false, problem: 'start' });
    const started = { ...titled, startsAt: '2025-12-02T19:00' };
    expect(roundBody({ ...started, endsAt: '2025-12-02T18:00' })).toEqual({ ok: false, problem: 'endBeforeStart' });
    expect(roundBody({ ...started, endsAt: '2025-12' })).toEqual({ ok: false, problem: 'end' });
    expect(roundBody({ ...started, durationMinutes: '0' })).toEqual({ ok: false, problem: 'duration' });
    expect(roundBody({ ...started, durationMinutes: '1.5' })).toEqual({ ok: false, problem: 'duration' });
    expect(roundBody({ ...started, durationMinutes: '90' })).toMatchObject({ ok: true, body: { durationMinutes: 90 } });
  });
  it('drops the terms when there is no non-disclosure', () => {
    const d = { ...draftFromRound(round, 'en'), nonDisclosure: false };
    expect(roundBody(d)).toMatchObject({ ok: true, body: { confidentiality: { nonDisclosure: false, terms: {} } } });
  });
});

describe('groupByDay', () => {
  it('puts the newest day first and each day in order of start', () => {
    const a = { startsAt: '2025-11-30T10:00:00Z', k: 'a' };
    const b = { startsAt: '2025-12-02T16:00:00Z', k: 'b' };
    const c = { startsAt: '2025-12-02T12:00:00Z', k: 'c' };
    const g = groupByDay([a, b, c]);
    expect(g.map((x) => x.rounds.map((r) => r.k))).toEqual([['c', 'b'], ['a']]);
    expect(g[0]!.day).toBe(localDay(c.startsAt));
  });
});

describe('toggle', () => {
  it('adds once and removes', () => {
    expect(toggle(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
