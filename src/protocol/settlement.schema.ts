/**
 * What the settlement routes answer. Never a party's raw scores, except to that party
 * itself (`myScores`). Satisfaction figures (a party's utility for a package, on its own
 * 0–100 scale) appear where the party lets them be seen, and as null where it does not.
 */
import { z } from 'zod';
import { Id } from '../domain/model.ts';
import { PartyScores } from '../domain/settlement/model.ts';
import { PackageById, PackageSource, ScoreSubmission, SeenPackage, ShareSatisfaction, SpaceIssue } from '../domain/settlement/commands/settlement-records.ts';

/** party id -> figure, or null where the party withholds it (or has not scored). */
export const Figures = z.record(Id, z.number().nullable());
export type Figures = z.infer<typeof Figures>;

export const IssueVerdict = z.object({
  issueId: Id,
  /** Parties for whom the chosen option is (one of) their best on this issue. */
  best: z.array(Id),
  /** Parties who would rather have had another option on this issue. */
  conceded: z.array(Id),
});

/** A logroll: each side gives ground on the issue the other cares about getting. */
export const Trade = z.object({
  a: Id, aGivesOn: Id,
  b: Id, bGivesOn: Id,
});

export const Explanation = z.object({
  /** Gain over the disagreement value and over the baseline, per party; null where withheld. */
  gainOverBatna: Figures,
  gainOverBaseline: Figures.nullable(),
  issues: z.array(IssueVerdict),
  trades: z.array(Trade),
});
export type Explanation = z.infer<typeof Explanation>;

export const SolveMethodOut = z.object({
  method: z.enum(['enumeration', 'frontier-merge', 'milp', 'milp-outer-approximation', 'procedure']),
  exact: z.boolean(),
  gap: z.number().optional(),
});

export const PackageView = SeenPackage.extend({
  satisfaction: Figures,
  /** For a party: whether the package crosses one of its own red lines. */
  crossesMyRedLine: z.boolean().nullable(),
  /** For the mediator: whether it crosses anyone's red line (never whose). Null for a party. */
  crossesARedLine: z.boolean().nullable(),
  explanation: Explanation.nullable(),
  isBaseline: z.boolean(),
});
export type PackageView = z.infer<typeof PackageView>;

export const SubmissionOut = ScoreSubmission.extend({
  /** Made before the issue space last changed: the party should look at its scores again. */
  stale: z.boolean(),
});

export const SettlementOut = z.object({
  space: z.object({
    partyIds: z.array(Id),
    issues: z.array(SpaceIssue),
    savedAt: z.iso.datetime(),
    savedBy: Id.nullable(),
    revision: z.number().int().describe('send back as basedOn when saving the space'),
  }).nullable(),
  baselineId: Id.nullable(),
  submissions: z.array(SubmissionOut),
  /** Parties of the settlement that have not submitted, or whose scores predate the space. */
  waitingFor: z.array(Id),
  /** My party's own sealed scores (never another's); null for the mediator or before I submit. */
  myScores: z.object({
    scores: PartyScores,
    share: ShareSatisfaction,
    at: z.iso.datetime(),
    revision: z.number().int().describe('send back as basedOn when resubmitting'),
    stale: z.boolean(),
  }).nullable(),
  packages: z.array(PackageView),
  canManage: z.boolean(),
  canSubmit: z.boolean(),
});
export type SettlementOut = z.infer<typeof SettlementOut>;

export const Suggestion = z.object({
  concept: PackageSource.exclude(['manual']),
  packageId: Id,
  package: PackageById,
  satisfaction: Figures,
  method: SolveMethodOut,
  explanation: Explanation,
});
export type Suggestion = z.infer<typeof Suggestion>;

export const UnavailableCode = z.enum(['two-parties-only', 'divisible-only', 'no-common-gain', 'baseline-crosses-red-line', 'baseline-optimal', 'other']);
export type UnavailableCode = z.infer<typeof UnavailableCode>;

export const AnalysisOut = z.object({
  frontierSize: z.number().int().nullable(),
  /** Parties in plotting order; `visible` false where the party withholds its figures from me. */
  axes: z.array(z.object({ partyId: Id, visible: z.boolean() })),
  /** Pareto-optimal packages' satisfaction (withheld axes null), for the plot; a sample when large. */
  frontier: z.array(Figures),
  suggestions: z.array(Suggestion),
  /** Concepts with no answer for this case, and why: `code` for the interface to say it in the reader's language, `reason` in English. */
  unavailable: z.array(z.object({ concept: PackageSource, code: UnavailableCode, reason: z.string() })),
  adjustedWinner: z.object({
    packageId: Id,
    split: z.object({ issueId: Id, shares: z.record(Id, z.number()) }).nullable(),
    satisfaction: Figures,
  }).nullable(),
  notes: z.array(z.string()),
});
export type AnalysisOut = z.infer<typeof AnalysisOut>;

export const RunAnalysisInput = z.object({
  /** Who sees the suggested packages recorded by this run. */
  visibility: SeenPackage.shape.visibility.default('mediator'),
});
