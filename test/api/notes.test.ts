/**
 * Private notes through the API on both databases: a party's working notes are written,
 * edited against a revision and deleted by its members, and no one else (not the mediator,
 * not another party) gets a note, its event, or a hint that it exists. Replay rebuilds the
 * notes table exactly.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { rebuildReadModels } from '../../src/store/replay.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { idFrom, seatedNegotiation, type Seat, type SeatedNegotiation } from '../helpers/seats.ts';
import { snapshotTables } from '../helpers/snapshot.ts';
import { LiveClient, liveNegotiation, startServer } from '../helpers/live.ts';

interface NoteJson { id: string; partyId: string; pointId: string | null; roundId: string | null; text: string; visibility: string; revision: number; editedBy: string | null }

describe.each(backends)('private notes on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let n: SeatedNegotiation;
  let pointId: string;
  let roundId: string;
  let url: string;
  const call = (seat: Seat, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: unknown) =>
    app.inject({ method, url: `${url}${path}`, headers: seat.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const notesOf = async (seat: Seat, query = '') => {
    const res = await call(seat, 'GET', `/notes${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: NoteJson[] }>().items;
  };
  const A = () => n.parties[0]!;
  const B = () => n.parties[1]!;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    n = await seatedNegotiation(t.db, { parties: 2 });
    url = `/api/negotiations/${n.negotiationId}`;
    pointId = idFrom(await n.run(n.mediator, { name: 'addPoint', input: { texts: { en: 'Ceasefire along the line of contact.' } } }), 'point.added', 'point');
    roundId = idFrom(await n.run(n.mediator, { name: 'scheduleRound', input: { title: { en: 'Round' }, startsAt: '2025-12-01T10:00:00Z', visibility: 'parties' } }), 'round.scheduled', 'round');
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  it('writes a note for my party, lists it for my party only, and filters by point', async () => {
    const res = await call(A().seats.negotiator, 'POST', '/notes', { text: 'NOTE-CANARY-A1 hold firm', pointId });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    expect((await call(A().seats.advisor, 'POST', '/notes', { text: 'NOTE-CANARY-A2 general' })).statusCode).toBe(201);
    expect((await call(A().seats.principal, 'POST', '/notes', { text: 'NOTE-CANARY-A3 before the round', roundId })).statusCode).toBe(201);

    const mine = await notesOf(A().seats.observer);
    expect(mine.map((x) => x.text).sort()).toEqual(['NOTE-CANARY-A1 hold firm', 'NOTE-CANARY-A2 general', 'NOTE-CANARY-A3 before the round']);
    expect(mine.find((x) => x.id === id)).toMatchObject({ partyId: A().id, pointId, visibility: 'party', writtenBy: A().seats.negotiator.memberId });
    expect((await notesOf(A().seats.principal, `?pointId=${pointId}`)).map((x) => x.id)).toEqual([id]);
    expect((await notesOf(A().seats.principal, '?general=true')).map((x) => x.text)).toEqual(['NOTE-CANARY-A2 general']);
    expect((await notesOf(A().seats.principal, `?roundId=${roundId}`)).map((x) => x.text)).toEqual(['NOTE-CANARY-A3 before the round']);
  });

  it('shows another party and the mediator nothing: no note, and no note event in the log', async () => {
    for (const seat of [n.mediator, ...Object.values(B().seats)]) {
      expect(await notesOf(seat), seat.key).toEqual([]);
      const events = await call(seat, 'GET', '/events?limit=1000');
      expect(events.statusCode).toBe(200);
      expect(events.body, seat.key).not.toContain('NOTE-CANARY');
      expect(events.json<{ items: { type: string }[] }>().items.filter((e) => e.type.startsWith('note.')), seat.key).toEqual([]);
    }
    const own = await call(A().seats.observer, 'GET', '/events?limit=1000');
    expect(own.json<{ items: { type: string }[] }>().items.filter((e) => e.type === 'note.written')).toHaveLength(3);
  });

  it('edits against the revision I saw, and answers a stale edit with 409 and the note as it is now', async () => {
    const [note] = await notesOf(A().seats.principal, `?pointId=${pointId}`);
    const ok = await call(A().seats.principal, 'PUT', `/notes/${note!.id}`, { text: 'NOTE-CANARY-A1 hold firm, unless 5 moves', basedOn: note!.revision });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await call(A().seats.negotiator, 'PUT', `/notes/${note!.id}`, { text: 'NOTE-CANARY-A1 my version', basedOn: note!.revision });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { id: note!.id, text: 'NOTE-CANARY-A1 hold firm, unless 5 moves' } });
    const [now] = await notesOf(A().seats.negotiator, `?pointId=${pointId}`);
    expect(now).toMatchObject({ text: 'NOTE-CANARY-A1 hold firm, unless 5 moves', editedBy: A().seats.principal.memberId, revision: ok.json<{ seq: number }>().seq });
  });

  it("refuses observers, other parties and the mediator, without revealing another party's note", async () => {
    const [note] = await notesOf(A().seats.principal, `?pointId=${pointId}`);
    expect((await call(A().seats.observer, 'POST', '/notes', { text: 'x' })).json()).toMatchObject({ code: 'action_denied' });
    expect((await call(n.mediator, 'POST', '/notes', { text: 'x' })).json()).toMatchObject({ code: 'action_denied' });
    for (const seat of [n.mediator, B().seats.principal]) {
      const edit = await call(seat, 'PUT', `/notes/${note!.id}`, { text: 'taken over' });
      expect(edit.statusCode).toBe(404);
      expect(edit.body).not.toContain('NOTE-CANARY');
      expect((await call(seat, 'DELETE', `/notes/${note!.id}`)).statusCode).toBe(404);
    }
    expect((await call(A().seats.principal, 'POST', '/notes', { text: '   ' })).json()).toMatchObject({ code: 'invalid_input' });
  });

  it('deletes a note from the read model while the record keeps it, and replay rebuilds the table exactly', async () => {
    const [general] = await notesOf(A().seats.principal, '?general=true');
    expect((await call(A().seats.negotiator, 'DELETE', `/notes/${general!.id}?basedOn=${general!.revision - 1}`)).statusCode).toBe(409);
    const del = await call(A().seats.negotiator, 'DELETE', `/notes/${general!.id}?basedOn=${general!.revision}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toMatchObject({ id: general!.id, events: [{ type: 'note.deleted' }] });
    expect((await notesOf(A().seats.principal)).map((x) => x.id)).not.toContain(general!.id);
    const log = await call(A().seats.principal, 'GET', '/events?limit=1000');
    expect(log.body).toContain('NOTE-CANARY-A2 general');

    await call(B().seats.negotiator, 'POST', '/notes', { text: 'NOTE-CANARY-B1', pointId });
    const before = await snapshotTables(t.db, ['notes'], n.negotiationId);
    expect(before.notes).toHaveLength(3);
    await rebuildReadModels(t.db, n.negotiationId);
    expect(await snapshotTables(t.db, ['notes'], n.negotiationId)).toEqual(before);
  });
});

describe.each(backends)('private notes on the live channel on %s', (backend) => {
  it("sends a party's note events to that party's subscribers only", async () => {
    const t = await freshDatabase(backend);
    const { app, base } = await startServer(t.db);
    const clients: LiveClient[] = [];
    try {
      const n = await liveNegotiation(t.db, { parties: 2 });
      const [A, B] = [n.parties[0]!, n.parties[1]!];
      const connect = async (token: string) => {
        const c = new LiveClient(base, n.negotiationId, { token });
        clients.push(c);
        await c.ready();
        return c;
      };
      const own = await connect(A.observer.token);
      const others = [await connect(B.negotiator.token), await connect(B.observer.token), await connect(n.mediator.token)];
      const written = await n.run({ memberId: A.negotiator.memberId }, { name: 'writeNote', input: { text: 'LIVE-NOTE-CANARY', pointId: n.pointIds[0]! } });
      const noteId = (written[0]!.payload as { note: { id: string } }).note.id;
      await n.run({ memberId: A.negotiator.memberId }, { name: 'editNote', input: { noteId, text: 'LIVE-NOTE-CANARY edited' } });
      await n.run({ memberId: A.negotiator.memberId }, { name: 'deleteNote', input: { noteId } });
      // An event everyone sees, after the notes: once it arrives, anything sent before it has too.
      const [shared] = await n.run({ memberId: n.mediator.memberId }, { name: 'addPoint', input: { texts: { en: 'A point for everyone.' } } });
      await own.reach(shared!.seq);
      expect(own.events.filter((e) => e.type.startsWith('note.')).map((e) => e.type)).toEqual(['note.written', 'note.edited', 'note.deleted']);
      for (const c of others) {
        await c.reach(shared!.seq);
        expect(c.events.map((e) => e.seq)).toContain(shared!.seq);
        expect(c.events.filter((e) => e.type.startsWith('note.'))).toEqual([]);
        expect(JSON.stringify(c.messages)).not.toContain('LIVE-NOTE-CANARY');
      }
    } finally {
      for (const c of clients) await c.close();
      await app.close();
      await t.dispose();
    }
  });
});
