import { describe, expect, it } from 'vitest';
import { OptionKey } from '../../../../src/domain/settlement/commands/settlement-records.ts';
import { draftFromSpace, emptyIssue, keyFromLabel, move, optionKeys, spaceBody, spaceProblems, uniqueKey, type OptionDraft, type SpaceDraft } from './space-draft.ts';

const opt = (label: string, savedKey: string | null = null): OptionDraft => ({ uid: label, label, savedKey });

describe('option keys from labels', () => {
  it('keeps lower-case ASCII letters and digits, joins the rest with "-"', () => {
    expect(keyFromLabel('Line of contact (2025)')).toBe('line-of-contact-2025');
    expect(keyFromLabel('  Kyiv  keeps  it ')).toBe('kyiv-keeps-it');
    expect(keyFromLabel('snake_case stays')).toBe('snake_case-stays');
  });
  it('drops accents and never starts or ends with a separator', () => {
    expect(keyFromLabel('Élysée — Zürich!')).toBe('elysee-zurich');
    expect(keyFromLabel('--x--')).toBe('x');
  });
  it('gives "option" for a label with no Latin letters or digits', () => {
    expect(keyFromLabel('لائن آف کنٹرول')).toBe('option');
    expect(keyFromLabel('Линия')).toBe('option');
    expect(keyFromLabel('')).toBe('option');
  });
  it('is at most 32 characters and what the server accepts', () => {
    const long = keyFromLabel('a very long label that goes on and on well past the limit');
    expect(long.length).toBeLessThanOrEqual(32);
    for (const label of ['Line of contact (2025)', 'لائن', long, '9 lives', '_x']) expect(OptionKey.safeParse(keyFromLabel(label)).success, label).toBe(true);
  });
  it('makes a key unique with a number, still within 32 characters', () => {
    expect(uniqueKey('a', new Set(['a', 'a-2']))).toBe('a-3');
    const k = 'x'.repeat(32);
    const u = uniqueKey(k, new Set([k]));
    expect(u).toBe(`${'x'.repeat(30)}-2`);
    expect(OptionKey.safeParse(u).success).toBe(true);
  });
  it('saved options keep their keys when relabelled; new ones never take a saved key', () => {
    expect(optionKeys([opt('Renamed', 'yes'), opt('Yes'), opt('Yes')])).toEqual(['yes', 'yes-2', 'yes-3']);
    expect(optionKeys([opt('Урду'), opt('اردو')])).toEqual(['option', 'option-2']);
  });
});

describe('the space draft', () => {
  const parties = [{ id: 'ru', broker: false }, { id: 'us', broker: true }, { id: 'ua', broker: false }];
  it('starts with the parties that are not brokers and one empty issue', () => {
    const d = draftFromSpace(null, parties);
    expect(d.partyIds).toEqual(['ru', 'ua']);
    expect(d.issues).toHaveLength(1);
    expect(spaceProblems(d).map((p) => p.kind)).toEqual(['issueLabel', 'optionLabel']);
  });

  it('finds what the server would refuse', () => {
    const d: SpaceDraft = {
      partyIds: ['ru'],
      issues: [
        { ...emptyIssue(), label: 'Land', options: [opt('A'), opt(' a ')] },
        { ...emptyIssue(), label: 'land', options: [opt('X')] },
        { ...emptyIssue(), label: 'Money', divisible: true, options: [] },
      ],
    };
    expect(spaceProblems(d)).toEqual([
      { kind: 'parties' },
      { kind: 'optionTwice', issue: 0 },
      { kind: 'issueTwice', issue: 1 },
      { kind: 'options', issue: 1 },
    ]);
    expect(spaceProblems({ partyIds: ['a', 'b'], issues: [] })).toEqual([{ kind: 'noIssues' }]);
  });

  it('round-trips a saved space: ids and keys kept, divisible issues without options, basedOn sent', () => {
    const space = {
      partyIds: ['ru', 'ua'], savedAt: '2025-12-01T10:00:00.000Z', savedBy: null, revision: 7,
      issues: [
        { id: 'i1', label: 'Land', divisible: false, options: [{ key: 'north', label: 'North' }, { key: 'south', label: 'South' }], pointIds: ['p1'] },
        { id: 'i2', label: 'Fund', divisible: true, options: [], pointIds: [] },
      ],
    };
    const d = draftFromSpace(space, parties);
    d.issues[0]!.options[0]!.label = 'The north';
    d.issues.push({ ...emptyIssue(), label: ' Ports ', options: [opt('Open'), opt('Closed')] });
    expect(spaceProblems(d)).toEqual([]);
    expect(spaceBody(d, 7)).toEqual({
      partyIds: ['ru', 'ua'],
      issues: [
        { id: 'i1', label: 'Land', divisible: false, options: [{ key: 'north', label: 'The north' }, { key: 'south', label: 'South' }], pointIds: ['p1'] },
        { id: 'i2', label: 'Fund', divisible: true, options: [], pointIds: [] },
        { label: 'Ports', divisible: false, options: [{ key: 'open', label: 'Open' }, { key: 'closed', label: 'Closed' }], pointIds: [] },
      ],
      basedOn: 7,
    });
    expect(spaceBody(d, null)).not.toHaveProperty('basedOn');
  });

  it('moves an item one place, and leaves the list alone at either end', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});
