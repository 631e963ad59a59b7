/**
 * Embedded by default, PostgreSQL to scale: `DATABASE_URL` picks a server, otherwise a
 * PGlite directory (`--data`, `PARLEY_DATA`, or ./parley-data). Migrations run on open.
 */
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './pg-database.ts';
import { ParleyError } from '../domain/errors.ts';

export interface StorageOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

export function storageFromEnv(overrides: StorageOptions = {}, env: NodeJS.ProcessEnv = process.env): { databaseUrl: string | null; dataDir: string } {
  const databaseUrl = overrides.databaseUrl ?? (env.DATABASE_URL?.trim() || null);
  const dataDir = overrides.dataDir ?? (env.PARLEY_DATA?.trim() || './parley-data');
  return { databaseUrl, dataDir };
}

export async function openDatabase(options: StorageOptions = {}): Promise<Database> {
  const { databaseUrl, dataDir } = storageFromEnv(options);
  let db: Database;
  try {
    db = databaseUrl ? await openPostgresDatabase(databaseUrl) : await openPgliteDatabase(dataDir);
  } catch (e) {
    if (e instanceof ParleyError) throw e;
    const where = databaseUrl ? 'the PostgreSQL server in DATABASE_URL' : `the data directory ${dataDir}`;
    throw new ParleyError('storage_unavailable', `Cannot open ${where}: ${(e as Error).message}`);
  }
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
