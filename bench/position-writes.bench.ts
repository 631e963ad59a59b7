/**
 * Position writes per second into one negotiation, from 8 concurrent writers (the
 * negotiators of four parties, two writers each): through `execute`, and through HTTP
 * (`POST /api/negotiations/:id/positions` with a bearer token, auth plugin, route, execute).
 * On PGlite (one process owns the directory, so one server) and on PostgreSQL with one
 * server and with two (two pools, writers split between them, as two app servers behind a
 * load balancer). Baselines in the same run: a bare one-row INSERT transaction at the same
 * concurrency on the same databases for `execute`, and `execute` itself for HTTP.
 *
 * Every append to one negotiation holds its head row lock, so writers to one negotiation
 * queue behind each other whatever the number of servers: a second server adds
 * connections, not throughput, for a single negotiation.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPgliteDatabase } from '../src/store/pglite-database.ts';
import { openPostgresDatabase } from '../src/store/pg-database.ts';
import { liveNegotiation, type LiveNegotiation } from '../test/helpers/live.ts';
import { buildApp } from '../src/server/app.ts';
import { benchPgUrl, benchPostgres } from './live-fanout.bench.ts';
import { result, type Bench, type Result } from './harness.ts';

const WRITERS = 8;
const PER_WRITER = 50;
const OPS = WRITERS * PER_WRITER;

/** Runs `PER_WRITER` operations in each of `WRITERS` concurrent loops; returns operations per second. */
async function throughput(op: (writer: number, i: number) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await Promise.all(Array.from({ length: WRITERS }, async (_, w) => {
    for (let i = 0; i < PER_WRITER; i++) await op(w, i);
  }));
  return OPS / ((performance.now() - t0) / 1000);
}

function positionInput(n: LiveNegotiation, w: number, i: number, tag: string) {
  const party = n.parties[w % n.parties.length]!;
  return { party, input: { partyId: party.id, pointId: n.pointIds[i % 2]!, level: 'wording' as const, reason: `${tag} writer ${w} write ${i}`, visibility: 'party' as const } };
}

async function measure(label: string, dbs: Database[]): Promise<Result[]> {
  const main = dbs[0]!;
  await main.exec('CREATE TABLE IF NOT EXISTS bench_rows (id uuid PRIMARY KEY, payload jsonb NOT NULL)');
  const n = await liveNegotiation(main, { parties: 4 });
  const on = (w: number) => dbs[w % dbs.length]!;

  const bare = await throughput((w, i) => on(w).transaction(async (tx) => {
    await tx.query('INSERT INTO bench_rows (id, payload) VALUES ($1, $2::jsonb)', [randomUUID(), JSON.stringify({ writer: w, i })]);
  }));
  const viaExecute = await throughput(async (w, i) => {
    const { party, input } = positionInput(n, w, i, 'execute');
    await n.run({ memberId: party.negotiator.memberId }, { name: 'setPosition', input }, on(w));
  });

  const servers: { app: FastifyInstance; url: string }[] = [];
  try {
    for (const db of dbs) {
      const app = await buildApp({ db });
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      servers.push({ app, url });
    }
    const viaHttp = await throughput(async (w, i) => {
      const { party, input } = positionInput(n, w, i, 'http');
      const res = await fetch(`${servers[w % servers.length]!.url}/api/negotiations/${n.negotiationId}/positions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${party.negotiator.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      if (res.status !== 201) throw new Error(`position-writes: HTTP ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    });
    return [
      result({ bench: 'position-writes', metric: `${label}: positions/s through execute (${WRITERS} writers, one negotiation)`, value: viaExecute, unit: 'writes/s', baseline: 'bare one-row INSERT transactions, same writers and databases', baselineValue: bare }),
      result({ bench: 'position-writes', metric: `${label}: positions/s through HTTP POST /api/negotiations/:id/positions (${WRITERS} writers)`, value: viaHttp, unit: 'writes/s', baseline: 'the same writes through execute', baselineValue: viaExecute }),
    ];
  } finally {
    for (const s of servers) await s.app.close();
  }
}

export const positionWritesBench: Bench = {
  name: 'position-writes',
  async run() {
    const out: Result[] = [];
    const lite = await openPgliteDatabase(null);
    try {
      await migrate(lite);
      out.push(...await measure('PGlite, one server', [lite]));
    } finally {
      await lite.close();
    }
    if (!benchPgUrl) {
      process.stderr.write('position-writes: no PARLEY_BENCH_PG_URL; PostgreSQL skipped\n');
      return out;
    }
    for (const servers of [1, 2]) {
      const pg = await benchPostgres(benchPgUrl);
      const dbs: Database[] = [];
      try {
        for (let i = 0; i < servers; i++) dbs.push(await openPostgresDatabase(pg.url, { max: 10 }));
        out.push(...await measure(`PostgreSQL, ${servers === 1 ? 'one server' : 'two servers'}`, dbs));
      } finally {
        for (const db of dbs) await db.close();
        await pg.dispose();
      }
    }
    return out;
  },
};
