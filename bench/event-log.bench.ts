/**
 * What the record costs: one command through execute() (lock head, fold, decide, chain,
 * RLS, project) against the baseline of a bare one-row INSERT transaction on the same
 * PGlite; and chain verification against plain JSON.stringify + SHA-256 of the same events.
 */
import { createHash, randomUUID } from 'node:crypto';
import { buildDemo } from '../src/demo/build-demo.ts';
import { verifyChain } from '../src/domain/record/hash-event.ts';
import { readEvents } from '../src/store/event-log.ts';
import { execute } from '../src/store/execute.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPgliteDatabase } from '../src/store/pglite-database.ts';
import { rebuildReadModels } from '../src/store/replay.ts';
import { median, result, type Bench } from './harness.ts';

export const eventLogBench: Bench = {
  name: 'event-log',
  async run() {
    const db = await openPgliteDatabase(null);
    try {
      await migrate(db);
      const demo = await buildDemo(db);
      const n = demo.negotiationId;
      const mediator = demo.members.find((m) => m.role === 'mediator')!.id;
      await db.exec('CREATE TABLE bench_rows (id uuid PRIMARY KEY, payload jsonb NOT NULL)');
      const ops = 200;
      const cmd = await median(3, async () => {
        for (let i = 0; i < ops; i++) {
          await execute(db, { negotiationId: n, as: { memberId: mediator }, command: { name: 'recordStatement', input: { quote: `Bench quote ${i}`, lang: 'en', date: '2025-12-03' } } });
        }
      });
      const raw = await median(3, async () => {
        for (let i = 0; i < ops; i++) {
          await db.transaction((tx) => tx.query('INSERT INTO bench_rows (id, payload) VALUES ($1, $2::jsonb)', [randomUUID(), JSON.stringify({ quote: `Bench quote ${i}` })]));
        }
      });
      const events = await readEvents(db, n);
      const verify = await median(5, () => verifyChain(events));
      const plain = await median(5, () => events.map((e) => createHash('sha256').update(JSON.stringify(e)).digest('hex')));
      const replay = await median(3, () => rebuildReadModels(db, n));
      const readOnly = await median(3, () => readEvents(db, n));
      return [
        result({ bench: 'event-log', metric: 'command latency (recordStatement via execute)', value: (cmd / ops) * 1000, unit: 'µs/op', baseline: 'bare one-row INSERT transaction', baselineValue: (raw / ops) * 1000 }),
        result({ bench: 'event-log', metric: `verify chain (${events.length} events, canonical JSON + SHA-256)`, value: (verify / events.length) * 1000, unit: 'µs/event', baseline: 'JSON.stringify + SHA-256, no canonicalization', baselineValue: (plain / events.length) * 1000 }),
        result({ bench: 'event-log', metric: `rebuild read models from the log (${events.length} events)`, value: replay, unit: 'ms', baseline: 'reading the same events only', baselineValue: readOnly }),
      ];
    } finally {
      await db.close();
    }
  },
};
