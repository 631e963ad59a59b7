/**
 * Keeping a connection honest: a client that stops reading is cut off with a reason and
 * resumes where it was; a revoked credential ends the feeds it opened; a peer that stops
 * answering pings is dropped. The server runs with a short heartbeat and a small buffer
 * limit so that each happens within the test.
 */
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { LiveClose } from '../../src/protocol/live.schema.ts';
import { readEvents } from '../../src/store/event-log.ts';
import { openSession, revokeSession, revokeToken } from '../helpers/auth.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { expectedFor, liveNegotiation, LiveClient, startLiveServer, type LiveNegotiation } from '../helpers/live.ts';

const LIMIT = 256 * 1024;
/** A statement of ~200 kB: forty of them outgrow the kernel's socket buffers and the limit. */
const bigQuote = (i: number) => `Statement ${i}: ${'the parties shall negotiate in good faith; '.repeat(4_800)}`;

describe.each(backends)('live flow control on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let n: LiveNegotiation;
  const clients: LiveClient[] = [];

  beforeEach(async () => {
    t = await freshDatabase(backend);
    ({ app, base } = await startLiveServer(t.db, { maxBufferedBytes: LIMIT, heartbeatMs: 100, pageSize: 7 }));
    n = await liveNegotiation(t.db, { parties: 1 });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    await app.close();
    await t.dispose();
  });

  function connect(options: ConstructorParameters<typeof LiveClient>[2], on = base): LiveClient {
    const c = new LiveClient(on, n.negotiationId, options);
    clients.push(c);
    return c;
  }

  it('disconnects a client that does not read, with a reason; it resumes from its cursor without loss', async () => {
    // Heartbeats would drop the stalled client first (it answers no ping): none here.
    const quiet = await startLiveServer(t.db, { maxBufferedBytes: LIMIT, heartbeatMs: 3_600_000, pageSize: 7 });
    onTestFinished(() => quiet.app.close());
    const seat = n.parties[0]!.observer;
    const slow = connect({ token: seat.token }, quiet.base);
    await slow.ready();
    slow.ws.pause();
    for (let i = 0; i < 40; i++) {
      await n.run({ memberId: seat.memberId }, { name: 'recordStatement', input: { quote: bigQuote(i), lang: 'en', date: '2025-12-03' } });
    }
    slow.ws.resume();
    const closed = await slow.closed;
    expect(closed.code).toBe(LiveClose.tooSlow);
    expect(closed.reason).toMatch(/^Too slow: more than 262144 bytes unread\. Reconnect with after=\d+\.$/);
    expect(slow.problems).toEqual([]);
    const all = await expectedFor(t.db, n, seat);
    // What it got before the cut is a prefix of what it may see: in order, nothing skipped.
    expect(slow.seqs).toEqual(all.slice(0, slow.seqs.length));
    expect(slow.seqs.length).toBeLessThan(all.length);

    // The backlog on reconnect is paced to the reader (7 events a page here), so the same
    // megabytes that overflowed a stalled client reach a reading one whole.
    const again = connect({ token: seat.token, after: slow.cursor }, quiet.base);
    const head = (await readEvents(t.db, n.negotiationId)).at(-1)!.seq;
    await again.reach(head);
    expect(again.problems).toEqual([]);
    expect([...slow.seqs, ...again.seqs]).toEqual(all);
  });

  it('ends a feed when its API token is revoked', async () => {
    const seat = n.parties[0]!.negotiator;
    const c = connect({ token: seat.token });
    await c.ready();
    await revokeToken(t.db, seat.tokenId);
    expect(await c.refusal()).toMatchObject({ close: LiveClose.unauthenticated, error: 'unauthenticated' });
  });

  it('ends a feed when its session is signed out', async () => {
    const session = await openSession(t.db, n.mediator.accountId);
    const c = connect({ headers: { cookie: session.cookie } });
    await c.ready();
    // Other feeds of the same account, on a token, go on.
    const other = connect({ token: n.mediator.token });
    await other.ready();
    await revokeSession(t.db, session.sessionId);
    expect(await c.refusal()).toMatchObject({ close: LiveClose.unauthenticated, error: 'unauthenticated' });
    const written = await n.run({ memberId: n.mediator.memberId }, { name: 'addPoint', input: { texts: { en: 'Still here.' } } });
    await other.reach(written.at(-1)!.seq);
  });

  it('sends heartbeats, and drops a peer that stops answering pings', async () => {
    const c = connect({ token: n.mediator.token });
    await c.ready();
    await c.until(() => c.messages.some((m) => m.type === 'ping'), 'a heartbeat');
    // A paused client reads nothing, so it answers no ping.
    c.ws.pause();
    const other = connect({ token: n.mediator.token });
    await other.ready();
    await other.until(() => other.messages.filter((m) => m.type === 'ping').length >= 3, 'three heartbeats');
    c.ws.resume();
    const closed = await c.closed;
    // Told why if the close frame got through before the socket was cut, cut (1006) if not.
    expect([LiveClose.timeout, 1006]).toContain(closed.code);
  });
});
