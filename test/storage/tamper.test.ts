/**
 * Someone with the database owner's rights rewrites history directly in SQL. Whatever they
 * change in one event (its payload, its visibility, its place in the order), verification
 * must name exactly that event. Every event of the demo is tried, on every backend; each
 * change is undone before the next one, so one demo database serves them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../src/demo/build-demo.ts';
import type { RecordedEvent } from '../../src/domain/record/events.ts';
import { hashEvent } from '../../src/domain/record/hash-event.ts';
import type { Database } from '../../src/store/database.ts';
import { readEvents, verifyNegotiation } from '../../src/store/event-log.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPgliteDatabase } from '../../src/store/pglite-database.ts';
import { expectOneLineError, linesOf, runCli, tempDir } from '../helpers/cli.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { alterString, firstStringPath } from '../helpers/tamper.ts';

async function changePayload(db: Database, e: RecordedEvent): Promise<() => Promise<void>> {
  const path = firstStringPath(e.payload);
  if (!path) throw new Error(`event ${e.seq} has no string in its payload`);
  let original: unknown = e.payload;
  for (const k of path) original = (original as Record<string, unknown>)[k];
  const set = (value: string) => db.query(
    'UPDATE events SET payload = jsonb_set(payload, $3::text[], to_jsonb($4::text)) WHERE negotiation_id = $1 AND seq = $2',
    [e.negotiationId, e.seq, path, value]);
  await set(alterString(original as string));
  return async () => { await set(original as string); };
}

async function changeVisibility(db: Database, e: RecordedEvent): Promise<() => Promise<void>> {
  const set = (v: string) => db.query('UPDATE events SET visibility = $3 WHERE negotiation_id = $1 AND seq = $2', [e.negotiationId, e.seq, v]);
  // Widening is the leak one would try; a public event is narrowed instead.
  await set(e.visibility === 'public' ? 'party' : 'public');
  return async () => { await set(e.visibility); };
}

/** Swaps the seq of two events (three steps: the primary key is checked row by row). */
async function swapSeq(db: Database, negotiationId: string, a: number, b: number): Promise<void> {
  await db.transaction(async (tx) => {
    const move = (from: number, to: number) => tx.query('UPDATE events SET seq = $3 WHERE negotiation_id = $1 AND seq = $2', [negotiationId, from, to]);
    await move(a, 1_000_000);
    await move(b, a);
    await move(1_000_000, b);
  });
}

