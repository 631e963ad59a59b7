/**
 * Improvements on an agreed baseline: of the packages that leave no party worse off than the
 * baseline (and respect every red line), the one that spreads the gains most evenly. That is
 * the maximin (leximin) concept with floor = ref = the baseline's utilities: the smallest gain
 * over the baseline as large as possible, then the next. Leximin never picks a dominated
 * package, so the answer is itself Pareto-optimal; when the best it finds gains nobody
 * anything, nothing beats the baseline for anyone without costing another, i.e. the baseline
 * is already Pareto-optimal.
 */
import type { ImprovementOutcome } from './analysis.ts';
import { answerConcepts } from './answer-concepts.ts';
import { EPS } from './concepts.ts';
import type { EnginePackage, MilpSolver, PreparedCase } from './model.ts';
import { utilitiesOf } from './utility.ts';

export interface ImprovementOptions {
  frontierCap: number;
  solver?: MilpSolver;
}

export function findImprovement(c: PreparedCase, baseline: EnginePackage, opts: ImprovementOptions): ImprovementOutcome {
  const base = utilitiesOf(c, baseline);
  const solved = answerConcepts(c, { floor: base, ref: base, concepts: ['maximin'], frontierCap: opts.frontierCap, solver: opts.solver });
  const best = solved.answers.maximin;
  if (!solved.feasible || best === undefined || !best.ok) {
    // Only a baseline that crosses a red line can leave nothing at or above it.
    return { ok: false, reason: 'no package that respects every red line leaves every party at least as well off as the baseline (the baseline itself crosses a red line)' };
  }
  if (best.gains.every((g) => g <= EPS)) {
    return { ok: false, reason: 'the baseline is already Pareto-optimal: no package makes a party better off without making another worse off' };
  }
  const paretoImprovements = solved.frontier === null ? null : solved.frontier.filter((s) => s.utilities.some((u, p) => u - base[p]! > EPS)).reduce((n, s) => n + (s.count ?? 1), 0);
  return { ...best, paretoImprovements };
}
