/**
 * Unicode safety and translation status through the API on both databases: points and
 * amendments come with the flagged characters of each language's text (code point, name,
 * both positions), and a point's languages are "pending" after another language changed,
 * until edited too or confirmed unchanged by the mediator through its route.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextFlag } from '../../src/domain/text/text-flag.ts';
import { buildApp } from '../../src/server/app.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { idFrom, seatedNegotiation, type Seat, type SeatedNegotiation } from '../helpers/seats.ts';

interface PointJson { id: string; texts: Record<string, string>; revision: number; flags: Record<string, TextFlag[]>; translationStatus: Record<string, 'current' | 'pending'> }

describe.each(backends)('text safety and translation status on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let n: SeatedNegotiation;
  let url: string;
  let pointId: string;
  const call = (seat: Seat, method: 'GET' | 'POST' | 'PATCH', path: string, payload?: unknown) =>
    app.inject({ method, url: `${url}${path}`, headers: seat.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const point = async (seat: Seat = n.mediator) => {
    const res = await call(seat, 'GET', `/points/${pointId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PointJson>();
  };
  const texts = { en: 'Ukraine receives USD 1000 in aid.', ur: 'یوکرین کو امداد میں ایک ہزار ڈالر ملیں گے۔', ru: 'Украина получает 1000 долларов помощи.' };

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    n = await seatedNegotiation(t.db, { parties: 2, languages: ['en', 'ur', 'ru'] });
    url = `/api/negotiations/${n.negotiationId}`;
    pointId = idFrom(await n.run(n.mediator, { name: 'addPoint', input: { texts } }), 'point.added', 'point');
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  it('answers a clean point with empty flags and every language current, keeping the old fields', async () => {
    const p = await point();
    expect(p).toMatchObject({ id: pointId, texts, number: '1', removed: false });
    expect(p.flags).toEqual({ en: [], ur: [], ru: [] });
    expect(p.translationStatus).toEqual({ en: 'current', ur: 'current', ru: 'current' });
  });

  it('flags an RLO in the English text with its code point, name and positions, on the list and the point', async () => {
    const before = await point();
    const en = 'Ukraine receives USD 1\u202E000,001\u202C in aid.';
    const res = await call(n.mediator, 'PATCH', `/points/${pointId}`, { texts: { ...texts, en }, basedOn: before.revision });
    expect(res.statusCode, res.body).toBe(200);
    const p = await point(n.parties[0]!.seats.observer);
    expect(p.flags.en!.map((f) => [f.kind, f.codePoint, f.name, f.index, f.codePointIndex])).toEqual([
      ['bidi', 'U+202E', 'RIGHT-TO-LEFT OVERRIDE', 22, 22],
      ['bidi', 'U+202C', 'POP DIRECTIONAL FORMATTING', 30, 30],
    ]);
    expect(p.flags.ur).toEqual([]);
    const list = await call(n.mediator, 'GET', '/points');
    expect(list.json<{ items: PointJson[] }>().items.find((x) => x.id === pointId)?.flags.en).toHaveLength(2);
  });

  it('marks Urdu and Russian pending after an English-only edit, and the mediator confirms one unchanged', async () => {
    expect((await point()).translationStatus).toEqual({ en: 'current', ur: 'pending', ru: 'pending' });
    const denied = await call(n.parties[0]!.seats.principal, 'POST', `/points/${pointId}/translations/confirm`, { lang: 'ur' });
    expect(denied.statusCode).toBe(403);
    const ok = await call(n.mediator, 'POST', `/points/${pointId}/translations/confirm`, { lang: 'ur' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ events: { type: string }[] }>().events.map((e) => e.type)).toEqual(['point.translation_confirmed']);
    expect((await point()).translationStatus).toEqual({ en: 'current', ur: 'current', ru: 'pending' });
    const again = await call(n.mediator, 'POST', `/points/${pointId}/translations/confirm`, { lang: 'ur' });
    expect(again.statusCode).toBe(400);
    expect(again.json<{ code: string }>().code).toBe('invalid_input');
    // Editing the Russian makes it current; the others now lag behind it.
    const p = await point();
    expect((await call(n.mediator, 'PATCH', `/points/${pointId}`, { texts: { ...p.texts, ru: 'Украина получает помощь.' }, basedOn: p.revision })).statusCode).toBe(200);
    expect((await point()).translationStatus).toEqual({ en: 'pending', ur: 'pending', ru: 'current' });
  });

  it('refuses a stale confirmation with 409', async () => {
    const res = await call(n.mediator, 'POST', `/points/${pointId}/translations/confirm`, { lang: 'en', basedOn: 1 });
    expect(res.statusCode).toBe(409);
  });

  it('flags a homoglyph party name and a zero-width space in an amendment', async () => {
    const A = n.parties[0]!;
    const created = await call(A.seats.negotiator, 'POST', '/amendments', {
      partyId: A.id, kind: 'insert', afterPointId: null, texts: { en: 'The Government of Ukrаine shall with\u200Bdraw.', ur: 'حکومت‌ پاکستان' }, proposeTo: 'parties',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    for (const seat of [A.seats.observer, n.mediator, n.parties[1]!.seats.observer]) {
      const res = await call(seat, 'GET', `/amendments/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      const flags = res.json<{ flags: Record<string, TextFlag[]> }>().flags;
      expect(flags.en!.map((f) => [f.kind, f.codePoint, f.index, f.looksLike ?? null])).toEqual([
        ['confusable', 'U+0430', 21, 'a'],
        ['invisible', 'U+200B', 36, null],
      ]);
      expect(flags.ur).toEqual([]);
    }
    const list = await call(n.mediator, 'GET', '/amendments');
    expect(list.json<{ items: { id: string; flags: Record<string, TextFlag[]> }[] }>().items.find((a) => a.id === id)?.flags.en).toHaveLength(2);
  });
});
