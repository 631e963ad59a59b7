/**
 * The settlement analysis off the event loop: the server calls `analyzeInWorker`, a worker
 * thread runs settlement-job.ts (prepareCase, HiGHS, analyzeCase) and sends the analysis back.
 * HiGHS is compiled here once and its module handed to each worker (highs.ts says why).
 * The same analysis as `analyzeCase` in process; errors come back as the same ParleyErrors.
 */
import type { SettlementAnalysis } from '../domain/settlement/analysis.ts';
import type { Package, SettlementCaseInput } from '../domain/settlement/model.ts';
import { compileHighs } from './highs.ts';
import { runInWorker, type RunOptions } from './run-in-worker.ts';

export interface AnalyzeJob {
  caseJson: SettlementCaseInput;
  baseline?: Package;
  frontierPoints?: number;
}

const JOB = new URL('./settlement-job.ts', import.meta.url);

export async function analyzeInWorker(input: AnalyzeJob, opts: RunOptions = {}): Promise<SettlementAnalysis> {
  const highs = await compileHighs();
  // The analysis is plain data (arrays, numbers, strings), which structured cloning carries as is.
  return (await runInWorker(JOB, { ...input, highs }, opts)) as SettlementAnalysis;
}
