import type { Command } from 'commander';
import type { Database } from '../store/database.ts';
import { openDatabase } from '../store/open-database.ts';

/** `--data DIR` on every command that opens storage; DATABASE_URL wins when set. */
export function withStorageOption(cmd: Command): Command {
  return cmd.option('--data <dir>', 'PGlite data directory (default $PARLEY_DATA or ./parley-data; ignored when DATABASE_URL is set)');
}

export async function withDatabase<T>(opts: { data?: string }, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir: opts.data });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
