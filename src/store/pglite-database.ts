import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Tx } from './database.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';

/**
 * PGlite has one connection: transactions queue behind each other, so keep them short.
 * An unclosed instance keeps Node alive, hence `close()` everywhere.
 */
export async function openPgliteDatabase(dataDir: string | null, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  let lock: DataDirLock | null = null;
  let pg: PGlite;
  if (dataDir === null) {
    pg = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  } else {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    lock = lockDataDir(dir);
    try {
      pg = await PGlite.create(dir);
    } catch (e) {
      lock.release();
      throw e;
    }
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Tx => ({
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query<R>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    location: dataDir === null ? 'memory' : resolve(dataDir),
    query: (sql, params) => base.query(sql, params),
    exec: (sql) => base.exec(sql),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    // One instance, one connection: NOTIFY reaches only listeners of this instance, which
    // is all there is, since a PGlite directory belongs to one process.
    async listen(channel, onMessage) {
      const unlisten = await pg.listen(channel, onMessage);
      return async () => {
        if (!pg.closed) await unlisten();
      };
    },
    dumpDataDir: () => pg.dumpDataDir('none'),
    async close() {
      try {
        if (!pg.closed) await pg.close();
      } finally {
        lock?.release();
      }
    },
  };
}