describe.each(backends)('tampering with the log on %s', (backend) => {
  let t: TestDatabase;
  let negotiationId: string;
  let events: RecordedEvent[];
  beforeAll(async () => {
    t = await freshDatabase(backend);
    negotiationId = (await buildDemo(t.db)).negotiationId;
    events = await readEvents(t.db, negotiationId);
    expect(events.length).toBeGreaterThan(100);
    expect((await verifyNegotiation(t.db, negotiationId)).broken).toBeNull();
  });
  afterAll(async () => {
    // Every change was undone: the record is whole again.
    if (negotiationId) expect((await verifyNegotiation(t.db, negotiationId)).broken).toBeNull();
    await t.dispose();
  });

  /** Runs `tamper` on each event and collects every event whose break was named wrongly. */
  async function eachEvent(
    tamper: (e: RecordedEvent) => Promise<() => Promise<void>>,
    expected: (e: RecordedEvent) => { seq: number; reason?: RegExp },
    which: RecordedEvent[] = events,
  ): Promise<void> {
    const wrong: string[] = [];
    for (const e of which) {
      const undo = await tamper(e);
      const { broken } = await verifyNegotiation(t.db, negotiationId);
      await undo();
      const want = expected(e);
      if (broken?.seq !== want.seq || (want.reason && !want.reason.test(broken.reason))) {
        wrong.push(`event ${e.seq} (${e.type}): expected a break at ${want.seq}, verify said ${broken ? `${broken.seq} (${broken.reason})` : 'intact'}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(which.length).toBeGreaterThan(100);
  }

  it('names the event whose payload was changed, for each event', async () => {
    await eachEvent((e) => changePayload(t.db, e), (e) => ({ seq: e.seq, reason: /content does not match its hash/ }));
  });

  it('names the event whose visibility was changed, for each event', async () => {
    await eachEvent((e) => changeVisibility(t.db, e), (e) => ({ seq: e.seq, reason: /content does not match its hash/ }));
  });

  it('names the first of two events whose order was swapped, for each event and its successor', async () => {
    await eachEvent(async (e) => {
      await swapSeq(t.db, negotiationId, e.seq, e.seq + 1);
      return () => swapSeq(t.db, negotiationId, e.seq, e.seq + 1);
    }, (e) => ({ seq: e.seq }), events.slice(0, -1));
  });

  it('names the first of two distant events swapped', async () => {
    const n = events.length;
    const swaps: [number, number][] = [[1, n], [2, 50], [17, 18 + 40], [n - 30, n - 1]];
    for (const [a, b] of swaps) {
      await swapSeq(t.db, negotiationId, a, b);
      const { broken } = await verifyNegotiation(t.db, negotiationId);
      await swapSeq(t.db, negotiationId, a, b);
      expect(broken?.seq, `swap ${a} and ${b}`).toBe(a);
    }
  });

  it('names a deleted event, and a log cut short at its end', async () => {
    for (const victim of [events[0]!, events[40]!, events.at(-1)!]) {
      await t.db.query('DELETE FROM events WHERE negotiation_id = $1 AND seq = $2', [negotiationId, victim.seq]);
      const { broken } = await verifyNegotiation(t.db, negotiationId);
      await t.db.query(
        `INSERT INTO events (negotiation_id, seq, at, actor, type, payload, visibility, party_id, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)`,
        [victim.negotiationId, victim.seq, victim.at, victim.actor, victim.type, JSON.stringify(victim.payload), victim.visibility, victim.partyId, victim.prevHash, victim.hash]);
      expect(broken?.seq, `event ${victim.seq} deleted`).toBe(victim.seq);
    }
    expect((await verifyNegotiation(t.db, negotiationId)).broken).toBeNull();
  });

  it('finds a rewritten event even when its hash was recomputed to match', async () => {
    for (const victim of [events[10]!, events[70]!, events.at(-1)!]) {
      const forged: RecordedEvent = { ...victim, visibility: victim.visibility === 'public' ? 'party' : 'public', hash: '' };
      forged.hash = hashEvent(forged);
      const set = (e: RecordedEvent) => t.db.query('UPDATE events SET visibility = $3, hash = $4 WHERE negotiation_id = $1 AND seq = $2', [negotiationId, e.seq, e.visibility, e.hash]);
      await set(forged);
      const { broken } = await verifyNegotiation(t.db, negotiationId);
      await set(victim);
      // The forgery itself is consistent; the next link (or, for the last event, the head) gives it away.
      const isLast = victim.seq === events.length;
      expect(broken, `event ${victim.seq} re-hashed`).toEqual({
        seq: isLast ? victim.seq : victim.seq + 1,
        reason: isLast ? 'the last event does not match the recorded head hash' : 'prev_hash does not match the hash of the event before it',
      });
    }
  });
});

describe.each(backends)('parley verify (the command) on %s', (backend) => {
  let dir: { path: string; remove(): void } | null = null;
  let pg: TestDatabase | null = null;
  let negotiationId: string;
  let victim: RecordedEvent;
  let total: number;

  /** The storage the command is pointed at: a PGlite directory, or the PostgreSQL database in DATABASE_URL. */
  const storageArgs = () => (dir ? ['--data', dir.path] : []);
  const storageEnv = (): Record<string, string> => (pg?.url ? { DATABASE_URL: pg.url } : {});
  async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    if (pg) return fn(pg.db);
    const db = await openPgliteDatabase(dir!.path);
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    if (backend === 'pglite') dir = tempDir('parley-verify-');
    else pg = await freshDatabase(backend);
    await withDb(async (db) => {
      await migrate(db);
      negotiationId = (await buildDemo(db)).negotiationId;
      const log = await readEvents(db, negotiationId);
      total = log.length;
      victim = log[41]!;
    });
  });
  afterAll(async () => {
    await pg?.dispose();
    dir?.remove();
  });

  it('exits 0 on an intact record', async () => {
    const r = await runCli(['verify', ...storageArgs()], { env: storageEnv() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(linesOf(r.stdout)).toEqual([`✓ ${negotiationId}: ${total} events, chain intact`]);
  });

  it('exits non-zero naming the seq of the event changed behind its back', async () => {
    await withDb(async (db) => { await changePayload(db, victim); });
    expect(victim.seq).toBe(42);
    const r = await runCli(['verify', ...storageArgs()], { env: storageEnv() });
    const line = expectOneLineError(r);
    expect(r.code).toBe(1);
    expect(line).toContain(`broken at seq 42`);
    expect(line).toContain(negotiationId);
    expect(r.stdout).toContain(`✗ ${negotiationId}: broken at seq 42 (content does not match its hash)`);

    const json = await runCli(['verify', '--json', '--negotiation', negotiationId, ...storageArgs()], { env: storageEnv() });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, negotiations: [{ id: negotiationId, events: total, broken: { seq: 42, reason: 'content does not match its hash' } }] });
  });
});
