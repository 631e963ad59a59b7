/**
 * The only code that reads every party's sealed scores. It runs as parley_engine, a role that
 * may read the settlement tables of one negotiation and nothing else, and hands the scores
 * straight to the engine: what leaves this module is the engine's answer, never the scores.
 * The mediator's requests use it; the mediator's own role (parley_app) cannot read the scores.
 */
import type { SealedScores } from '../domain/settlement/commands/settlement-records.ts';
import type { Database, Tx } from './database.ts';
import { readPackages, readSpace, readSubmissions, sealedOf, type SpaceRow } from './queries/settlement.queries.ts';
import type { ScoreSubmission, SeenPackage } from '../domain/settlement/commands/settlement-records.ts';

export interface EngineInputs {
  space: SpaceRow | null;
  scores: Map<string, SealedScores>;
  submissions: ScoreSubmission[];
  packages: SeenPackage[];
}

async function actAsEngine(tx: Tx, negotiationId: string): Promise<void> {
  await tx.query(
    `SELECT set_config('parley.viewer_negotiation', $1, true), set_config('parley.viewer_party', '', true),
            set_config('parley.viewer_mediator', '', true), set_config('parley.viewer_member', '', true)`,
    [negotiationId],
  );
  await tx.exec('SET LOCAL ROLE parley_engine');
}

/**
 * Reads what the engine needs and runs `compute` on it. `compute` is the engine (pure); its
 * result is the only thing returned, so the scores never reach a route's hands.
 */
export async function withEngineInputs<T>(db: Database, negotiationId: string, compute: (inputs: EngineInputs) => T | Promise<T>): Promise<T> {
  const inputs = await db.transaction(async (tx) => {
    await actAsEngine(tx, negotiationId);
    const rows = await tx.query('SELECT * FROM settlement_scores WHERE negotiation_id = $1', [negotiationId]);
    return {
      space: await readSpace(tx, negotiationId),
      scores: new Map(rows.map((r) => [r.party_id as string, sealedOf(r)])),
      submissions: await readSubmissions(tx, negotiationId),
      packages: await readPackages(tx, negotiationId),
    };
  });
  return compute(inputs);
}
