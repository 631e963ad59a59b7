import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnginePackage } from '../model.ts';
import { prepareCase } from '../prepare-case.ts';
import { utilitiesOf } from '../utility.ts';
import { polishNashShares } from './nash-polish.ts';

const logSum = (u: readonly number[], ref: readonly number[]) => u.reduce((s, x, p) => s + Math.log(x - ref[p]!), 0);

describe('polishNashShares', () => {
  it('moves the divorce example to its exact Nash split (X keeps 39/40 of the retirement account)', () => {
    const c = prepareCase({
      parties: ['X', 'Y'],
      issues: ['retirement', 'home', 'cottage', 'investments', 'other'].map((id) => ({ id, divisible: true as const })),
      scores: {
        X: { weights: { retirement: 50, home: 20, cottage: 15, investments: 10, other: 5 } },
        Y: { weights: { retirement: 40, home: 30, cottage: 10, investments: 10, other: 10 } },
      },
    });
    // Where outer approximation stops: within the solver's tolerance of the optimum.
    const near: EnginePackage = { choice: [-1, -1, -1, -1, -1], share: [[0.97501, 0.02499], [0, 1], [1, 0], [0, 1], [0, 1]] };
    const polished = polishNashShares(c, { package: near, utilities: utilitiesOf(c, near) }, [0, 0], [0, 1]);
    expect(polished.package.share[0]![0]).toBeCloseTo(0.975, 12);
    expect(polished.utilities[0]).toBeCloseTo(63.75, 10);
    expect(polished.utilities[1]).toBeCloseTo(51, 10);
  });

  it('splits one good valued alike three ways evenly, and never lowers Σ log gain', () => {
    const c = prepareCase({
      parties: ['A', 'B', 'C'],
      issues: [{ id: 'fund', divisible: true }],
      scores: { A: { weights: { fund: 100 } }, B: { weights: { fund: 100 } }, C: { weights: { fund: 100 } } },
    });
    const start: EnginePackage = { choice: [-1], share: [[0.5, 0.3, 0.2]] };
    const polished = polishNashShares(c, { package: start, utilities: utilitiesOf(c, start) }, [0, 0, 0], [0, 1, 2]);
    for (const s of polished.package.share[0]!) expect(s).toBeCloseTo(1 / 3, 12);

    fc.assert(fc.property(
      fc.array(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 4 }),
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
      (raw, mix) => {
        const issues = raw[0]!.map((_, i) => ({ id: `g${i}`, divisible: true as const }));
        const parties = raw.map((_, p) => `P${p}`);
        const scores = Object.fromEntries(raw.map((w, p) => {
          const total = w.reduce((s, x) => s + x, 0);
          const scaled = w.map((x) => Math.floor((x * 100) / total));
          scaled[0]! += 100 - scaled.reduce((s, x) => s + x, 0);
          return [`P${p}`, { weights: Object.fromEntries(scaled.map((x, i) => [`g${i}`, x])) }];
        }));
        const cc = prepareCase({ parties, issues, scores });
        const even = parties.map(() => 1 / parties.length);
        const share = issues.map((_, i) => parties.map((__, p) => (p === 0 ? mix[i]! : 0) + (1 - mix[i]!) * even[p]!));
        const pkg: EnginePackage = { choice: issues.map(() => -1), share };
        const ref = parties.map(() => 0);
        const before = utilitiesOf(cc, pkg);
        if (before.some((u) => u <= 0)) return;
        const after = polishNashShares(cc, { package: pkg, utilities: before }, ref, parties.map((_, p) => p));
        expect(logSum(after.utilities, ref)).toBeGreaterThanOrEqual(logSum(before, ref) - 1e-12);
        for (const s of after.package.share) expect(s.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
      },
    ), { numRuns: 100 });
  });
});
