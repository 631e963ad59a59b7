import pg from 'pg';
import type { Database, Tx } from './database.ts';
import { PgNotifier } from './pg-notifier.ts';

// jsonb and timestamptz parse as on PGlite; int8 stays a string, so the schema avoids it.
export async function openPostgresDatabase(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // A dropped idle connection must not crash the process.
  pool.on('error', () => undefined);
  const client = await pool.connect();
  client.release();
  const wrap = (q: pg.Pool | pg.PoolClient): Tx => ({
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query(sql, params as unknown[]);
      return res.rows as R[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  const base = wrap(pool);
  const notifier = new PgNotifier(url);
  return {
    kind: 'postgres',
    location: redact(url),
    query: (sql, params) => base.query(sql, params),
    exec: (sql) => base.exec(sql),
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(wrap(c));
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    listen: (channel, onMessage, listenOptions) => notifier.listen(channel, onMessage, listenOptions),
    async close() {
      await notifier.close();
      await pool.end();
    },
  };
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
