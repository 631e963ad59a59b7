/**
 * The HiGHS adapter: LP text in, the port's statuses out, values only for a proven optimum.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MilpSolver } from '../domain/settlement/model.ts';
import { loadHighsSolver, milpStatus } from './highs.ts';

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

/** 40 binaries, one knapsack row: enough that HiGHS must branch. */
function knapsack(): string {
  const xs = Array.from({ length: 40 }, (_, i) => i);
  return [
    'Maximize',
    ` obj: ${xs.map((i) => `${((i * 7) % 13) + 1} x${i}`).join(' + ')}`,
    'Subject To',
    ` c: ${xs.map((i) => `${((i * 5) % 11) + 3} x${i}`).join(' + ')} <= 61`,
    'Binary',
    ` ${xs.map((i) => `x${i}`).join(' ')}`,
    'End',
  ].join('\n');
}

describe('loadHighsSolver', () => {
  it('solves a MILP to optimality and reports every column', () => {
    const r = solver.solve('Maximize\n obj: 3 x + 2 y\nSubject To\n c: x + y <= 1.5\nBounds\n 0 <= y <= 1\nBinary\n x\nEnd');
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(4, 9);
    expect(r.values.get('x')).toBe(1);
    expect(r.values.get('y')).toBeCloseTo(0.5, 9);
  });

  it('an infeasible model is "infeasible", with no values', () => {
    const r = solver.solve('Maximize\n obj: x\nSubject To\n c1: x + y >= 5\n c2: x + y <= 4\nBinary\n y\nEnd');
    expect(r).toEqual({ status: 'infeasible', objective: NaN, values: new Map() });
  });

  it('"infeasible or unbounded" from presolve is settled by solving again without it', () => {
    // Presolve alone answers "Primal infeasible or unbounded" on this one (x free, y integer).
    expect(solver.solve('Maximize\n obj: x + 2 y\nSubject To\n c1: x + y <= 4\nBounds\n x free\nGenerals\n y\nEnd').status).toBe('unbounded');
  });

  it('a stop at a limit is "limit", and text HiGHS cannot read is "error", never an optimum', () => {
    expect(solver.solve(knapsack(), { time_limit: 0 }).status).toBe('limit');
    expect(solver.solve(knapsack()).status).toBe('optimal');
    expect(solver.solve('this is not an LP file').status).toBe('error');
  });

  it('an unknown option is a fault of ours and throws', () => {
    expect(() => solver.solve(knapsack(), { no_such_option: 1 })).toThrow(/no_such_option/);
    expect(solver.solve(knapsack()).status).toBe('optimal');
  });
});

describe('milpStatus', () => {
  it('maps every HiGHS model status', () => {
    expect(milpStatus('Optimal')).toBe('optimal');
    expect(milpStatus('Infeasible')).toBe('infeasible');
    expect(milpStatus('Unbounded')).toBe('unbounded');
    for (const s of ['Time limit reached', 'Iteration limit reached', 'Bound on objective reached', 'Target for objective reached'] as const) {
      expect(milpStatus(s)).toBe('limit');
    }
    for (const s of ['Empty', 'Not Set', 'Load error', 'Model error', 'Presolve error', 'Solve error', 'Postsolve error', 'Unknown', 'Primal infeasible or unbounded'] as const) {
      expect(milpStatus(s)).toBe('error');
    }
  });
});
