import type { Command } from 'commander';
import type { Database } from '../store/database.ts';

/** `--data DIR` on every command that opens storage; DATABASE_URL wins when set. */
export function withStorageOption(cmd: Command): Command {
  return cmd.option('--data <dir>', 'PGlite data directory (default $PARLEY_DATA or ./parley-data; ignored when DATABASE_URL is set)');
}

/** Drivers load only when a command needs storage, so `parley --help` and `parley points` start fast. */
export async function openStorage(opts: { data?: string }): Promise<Database> {
  const { openDatabase } = await import('../store/open-database.ts');
  return openDatabase({ dataDir: opts.data });
}

export async function withDatabase<T>(opts: { data?: string }, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openStorage(opts);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
