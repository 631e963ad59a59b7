/**
 * The vocabulary of settlement analysis: a case (parties, issues, each party's sealed scores)
 * as it arrives from the CLI file or the store, the prepared case the engine computes on,
 * packages and the answers of each solution concept. Pure: zod and types only.
 *
 * Utilities are on each party's own 0–100 scale: Σ over issues of weight × rating / 100 for an
 * issue with options, weight × share for a divisible one. A party's weights sum to 100.
 */
import { z } from 'zod';
import { normalizeText } from '../text/normalize.ts';

/** Issue ids, option names and party names: short labels, NFC, never empty. */
const Label = z
  .string()
  .transform((s) => normalizeText(s).trim())
  .pipe(z.string().min(1, { error: 'must not be empty' }).max(120, { error: 'must be at most 120 characters' }));

export const OptionIssue = z.object({
  id: Label,
  options: z.array(Label).min(1, { error: 'an issue needs at least one option' }).max(64),
});
export const DivisibleIssue = z.object({
  id: Label,
  divisible: z.literal(true),
});
export const CaseIssue = z.union([DivisibleIssue, OptionIssue]);
export type CaseIssue = z.infer<typeof CaseIssue>;

// zod 4 numbers are finite already (Infinity and NaN are refused).
const Score = z.number().min(0, { error: 'must be between 0 and 100' }).max(100, { error: 'must be between 0 and 100' });

/**
 * One party's sealed scores. `ranks` is the alternative to `ratings` for an issue: options
 * best first, an inner array for options ranked equal; ratings are derived from it
 * (docs/settlement.md). `unacceptable` lists "issue:option" red lines.
 */
export const PartyScores = z.object({
  weights: z.record(z.string(), Score),
  ratings: z.record(z.string(), z.record(z.string(), Score)).default({}),
  ranks: z.record(z.string(), z.array(z.union([z.string(), z.array(z.string()).min(1)])).min(1)).default({}),
  unacceptable: z.array(z.string()).default([]),
  batna: Score.default(0),
});
export type PartyScores = z.infer<typeof PartyScores>;
export type PartyScoresInput = z.input<typeof PartyScores>;

export const SettlementCase = z.object({
  parties: z.array(Label).min(2, { error: 'a settlement needs at least two parties' }).max(16),
  issues: z.array(CaseIssue).min(1, { error: 'a settlement needs at least one issue' }).max(100),
  scores: z.record(z.string(), PartyScores),
});
export type SettlementCase = z.infer<typeof SettlementCase>;
export type SettlementCaseInput = z.input<typeof SettlementCase>;

/**
 * A package: for an issue with options, the option chosen; for a divisible issue, each
 * party's share (the shares sum to 1).
 */
export type Package = Record<string, string | Record<string, number>>;

/** The case checked and laid out in arrays, indexed [party][issue][option]. */
export interface PreparedCase {
  parties: readonly string[];
  issues: readonly PreparedIssue[];
  /** weight[p][i], 0–100, Σ_i = 100 for each p. */
  weight: readonly (readonly number[])[];
  /** rating[p][i][o], 0–100; an empty array for a divisible issue. */
  rating: readonly (readonly (readonly number[])[])[];
  /** allowed[i][o]: false when some party marked the option unacceptable (a red line). */
  allowed: readonly (readonly boolean[])[];
  /** Which parties marked it: kept so a party's own view can say "your red line". */
  unacceptableBy: readonly (readonly (readonly number[])[])[];
  /** batna[p]: the party's utility with no deal, 0–100. */
  batna: readonly number[];
}

export interface PreparedIssue {
  id: string;
  divisible: boolean;
  /** Empty for a divisible issue. */
  options: readonly string[];
}

/**
 * A package inside the engine: choice[i] is an option index for an issue with options (and
 * -1 for a divisible one); share[i][p] is party p's share of a divisible issue (empty otherwise).
 */
export interface EnginePackage {
  choice: readonly number[];
  share: readonly (readonly number[])[];
}

/** A package with every party's utility, in the case's party order. */
export interface ScoredPackage {
  package: EnginePackage;
  utilities: readonly number[];
  /**
   * On the frontier only: how many packages have exactly these utilities (the one shown and its
   * ties, none dominating another). The frontier's size counts packages, not points.
   */
  count?: number;
}

export type SolutionConcept = 'nash' | 'kalaiSmorodinsky' | 'maximin' | 'utilitarian';

/** How an answer was found, so a reader knows whether it is exact. */
export interface SolveMethod {
  /** 'procedure': a fixed procedure with one answer (Adjusted Winner), nothing searched. */
  method: 'enumeration' | 'frontier-merge' | 'milp' | 'milp-outer-approximation' | 'procedure';
  /** true when the answer is proven optimal for the concept (ties broken as documented). */
  exact: boolean;
  /** For Nash by outer approximation: upper bound minus the value found, in Σ log gain. */
  gap?: number;
}

/**
 * The MILP port. The domain writes the model as CPLEX LP text and reads the answer; the
 * adapter (src/solver/highs.ts) runs HiGHS. Kept as a port so the domain stays free of I/O
 * (loading the WASM) and tests can run the engine without a solver for small cases.
 */
export interface MilpSolver {
  solve(lp: string, options?: Readonly<Record<string, string | number | boolean>>): MilpResult;
}
export interface MilpResult {
  status: 'optimal' | 'infeasible' | 'unbounded' | 'limit' | 'error';
  objective: number;
  /** Column name -> value. */
  values: ReadonlyMap<string, number>;
}
