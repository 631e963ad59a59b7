/**
 * The map's own routes on both databases: agreement over versions and rounds as each party
 * may see it (a private red line never counts for another party), and the per-account
 * visit mark behind "what changed since my last visit" (forward only, out of the app
 * role's reach, nothing for a non-member).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { execute } from '../../src/store/execute.ts';
import { addAccount, issueToken } from '../helpers/auth.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { failsAs } from '../helpers/rls.ts';

interface Counts { agreed: number; close: number; contested: number; blocked: number }
interface History { parties: string[]; checkpoints: { kind: string; id: string | null; at: string; label: string | null; title: Record<string, string> | null; counts: Counts; total: number }[] }
interface VisitState { visit: { seenSeq: number; seenAt: string } | null; headSeq: number }

describe.each(backends)('the map routes on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: string;
  let tokenA: string;
  let tokenB: string;
  let outsider: string;
  let partyA: string;
  let partyB: string;
  let negotiationId: string;
  let mediatorId: string;
  const call = (token: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const history = async (token: string) => {
    const res = await call(token, 'GET', `/api/negotiations/${negotiationId}/agreement/history`);
    expect(res.statusCode).toBe(200);
    return res.json<History>();
  };

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    const adminId = await addAccount(t.db, 'Admin');
    await t.db.query('UPDATE accounts SET is_admin = true WHERE id = $1', [adminId]);
    admin = (await issueToken(t.db, adminId, { scopes: ['read', 'write', 'admin'] })).token;
    negotiationId = (await call(admin, 'POST', '/api/negotiations', { title: { en: 'Map talks' }, languages: ['en', 'ur'], draftingLanguage: 'en' })).json<{ id: string }>().id;
    partyA = (await call(admin, 'POST', `/api/negotiations/${negotiationId}/parties`, { name: { en: 'Alpha' }, shortName: 'A' })).json<{ id: string }>().id;
    partyB = (await call(admin, 'POST', `/api/negotiations/${negotiationId}/parties`, { name: { en: 'Beta' }, shortName: 'B' })).json<{ id: string }>().id;
    const [mediator] = await t.db.query<{ id: string }>("SELECT id FROM members WHERE negotiation_id = $1 AND role = 'mediator'", [negotiationId]);
    mediatorId = mediator!.id;
    const tokens: string[] = [];
    for (const party of [partyA, partyB]) {
      const account = await addAccount(t.db, `Negotiator of ${party}`);
      await execute(t.db, { negotiationId, as: { memberId: mediatorId }, command: { name: 'addMember', input: { displayName: 'n', partyId: party, role: 'negotiator', accountId: account } } });
      tokens.push((await issueToken(t.db, account)).token);
    }
    [tokenA, tokenB] = tokens as [string, string];
    outsider = (await issueToken(t.db, await addAccount(t.db, 'Outsider'))).token;
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  it("counts agreement at each version, round and now from what each party may see; another party's private red line never counts", async () => {
    const p1 = (await call(admin, 'POST', `/api/negotiations/${negotiationId}/points`, { texts: { en: 'Ceasefire.' } })).json<{ id: string }>().id;
    const p2 = (await call(admin, 'POST', `/api/negotiations/${negotiationId}/points`, { texts: { en: 'Elections.' } })).json<{ id: string }>().id;
    expect((await call(admin, 'POST', `/api/negotiations/${negotiationId}/versions`, { label: 'First draft' })).statusCode).toBe(201);
    // After the version: A's private red line on p1, B shares "accept" on both, A shares "accept" on p2.
    expect((await call(tokenA, 'POST', `/api/negotiations/${negotiationId}/positions`, { partyId: partyA, pointId: p1, level: 'redline', reason: 'PRIVATE-ALPHA', visibility: 'party' })).statusCode).toBe(201);
    for (const p of [p1, p2]) expect((await call(tokenB, 'POST', `/api/negotiations/${negotiationId}/positions`, { partyId: partyB, pointId: p, level: 'accept', visibility: 'parties' })).statusCode).toBe(201);
    expect((await call(tokenA, 'POST', `/api/negotiations/${negotiationId}/positions`, { partyId: partyA, pointId: p2, level: 'accept', visibility: 'parties' })).statusCode).toBe(201);

    const forA = await history(tokenA);
    const forB = await history(tokenB);
    const forMediator = await history(admin);
    expect(forA.parties).toEqual([partyA, partyB]);
    expect(forA.checkpoints.map((c) => c.kind)).toEqual(['version', 'now']);
    expect(forA.checkpoints[0]).toMatchObject({ label: 'First draft', total: 2, counts: { agreed: 0, close: 2, contested: 0, blocked: 0 } });
    expect(forA.checkpoints[1]).toMatchObject({ total: 2, counts: { agreed: 1, close: 0, contested: 0, blocked: 1 } });
    // B and the mediator cannot see A's 'party' red line: for them p1 is only close.
    expect(forB.checkpoints[1]).toMatchObject({ counts: { agreed: 1, close: 1, contested: 0, blocked: 0 } });
    expect(forMediator.checkpoints[1]?.counts.blocked).toBe(0);
    expect(JSON.stringify(forB)).not.toContain('PRIVATE-ALPHA');
    // "now" agrees with the map each one sees.
    for (const [token, h] of [[tokenA, forA], [tokenB, forB]] as const) {
      const map = (await call(token, 'GET', `/api/negotiations/${negotiationId}/agreement`)).json<{ overall: { counts: Counts } }>();
      expect(h.checkpoints.at(-1)?.counts).toEqual(map.overall.counts);
    }
  });

  it('places a round that has begun at its start, and leaves out one not yet begun', async () => {
    const past = '2020-01-01T09:00:00.000Z';
    const future = new Date(Date.now() + 86_400_000).toISOString();
    for (const [title, startsAt] of [['Past round', past], ['Future round', future]] as const) {
      const res = await call(admin, 'POST', `/api/negotiations/${negotiationId}/rounds`, { title: { en: title }, startsAt, format: 'plenary', partyIds: [partyA, partyB], visibility: 'parties' });
      expect(res.statusCode).toBe(201);
    }
    const h = await history(tokenB);
    const rounds = h.checkpoints.filter((c) => c.kind === 'round');
    expect(rounds.map((r) => r.title)).toEqual([{ en: 'Past round' }]);
    expect(rounds[0]?.at).toBe(past);
    // In time order: the round (before the version was made), then the version, then now.
    expect(h.checkpoints.map((c) => c.kind)).toEqual(['round', 'version', 'now']);
    // Before any position, every point of the current text is close.
    expect(rounds[0]?.counts).toEqual({ agreed: 0, close: 2, contested: 0, blocked: 0 });
  });

  it('keeps my visit per account: none at first, then only forward, never past the head', async () => {
    const url = `/api/negotiations/${negotiationId}/visit`;
    const first = (await call(tokenA, 'GET', url)).json<VisitState>();
    expect(first.visit).toBeNull();
    expect(first.headSeq).toBeGreaterThan(5);
    const marked = await call(tokenA, 'PUT', url, { seenSeq: 5 });
    expect(marked.statusCode).toBe(200);
    expect(marked.json<VisitState>().visit?.seenSeq).toBe(5);
    // Going back (an old tab) changes nothing.
    expect((await call(tokenA, 'PUT', url, { seenSeq: 3 })).json<VisitState>().visit?.seenSeq).toBe(5);
    expect((await call(tokenA, 'GET', url)).json<VisitState>().visit?.seenSeq).toBe(5);
    // Past the head is clamped to the head.
    const clamped = (await call(tokenA, 'PUT', url, { seenSeq: 1_000_000 })).json<VisitState>();
    expect(clamped.visit?.seenSeq).toBe(clamped.headSeq);
    // Another account has its own mark.
    expect((await call(tokenB, 'GET', url)).json<VisitState>().visit).toBeNull();
    expect((await call(tokenA, 'PUT', url, { seenSeq: -1 })).statusCode).toBe(400);
  });

  it('gives a non-member the same 404 as a missing negotiation, and stores nothing for it', async () => {
    const url = `/api/negotiations/${negotiationId}/visit`;
    expect((await call(outsider, 'GET', url)).statusCode).toBe(404);
    expect((await call(outsider, 'PUT', url, { seenSeq: 1 })).statusCode).toBe(404);
    expect((await call(outsider, 'GET', `/api/negotiations/${negotiationId}/agreement/history`)).statusCode).toBe(404);
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM visits WHERE negotiation_id = $1', [negotiationId]);
    expect(rows[0]?.n).toBe(1);
  });

  it('keeps the visits table out of the app role: no grant', async () => {
    const viewer = { kind: 'member' as const, memberId: mediatorId, partyId: null, role: 'mediator' as const };
    expect(await failsAs(t.db, viewer, negotiationId, (tx) => tx.query('SELECT * FROM visits'))).toMatch(/permission denied/);
    expect(await failsAs(t.db, viewer, negotiationId, (tx) => tx.query('UPDATE visits SET seen_seq = 0'))).toMatch(/permission denied/);
  });
});
