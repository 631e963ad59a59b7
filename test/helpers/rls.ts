/** Raw SQL as the app role with a viewer set: what row-level security alone lets through. */
import type { Actor } from '../../src/domain/policy/actor.ts';
import type { Database, Tx } from '../../src/store/database.ts';
import { actAs } from '../../src/store/viewer.ts';

/** A `SELECT *` with no WHERE clause, run as parley_app for `who` looking at `negotiationId`. */
export function selectAllAs<Row = Record<string, unknown>>(db: Database, who: Actor, negotiationId: string | null, table: string): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await actAs(tx, negotiationId, who);
    return (await tx.query<{ row: Row }>(`SELECT to_jsonb(x) AS row FROM ${table} x`)).map((r) => r.row);
  });
}

/** The error message PostgreSQL gives for `fn` run as `who`, or 'no error'. */
export async function failsAs(db: Database, who: Actor, negotiationId: string, fn: (tx: Tx) => Promise<unknown>): Promise<string> {
  try {
    await db.transaction(async (tx) => {
      await actAs(tx, negotiationId, who);
      await fn(tx);
    });
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}
