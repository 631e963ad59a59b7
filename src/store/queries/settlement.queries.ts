/**
 * The settlement as a member reads it, under row-level security as parley_app: the space,
 * who has submitted, the packages this viewer may see, and my party's own sealed scores (the
 * policy on settlement_scores lets a member reach its own party's row and no other, so the
 * query asks for "the" row and gets the viewer's or none).
 */
import { PartyScores } from '../../domain/settlement/model.ts';
import type { ScoreSubmission, SealedScores, SeenPackage, SettlementSpace } from '../../domain/settlement/commands/settlement-records.ts';
import type { Tx } from '../database.ts';
import { iso } from './read-as.ts';

type Row = Record<string, unknown>;

export interface SpaceRow {
  space: SettlementSpace;
  /** seq of the event that saved it: the revision to send back, and what submissions are compared with. */
  seq: number;
  baselineId: string | null;
}

export async function readSpace(tx: Tx, n: string): Promise<SpaceRow | null> {
  const [r] = await tx.query<Row>('SELECT * FROM settlement_spaces WHERE negotiation_id = $1', [n]);
  if (!r) return null;
  return {
    space: { partyIds: r.party_ids as string[], issues: r.issues as SettlementSpace['issues'], savedBy: (r.saved_by ?? null) as string | null, savedAt: iso(r.saved_at as Date)! },
    seq: r.space_seq as number,
    baselineId: (r.baseline_package_id ?? null) as string | null,
  };
}

export async function readSubmissions(tx: Tx, n: string): Promise<ScoreSubmission[]> {
  const rows = await tx.query<Row>('SELECT * FROM settlement_submissions WHERE negotiation_id = $1 ORDER BY at, party_id', [n]);
  return rows.map((r) => ({
    partyId: r.party_id as string, share: r.share as ScoreSubmission['share'], submittedBy: (r.submitted_by ?? null) as string | null,
    at: iso(r.at as Date)!, spaceSeq: r.space_seq as number,
  }));
}

/** Newest first. */
export async function readPackages(tx: Tx, n: string): Promise<SeenPackage[]> {
  const rows = await tx.query<Row>('SELECT * FROM settlement_packages WHERE negotiation_id = $1 ORDER BY at DESC, id', [n]);
  return rows.map((r) => ({
    id: r.id as string, label: r.label as string, source: r.source as SeenPackage['source'], package: r.package as SeenPackage['package'],
    visibility: r.visibility as SeenPackage['visibility'], recordedBy: (r.recorded_by ?? null) as string | null, at: iso(r.at as Date)!,
  }));
}

export interface OwnScores { sealed: SealedScores; revision: number }

/** The viewer's own party's scores; row-level security makes any other party's unreachable. */
export async function readOwnScores(tx: Tx, n: string): Promise<OwnScores | null> {
  const [r] = await tx.query<Row>('SELECT * FROM settlement_scores WHERE negotiation_id = $1', [n]);
  if (!r) return null;
  return { sealed: sealedOf(r), revision: r.revision as number };
}

export function sealedOf(r: Row): SealedScores {
  return {
    partyId: r.party_id as string, scores: PartyScores.parse(r.scores), share: r.share as SealedScores['share'],
    submittedBy: (r.submitted_by ?? null) as string | null, at: iso(r.at as Date)!,
  };
}
