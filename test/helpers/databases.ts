/**
 * Fresh, migrated databases for integration tests, on every backend this run has. The
 * PostgreSQL backend joins when scripts/test.mjs found a server (PARLEY_TEST_PG_URL) and
 * each test gets a database of its own, so suites never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPgliteDatabase } from '../../src/store/pglite-database.ts';
import { openPostgresDatabase } from '../../src/store/pg-database.ts';

export type BackendName = 'pglite' | 'postgres';

export const pgUrl = process.env.PARLEY_TEST_PG_URL?.trim() || null;

/** The backends of this run: PGlite always, PostgreSQL when a server was found. */
export const backends: BackendName[] = pgUrl ? ['pglite', 'postgres'] : ['pglite'];

let template: Promise<Blob> | null = null;

/** initdb costs seconds; one migrated template per worker makes each fresh PGlite cheap. */
async function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const db = await openPgliteDatabase(null);
    await migrate(db);
    const blob = await db.dumpDataDir!();
    await db.close();
    return blob;
  })();
  return template;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestDatabase {
  db: Database;
  /** For the PostgreSQL backend: a URL other processes can open. */
  url: string | null;
  dispose(): Promise<void>;
}

export async function freshDatabase(backend: BackendName): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const db = await openPgliteDatabase(null, { loadDataDir: await pgliteTemplate() });
    await migrate(db);
    return { db, url: null, dispose: () => db.close() };
  }
  if (!pgUrl) throw new Error('PostgreSQL backend requested but PARLEY_TEST_PG_URL is not set');
  const name = `parley_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgresDatabase(pgUrl, { max: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = withDatabase(pgUrl, name);
  const db = await openPostgresDatabase(url);
  await migrate(db);
  return {
    db,
    url,
    async dispose() {
      await db.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
