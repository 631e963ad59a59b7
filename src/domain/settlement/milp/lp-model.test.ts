/**
 * The LP writer: what it writes, HiGHS reads as meant (bounds of every kind, signs, exponents,
 * long rows, binaries), and what it cannot write it refuses instead of writing garbage.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsSolver } from '../../../solver/highs.ts';
import type { MilpSolver } from '../model.ts';
import { continuous, linear, writeLp, type LpModel } from './lp-model.ts';

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

describe('writeLp', () => {
  it('round-trips through HiGHS: free, lower-only, upper-only and boxed columns, binaries, long rows', () => {
    const many = Array.from({ length: 20 }, (_, k) => continuous(`w${k}`, 0, 1));
    const model: LpModel = {
      columns: [continuous('a'), continuous('b', -3), continuous('c', -Infinity, 2), continuous('d', 1e-7, 5), { name: 'x', kind: 'binary', lower: 0, upper: 1 }, ...many],
      rows: [
        { name: 'r1', terms: linear([['a', 1], ['b', 1]]), op: '=', rhs: -1 },
        { name: 'r2', terms: linear([['a', -1]]), op: '<=', rhs: 10 },
        { name: 'r3', terms: linear([['c', 1], ['x', -2.5e-3]]), op: '>=', rhs: -4 },
        { name: 'r4', terms: linear(many.map((w) => [w.name, 1])), op: '<=', rhs: 7.5 },
        { name: 'constant', terms: linear([['a', 0]]), op: '<=', rhs: 1 },
      ],
    };
    const objective = { sense: 'maximize' as const, terms: linear([['b', 1], ['c', 1], ['d', -1], ['x', 1], ...many.map((w): [string, number] => [w.name, 0.5])]) };
    const lp = writeLp(model, objective);
    expect(lp).toContain(' a free');
    expect(lp).toContain(' -inf <= c <= 2');
    expect(lp.split('\n').every((line) => line.length <= 255)).toBe(true);
    const r = solver.solve(lp);
    expect(r.status).toBe('optimal');
    // a ≥ −10 and a + b = −1 put b at 9; c at 2; d at its bound 1e-7; x = 1; Σ w = 7.5.
    expect(r.values.get('b')).toBeCloseTo(9, 9);
    expect(r.values.get('c')).toBeCloseTo(2, 9);
    expect(r.values.get('d')).toBe(1e-7);
    expect(r.values.get('x')).toBe(1);
    expect(r.objective).toBeCloseTo(9 + 2 - 1e-7 + 1 + 3.75, 9);
  });

  it('an empty objective asks for any feasible point', () => {
    const r = solver.solve(writeLp({ columns: [continuous('y', 2, 3)], rows: [] }, { sense: 'minimize', terms: new Map() }));
    expect(r.status).toBe('optimal');
    expect(r.values.get('y')).toBeGreaterThanOrEqual(2);
  });

  it('refuses what it cannot write faithfully', () => {
    const y = continuous('y');
    const obj = { sense: 'maximize' as const, terms: new Map() };
    expect(() => writeLp({ columns: [continuous('e1')], rows: [] }, obj)).toThrow(/not writable/);
    expect(() => writeLp({ columns: [continuous('1y')], rows: [] }, obj)).toThrow(/not writable/);
    expect(() => writeLp({ columns: [y, y], rows: [] }, obj)).toThrow(/twice/);
    expect(() => writeLp({ columns: [y], rows: [{ name: 'r', terms: linear([['z', 1]]), op: '<=', rhs: 1 }] }, obj)).toThrow(/undeclared/);
    expect(() => writeLp({ columns: [y], rows: [{ name: 'r', terms: linear([['y', NaN]]), op: '<=', rhs: 1 }] }, obj)).toThrow(/not finite/);
    expect(() => writeLp({ columns: [y], rows: [{ name: 'r', terms: linear([['y', 0]]), op: '>=', rhs: 1 }] }, obj)).toThrow(/false constant/);
  });
});
