/**
 * The whole negotiation as the domain sees it, folded from its events. Use cases decide
 * against this state; the store keeps SQL read models of the same events for queries and
 * row-level security. Both are projections of one log, and the replay tests hold them equal.
 */
import type { TextHistory } from '../framework/translation-status.ts';
import type {
  Amendment, Member, Negotiation, Note, Party, Person, Point, Position, Readout, Report, Round, Section, Statement, Version, VersionImport,
} from '../model.ts';
import { emptySettlement, type SettlementState } from '../settlement/commands/settlement-records.ts';
import type { FingerprintVariant } from '../tracing/fingerprint-records.ts';

export interface NegotiationState {
  negotiation: Negotiation | null;
  /** seq of the last event folded in. */
  seq: number;
  parties: Map<string, Party>;
  persons: Map<string, Person>;
  members: Map<string, Member>;
  sections: Map<string, Section>;
  /** The working text: every point ever added, removed ones flagged. */
  points: Map<string, Point>;
  versions: Map<string, Version>;
  /** Versions made by importing a document, keyed by version id: their source and point lineage. */
  imports: Map<string, VersionImport>;
  amendments: Map<string, Amendment>;
  /** Every position ever set, oldest first: history is never overwritten. */
  positions: Position[];
  rounds: Map<string, Round>;
  readouts: Map<string, Readout>;
  statements: Map<string, Statement>;
  /** Imported news reports, with their full text. */
  reports: Map<string, Report>;
  /** Each party's working notes as they stand; a deleted note leaves the map, not the log. */
  notes: Map<string, Note>;
  /**
   * The settlement analysis: issue space, submissions, packages seen, and each party's sealed
   * scores. The fold holds them all because the log does; only the engine and the owning
   * party ever read the scores back (see docs/settlement.md).
   */
  settlement: SettlementState;
  /** Wording variants approved on confidential versions and not revoked (the mediator's; docs/tracing.md). */
  fingerprintVariants: Map<string, FingerprintVariant>;
  /**
   * The seq of the last event that changed each point, person, round or amendment: what a
   * client sends back as `basedOn` so a write made on a stale view is refused, not applied.
   */
  revisions: Map<string, number>;
  /** Per point, when each language's text last changed or was confirmed: what "translation pending" is derived from. */
  textHistory: Map<string, TextHistory>;
}

export function emptyState(): NegotiationState {
  return {
    negotiation: null,
    seq: 0,
    parties: new Map(),
    persons: new Map(),
    members: new Map(),
    sections: new Map(),
    points: new Map(),
    versions: new Map(),
    imports: new Map(),
    amendments: new Map(),
    positions: [],
    rounds: new Map(),
    readouts: new Map(),
    statements: new Map(),
    reports: new Map(),
    notes: new Map(),
    fingerprintVariants: new Map(),
    settlement: emptySettlement(),
    revisions: new Map(),
    textHistory: new Map(),
  };
}

/** Points of the working text in reading order. */
export function activePoints(state: NegotiationState): Point[] {
  return [...state.points.values()].filter((p) => !p.removed).sort((a, b) => a.order - b.order);
}

export function versionsInOrder(state: NegotiationState): Version[] {
  return [...state.versions.values()].sort((a, b) => a.seqNo - b.seqNo);
}

export function latestVersion(state: NegotiationState): Version | null {
  return versionsInOrder(state).at(-1) ?? null;
}

export function positionKey(p: Pick<Position, 'partyId' | 'pointId' | 'amendmentId'>): string {
  return p.pointId ? `${p.partyId}:point:${p.pointId}` : `${p.partyId}:amendment:${p.amendmentId ?? ''}`;
}

/** The latest position of each party on each point or amendment, keyed by `positionKey`. */
export function latestPositions(positions: readonly Position[]): Map<string, Position> {
  const latest = new Map<string, Position>();
  for (const p of positions) latest.set(positionKey(p), p);
  return latest;
}

/** The revision a client must quote to change this entity; 0 for one never changed. */
export function revisionOf(state: NegotiationState, id: string): number {
  return state.revisions.get(id) ?? 0;
}
