import { describe, expect, it } from 'vitest';
import { emptyPackageDraft, evenShares, packageBody, packageProblems, sharesSum } from './package-draft.ts';

const space = {
  partyIds: ['ru', 'ua', 'eu'], savedAt: '2025-12-01T10:00:00.000Z', savedBy: null, revision: 7,
  issues: [
    { id: 'land', label: 'Land', divisible: false, options: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }], pointIds: [] },
    { id: 'fund', label: 'Fund', divisible: true, options: [], pointIds: [] },
  ],
};

describe('the package builder', () => {
  it('splits 100 as evenly as whole percentages allow', () => {
    expect(evenShares(3)).toEqual([34, 33, 33]);
    expect(evenShares(4)).toEqual([25, 25, 25, 25]);
    expect(evenShares(7).reduce((a, b) => a + b, 0)).toBe(100);
    expect(evenShares(0)).toEqual([]);
  });

  it('starts with no option chosen and even shares', () => {
    const d = emptyPackageDraft(space);
    expect(d.shares.fund).toEqual({ ru: '34', ua: '33', eu: '33' });
    expect(sharesSum(d, 'fund', space.partyIds)).toBe(100);
    expect(packageProblems(d, space)).toEqual([{ kind: 'choice', issueId: 'land' }]);
  });

  it('refuses shares that do not add up to 100, or that are not percentages', () => {
    const d = emptyPackageDraft(space);
    d.choices.land = 'b';
    d.shares.fund = { ru: '50', ua: '40', eu: '' };
    expect(packageProblems(d, space)).toEqual([{ kind: 'sharesSum', issueId: 'fund', sum: 90 }]);
    d.shares.fund = { ru: '50', ua: '-10', eu: '60' };
    expect(packageProblems(d, space).map((p) => p.kind)).toEqual(['share', 'sharesSum']);
  });

  it('sends options by key and shares as fractions of 1', () => {
    const d = emptyPackageDraft(space);
    d.choices.land = 'b';
    d.shares.fund = { ru: '12.5', ua: '80', eu: '7.5' };
    d.label = ' Option B, most of the fund to Ukraine ';
    d.visibility = 'parties';
    expect(packageProblems(d, space)).toEqual([]);
    expect(packageBody(d, space)).toEqual({
      label: 'Option B, most of the fund to Ukraine', source: 'manual', visibility: 'parties',
      package: { land: 'b', fund: { ru: 0.125, ua: 0.8, eu: 0.075 } },
    });
  });
});
