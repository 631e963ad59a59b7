import { describe, expect, it } from 'vitest';
import { formatDay, formatDuration, languageChoices, languageName } from './format.ts';

describe('formatDuration', () => {
  it('writes hours and minutes in the UI language', () => {
    expect(formatDuration(300, 'en')).toBe('5 hours');
    expect(formatDuration(90, 'en')).toMatch(/^1 hour,? 30 minutes$/);
    expect(formatDuration(45, 'en')).toBe('45 minutes');
    expect(formatDuration(300, 'ur')).toContain('گھنٹے');
  });
});

describe('formatDay', () => {
  it('keeps a calendar day on its own day whatever the zone', () => {
    const text = formatDay('2025-12-03', 'en');
    expect(text).toContain('2025');
    expect(text).toMatch(/\bDec\b/);
    expect(text).toMatch(/\b3\b/);
    expect(text).not.toMatch(/\b2\b/);
  });
  it('gives back what it cannot read', () => {
    expect(formatDay('not a day', 'en')).toBe('not a day');
  });
});

describe('languages', () => {
  it('names a language in the UI language', () => {
    expect(languageName('ur', 'en')).toBe('Urdu');
    expect(languageName('ur', 'ur')).toBe('اردو');
  });
  it('offers the negotiation languages first, without duplicates', () => {
    expect(languageChoices(['ru', 'en'])).toEqual(['ru', 'en', 'ur', 'ar', 'uk']);
  });
});
