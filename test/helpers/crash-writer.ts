/**
 * The child process of test/storage/crash.test.ts: opens the database and appends public
 * statements as fast as it can, printing `ack <seq> <hash>` for each event once its
 * transaction has committed, until the parent kills it (or, should the parent be gone,
 * until a safety limit ends the burst).
 *
 *   node --import tsx test/helpers/crash-writer.ts pglite <dir> <negotiationId> <memberId>
 *   node --import tsx test/helpers/crash-writer.ts postgres <url> <negotiationId> <memberId>
 */
import type { Database } from '../../src/store/database.ts';
import { execute } from '../../src/store/execute.ts';
import { openPgliteDatabase } from '../../src/store/pglite-database.ts';
import { openPostgresDatabase } from '../../src/store/pg-database.ts';

const [kind, where, negotiationId, memberId] = process.argv.slice(2);
if (!kind || !where || !negotiationId || !memberId) {
  process.stderr.write('usage: crash-writer.ts pglite|postgres <dir|url> <negotiationId> <memberId>\n');
  process.exit(2);
}

const MAX_COMMANDS = 5000;
const MAX_MS = 90_000;

const db: Database = kind === 'pglite' ? await openPgliteDatabase(where) : await openPostgresDatabase(where, { max: 1 });
process.stdout.write(`ready ${process.pid}\n`);
const started = Date.now();
for (let i = 0; i < MAX_COMMANDS && Date.now() - started < MAX_MS; i++) {
  const events = await execute(db, {
    negotiationId,
    as: { memberId },
    command: { name: 'recordStatement', input: { quote: `Burst statement ${i}`, lang: 'en', date: '2025-12-03' } },
  });
  // Writes to a pipe are synchronous on Linux: once this returns, the parent can read it.
  for (const e of events) process.stdout.write(`ack ${e.seq} ${e.hash}\n`);
}
await db.close();
