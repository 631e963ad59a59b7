/**
 * A party's private notes never reach anyone else: not another party, not the mediator's
 * office. Checked through the API and through raw SQL run as the app role with no filter
 * at all, so row-level security alone is what holds, on every demo seat and both databases.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../src/demo/build-demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { execute } from '../../src/store/execute.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { failsAs, selectAllAs } from '../helpers/rls.ts';
import { demoSeats, type DemoSeat } from '../helpers/demo-seats.ts';

const CANARY = 'RU-NOTE-CANARY-7f3a';

type Viewer = DemoSeat;

describe.each(backends)('private notes under row-level security on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let X: string;
  let russia: string;
  let noteId: string;
  const viewers: Viewer[] = [];

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    const demo = await buildDemo(t.db);
    X = demo.negotiationId;
    const parties = new Map((await t.db.query<{ id: string; short_name: string }>('SELECT id, short_name FROM parties WHERE negotiation_id = $1', [X])).map((p) => [p.short_name, p.id]));
    russia = parties.get('Russia')!;
    viewers.push(...await demoSeats(t.db, demo));
    const ushakov = viewers.find((v) => v.key === 'ushakov')!;
    const [point] = await t.db.query<{ id: string }>('SELECT id FROM points WHERE negotiation_id = $1 AND NOT removed ORDER BY ord LIMIT 1', [X]);
    const written = await execute(t.db, { negotiationId: X, as: { memberId: ushakov.actor.memberId }, command: { name: 'writeNote', input: { text: `${CANARY} on point one`, pointId: point!.id } } });
    noteId = (written[0]!.payload as { note: { id: string } }).note.id;
    await execute(t.db, { negotiationId: X, as: { memberId: ushakov.actor.memberId }, command: { name: 'writeNote', input: { text: `${CANARY} general` } } });
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  const others = () => viewers.filter((v) => v.party !== 'Russia');
  const russians = () => viewers.filter((v) => v.party === 'Russia');

  it('the demo has seats of every other party and of the mediator to look from', () => {
    expect(others().some((v) => v.actor.role === 'mediator')).toBe(true);
    expect(new Set(others().map((v) => v.party)).size).toBeGreaterThanOrEqual(3);
    expect(russians().length).toBeGreaterThanOrEqual(2);
  });

  it("raw SQL with no filter, as the app role, returns Russia's notes and their events to Russia only", async () => {
    for (const v of russians()) {
      const rows = await selectAllAs<{ text: string }>(t.db, v.actor, X, 'notes');
      expect(rows.filter((r) => r.text.includes(CANARY)), v.key).toHaveLength(2);
    }
    for (const v of others()) {
      expect(await selectAllAs(t.db, v.actor, X, 'notes'), v.key).toEqual([]);
      const events = await selectAllAs<{ type: string; payload: unknown }>(t.db, v.actor, X, 'events');
      expect(events.length, `${v.key} reads the log`).toBeGreaterThan(0);
      expect(events.filter((e) => e.type.startsWith('note.') || JSON.stringify(e.payload).includes(CANARY)), v.key).toEqual([]);
    }
  });

  it("nobody else can change, delete or forge Russia's notes in SQL", async () => {
    const mediator = others().find((v) => v.actor.role === 'mediator')!;
    const ukraine = others().find((v) => v.key === 'ua-team')!;
    for (const v of [mediator, ukraine]) {
      expect(await failsAs(t.db, v.actor, X, async (tx) => {
        const changed = await tx.query('UPDATE notes SET text = $1 WHERE id = $2 RETURNING id', ['taken over', noteId]);
        const gone = await tx.query('DELETE FROM notes WHERE id = $1 RETURNING id', [noteId]);
        if (changed.length + gone.length > 0) throw new Error('reached the note');
      }), v.key).toBe('no error');
      expect(await failsAs(t.db, v.actor, X, (tx) => tx.query(
        `INSERT INTO notes (negotiation_id, id, party_id, text, written_by, at, revision) VALUES ($1, gen_random_uuid(), $2, 'forged', $3, now(), 1)`,
        [X, russia, v.actor.memberId])), v.key).toMatch(/row-level security/);
    }
    const [still] = await t.db.query<{ text: string }>('SELECT text FROM notes WHERE id = $1', [noteId]);
    expect(still?.text).toBe(`${CANARY} on point one`);
  });

  it("the API returns Russia's notes to Russia only, whoever else asks and however", async () => {
    for (const v of viewers) {
      const headers = { authorization: `Bearer ${v.token}` };
      const list = await app.inject({ method: 'GET', url: `/api/negotiations/${X}/notes`, headers });
      expect(list.statusCode, v.key).toBe(200);
      const events = await app.inject({ method: 'GET', url: `/api/negotiations/${X}/events?limit=1000`, headers });
      if (v.party === 'Russia') {
        expect(list.body, v.key).toContain(CANARY);
        continue;
      }
      expect(list.json(), v.key).toEqual({ items: [], nextCursor: null });
      expect(events.body, v.key).not.toContain(CANARY);
      const edit = await app.inject({ method: 'PUT', url: `/api/negotiations/${X}/notes/${noteId}`, headers, payload: { text: 'taken over' } });
      expect([403, 404], v.key).toContain(edit.statusCode);
      expect(edit.body, v.key).not.toContain(CANARY);
    }
  });
});
