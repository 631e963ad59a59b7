import { describe, expect, it } from 'vitest';
import { formatFigure, formatGain, formatShare, packageLines, withLabels } from './format.ts';

const space = {
  partyIds: ['ru', 'ua'], savedAt: '2025-12-01T10:00:00.000Z', savedBy: null, revision: 7,
  issues: [
    { id: 'land', label: 'Land', divisible: false, options: [{ key: 'a', label: 'Line A' }, { key: 'b', label: 'Line B' }], pointIds: [] },
    { id: 'fund', label: 'Fund', divisible: true, options: [], pointIds: [] },
  ],
};

describe('figures', () => {
  it('shows satisfaction with at most one decimal, in the UI language', () => {
    expect(formatFigure(56.666, 'en')).toBe('56.7');
    expect(formatFigure(50, 'en')).toBe('50');
    expect(formatFigure(56.666, 'ru')).toBe('56,7');
    expect(formatFigure(56.666, 'ar-EG')).toBe('٥٦٫٧');
  });
  it('signs gains and calls a rounding crumb zero', () => {
    expect(formatGain(12.34, 'en')).toBe('+12.3');
    expect(formatGain(-3, 'en')).toBe('-3');
    expect(formatGain(0.01, 'en')).toBe('0');
  });
  it('shows shares as percentages', () => {
    expect(formatShare(0.125, 'en')).toBe('12.5%');
    expect(formatShare(5 / 6, 'en')).toBe('83.3%');
  });
});

describe('a package as lines', () => {
  it('names options by label and lists shares in the settlement order', () => {
    expect(packageLines({ fund: { ua: 0.8, ru: 0.2 }, land: 'b' }, space)).toEqual([
      { issueId: 'land', issue: 'Land', kind: 'option', option: 'Line B', known: true },
      { issueId: 'fund', issue: 'Fund', kind: 'shares', shares: [{ partyId: 'ru', share: 0.2 }, { partyId: 'ua', share: 0.8 }] },
    ]);
  });
  it('keeps what an older package names that the space no longer has, marked unknown', () => {
    expect(packageLines({ land: 'gone', old: 'x' }, space)).toEqual([
      { issueId: 'land', issue: 'Land', kind: 'option', option: 'gone', known: false },
      { issueId: 'old', issue: '', kind: 'option', option: 'x', known: false },
    ]);
  });
});

describe('notes from the engine', () => {
  it('name issues and parties by label, not by id', () => {
    const labels = new Map([['e8030151-bdc6-4ea5-b56a-c9f0a5d05665', 'Port access'], ['6628c20a-e12c-4bca-bb81-2159cdb1ee89', 'Prisoners']]);
    expect(withLabels('it needs every issue divisible; "e8030151-bdc6-4ea5-b56a-c9f0a5d05665", "6628c20a-e12c-4bca-bb81-2159cdb1ee89" have options', labels))
      .toBe('it needs every issue divisible; "Port access", "Prisoners" have options');
  });
});
