/**
 * Read models and logs as plain, comparable data. Rows are taken as jsonb in UTC, so a
 * snapshot from PGlite and one from PostgreSQL compare equal when the rows are equal,
 * whatever each driver makes of dates and whatever time zone each server runs in.
 */
import { canonicalJson } from '../../src/domain/record/hash-event.ts';
import type { RecordedEvent } from '../../src/domain/record/events.ts';
import type { Database, Queryable } from '../../src/store/database.ts';
import { readEvents } from '../../src/store/event-log.ts';
import { readModelTables } from '../../src/store/projection.ts';

export type Snapshot = Record<string, unknown[]>;

/** Every row of `tables` for one negotiation (or all negotiations), sorted by content. */
export async function snapshotTables(db: Database, tables: readonly string[], negotiationId: string | null): Promise<Snapshot> {
  return db.transaction(async (tx) => {
    await tx.exec("SET LOCAL TIME ZONE 'UTC'");
    const out: Snapshot = {};
    for (const t of tables) out[t] = await rowsOf(tx, t, negotiationId);
    return out;
  });
}

async function rowsOf(q: Queryable, table: string, negotiationId: string | null): Promise<unknown[]> {
  const rows = negotiationId === null
    ? await q.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${table} t`)
    : await q.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${table} t WHERE negotiation_id = $1`, [negotiationId]);
  return rows.map((r) => r.row).sort((a, b) => compare(canonicalJson(a), canonicalJson(b)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The read models of one negotiation, as the owner sees them (no row-level security). */
export function snapshotReadModels(db: Database, negotiationId: string): Promise<Snapshot> {
  return snapshotTables(db, readModelTables, negotiationId);
}

/** Everything a negotiation is: its log, its head and its read models. */
export async function snapshotNegotiation(db: Database, negotiationId: string): Promise<{ events: RecordedEvent[]; head: unknown[]; tables: Snapshot }> {
  return {
    events: await readEvents(db, negotiationId),
    head: await db.query('SELECT negotiation_id, last_seq, last_hash FROM negotiation_heads WHERE negotiation_id = $1', [negotiationId]),
    tables: await snapshotReadModels(db, negotiationId),
  };
}

/** Row counts of every read-model table plus the log, across all negotiations. */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [...readModelTables, 'events', 'negotiation_heads']) {
    const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = r?.n ?? -1;
  }
  return out;
}
