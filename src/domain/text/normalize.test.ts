import { describe, expect, it } from 'vitest';
import { hasForbiddenControls, normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it('composes decomposed text (NFC)', () => {
    expect(normalizeText('Cafe\u0301')).toBe('Caf\u00e9');
    expect(normalizeText('\u0418\u0306')).toBe('\u0419'); // Cyrillic Й
    expect(normalizeText('\u0622')).toBe('\u0622'); // Arabic alef with madda stays
    expect(normalizeText('\u0627\u0653')).toBe('\u0622'); // alef + combining madda composes
  });

  it('unifies line breaks', () => {
    expect(normalizeText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });

  it('is idempotent and leaves composed text alone', () => {
    const s = 'یوری اوشاکوف — Ушаков — Ushakov';
    expect(normalizeText(s)).toBe(s);
    expect(normalizeText(normalizeText('e\u0301\r\n'))).toBe(normalizeText('e\u0301\r\n'));
  });
});

describe('hasForbiddenControls', () => {
  it('finds NUL and other C0 controls and DEL', () => {
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001f', '\u007f']) {
      expect(hasForbiddenControls(`a${c}b`), JSON.stringify(c)).toBe(true);
    }
  });

  it('allows tab, line feed and carriage return, and ordinary text in any script', () => {
    expect(hasForbiddenControls('a\tb\nc\rd')).toBe(false);
    expect(hasForbiddenControls('لیکن واشنگٹن اور ماسکو')).toBe(false);
    expect(hasForbiddenControls('')).toBe(false);
  });
});
