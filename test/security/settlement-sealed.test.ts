/**
 * Sealed settlement scores, attacked as every demo seat would: through every GET route of the
 * API, through the analysis, and through raw SQL as the app role with no filter at all (so
 * row-level security alone holds). Only the owning party ever reads a party's raw scores; the
 * mediator, who sees results, is refused the scores like everyone else. The engine role reads
 * the scores of the negotiation it was set to, and nothing else of the database.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../src/demo/build-demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { withEngineInputs } from '../../src/store/settlement-engine.ts';
import { crawl, getRequests } from '../helpers/crawl.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { failsAs, selectAllAs } from '../helpers/rls.ts';
import { demoSeats, type DemoSeat } from '../helpers/demo-seats.ts';
import { seatedNegotiation } from '../helpers/seats.ts';

type Viewer = DemoSeat & { headers: Record<string, string> };

/**
 * Each party's sealed scores as the JSON of their ratings: the demo's ratings are whole numbers
 * that figures could repeat by chance, so the check is on the scores' own JSON shape.
 */
const scoresJson = (scores: unknown) => JSON.stringify((scores as { ratings: unknown }).ratings);

describe.each(backends)('sealed settlement scores on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let X: string;
  const viewers: Viewer[] = [];
  /** party short name -> the JSON of its ratings as sealed. */
  const sealed = new Map<string, string>();

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    const demo = await buildDemo(t.db);
    X = demo.negotiationId;
    const parties = new Map((await t.db.query<{ id: string; short_name: string }>('SELECT id, short_name FROM parties WHERE negotiation_id = $1', [X])).map((p) => [p.short_name, p.id]));
    const byId = new Map([...parties].map(([k, v]) => [v, k]));
    for (const r of await t.db.query<{ party_id: string; scores: unknown }>('SELECT party_id, scores FROM settlement_scores WHERE negotiation_id = $1', [X])) {
      sealed.set(byId.get(r.party_id)!, scoresJson(r.scores));
    }
    for (const seat of await demoSeats(t.db, demo)) viewers.push({ ...seat, headers: { authorization: `Bearer ${seat.token}` } });
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  it('the demo has three sealed parties and seats of every kind to look from', () => {
    expect([...sealed.keys()].sort()).toEqual(['European allies', 'Russia', 'Ukraine']);
    expect(viewers.some((v) => v.actor.role === 'mediator')).toBe(true);
    expect(viewers.some((v) => v.party === 'United States')).toBe(true);
  });

  it('no GET route gives any seat another party\'s scores; each party gets its own', async () => {
    // A few ids of every kind: the scores belong to no point or round, so any id reaches every route's code.
    const some = async (table: string) => {
      const rows = await t.db.query<{ id: string }>(`SELECT id FROM ${table} WHERE negotiation_id = $1 ORDER BY id LIMIT 3`, [X]);
      return rows.length > 0 ? rows.map((r) => r.id) : [randomUUID()];
    };
    const versions = await some('versions');
    const requests = getRequests({
      id: [X], a: versions, b: versions, partyId: await some('parties'), packageId: await some('settlement_packages'), pointId: await some('points'),
      amendmentId: await some('amendments'), versionId: versions, roundId: await some('rounds'), personId: await some('persons'),
      reportId: await some('reports'), statementId: await some('statements'), noteId: await some('notes'), readoutId: await some('readouts'),
    });
    expect(requests.some((r) => r.operationId === 'getSettlement')).toBe(true);
    for (const v of viewers) {
      const bodies = (await crawl(app, v.headers, requests)).map((f) => f.body).join('\n');
      for (const [party, json] of sealed) {
        if (party === v.party) expect(bodies, `${v.key} reads its own scores`).toContain(json);
        else expect(bodies, `${v.key} must not read ${party}'s scores`).not.toContain(json);
      }
    }
  });

  it('the analysis gives the mediator results only, and refuses everyone else', async () => {
    for (const v of viewers) {
      const res = await app.inject({ method: 'POST', url: `/api/negotiations/${X}/settlement/analyses`, headers: v.headers, payload: {} });
      if (v.actor.role !== 'mediator') {
        expect(res.statusCode, v.key).toBe(403);
        continue;
      }
      expect(res.statusCode, res.body).toBe(201);
      for (const json of sealed.values()) expect(res.body).not.toContain(json);
      expect(res.body).not.toMatch(/"ratings"|"weights"|"batna"|"unacceptable"/);
    }
  });

  it('raw SQL as the app role: a party reaches its own row, the mediator and every other seat none', async () => {
    for (const v of viewers) {
      const rows = await selectAllAs<{ party_id: string }>(t.db, v.actor, X, 'settlement_scores');
      expect(rows.map((r) => r.party_id), v.key).toEqual(v.party && sealed.has(v.party) ? [v.actor.partyId] : []);
      const events = await selectAllAs<{ type: string; party_id: string | null }>(t.db, v.actor, X, 'events');
      expect(events.filter((e) => e.type === 'settlement.scores.sealed' && e.party_id !== v.actor.partyId), v.key).toEqual([]);
    }
    const mediator = viewers.find((v) => v.actor.role === 'mediator')!;
    const ukraine = viewers.find((v) => v.key === 'ua-team')!;
    for (const v of [mediator, ukraine]) {
      expect(await failsAs(t.db, v.actor, X, async (tx) => {
        const changed = await tx.query("UPDATE settlement_scores SET share = 'parties' WHERE negotiation_id = $1 RETURNING party_id", [X]);
        if (changed.length > (v === ukraine ? 1 : 0)) throw new Error('reached another party\'s scores');
      }), v.key).toBe('no error');
    }
    expect(await failsAs(t.db, mediator.actor, X, (tx) => tx.query(
      `INSERT INTO settlement_scores (negotiation_id, party_id, scores, share, at, revision) VALUES ($1, gen_random_uuid(), '{}', 'none', now(), 1)`, [X])))
      .toMatch(/row-level security/);
  });

  it('the engine role reads the scores of its negotiation only, and nothing else of the database', async () => {
    const other = await seatedNegotiation(t.db, { parties: 2 });
    await other.run(other.mediator, {
      name: 'saveSettlementSpace',
      input: { partyIds: other.parties.map((p) => p.id), issues: [{ label: 'Only', divisible: false, options: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }] }] },
    });
    const [issue] = (await t.db.query<{ issues: { id: string }[] }>('SELECT issues FROM settlement_spaces WHERE negotiation_id = $1', [other.negotiationId]))[0]!.issues;
    await other.run(other.parties[0]!.seats.principal, { name: 'submitSettlementScores', input: { scores: { weights: { [issue!.id]: 100 }, ratings: { [issue!.id]: { a: 100, b: 0 } } } } });
    const seenByEngine = await withEngineInputs(t.db, X, (inputs) => [...inputs.scores.keys()].length);
    expect(seenByEngine).toBe(3);
    const seenForOther = await withEngineInputs(t.db, other.negotiationId, (inputs) => [...inputs.scores.keys()].length);
    expect(seenForOther).toBe(1);
    for (const table of ['events', 'positions', 'notes', 'accounts', 'members']) {
      // The database's own refusal, kept before the failed transaction rolls back.
      let attempt = 'read';
      await t.db.transaction(async (tx) => {
        await tx.query("SELECT set_config('parley.viewer_negotiation', $1, true)", [X]);
        await tx.exec('SET LOCAL ROLE parley_engine');
        try {
          await tx.query(`SELECT count(*) FROM ${table}`);
        } catch (e) {
          attempt = (e as Error).message;
          throw e;
        }
      }).catch(() => undefined);
      expect(attempt, table).toMatch(/permission denied/);
    }
  });
});
