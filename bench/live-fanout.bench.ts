/**
 * Live fan-out: from a command through `execute` to its event arriving at 1,000 WebSocket
 * subscribers spread over four parties and the mediator's office, so row-level security
 * sorts them into five viewer classes. The floor, in the same run and process, is a bare
 * `ws` server broadcasting a message of the same size to 1,000 clients: no database, no
 * authentication, no filtering. Latency is per delivery (write start to a client's
 * `message` callback); p50 and p99 over every delivery of every write.
 *
 * Writes alternate between a public statement (all 1,000 receive it) and a party-private
 * position (one party's ~200 receive it; the others get a `head`). Set PARLEY_BENCH_PG_URL
 * (or PARLEY_TEST_PG_URL) to measure on PostgreSQL as well.
 */
import { randomBytes } from 'node:crypto';
import WebSocket, { WebSocketServer } from 'ws';
import { canSee } from '../src/domain/policy/visibility.ts';
import type { Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { openPgliteDatabase } from '../src/store/pglite-database.ts';
import { openPostgresDatabase } from '../src/store/pg-database.ts';
import { liveNegotiation, startServer, type Seat } from '../test/helpers/live.ts';
import { result, type Bench, type Result } from './harness.ts';

const SUBSCRIBERS = Number(process.env.PARLEY_BENCH_SUBSCRIBERS ?? 1000);
const WRITES = 200;

export const benchPgUrl = process.env.PARLEY_BENCH_PG_URL?.trim() || process.env.PARLEY_TEST_PG_URL?.trim() || null;

/** A fresh database on the bench's PostgreSQL server, dropped by `dispose`. */
export async function benchPostgres(url: string): Promise<{ url: string; dispose(): Promise<void> }> {
  const name = `parley_bench_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgresDatabase(url, { max: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgresDatabase(u.toString(), { max: 1 });
  await migrate(db);
  await db.close();
  return {
    url: u.toString(),
    async dispose() {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** `onMessage` is attached before the socket opens: frames that came with the upgrade are not lost. */
function openClient(url: string, headers: Record<string, string>, onMessage: (data: Buffer) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('message', onMessage);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Opens `count` clients, 100 at a time: a thousand upgrades at once would measure the accept queue. */
async function openMany<T>(count: number, open: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += 100) out.push(...await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => open(i + j))));
  return out;
}

/** Waits for `expected` deliveries of `seq`, timing each from `t0`; deliveries may start before `seq` is known. */
class Deliveries {
  private seq: number | null = null;
  private early: { seq: number; at: number; bytes: number }[] = [];
  private left = 0;
  private done: () => void = () => undefined;
  frameBytes = 0;
  constructor(private readonly lat: number[], private readonly t0: number) {}
  start(expected: number): Promise<void> {
    this.left = expected;
    return new Promise((resolve) => (this.done = resolve));
  }
  got(seq: number, at: number, bytes: number): void {
    if (this.seq === null) {
      this.early.push({ seq, at, bytes });
      return;
    }
    if (seq !== this.seq) return;
    this.lat.push(at - this.t0);
    this.frameBytes = bytes;
    if (--this.left === 0) this.done();
  }
  known(seq: number): void {
    this.seq = seq;
    for (const e of this.early.splice(0)) this.got(e.seq, e.at, e.bytes);
  }
}

interface Sub { seat: Seat; ws: WebSocket; listener: { current: Deliveries | null } }

/** Parley and the floor side by side, writes interleaved so that both see the same machine load. */
async function measure(db: Database, label: string): Promise<Result[]> {
  const { app, base } = await startServer(db);
  const n = await liveNegotiation(db, { parties: 4 });
  const seats: Seat[] = [n.mediator, ...n.parties.flatMap((p) => [p.negotiator, p.observer])];
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const floorPort = (wss.address() as { port: number }).port;
  const subs: Sub[] = [];
  const floorClients: WebSocket[] = [];
  let floorCurrent: Deliveries | null = null;
  try {
    subs.push(...await openMany(SUBSCRIBERS, async (i) => {
      const seat = seats[i % seats.length]!;
      let ready!: () => void;
      const isReady = new Promise<void>((resolve) => (ready = resolve));
      const listener: { current: Deliveries | null } = { current: null };
      const ws = await openClient(`${base}/api/live?negotiation=${n.negotiationId}&after=0`, { authorization: `Bearer ${seat.token}` }, (data) => {
        const at = performance.now();
        const m = JSON.parse(data.toString('utf8')) as { type: string; event?: { seq: number } };
        if (m.type === 'ready') ready();
        else if (m.type === 'event') listener.current?.got(m.event!.seq, at, data.length);
      });
      await isReady;
      return { seat, ws, listener };
    }));
    floorClients.push(...await openMany(SUBSCRIBERS, () => openClient(`ws://127.0.0.1:${floorPort}`, {}, (data) => {
      const at = performance.now();
      const m = JSON.parse(data.toString('utf8')) as { event: { seq: number } };
      floorCurrent?.got(m.event.seq, at, data.length);
    })));
    process.stderr.write(`live-fanout ${label}: ${subs.length} subscribers in ${new Set(seats.map((s) => `${s.partyId}|${s.role === 'mediator'}`)).size} viewer classes, ${floorClients.length} floor clients\n`);

    const publicLat: number[] = [];
    const privateLat: number[] = [];
    const executeMs: number[] = [];
    /** Per public delivery: from execute() returning (its transaction committed) to the client. */
    const afterCommit: number[] = [];
    const floorLat: number[] = [];
    let frameBytes = 0;
    for (let w = 0; w < WRITES; w++) {
      const party = n.parties[w % n.parties.length]!;
      const isPublic = w % 2 === 0;
      const command = isPublic
        ? { name: 'recordStatement' as const, input: { quote: `Fan-out statement ${w}: the parties welcome the progress made.`, lang: 'en', date: '2025-12-03' } }
        : { name: 'setPosition' as const, input: { partyId: party.id, pointId: n.pointIds[0]!, level: 'wording' as const, reason: `fan-out ${w}`, visibility: 'party' as const } };
      const as = isPublic ? party.observer : party.negotiator;
      const receivers = subs.filter((s) => canSee(s.seat.actor, { visibility: isPublic ? 'public' : 'party', partyId: party.id }));
      const t0 = performance.now();
      const d = new Deliveries(isPublic ? publicLat : privateLat, t0);
      const all = d.start(receivers.length);
      for (const s of receivers) s.listener.current = d;
      const events = await n.run({ memberId: as.memberId }, command);
      const committed = performance.now();
      executeMs.push(committed - t0);
      d.known(events.at(-1)!.seq);
      await all;
      if (isPublic) for (const l of publicLat.slice(-receivers.length)) afterCommit.push(Math.max(0, l - (committed - t0)));
      for (const s of receivers) s.listener.current = null;
      if (!isPublic) continue;
      frameBytes = d.frameBytes;

      // The floor, right after: what a minimal server does per write (encode once, send to every socket).
      const padding = 'x'.repeat(Math.max(0, frameBytes - Buffer.byteLength(JSON.stringify({ type: 'event', event: { seq: w, pad: '' } }))));
      const f0 = performance.now();
      const fd = new Deliveries(floorLat, f0);
      const floorAll = fd.start(floorClients.length);
      fd.known(w);
      floorCurrent = fd;
      const frame = Buffer.from(JSON.stringify({ type: 'event', event: { seq: w, pad: padding } }));
      for (const c of wss.clients) c.send(frame, { binary: false });
      await floorAll;
      floorCurrent = null;
    }

    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const pub = sorted(publicLat);
    const priv = sorted(privateLat);
    const exec = sorted(executeMs);
    const live = sorted(afterCommit);
    const floor = sorted(floorLat);
    const floorName = `bare ws broadcast of a ${frameBytes}-byte message to ${SUBSCRIBERS} clients`;
    return [
      result({ bench: 'live-fanout', metric: `${label}: public event, write to delivery at ${SUBSCRIBERS} subscribers, p50`, value: percentile(pub, 50), unit: 'ms', baseline: `${floorName}, p50`, baselineValue: percentile(floor, 50) }),
      result({ bench: 'live-fanout', metric: `${label}: public event, write to delivery at ${SUBSCRIBERS} subscribers, p99`, value: percentile(pub, 99), unit: 'ms', baseline: `${floorName}, p99`, baselineValue: percentile(floor, 99) }),
      result({ bench: 'live-fanout', metric: `${label}: party-private event, write to delivery at its ~${Math.round(priv.length / (WRITES / 2))} subscribers, p99`, value: percentile(priv, 99), unit: 'ms', baseline: `${floorName}, p99`, baselineValue: percentile(floor, 99) }),
      result({ bench: 'live-fanout', metric: `${label}: public event, from execute() returning to delivery (the live channel's share), p50`, value: percentile(live, 50), unit: 'ms', baseline: `${floorName}, p50`, baselineValue: percentile(floor, 50) }),
      result({ bench: 'live-fanout', metric: `${label}: public event, from execute() returning to delivery (the live channel's share), p99`, value: percentile(live, 99), unit: 'ms', baseline: `${floorName}, p99`, baselineValue: percentile(floor, 99) }),
      result({ bench: 'live-fanout', metric: `${label}: the write alone (execute until it returns), p50`, value: percentile(exec, 50), unit: 'ms', baseline: `${floorName}, p50`, baselineValue: percentile(floor, 50) }),
    ];
  } finally {
    for (const s of subs) s.ws.terminate();
    for (const c of floorClients) c.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await app.close();
  }
}

export const liveFanoutBench: Bench = {
  name: 'live-fanout',
  async run() {
    const out: Result[] = [];
    const lite = await openPgliteDatabase(null);
    try {
      await migrate(lite);
      out.push(...await measure(lite, 'PGlite'));
    } finally {
      await lite.close();
    }
    if (benchPgUrl) {
      const pg = await benchPostgres(benchPgUrl);
      const db = await openPostgresDatabase(pg.url);
      try {
        out.push(...await measure(db, 'PostgreSQL'));
      } finally {
        await db.close();
        await pg.dispose();
      }
    } else {
      process.stderr.write('live-fanout: no PARLEY_BENCH_PG_URL; PostgreSQL skipped\n');
    }
    return out;
  },
};
