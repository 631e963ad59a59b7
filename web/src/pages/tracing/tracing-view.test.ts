import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IssuedCopy } from './queries.ts';
import { breakablePieces, confidencePercent, contextAround, copiedDocuments, findOccurrences, formatEpsilon, groupByPoint } from './tracing-view.ts';

describe('figures', () => {
  it('writes ε as a power of ten', () => {
    expect(formatEpsilon(1e-2, 'en')).toBe('10⁻²');
    expect(formatEpsilon(1e-3, 'en')).toBe('10⁻³');
    expect(formatEpsilon(1e-6, 'ur')).toBe('10⁻⁶');
    expect(formatEpsilon(0.05, 'en')).toBe('0.05');
  });

  it('never rounds a confidence up to certainty', () => {
    expect(confidencePercent(0.999_999_9, 'en')).toEqual({ text: '99.99%', above: true });
    expect(confidencePercent(1, 'en')).toEqual({ text: '99.99%', above: true });
    expect(confidencePercent(0.98765, 'en')).toEqual({ text: '98.76%', above: false });
    expect(confidencePercent(-3, 'en')).toEqual({ text: '0%', above: false });
  });

  it('never shows more confidence than there is', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (c) => {
      const { text, above } = confidencePercent(c, 'en');
      const shown = Number(text.replace('%', '')) / 100;
      expect(shown).toBeLessThanOrEqual(c + 1e-12);
      expect(text).not.toBe('100%');
      if (above) expect(c).toBeGreaterThanOrEqual(0.9999);
    }));
  });
});

describe('grouping', () => {
  it('keeps points in first-seen order and items in theirs', () => {
    const items = [
      { pointId: 'b', pointNumber: '2', n: 1 }, { pointId: 'a', pointNumber: '1', n: 2 }, { pointId: 'b', pointNumber: '2', n: 3 },
    ];
    expect(groupByPoint(items).map((g) => [g.pointNumber, g.items.map((i) => i.n)])).toEqual([['2', [1, 3]], ['1', [2]]]);
  });

  it('names each copied document once', () => {
    const copy = (docId: string, docKind: 'version' | 'readout', docLabel: string): IssuedCopy => ({
      id: crypto.randomUUID(), docKind, docId, docLabel, lang: 'en', format: 'view', accountId: crypto.randomUUID(),
      recipient: 'x', recipientName: 'X', party: null, slots: 3, at: '2025-12-01T10:00:00.000Z',
    });
    const v = crypto.randomUUID();
    const r = crypto.randomUUID();
    expect(copiedDocuments([copy(v, 'version', 'v3'), copy(r, 'readout', 'Round'), copy(v, 'version', 'v3')]))
      .toEqual([{ kind: 'version', id: v, label: 'v3' }, { kind: 'readout', id: r, label: 'Round' }]);
  });
});

describe('a phrase in a point', () => {
  it('finds each place with words around it', () => {
    const text = 'The parties shall, within ten (10) days, meet; the parties shall report.';
    const found = findOccurrences(text, 'the parties shall', 'en');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start: 47, end: 64, after: ' report.' });
    expect(found[0]!.before.endsWith('meet; ')).toBe(true);
    expect(findOccurrences(text, 'parties shall', 'en').map((o) => o.start)).toEqual([4, 51]);
    expect(findOccurrences(text, 'absent', 'en')).toEqual([]);
    expect(findOccurrences(text, '', 'en')).toEqual([]);
  });

  it('reads a phrase among whole words, with an ellipsis where the text goes on', () => {
    const text = 'One two three four five six seven eight nine ten eleven.';
    const at = text.indexOf('six');
    expect(contextAround(text, at, at + 3, 'en')).toEqual({ before: '…two three four five ', after: ' seven eight nine ten…' });
    expect(contextAround('Short one.', 0, 5, 'en')).toEqual({ before: '', after: ' one.' });
  });

  it('counts offsets in UTF-16 and compares NFC', () => {
    const text = 'Мир 😀 «договор» é';
    expect(findOccurrences(text, '«договор»', 'ru')[0]).toMatchObject({ start: 7, end: 16 });
    expect(findOccurrences(text, 'e\u0301', 'en')).toHaveLength(1);
  });

  it('every occurrence is the phrase, in order, without overlap, with context from the text', () => {
    const alphabet = fc.constantFrom('a', 'b', ' ', 'ё', ',', 'ب');
    fc.assert(fc.property(fc.string({ unit: alphabet, maxLength: 60 }), fc.string({ unit: alphabet, minLength: 1, maxLength: 4 }), (text, phrase) => {
      const found = findOccurrences(text, phrase, 'en');
      let last = 0;
      for (const o of found) {
        expect(text.slice(o.start, o.end)).toBe(phrase);
        expect(o.start).toBeGreaterThanOrEqual(last);
        last = o.end;
        expect(text.slice(0, o.start).endsWith(o.before)).toBe(true);
        expect(text.slice(o.end).startsWith(o.after)).toBe(true);
      }
      // Nothing missed: after the last one, the phrase does not stand again.
      expect(text.indexOf(phrase, last)).toBe(-1);
    }));
  });
});

describe('a copy, breakable where its marks glue words', () => {
  it('cuts after each no-break space and non-breaking hyphen', () => {
    expect(breakablePieces('a\u00a0b c\u2011d')).toEqual(['a\u00a0', 'b c\u2011', 'd']);
    expect(breakablePieces('ends\u00a0')).toEqual(['ends\u00a0']);
    expect(breakablePieces('')).toEqual(['']);
  });

  it('gives back exactly the text, each piece ending in glue but the last', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\u00a0', '\u202f', '\u2011', '-', 'ы'), maxLength: 40 }), (text) => {
      const pieces = breakablePieces(text);
      expect(pieces.join('')).toBe(text);
      for (const p of pieces.slice(0, -1)) expect(['\u00a0', '\u202f', '\u2011']).toContain(p.at(-1));
      for (const p of pieces) expect(p.slice(0, -1)).not.toMatch(/[\u00a0\u202f\u2011]/u);
    }));
  });
});
