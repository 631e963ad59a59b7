/**
 * What the analysis of a case answers, in the engine's terms (party and issue indices). The
 * CLI and the API present it by name (analyze.ts `toCaseJson`); explain.ts turns a suggestion
 * into what one viewer may read.
 */
import type { AdjustedWinnerOutcome } from './adjusted-winner.ts';
import type { EnginePackage, ScoredPackage, SolveMethod } from './model.ts';

/** A suggested package: every party's utility, its gain over the reference, how it was found. */
export interface Suggestion {
  package: EnginePackage;
  utilities: readonly number[];
  gains: readonly number[];
  method: SolveMethod;
}

/** A concept's answer, or why there is none (e.g. Nash with no package where all can gain). */
export type ConceptOutcome = ({ ok: true } & Suggestion) | { ok: false; reason: string };

export interface Improvement extends Suggestion {
  /** Pareto-optimal packages that leave no party worse off than the baseline and some better; null when not enumerated. */
  paretoImprovements: number | null;
}

export type ImprovementOutcome = ({ ok: true } & Improvement) | { ok: false; reason: string };

export interface SettlementAnalysis {
  /**
   * Pareto-optimal packages above every party's disagreement value, counted as packages (ties in
   * every utility each count); null when continuous or too many to enumerate (see notes).
   */
  frontierSize: number | null;
  /** Up to `frontierPoints` of them, evenly picked, for plotting; empty when not enumerated. */
  frontier: readonly ScoredPackage[];
  nash: ConceptOutcome;
  kalaiSmorodinsky: ConceptOutcome;
  maximin: ConceptOutcome;
  utilitarian: ConceptOutcome;
  adjustedWinner: AdjustedWinnerOutcome;
  /** The baseline scored, when one was given. */
  baseline: ScoredPackage | null;
  /** Null when no baseline was given. */
  improvement: ImprovementOutcome | null;
  notes: readonly string[];
}
