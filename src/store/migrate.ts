/**
 * Forward-only migrations: numbered .sql files, applied in order inside one transaction
 * each, recorded with a checksum. Running it again does nothing; an applied file that was
 * edited afterwards is refused, because the databases already built from it would differ.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ParleyError } from '../domain/errors.ts';
import { sha256Hex } from '../domain/record/hash-event.ts';
import type { Database } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration { version: number; name: string; sql: string; checksum: string }

export function loadMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      return { version: Number.parseInt(f.slice(0, 4), 10), name: f, sql, checksum: sha256Hex(sql) };
    });
}

// Any constant will do: it only has to be the same for every Parley server on one database.
const MIGRATION_LOCK = 0x7061726c;

export async function migrate(db: Database, migrations = loadMigrations()): Promise<number> {
  return db.transaction(async (tx) => {
    // Several app servers may start at once on one PostgreSQL: one migrates, the rest wait.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const exists = await tx.query<{ ok: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS ok");
    const applied = new Map<number, string>();
    if (exists[0]?.ok) {
      for (const r of await tx.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')) {
        applied.set(r.version, r.checksum);
      }
    }
    let count = 0;
    for (const m of migrations) {
      const seen = applied.get(m.version);
      if (seen !== undefined) {
        if (seen !== m.checksum) {
          throw new ParleyError('storage_unavailable', `Migration ${m.name} was changed after it was applied to this database; migrations are forward-only, add a new one instead.`);
        }
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      count++;
    }
    return count;
  });
}
