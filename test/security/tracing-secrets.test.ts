/**
 * Leak tracing against every demo seat: nobody but the mediator's office reads the approved
 * variants, nobody at all reads a fingerprint secret through the app role, a member sees only
 * its own copies issued, nobody forges a copy for someone else, and no answer of any route
 * carries a secret or another recipient's copy. Each check is made by row-level security
 * alone (raw SQL as the app role), and through the API.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, type DemoResult } from '../../src/demo/build-demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { traceLeakIn } from '../../src/store/tracing.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { demoSeats, type DemoSeat } from '../helpers/demo-seats.ts';
import { failsAs, selectAllAs } from '../helpers/rls.ts';

interface Viewer extends DemoSeat { headers: Record<string, string> }

describe.each(backends)('fingerprint secrets and copies on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let demo: DemoResult;
  let viewers: Viewer[];
  let X: string;
  let v3: string;
  const copies = new Map<string, string>();

  beforeAll(async () => {
    t = await freshDatabase(backend);
    demo = await buildDemo(t.db);
    X = demo.negotiationId;
    app = await buildApp({ db: t.db });
    viewers = (await demoSeats(t.db, demo)).map((s) => ({ ...s, headers: { authorization: `Bearer ${s.token}` } }));
    v3 = (await t.db.query<{ id: string }>('SELECT id FROM versions WHERE negotiation_id = $1 ORDER BY seq_no DESC LIMIT 1', [X]))[0]!.id;
    for (const v of viewers) {
      const res = await app.inject({ method: 'GET', url: `/api/negotiations/${X}/versions/${v3}/export?format=txt&lang=en`, headers: v.headers });
      expect(res.statusCode).toBe(200);
      copies.set(v.key, res.body);
    }
  }, 120_000);
  afterAll(async () => { await app.close(); await t.dispose(); });

  it('the app role reads no secret, as anyone, and cannot write one', async () => {
    expect((await t.db.query('SELECT 1 FROM fingerprint_secrets WHERE negotiation_id = $1', [X])).length).toBe(1);
    for (const v of viewers) {
      expect(await failsAs(t.db, v.actor, X, (tx) => tx.query('SELECT * FROM fingerprint_secrets')), v.key).toMatch(/permission denied/u);
      expect(await failsAs(t.db, v.actor, X, (tx) => tx.query(
        "INSERT INTO fingerprint_secrets (negotiation_id, doc_kind, doc_id, secret, created_at) VALUES ($1, 'version', gen_random_uuid(), decode(repeat('00', 32), 'hex'), now())", [X])), v.key)
        .toMatch(/permission denied/u);
    }
  });

  it('only the mediator\'s office reads the approved variants, in the table and in the log', async () => {
    for (const v of viewers) {
      const rows = await selectAllAs(t.db, v.actor, X, 'fingerprint_variants');
      const events = (await selectAllAs<{ type: string }>(t.db, v.actor, X, 'events')).filter((e) => e.type.startsWith('fingerprint.'));
      if (v.actor.role === 'mediator') {
        expect(rows.length, v.key).toBeGreaterThan(10);
        expect(events.length, v.key).toBeGreaterThan(0);
      } else {
        expect(rows, v.key).toEqual([]);
        expect(events, v.key).toEqual([]);
      }
    }
  });

  it('a member sees only its own copies issued, and cannot record a copy as someone else', async () => {
    const mediator = viewers.find((v) => v.actor.role === 'mediator')!;
    for (const v of viewers) {
      const rows = await selectAllAs<{ member_id: string }>(t.db, v.actor, X, 'issued_copies');
      if (v === mediator) expect(new Set(rows.map((r) => r.member_id)).size, v.key).toBe(viewers.length);
      else expect(new Set(rows.map((r) => r.member_id)), v.key).toEqual(new Set([v.actor.memberId]));
    }
    const ushakov = viewers.find((v) => v.key === 'ushakov')!;
    const witkoff = viewers.find((v) => v.key === 'witkoff')!;
    expect(await failsAs(t.db, ushakov.actor, X, (tx) => tx.query(
      `INSERT INTO issued_copies (negotiation_id, id, doc_kind, doc_id, lang, account_id, member_id, format, slots, at)
       VALUES ($1, gen_random_uuid(), 'version', $2, 'en', gen_random_uuid(), $3, 'txt', 1, now())`, [X, v3, witkoff.actor.memberId])))
      .toMatch(/row-level security/u);
  });

  it('no route answers a party with the variants, another recipient\'s copy or a trace', async () => {
    const ushakov = viewers.find((v) => v.key === 'ushakov')!;
    const others = [...copies].filter(([k]) => k !== 'ushakov').map(([, c]) => c);
    const variants = await t.db.query<{ alternative: string }>('SELECT alternative FROM fingerprint_variants WHERE negotiation_id = $1', [X]);
    for (const path of [`/versions/${v3}`, `/versions/${v3}/export?format=json`, `/versions/${v3}/copy?lang=en`, '/events', `/versions/${v3}/fingerprint`, '/copies']) {
      const res = await app.inject({ method: 'GET', url: `/api/negotiations/${X}${path}`, headers: ushakov.headers });
      for (const c of others) expect(res.body.includes(c), path).toBe(false);
      expect(res.body).not.toMatch(/fingerprint\.variants|"alternative"/u);
      if (path.endsWith('fingerprint') || path === '/copies') expect(res.statusCode, path).toBe(403);
    }
    const trace = await app.inject({ method: 'POST', url: `/api/negotiations/${X}/trace`, headers: ushakov.headers, payload: { text: copies.get('witkoff')! } });
    expect(trace.statusCode).toBe(403);
    expect(variants.length).toBeGreaterThan(0);
  });

  it('a party\'s private readout is never a candidate of the mediator\'s trace: a guessed text tells nothing of it', async () => {
    const ushakov = viewers.find((v) => v.key === 'ushakov')!;
    const mediator = viewers.find((v) => v.actor.role === 'mediator')!;
    const [own] = await t.db.query<{ id: string }>("SELECT id FROM readouts WHERE negotiation_id = $1 AND visibility = 'party' AND party_id = $2", [X, ushakov.actor.partyId]);
    const copy = await app.inject({ method: 'GET', url: `/api/negotiations/${X}/readouts/${own!.id}/export?format=txt&lang=en`, headers: ushakov.headers });
    expect(copy.statusCode, copy.body).toBe(200);
    const text = copy.body.split('\n').filter((l) => l.length > 60).join('\n');
    expect(text.length).toBeGreaterThan(60);
    // The mediator cannot read it, so cannot export it either.
    expect((await app.inject({ method: 'GET', url: `/api/negotiations/${X}/readouts/${own!.id}/export?format=txt`, headers: mediator.headers })).statusCode).toBe(404);
    const traced = await app.inject({ method: 'POST', url: `/api/negotiations/${X}/trace`, headers: mediator.headers, payload: { text } });
    expect(traced.json()).toMatchObject({ conclusion: 'no_match', document: null, suspects: [] });
    const named = await app.inject({ method: 'POST', url: `/api/negotiations/${X}/trace`, headers: mediator.headers, payload: { text, readoutId: own!.id } });
    expect(named.statusCode).toBe(404);
    // The operator, holding the database, traces against every copy.
    const operator = await traceLeakIn(t.db, X, text, { epsilon: 1e-3 });
    expect(operator.trace.document).toMatchObject({ kind: 'readout', id: own!.id });
  });
});
