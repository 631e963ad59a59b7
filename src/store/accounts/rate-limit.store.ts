/**
 * Fixed-window counters in the database, shared by every server on it: a limit that each
 * server kept in memory would multiply by the number of servers.
 */
import type { Queryable } from '../database.ts';
import { toDate } from './rows.ts';

export interface Hit { hits: number; windowStart: Date }

/**
 * Counts one hit on `key` and returns the count in the current window. One statement: the
 * row lock of ON CONFLICT DO UPDATE makes concurrent hits count one after another.
 */
export async function hitRateLimit(q: Queryable, key: string, windowMs: number, now: Date): Promise<Hit> {
  const rows = await q.query<{ hits: number; window_start: Date | string }>(
    `INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (key) DO UPDATE SET
       hits         = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.hits + 1 END,
       window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 ELSE rate_limits.window_start END
     RETURNING hits, window_start`,
    [key, now, new Date(now.getTime() - windowMs)]);
  const r = rows[0]!;
  if (r.hits === 1) {
    // A new window: a good moment to forget counters whose windows ended long ago.
    await q.query('DELETE FROM rate_limits WHERE window_start < $1', [new Date(now.getTime() - 24 * 3_600_000)]);
  }
  return { hits: r.hits, windowStart: toDate(r.window_start) };
}
