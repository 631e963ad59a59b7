/**
 * The settlement as the negotiation records it: the mediator's issue space, each party's
 * sealed scores, who has submitted (never what), and the packages the mediator has seen.
 * The engine's own vocabulary (a case, a package by label) is in ../model.ts; this file is
 * what the log and the read models carry, keyed by ids.
 */
import { z } from 'zod';
import { Id, NonEmptyText, Visibility } from '../../model.ts';
import { PartyScores } from '../model.ts';

/** An option's key inside its issue: short, stable across relabelling, what scores refer to. */
export const OptionKey = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, { error: 'an option key is 1–32 lower-case letters, digits, "-" or "_"' });

export const SpaceOption = z.object({ key: OptionKey, label: NonEmptyText.pipe(z.string().max(200)) });
export type SpaceOption = z.infer<typeof SpaceOption>;

export const SpaceIssue = z.object({
  id: Id,
  label: NonEmptyText.pipe(z.string().max(200)),
  /** A divisible issue is shared out between the parties (each gets a share from 0 to 1). */
  divisible: z.boolean(),
  /** Empty for a divisible issue. */
  options: z.array(SpaceOption).max(64),
  /** Points of the text this issue is about, for reading the two side by side. */
  pointIds: z.array(Id).max(200),
});
export type SpaceIssue = z.infer<typeof SpaceIssue>;

export const SettlementSpace = z.object({
  /** The parties whose preferences count (brokers and observers of the outcome may be left out). */
  partyIds: z.array(Id),
  issues: z.array(SpaceIssue),
  savedBy: Id.nullable(),
  savedAt: z.iso.datetime(),
});
export type SettlementSpace = z.infer<typeof SettlementSpace>;

/**
 * Whom a party lets see its satisfaction figures (its utility for each package): nobody
 * else, the mediator, or every party. Its raw scores are never shown to anyone else.
 */
export const ShareSatisfaction = z.enum(['none', 'mediator', 'parties']);
export type ShareSatisfaction = z.infer<typeof ShareSatisfaction>;

/** One party's scores as it entered them, keyed by issue id and option key. */
export const SealedScores = z.object({
  partyId: Id,
  scores: PartyScores,
  share: ShareSatisfaction,
  submittedBy: Id.nullable(),
  at: z.iso.datetime(),
});
export type SealedScores = z.infer<typeof SealedScores>;

/** What everyone may know about a submission: that it happened, when, and the sharing choice. */
export const ScoreSubmission = z.object({
  partyId: Id,
  share: ShareSatisfaction,
  submittedBy: Id.nullable(),
  at: z.iso.datetime(),
  /** The seq of the space this party scored; a later change to the space makes it stale. */
  spaceSeq: z.number().int().nonnegative(),
});
export type ScoreSubmission = z.infer<typeof ScoreSubmission>;

/** A package by ids: issue id -> option key, or -> { party id: share } for a divisible issue. */
export const PackageById = z.record(Id, z.union([OptionKey, z.record(Id, z.number().min(0).max(1))]));
export type PackageById = z.infer<typeof PackageById>;

export const PackageSource = z.enum(['nash', 'kalaiSmorodinsky', 'maximin', 'utilitarian', 'adjustedWinner', 'improvement', 'manual']);
export type PackageSource = z.infer<typeof PackageSource>;

/** A package the mediator has seen: kept so every suggestion can be compared with the others. */
export const SeenPackage = z.object({
  id: Id,
  label: z.string().max(200),
  source: PackageSource,
  package: PackageById,
  /** 'mediator' while the mediator explores; 'parties' once shared with the delegations. */
  visibility: Visibility.extract(['mediator', 'parties']),
  recordedBy: Id.nullable(),
  at: z.iso.datetime(),
});
export type SeenPackage = z.infer<typeof SeenPackage>;

export interface SettlementState {
  space: SettlementSpace | null;
  /** seq of the event that last saved the space. */
  spaceSeq: number;
  scores: Map<string, SealedScores>;
  submissions: Map<string, ScoreSubmission>;
  packages: Map<string, SeenPackage>;
  baselineId: string | null;
}

export function emptySettlement(): SettlementState {
  return { space: null, spaceSeq: 0, scores: new Map(), submissions: new Map(), packages: new Map(), baselineId: null };
}

/** Revision keys (state.revisions) for the stale-write checks of the space and of a party's scores. */
export const spaceRevisionKey = 'settlement:space';
export const scoresRevisionKey = (partyId: string): string => `settlement:scores:${partyId}`;
