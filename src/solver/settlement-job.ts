/**
 * The worker's side of `analyzeInWorker` (settlement-worker.ts): check the case, load HiGHS in
 * this thread, analyze. The input crossed a thread boundary, so it is parsed again here.
 */
import { z } from 'zod';
import { analyzeCase } from '../domain/settlement/analyze.ts';
import { prepareCase } from '../domain/settlement/prepare-case.ts';
import { PackageInput } from '../domain/settlement/utility.ts';
import { loadHighsSolver, WasmModuleClass } from './highs.ts';
import { serveJob } from './run-in-worker.ts';

export const SettlementJob = z.object({
  /** Checked by prepareCase, which names what is wrong. */
  caseJson: z.unknown(),
  baseline: PackageInput.optional(),
  frontierPoints: z.number().int().nonnegative().optional(),
  /** HiGHS compiled by the caller, so its optimized code is reused (highs.ts). */
  highs: z.instanceof(WasmModuleClass).optional(),
});

serveJob(async (input) => {
  const job = SettlementJob.parse(input);
  const c = prepareCase(job.caseJson);
  const solver = await loadHighsSolver(job.highs);
  return analyzeCase(c, { solver, ...(job.baseline ? { baseline: job.baseline } : {}), ...(job.frontierPoints === undefined ? {} : { frontierPoints: job.frontierPoints }) });
});
