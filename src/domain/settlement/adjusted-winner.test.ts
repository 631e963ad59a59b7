import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustedWinner } from './adjusted-winner.ts';
import { arbitraryCase } from './arbitrary-case.ts';
import { prepareCase } from './prepare-case.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../test/fixtures/settlement/${name}`, import.meta.url), 'utf8'));

describe('Adjusted Winner', () => {
  it('settles Brams and Taylor’s divorce example exactly', () => {
    const c = prepareCase(fixture('divorce.json'));
    const aw = adjustedWinner(c);
    if (!aw.ok) throw new Error(aw.reason);
    const [retirement, home, cottage, investments, other] = aw.package.share;
    // X keeps 5/6 of the retirement account and the cottage; Y gets the rest of the account,
    // the home, the investments (the tie, to the party behind) and the other items.
    expect(retirement![0]).toBeCloseTo(5 / 6, 12);
    expect(retirement![1]).toBeCloseTo(1 / 6, 12);
    expect(cottage).toEqual([1, 0]);
    expect(home).toEqual([0, 1]);
    expect(investments).toEqual([0, 1]);
    expect(other).toEqual([0, 1]);
    expect(aw.split).toEqual({ issue: 0, shares: retirement });
    expect(aw.utilities[0]).toBeCloseTo(56 + 2 / 3, 12);
    expect(aw.utilities[1]).toBeCloseTo(56 + 2 / 3, 12);
  });

  it('splits nothing when the winner phase is already equitable', () => {
    const c = prepareCase({
      parties: ['X', 'Y'],
      issues: ['a', 'b', 'c'].map((id) => ({ id, divisible: true as const })),
      // X wins a (60), Y wins b (40); c ties and goes to Y, who is behind: 60 each.
      scores: { X: { weights: { a: 60, b: 20, c: 20 } }, Y: { weights: { a: 40, b: 40, c: 20 } } },
    });
    const aw = adjustedWinner(c);
    if (!aw.ok) throw new Error(aw.reason);
    expect(aw.package.share).toEqual([[1, 0], [0, 1], [0, 1]]);
    expect(aw.split).toBeNull();
    expect(aw.utilities).toEqual([60, 60]);
  });

  it('is equitable and proportional and splits at most one good', () => {
    const twoDivisible = arbitraryCase({ parties: { min: 2, max: 2 }, issues: { min: 1, max: 8 }, options: { min: 1, max: 1 }, divisible: 'all' });
    fc.assert(
      fc.property(twoDivisible, (input) => {
        const aw = adjustedWinner(prepareCase(input));
        if (!aw.ok) throw new Error(aw.reason);
        expect(aw.utilities[0]).toBeCloseTo(aw.utilities[1]!, 9);
        expect(aw.utilities[0]).toBeGreaterThanOrEqual(50 - 1e-9);
        const split = aw.package.share.filter((s) => s[0]! > 0 && s[0]! < 1);
        expect(split.length).toBeLessThanOrEqual(1);
        for (const s of aw.package.share) expect(s[0]! + s[1]!).toBeCloseTo(1, 12);
      }),
      { numRuns: 300 },
    );
  });

  it('says why it does not apply', () => {
    const three = prepareCase({
      parties: ['X', 'Y', 'Z'],
      issues: [{ id: 'a', divisible: true }],
      scores: { X: { weights: { a: 100 } }, Y: { weights: { a: 100 } }, Z: { weights: { a: 100 } } },
    });
    expect(adjustedWinner(three)).toEqual({ ok: false, reason: 'it divides goods between exactly two parties; this case has 3' });
    const options = prepareCase({
      parties: ['X', 'Y'],
      issues: [{ id: 'a', divisible: true }, { id: 'b', options: ['p', 'q'] }],
      scores: { X: { weights: { a: 100 } }, Y: { weights: { a: 100 } } },
    });
    expect(adjustedWinner(options)).toEqual({ ok: false, reason: 'it needs every issue divisible; "b" has options' });
  });
});
