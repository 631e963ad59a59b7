/**
 * The negotiation API end to end on both databases: an admin opens a negotiation, the
 * mediator builds the text, parties take positions, and every read comes back filtered by
 * row-level security. Stale writes get 409 with what the entity is now.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { execute } from '../../src/store/execute.ts';
import { addAccount, issueToken } from '../helpers/auth.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';

describe.each(backends)('the negotiation API on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: string;
  let partyA: string;
  let partyB: string;
  let tokenA: string;
  let tokenB: string;
  let negotiationId: string;
  let pointId: string;
  const call = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    const adminId = await addAccount(t.db, 'Admin');
    await t.db.query('UPDATE accounts SET is_admin = true WHERE id = $1', [adminId]);
    admin = (await issueToken(t.db, adminId, { scopes: ['read', 'write', 'admin'] })).token;
    const created = await call(admin, 'POST', '/api/negotiations', { title: { en: 'Test talks', ur: 'آزمائشی مذاکرات' }, languages: ['en', 'ur'], draftingLanguage: 'en' });
    expect(created.statusCode).toBe(201);
    negotiationId = (created.json<{ id: string }>()).id;
    partyA = (await call(admin, 'POST', `/api/negotiations/${negotiationId}/parties`, { name: { en: 'Alpha' }, shortName: 'A' })).json<{ id: string }>().id;
    partyB = (await call(admin, 'POST', `/api/negotiations/${negotiationId}/parties`, { name: { en: 'Beta' }, shortName: 'B' })).json<{ id: string }>().id;
    // Party members join as the invitation flow would: an addMember command with their account.
    const [mediator] = await t.db.query<{ id: string }>("SELECT id FROM members WHERE negotiation_id = $1 AND role = 'mediator'", [negotiationId]);
    for (const [party, set] of [[partyA, (tok: string) => { tokenA = tok; }], [partyB, (tok: string) => { tokenB = tok; }]] as const) {
      const account = await addAccount(t.db, `Negotiator of ${party}`);
      await execute(t.db, { negotiationId, as: { memberId: mediator!.id }, command: { name: 'addMember', input: { displayName: 'n', partyId: party, role: 'negotiator', accountId: account } } });
      set((await issueToken(t.db, account)).token);
    }
    const point = await call(admin, 'POST', `/api/negotiations/${negotiationId}/points`, { texts: { en: 'Ceasefire along the line of contact.', ur: 'رابطے کی لکیر پر جنگ بندی۔' } });
    expect(point.statusCode).toBe(201);
    pointId = point.json<{ id: string }>().id;
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  it('lists my negotiations with my place in each', async () => {
    const res = await call(tokenA, 'GET', '/api/negotiations');
    expect(res.json()).toMatchObject({ items: [{ id: negotiationId, membership: { partyId: partyA, role: 'negotiator' } }] });
  });

  it('keeps a private position to its party, and shares a shared one', async () => {
    expect((await call(tokenA, 'POST', `/api/negotiations/${negotiationId}/positions`, { partyId: partyA, pointId, level: 'redline', reason: 'PRIVATE-ALPHA', visibility: 'party' })).statusCode).toBe(201);
    expect((await call(tokenB, 'POST', `/api/negotiations/${negotiationId}/positions`, { partyId: partyB, pointId, level: 'discuss', reason: 'shared by beta', visibility: 'parties' })).statusCode).toBe(201);
    const seenByB = await call(tokenB, 'GET', `/api/negotiations/${negotiationId}/positions`);
    expect(seenByB.body).not.toContain('PRIVATE-ALPHA');
    expect(seenByB.json<{ items: unknown[] }>().items).toHaveLength(1);
    const mapForB = (await call(tokenB, 'GET', `/api/negotiations/${negotiationId}/agreement`)).json<{ rows: { status: string }[]; overall: { summary: string } }>();
    // B cannot see A's red line, so for B the point is only "close".
    expect(mapForB.rows[0]?.status).toBe('close');
    const mapForA = (await call(tokenA, 'GET', `/api/negotiations/${negotiationId}/agreement`)).json<{ rows: { status: string }[]; overall: { summary: string } }>();
    expect(mapForA.rows[0]?.status).toBe('blocked');
    expect(mapForA.overall.summary).toBe('0 agreed · 0 close · 0 contested · 1 blocked');
    const eventsForB = (await call(tokenB, 'GET', `/api/negotiations/${negotiationId}/events`)).body;
    expect(eventsForB).not.toContain('PRIVATE-ALPHA');
  });

  it("refuses to write another party's position (403) and writes nothing", async () => {
    const before = (await call(tokenA, 'GET', `/api/negotiations/${negotiationId}/events`)).json<{ headSeq: number }>().headSeq;
    const res = await call(tokenA, 'POST', `/api/negotiations/${negotiationId}/positions`, { partyId: partyB, pointId, level: 'accept' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await call(tokenA, 'GET', `/api/negotiations/${negotiationId}/events`)).json<{ headSeq: number }>().headSeq).toBe(before);
  });

  it('answers a stale edit with 409 version_conflict and what the point is now', async () => {
    const seen = (await call(admin, 'GET', `/api/negotiations/${negotiationId}/points/${pointId}`)).json<{ revision: number }>();
    expect((await call(admin, 'PATCH', `/api/negotiations/${negotiationId}/points/${pointId}`, { texts: { en: 'Ceasefire now.' }, basedOn: seen.revision })).statusCode).toBe(200);
    const stale = await call(admin, 'PATCH', `/api/negotiations/${negotiationId}/points/${pointId}`, { texts: { en: 'Ceasefire later.' }, basedOn: seen.revision });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { texts: { en: 'Ceasefire now.' } } });
  });

  it('records reads and exports of a confidential version in the access log, shown to the mediator', async () => {
    const v = await call(admin, 'POST', `/api/negotiations/${negotiationId}/versions`, { label: 'v1' });
    expect(v.statusCode).toBe(201);
    const versionId = v.json<{ id: string }>().id;
    expect((await call(tokenA, 'GET', `/api/negotiations/${negotiationId}/versions/${versionId}`)).statusCode).toBe(200);
    const md = await call(tokenB, 'GET', `/api/negotiations/${negotiationId}/versions/${versionId}/export?format=md&lang=en`);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    // B's own copy: format marks read as what they look like.
    expect(md.body.replace(/\u00A0/gu, ' ')).toContain('1. Ceasefire now.');
    const log = (await call(admin, 'GET', `/api/negotiations/${negotiationId}/access-log?limit=1`)).json<{ items: { action: string }[]; nextCursor: string | null }>();
    expect(log.items).toHaveLength(1);
    expect(log.nextCursor).not.toBeNull();
    const all = (await call(admin, 'GET', `/api/negotiations/${negotiationId}/access-log`)).json<{ items: { action: string }[] }>().items.map((i) => i.action);
    expect(all).toEqual(expect.arrayContaining(['version.read', 'version.export']));
    // A party member sees only its own entries.
    const own = (await call(tokenA, 'GET', `/api/negotiations/${negotiationId}/access-log`)).json<{ items: { action: string }[] }>().items.map((i) => i.action);
    expect(own).toEqual(['version.read']);
  });

  it('hides a negotiation from non-members exactly like one that does not exist', async () => {
    const outsider = (await issueToken(t.db, await addAccount(t.db, 'Outsider'))).token;
    const res = await call(outsider, 'GET', `/api/negotiations/${negotiationId}/points`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'negotiation_not_found' });
    expect((await app.inject({ method: 'GET', url: `/api/negotiations/${negotiationId}/points` })).statusCode).toBe(401);
  });

  it('pages every list: limit, then the cursor to the rest', async () => {
    await call(admin, 'POST', `/api/negotiations/${negotiationId}/points`, { texts: { en: 'Exchange of prisoners.' } });
    await call(admin, 'POST', `/api/negotiations/${negotiationId}/points`, { texts: { en: 'Elections.' } });
    const first = (await call(tokenA, 'GET', `/api/negotiations/${negotiationId}/points?limit=2`)).json<{ items: { number: string }[]; nextCursor: string | null }>();
    expect(first.items.map((p) => p.number)).toEqual(['1', '2']);
    expect(first.nextCursor).not.toBeNull();
    const rest = (await call(tokenA, 'GET', `/api/negotiations/${negotiationId}/points?limit=2&cursor=${first.nextCursor!}`)).json<{ items: { number: string }[]; nextCursor: string | null }>();
    expect(rest).toEqual({ items: [expect.objectContaining({ number: '3' })], nextCursor: null });
    expect((await call(tokenA, 'GET', `/api/negotiations/${negotiationId}/points?limit=0`)).statusCode).toBe(400);
  });

  it('accepting amendments answers with the id of the version it made', async () => {
    const drafted = await call(tokenA, 'POST', `/api/negotiations/${negotiationId}/amendments`, { partyId: partyA, kind: 'insert', texts: { en: 'A joint commission meets monthly.' }, afterPointId: pointId, proposeTo: 'parties' });
    expect(drafted.statusCode).toBe(201);
    const accepted = await call(admin, 'POST', `/api/negotiations/${negotiationId}/amendments/accept`, { amendmentIds: [drafted.json<{ id: string }>().id], versionLabel: 'After the commission' });
    expect(accepted.statusCode).toBe(201);
    const versions = (await call(admin, 'GET', `/api/negotiations/${negotiationId}/versions`)).json<{ items: { id: string; label: string }[] }>().items;
    expect(versions.find((v) => v.id === accepted.json<{ id: string }>().id)?.label).toBe('After the commission');
  });

  it('gives input errors as 400 problems naming the field', async () => {
    const res = await call(tokenA, 'POST', `/api/negotiations/${negotiationId}/positions`, { partyId: partyA, pointId, level: 'reject' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'reason_required' });
    const bad = await call(tokenA, 'POST', `/api/negotiations/${negotiationId}/positions`, { partyId: partyA, pointId, level: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ detail: string }>().detail).toMatch(/^level: /);
  });
});
