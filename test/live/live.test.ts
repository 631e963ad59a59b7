/**
 * The live channel end to end: real sockets against `app.listen({ port: 0 })`, writes
 * through `execute` as the server runs them. What each subscriber receives is compared
 * with the domain's own rule (`canSee`) applied to the whole log, so row-level security
 * and the policy module are held to the same answer.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { readEvents } from '../../src/store/event-log.ts';
import { EVENTS_CHANNEL } from '../../src/store/notify.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { expectedFor, liveNegotiation, LiveClient, startServer, writeOfEveryKind, type LiveNegotiation, type Seat } from '../helpers/live.ts';

describe.each(backends)('live channel on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let n: LiveNegotiation;
  const clients: LiveClient[] = [];

  beforeEach(async () => {
    t = await freshDatabase(backend);
    ({ app, base } = await startServer(t.db));
    n = await liveNegotiation(t.db);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    await app.close();
    await t.dispose();
  });

  function connect(seat: Seat, after = 0): LiveClient {
    const c = new LiveClient(base, n.negotiationId, { token: seat.token, after });
    clients.push(c);
    return c;
  }

  const headSeq = async () => (await readEvents(t.db, n.negotiationId)).at(-1)!.seq;

  it('gives each member exactly the events it may see: backlog, then live, in seq order', async () => {
    const [a, b] = n.parties;
    const seats = { aNegotiator: a!.negotiator, aObserver: a!.observer, bNegotiator: b!.negotiator, mediator: n.mediator };
    // Something of every visibility before anyone connects (the backlog) and after (live).
    await writeOfEveryKind(n, 'before');
    const subs = Object.fromEntries(Object.entries(seats).map(([k, s]) => [k, connect(s)]));
    for (const c of Object.values(subs)) await c.ready();
    await writeOfEveryKind(n, 'after');
    const head = await headSeq();
    for (const c of Object.values(subs)) await c.reach(head);

    const log = await readEvents(t.db, n.negotiationId);
    const bySeq = new Map(log.map((e) => [e.seq, e]));
    for (const [name, seat] of Object.entries(seats)) {
      const c = subs[name]!;
      expect(c.problems, name).toEqual([]);
      expect(c.seqs, name).toEqual(await expectedFor(t.db, n, seat));
      // The event as recorded, without its place in the hash chain.
      for (const e of c.events) {
        const { negotiationId: _n, prevHash: _p, hash: _h, ...recorded } = bySeq.get(e.seq)!;
        expect(e).toEqual(recorded);
      }
    }

    const kinds = (c: LiveClient) => c.events.map((e) => `${e.visibility}:${e.partyId === a!.id ? 'A' : e.partyId === b!.id ? 'B' : '-'}`);
    // Party A: its own private rows and what it shares, never B's private ones.
    expect(kinds(subs.aNegotiator!)).toContain('party:A');
    expect(kinds(subs.aNegotiator!)).toContain('mediator:A');
    expect(kinds(subs.aNegotiator!)).toContain('public:-');
    expect(kinds(subs.aNegotiator!)).not.toContain('party:B');
    expect(kinds(subs.aNegotiator!)).not.toContain('mediator:B');
    expect(kinds(subs.aNegotiator!)).not.toContain('party:-');
    expect(subs.aObserver!.seqs).toEqual(subs.aNegotiator!.seqs);
    expect(kinds(subs.bNegotiator!)).not.toContain('party:A');
    // The mediator: what parties share with it and its own office's, no party's private rows.
    expect(kinds(subs.mediator!)).toEqual(expect.arrayContaining(['mediator:A', 'mediator:B', 'party:-', 'parties:-', 'public:-']));
    expect(kinds(subs.mediator!)).not.toContain('party:A');
    expect(kinds(subs.mediator!)).not.toContain('party:B');
  });

  it('tells a subscriber the head when the newest events are ones it may not see', async () => {
    const [a, b] = n.parties;
    const bObserver = connect(b!.observer);
    await bObserver.ready();
    const seen = bObserver.events.length;
    const written = await n.run({ memberId: a!.negotiator.memberId }, {
      name: 'setPosition', input: { partyId: a!.id, pointId: n.pointIds[0]!, level: 'reject', reason: 'A alone', visibility: 'party' },
    });
    const head = written.at(-1)!.seq;
    await bObserver.reach(head);
    expect(bObserver.events).toHaveLength(seen);
    expect(bObserver.messages.at(-1)).toEqual({ type: 'head', seq: head });
    expect(bObserver.cursor).toBe(head);
  });

  it('resumes with after=: nothing lost, nothing repeated, even across invisible events', async () => {
    const [a, b] = n.parties;
    for (const seat of [a!.observer, b!.negotiator, n.mediator]) {
      const first = connect(seat);
      await first.ready();
      await writeOfEveryKind(n, `first ${seat.memberId}`);
      await first.reach(await headSeq());
      await first.close();
      // Written while disconnected.
      await writeOfEveryKind(n, `away ${seat.memberId}`);
      await n.run({ memberId: a!.negotiator.memberId }, {
        name: 'setPosition', input: { partyId: a!.id, pointId: n.pointIds[1]!, level: 'wording', reason: `away from ${seat.memberId}`, visibility: 'party' },
      });
      const second = connect(seat, first.cursor);
      await second.ready();
      await writeOfEveryKind(n, `back ${seat.memberId}`);
      await second.reach(await headSeq());
      expect(second.problems).toEqual([]);
      expect(second.seqs.every((s) => s > first.cursor)).toBe(true);
      expect([...first.seqs, ...second.seqs]).toEqual(await expectedFor(t.db, n, seat));
    }
  });

  it('delivers 40 concurrent writes to every subscriber in seq order, each exactly once', async () => {
    const seats = [n.parties[0]!.negotiator, n.parties[1]!.observer, n.mediator];
    const subs = seats.map((s) => connect(s));
    for (const c of subs) await c.ready();
    await Promise.all(Array.from({ length: 40 }, (_, i) => {
      const p = n.parties[i % 2]!;
      switch (i % 4) {
        case 0: return n.run({ memberId: p.negotiator.memberId }, { name: 'setPosition', input: { partyId: p.id, pointId: n.pointIds[0]!, level: 'wording', reason: `write ${i}`, visibility: 'party' } });
        case 1: return n.run({ memberId: p.negotiator.memberId }, { name: 'setPosition', input: { partyId: p.id, pointId: n.pointIds[1]!, level: 'reject', reason: `write ${i}`, visibility: 'mediator' } });
        case 2: return n.run({ memberId: p.observer.memberId }, { name: 'recordStatement', input: { quote: `statement ${i}`, lang: 'en', date: '2025-12-03' } });
        default: return n.run({ memberId: n.mediator.memberId }, { name: 'writeReadout', input: { roundId: n.roundId, text: { en: `note ${i}` }, visibility: 'party' } });
      }
    }));
    const head = await headSeq();
    for (const [i, c] of subs.entries()) {
      await c.reach(head);
      expect(c.problems).toEqual([]);
      expect(c.seqs).toEqual(await expectedFor(t.db, n, seats[i]!));
    }
  });

  it('is not misled by stale, repeated, out-of-order or bogus notifications', async () => {
    const seats = [n.parties[0]!.negotiator, n.mediator];
    const subs = seats.map((s) => connect(s));
    for (const c of subs) await c.ready();
    const head = await headSeq();
    const notify = (payload: string) => t.db.query(`SELECT pg_notify('${EVENTS_CHANNEL}', $1)`, [payload]);
    // Anyone able to NOTIFY could send these; none of them is an event.
    for (const p of [`${n.negotiationId}:${head}`, `${n.negotiationId}:1`, `${n.negotiationId}:${head + 1000}`, `${randomUUID()}:5`, 'garbage', `${n.negotiationId}:x`]) await notify(p);
    await writeOfEveryKind(n, 'after the noise');
    const after = await headSeq();
    for (const [i, c] of subs.entries()) {
      await c.reach(after);
      expect(c.problems).toEqual([]);
      expect(c.seqs).toEqual(await expectedFor(t.db, n, seats[i]!));
      // The head it was told is the real one, never the bogus seq.
      expect(c.cursor).toBe(after);
    }
  });

  it('never announces a write that rolled back', async () => {
    const a = n.parties[0]!;
    const c = connect(a.negotiator);
    await c.ready();
    const before = c.messages.length;
    // A party negotiator may not add points: the command fails inside its transaction.
    await expect(n.run({ memberId: a.negotiator.memberId }, { name: 'addPoint', input: { texts: { en: 'not allowed' } } })).rejects.toMatchObject({ code: 'action_denied' });
    const written = await n.run({ memberId: a.observer.memberId }, { name: 'recordStatement', input: { quote: 'after the failure', lang: 'en', date: '2025-12-03' } });
    await c.reach(written.at(-1)!.seq);
    // The next thing it hears is the statement: the failed command left no trace.
    expect(c.messages.slice(before)).toEqual([{ type: 'event', event: expect.objectContaining({ seq: written.at(-1)!.seq, type: 'statement.recorded' }) as unknown }]);
  });
});
