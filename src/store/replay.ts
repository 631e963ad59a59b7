/**
 * Rebuilds a negotiation's read models from its log alone. The log is verified first: a
 * broken chain is reported, never silently folded into tables people will trust.
 */
import type { Database } from './database.ts';
import { assertIntact, readEvents, verifyNegotiation } from './event-log.ts';
import { project, readModelTables } from './projection.ts';
import { forgetState } from './state-loader.ts';

export async function rebuildReadModels(db: Database, negotiationId: string): Promise<number> {
  const count = await db.transaction(async (tx) => {
    assertIntact(await verifyNegotiation(tx, negotiationId));
    for (const t of readModelTables) await tx.query(`DELETE FROM ${t} WHERE negotiation_id = $1`, [negotiationId]);
    const events = await readEvents(tx, negotiationId);
    for (const e of events) await project(tx, e);
    return events.length;
  });
  forgetState(db, negotiationId);
  return count;
}
