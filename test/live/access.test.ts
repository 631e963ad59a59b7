/**
 * Who may open the live channel, and how a refusal reads. A refused subscription gets an
 * `error` message naming the code and a 44xx close (what a browser can see); a bearer
 * token the auth plugin rejects never gets as far as the upgrade (HTTP 401).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { LiveClose } from '../../src/protocol/live.schema.ts';
import { readEvents } from '../../src/store/event-log.ts';
import { addAccount, issueToken, openSession, revokeToken } from '../helpers/auth.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { liveNegotiation, LiveClient, startServer, type LiveNegotiation } from '../helpers/live.ts';

describe.each(backends)('who may open the live channel on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let n: LiveNegotiation;
  const clients: LiveClient[] = [];

  beforeEach(async () => {
    t = await freshDatabase(backend);
    ({ app, base } = await startServer(t.db));
    n = await liveNegotiation(t.db, { parties: 1 });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    await app.close();
    await t.dispose();
  });

  function client(options: ConstructorParameters<typeof LiveClient>[2] = {}, negotiationId = n.negotiationId): LiveClient {
    const c = new LiveClient(base, negotiationId, options);
    clients.push(c);
    return c;
  }

  it('answers a plain GET with 426 and how to connect', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/live?negotiation=${n.negotiationId}` });
    expect(res.statusCode).toBe(426);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'upgrade_required', detail: expect.stringContaining('WebSocket') as unknown });
  });

  it('refuses a connection without credentials', async () => {
    const r = await client().refusal();
    expect(r).toEqual({ close: LiveClose.unauthenticated, error: 'unauthenticated', reason: expect.stringContaining('Sign in first') as unknown });
  });

  it('refuses an account that is not a member, as if the negotiation did not exist', async () => {
    const stranger = await issueToken(t.db, await addAccount(t.db, 'Stranger'));
    expect(await client({ token: stranger.token }).refusal()).toMatchObject({ close: LiveClose.notFound, error: 'negotiation_not_found' });
    // A negotiation that does not exist reads the same.
    expect(await client({ token: n.mediator.token }, randomUUID()).refusal()).toMatchObject({ close: LiveClose.notFound, error: 'negotiation_not_found' });
  });

  it('refuses a token limited to another negotiation', async () => {
    const limited = await issueToken(t.db, n.mediator.accountId, { negotiationId: randomUUID() });
    expect(await client({ token: limited.token }).refusal()).toMatchObject({ close: LiveClose.notFound, error: 'negotiation_not_found' });
    const ownOnly = await issueToken(t.db, n.mediator.accountId, { negotiationId: n.negotiationId });
    const ok = client({ token: ownOnly.token });
    await ok.ready();
  });

  it('refuses a revoked token before the upgrade, as the auth plugin refuses it on any route', async () => {
    const seat = n.parties[0]!.observer;
    await revokeToken(t.db, seat.tokenId);
    expect(await client({ token: seat.token }).refusal()).toEqual({ http: 401 });
    // The refused upgrade's socket is closed, not left open: the app closes (afterEach).
  });

  it('refuses malformed queries, and never takes a token from the URL', async () => {
    expect(await client({ token: n.mediator.token, query: 'negotiation=not-a-uuid' }).refusal())
      .toMatchObject({ close: LiveClose.invalidInput, error: 'invalid_input', reason: expect.stringContaining('negotiation') as unknown });
    expect(await client({ token: n.mediator.token, query: `negotiation=${n.negotiationId}&after=-1` }).refusal())
      .toMatchObject({ close: LiveClose.invalidInput, error: 'invalid_input' });
    // Even a valid token, and even with no other credential: a token in a URL ends up in logs.
    expect(await client({ query: `negotiation=${n.negotiationId}&token=${n.mediator.token}` }).refusal())
      .toMatchObject({ close: LiveClose.invalidInput, error: 'invalid_input', reason: expect.stringContaining('Authorization: Bearer') as unknown });
  });

  it('refuses to resume after a seq the negotiation has not reached', async () => {
    const head = (await readEvents(t.db, n.negotiationId)).at(-1)!.seq;
    expect(await client({ token: n.mediator.token, after: head + 5 }).refusal())
      .toMatchObject({ close: LiveClose.invalidInput, error: 'invalid_input', reason: expect.stringContaining(`beyond the last event`) as unknown });
    const atHead = client({ token: n.mediator.token, after: head });
    await atHead.ready();
    expect(atHead.messages).toEqual([{ type: 'ready', headSeq: head }]);
  });

  it('cuts off a member whose seat is gone before sending it anything more', async () => {
    const leaving = n.parties[0]!.observer;
    const staying = n.parties[0]!.negotiator;
    const gone = client({ token: leaving.token });
    const still = client({ token: staying.token });
    await gone.ready();
    await still.ready();
    const seen = gone.events.length;
    // The seat ends (as an operator's correction would end it): the next event finds out.
    await t.db.query('UPDATE members SET active = false WHERE negotiation_id = $1 AND id = $2', [n.negotiationId, leaving.memberId]);
    const written = await n.run({ memberId: staying.memberId }, { name: 'recordStatement', input: { quote: 'after the seat ended', lang: 'en', date: '2025-12-03' } });
    expect(await gone.refusal()).toMatchObject({ close: LiveClose.seatChanged, error: 'seat_changed' });
    expect(gone.events).toHaveLength(seen);
    await still.reach(written.at(-1)!.seq);
    // And it cannot come back.
    expect(await client({ token: leaving.token }).refusal()).toMatchObject({ close: LiveClose.notFound, error: 'negotiation_not_found' });
  });

  it('accepts the session cookie from a page of this site, and refuses it from another site', async () => {
    const session = await openSession(t.db, n.parties[0]!.negotiator.accountId);
    const host = new URL(base).host;
    const same = client({ headers: { cookie: session.cookie, origin: `http://${host}` } });
    await same.ready();
    expect(same.events.length).toBeGreaterThan(0);
    // Cross-site WebSocket hijacking: the browser would send the cookie along.
    expect(await client({ headers: { cookie: session.cookie, origin: 'https://evil.example' } }).refusal())
      .toMatchObject({ close: LiveClose.forbidden, error: 'action_denied' });
    // A bearer token carries no ambient authority: any origin may use it.
    const token = client({ token: n.parties[0]!.negotiator.token, headers: { origin: 'https://tool.example' } });
    await token.ready();
  });
});
