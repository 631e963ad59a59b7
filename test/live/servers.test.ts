/**
 * Servers share nothing but the database: a subscriber on one hears writes made through
 * another. On PostgreSQL each server has its own pool and its own listening connection,
 * as separate processes would; on PGlite (one process owns the directory) two servers in
 * that process share the instance, and its in-instance LISTEN is all there is.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/store/database.ts';
import { readEvents } from '../../src/store/event-log.ts';
import { openPostgresDatabase } from '../../src/store/pg-database.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { expectedFor, liveNegotiation, LiveClient, startServer, type LiveNegotiation, type Seat } from '../helpers/live.ts';

interface Server { db: Database; app: FastifyInstance; base: string }

describe.each(backends)('live across two servers on %s', (backend) => {
  let t: TestDatabase;
  let servers: Server[];
  let n: LiveNegotiation;
  const clients: LiveClient[] = [];

  beforeEach(async () => {
    t = await freshDatabase(backend);
    servers = [];
    for (let i = 0; i < 2; i++) {
      const db = t.url ? await openPostgresDatabase(t.url, { max: 5 }) : t.db;
      servers.push({ db, ...await startServer(db) });
    }
    n = await liveNegotiation(t.db);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    for (const s of servers) {
      await s.app.close();
      if (s.db !== t.db) await s.db.close();
    }
    await t.dispose();
  });

  function connect(server: Server, seat: Seat): LiveClient {
    const c = new LiveClient(server.base, n.negotiationId, { token: seat.token });
    clients.push(c);
    return c;
  }

  const headSeq = async () => (await readEvents(t.db, n.negotiationId)).at(-1)!.seq;

  it('delivers writes made through either server to subscribers on both, each once, none missing', async () => {
    const [a, b] = n.parties;
    const seats = [a!.negotiator, b!.observer, n.mediator];
    const subs = servers.flatMap((s) => seats.map((seat) => ({ seat, c: connect(s, seat) })));
    for (const { c } of subs) await c.ready();
    // 30 concurrent commands, alternating between the servers' databases.
    await Promise.all(Array.from({ length: 30 }, (_, i) => {
      const p = n.parties[i % 2]!;
      const through = servers[i % 2]!.db;
      return i % 3 === 0
        ? n.run({ memberId: p.negotiator.memberId }, { name: 'setPosition', input: { partyId: p.id, pointId: n.pointIds[0]!, level: 'reject', reason: `server ${i % 2}, write ${i}`, visibility: 'party' } }, through)
        : i % 3 === 1
          ? n.run({ memberId: p.negotiator.memberId }, { name: 'setPosition', input: { partyId: p.id, pointId: n.pointIds[1]!, level: 'wording', reason: `server ${i % 2}, write ${i}`, visibility: 'mediator' } }, through)
          : n.run({ memberId: p.observer.memberId }, { name: 'recordStatement', input: { quote: `server ${i % 2}, write ${i}`, lang: 'en', date: '2025-12-03' } }, through);
    }));
    const head = await headSeq();
    for (const { seat, c } of subs) {
      await c.reach(head);
      expect(c.problems).toEqual([]);
      expect(c.seqs).toEqual(await expectedFor(t.db, n, seat));
    }
  });
});

// Only PostgreSQL has a listening connection that can drop.
describe.each(backends.filter((b) => b === 'postgres'))('the listening connection on %s', (backend) => {
  let t: TestDatabase;
  let db: Database;
  let server: { app: FastifyInstance; base: string };

  beforeEach(async () => {
    t = await freshDatabase(backend);
    db = await openPostgresDatabase(t.url!, { max: 5 });
    server = await startServer(db);
  });
  afterEach(async () => {
    await server.app.close();
    await db.close();
    await t.dispose();
  });

  it('reconnects when it is killed, and subscribers catch up on what was written meanwhile', async () => {
    const n = await liveNegotiation(t.db, { parties: 1 });
    const seat = n.parties[0]!.negotiator;
    const c = new LiveClient(server.base, n.negotiationId, { token: seat.token });
    try {
      await c.ready();
      const killed = await t.db.query<{ pid: number; killed: boolean }>(
        "SELECT pid, pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = 'parley-listen' AND datname = current_database()");
      expect(killed.map((k) => k.killed)).toEqual([true]);
      // Written while the server may not be listening: caught up after it reconnects.
      for (let i = 0; i < 5; i++) {
        await n.run({ memberId: seat.memberId }, { name: 'setPosition', input: { partyId: seat.partyId!, pointId: n.pointIds[0]!, level: 'wording', reason: `while away ${i}`, visibility: 'party' } });
      }
      const head = (await readEvents(t.db, n.negotiationId)).at(-1)!.seq;
      await c.reach(head);
      expect(c.problems).toEqual([]);
      expect(c.seqs).toEqual(await expectedFor(t.db, n, seat));
      // And it listens again (a new connection has LISTENed): a later write arrives too.
      for (;;) {
        const listening = await t.db.query(
          "SELECT 1 FROM pg_stat_activity WHERE application_name = 'parley-listen' AND datname = current_database() AND pid <> $1 AND query LIKE 'LISTEN%'", [killed[0]!.pid]);
        if (listening.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const later = await n.run({ memberId: seat.memberId }, { name: 'recordStatement', input: { quote: 'after the reconnect', lang: 'en', date: '2025-12-03' } });
      await c.reach(later.at(-1)!.seq);
      expect(c.seqs.at(-1)).toBe(later.at(-1)!.seq);
    } finally {
      await c.close();
    }
  });
});
