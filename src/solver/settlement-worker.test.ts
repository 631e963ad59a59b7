/**
 * The analysis in a worker thread is the analysis in process: same answers (the worker runs
 * the same code on the same HiGHS build), same errors, and a job can be stopped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isParleyError } from '../domain/errors.ts';
import { analyzeCase } from '../domain/settlement/analyze.ts';
import type { Package, SettlementCaseInput } from '../domain/settlement/model.ts';
import { prepareCase } from '../domain/settlement/prepare-case.ts';
import { loadHighsSolver } from './highs.ts';
import { analyzeInWorker } from './settlement-worker.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../test/fixtures/settlement/${name}`, import.meta.url), 'utf8'));

describe('analyzeInWorker', () => {
  it('answers as analyzeCase does in process: MILP (divisible issues) and frontier merge with a baseline', async () => {
    const solver = await loadHighsSolver();
    const divorce = fixture('divorce.json') as SettlementCaseInput;
    const threeParty = fixture('three-party.json') as SettlementCaseInput;
    const baseline = fixture('three-party-baseline.json') as Package;

    const [inWorker, withBaseline] = await Promise.all([
      analyzeInWorker({ caseJson: divorce }),
      analyzeInWorker({ caseJson: threeParty, baseline, frontierPoints: 5 }),
    ]);
    expect(inWorker).toEqual(analyzeCase(prepareCase(divorce), { solver }));
    expect(inWorker.nash.ok && inWorker.nash.method.method).toBe('milp-outer-approximation');
    expect(withBaseline).toEqual(analyzeCase(prepareCase(threeParty), { solver, baseline, frontierPoints: 5 }));
    expect(withBaseline.improvement).not.toBeNull();
    expect(withBaseline.frontier.length).toBeLessThanOrEqual(5);
  });

  it('brings back the engine\'s ParleyError, code and message', async () => {
    const infeasible = fixture('infeasible.json') as SettlementCaseInput;
    const thrown = await analyzeInWorker({ caseJson: infeasible }).catch((e: unknown) => e);
    expect(isParleyError(thrown)).toBe(true);
    let expected: unknown;
    try {
      analyzeCase(prepareCase(infeasible), { solver: await loadHighsSolver() });
    } catch (e) {
      expected = e;
    }
    expect(thrown).toMatchObject({ code: 'invalid_input', message: (expected as Error).message });

    const bad = await analyzeInWorker({ caseJson: { parties: ['A'], issues: [], scores: {} } }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'invalid_input' });
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const job = analyzeInWorker({ caseJson: fixture('divorce.json') as SettlementCaseInput }, { signal: controller.signal });
    controller.abort(new Error('client went away'));
    await expect(job).rejects.toThrow('client went away');
    await expect(analyzeInWorker({ caseJson: fixture('divorce.json') as SettlementCaseInput }, { signal: controller.signal })).rejects.toThrow('client went away');
  });
});
