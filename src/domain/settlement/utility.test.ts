import { describe, expect, it } from 'vitest';
import { ParleyError } from '../errors.ts';
import { prepareCase } from './prepare-case.ts';
import { fromPackage, fromPartyRecord, toPackage, toPartyRecord, utilitiesOf } from './utility.ts';

const c = prepareCase({
  parties: ['A', 'B'],
  issues: [{ id: 'land', options: ['x', 'y'] }, { id: 'money', divisible: true }],
  scores: {
    A: { weights: { land: 60, money: 40 }, ratings: { land: { x: 100, y: 25 } } },
    B: { weights: { land: 30, money: 70 }, ratings: { land: { x: 0, y: 100 } } },
  },
});

describe('utilities and packages', () => {
  it('scores a package on each party’s 0–100 scale', () => {
    const pkg = fromPackage(c, { land: 'y', money: { A: 0.25, B: 0.75 } });
    expect(pkg).toEqual({ choice: [1, -1], share: [[], [0.25, 0.75]] });
    // A: 60 × 25/100 + 40 × 0.25 = 25; B: 30 × 100/100 + 70 × 0.75 = 82.5
    expect(utilitiesOf(c, pkg)).toEqual([25, 82.5]);
  });

  it('turns an engine package back into names', () => {
    expect(toPackage(c, { choice: [0, -1], share: [[], [1, 0]] })).toEqual({ land: 'x', money: { A: 1, B: 0 } });
  });

  it('gives a party left out of a divisible issue a share of 0', () => {
    expect(fromPackage(c, { land: 'x', money: { B: 1 } }).share[1]).toEqual([0, 1]);
  });

  it('refuses packages that do not settle the case', () => {
    const refused = (pkg: unknown) => {
      try {
        fromPackage(c, pkg);
      } catch (e) {
        expect((e as ParleyError).code).toBe('invalid_input');
        return (e as ParleyError).message;
      }
      throw new Error('accepted');
    };
    expect(refused({ land: 'x' })).toMatch(/does not settle issue "money"/);
    expect(refused({ land: 'z', money: { A: 1 } })).toMatch(/Issue "land" has no option "z"/);
    expect(refused({ land: 'x', money: { A: 0.5, B: 0.4 } })).toMatch(/shares of "money" sum to 0\.9, not 1/);
    expect(refused({ land: 'x', money: { A: 0.5, C: 0.5 } })).toMatch(/"C", which is not a party/);
    expect(refused({ land: 'x', money: 'A' })).toMatch(/"money" is divisible/);
    expect(refused({ land: { A: 1 }, money: { A: 1 } })).toMatch(/"land" has options/);
    expect(refused({ land: 'x', money: { A: 1 }, sea: 'x' })).toMatch(/"sea", which is not an issue/);
    expect(refused(['x'])).toMatch(/A package is an object/);
  });

  it('converts per-party arrays to records and back', () => {
    expect(toPartyRecord(c, [1, 2])).toEqual({ A: 1, B: 2 });
    expect(fromPartyRecord(c, { B: 2, A: 1 })).toEqual([1, 2]);
    expect(() => fromPartyRecord(c, { A: 1 })).toThrow(/No value for party "B"/);
  });
});
