/**
 * Importing a news report through the API on both databases: the preview finds the seed's
 * quotations with this negotiation's people, bad reports get a clear problem+json, the
 * accepted quotations and the report are recorded together, statements list and filter by
 * person, party, point, report and date, edits are checked against their revision, and
 * discrepancies show only what the caller may see. Replay rebuilds the new tables exactly.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { rebuildReadModels } from '../../src/store/replay.ts';
import { snapshotReadModels } from '../helpers/snapshot.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { idFrom, seatedNegotiation, type Seat, type SeatedNegotiation } from '../helpers/seats.ts';

const seed = readFileSync(new URL('../../src/demo/seed/000_d5d1f4a12c482239.txt', import.meta.url), 'utf8');

interface Candidate { quote: string; speaker: string | null; personId: string | null; partyId: string | null; kind: string; line: number; stance: { level: string; cue: string } | null; duplicateOf: string | null }
interface Preview { lang: string; format: string; sha256: string; lines: string[]; alreadyImported: string | null; candidates: Candidate[] }
interface StatementJson { id: string; personId: string | null; partyId: string | null; quote: string; pointIds: string[]; stance: string | null; reportId: string | null; revision: number; date: string; visibility: string; translations: Record<string, string>; source: { line: number | null; title: string } }

describe.each(backends)('statements from a report on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let n: SeatedNegotiation;
  let url: string;
  let ushakov: string;
  let putin: string;
  let witkoff: string;
  let points: string[];
  const A = () => n.parties[0]!;
  const B = () => n.parties[1]!;
  const call = (seat: Seat, method: 'GET' | 'POST' | 'PUT', path: string, payload?: unknown) =>
    app.inject({ method, url: `${url}${path}`, headers: seat.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const statements = async (seat: Seat, query = '') => {
    const res = await call(seat, 'GET', `/statements${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: StatementJson[] }>().items;
  };
  const accept = (c: Candidate, extra: Record<string, unknown> = {}) => ({ personId: c.personId, speakerAsNamed: c.speaker ?? '', quote: c.quote, kind: c.kind, line: c.line, stance: c.stance?.level ?? null, ...extra });

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    n = await seatedNegotiation(t.db, { parties: 2, partyName: (l) => (l === 'A' ? 'Russia' : 'United States'), languages: ['en', 'ru', 'ur'] });
    url = `/api/negotiations/${n.negotiationId}`;
    const person = async (names: Record<string, string>, aliases: string[], partyId: string) =>
      idFrom(await n.run(n.mediator, { name: 'addPerson', input: { names, aliases, partyId } }), 'person.added', 'person');
    ushakov = await person({ en: 'Yuri Ushakov', ur: 'یوری اوشاکوف', ru: 'Юрий Ушаков' }, ['Ushakov', 'اوشاکوف', 'Ушаков'], A().id);
    putin = await person({ en: 'Vladimir Putin', ur: 'ولادیمیر پوتن' }, ['Putin', 'پوتن', 'Путин'], A().id);
    witkoff = await person({ en: 'Steve Witkoff' }, ['Witkoff', 'وٹکوف'], B().id);
    points = [];
    for (const text of ['Territories.', 'Security guarantees.']) points.push(idFrom(await n.run(n.mediator, { name: 'addPoint', input: { texts: { en: text } } }), 'point.added', 'point'));
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  let preview: Preview;

  it('previews the seed report: 13 quotations, the speakers resolved to persons and their party, stances suggested, nothing recorded', async () => {
    const res = await call(A().seats.observer, 'POST', '/reports/preview', { text: seed });
    expect(res.statusCode, res.body).toBe(200);
    preview = res.json<Preview>();
    expect(preview).toMatchObject({ lang: 'ur', format: 'text', alreadyImported: null });
    expect(preview.candidates).toHaveLength(13);
    expect(preview.candidates.filter((c) => c.personId === ushakov)).toHaveLength(9);
    expect(preview.candidates.filter((c) => c.personId === putin)).toHaveLength(4);
    expect(preview.candidates.every((c) => c.partyId === A().id)).toBe(true);
    expect(preview.candidates.find((c) => c.line === 6)?.stance).toMatchObject({ level: 'discuss' });
    expect(await statements(n.mediator)).toEqual([]);
  });

  it.each([
    ['empty', { text: '' }, 400, 'invalid_import'],
    ['blank', { text: '  \n\n ' }, 400, 'invalid_import'],
    ['binary', { text: 'PK\u0003\u0004\u0000\u0000\u0014' }, 400, 'invalid_input'],
    ['mis-decoded', { text: 'caf\uFFFD \uFFFD\uFFFD' }, 400, 'invalid_import'],
    ['huge', { text: 'x'.repeat(2_000_001) }, 413, 'file_too_large'],
    ['without quotations', { text: 'The delegations met in Moscow on Tuesday. The talks lasted five hours.', lang: 'en' }, 400, 'invalid_import'],
  ])('refuses a report that is %s with a clear problem', async (_, body, status, code) => {
    const res = await call(A().seats.observer, 'POST', '/reports/preview', body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json<{ code: string; detail: string }>()).toMatchObject({ code });
    expect(res.json<{ detail: string }>().detail.length).toBeGreaterThan(10);
  });

  it('records the report and the accepted quotations together, each linked to its report and line', async () => {
    const [q1, q2, q3] = [preview.candidates[0]!, preview.candidates.find((c) => c.line === 6)!, preview.candidates.find((c) => c.personId === putin)!];
    const res = await call(B().seats.negotiator, 'POST', '/reports', {
      report: { title: 'Seed report', publisher: 'An Urdu daily', url: 'https://example.org/seed', date: '2025-12-03', lang: 'ur', text: seed },
      statements: [
        accept(q1, { pointIds: [points[0]], translations: { en: 'useful, constructive and important' } }),
        accept(q2, { pointIds: [points[1]] }),
        accept({ ...q3, personId: null, speaker: 'انہوں نے' }, { stance: 'reject', pointIds: [points[0]] }),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const types = res.json<{ events: { type: string }[] }>().events.map((e) => e.type);
    expect(types).toEqual(['report.imported', 'statement.recorded', 'statement.recorded', 'statement.recorded']);
    const reportId = res.json<{ id: string }>().id;

    const list = await statements(A().seats.observer, `?reportId=${reportId}`);
    expect(list).toHaveLength(3);
    expect(list.every((s) => s.reportId === reportId && s.visibility === 'public' && s.date === '2025-12-03' && s.source.title === 'Seed report')).toBe(true);
    expect(list.find((s) => s.quote === q1.quote)).toMatchObject({ personId: ushakov, partyId: A().id, pointIds: [points[0]], translations: { en: 'useful, constructive and important' }, source: { line: q1.line } });

    const reports = await call(n.mediator, 'GET', '/reports');
    expect(reports.json<{ items: unknown[] }>().items).toEqual([expect.objectContaining({ id: reportId, title: 'Seed report', statements: 3, sha256: preview.sha256 })]);
    expect(reports.body).not.toContain('اوشاکوف');
    const report = (await call(B().seats.observer, 'GET', `/reports/${reportId}`)).json<{ text: string; lines: string[] }>();
    expect(report.text).toBe(seed.normalize('NFC'));
    expect(report.lines[q1.line - 1]).toContain(q1.quote);
  });

  it('imports one report once, and marks what the feed already holds', async () => {
    const again = await call(A().seats.observer, 'POST', '/reports', { report: { date: '2025-12-03', lang: 'ur', text: seed }, statements: [accept(preview.candidates[4]!)] });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('already_exists');
    const p = (await call(A().seats.observer, 'POST', '/reports/preview', { text: seed })).json<Preview>();
    expect(p.alreadyImported).not.toBeNull();
    expect(p.candidates.filter((c) => c.duplicateOf !== null)).toHaveLength(3);
  });

  it('records nothing when one accepted quotation is not in the report', async () => {
    const text = '“The proposals are unacceptable,” Witkoff said.\n“We will talk again,” Ushakov added.';
    const res = await call(A().seats.observer, 'POST', '/reports', {
      report: { date: '2025-12-05', lang: 'en', text }, statements: [{ quote: 'The proposals are unacceptable,', line: 1 }, { quote: 'Words never printed', line: 2 }],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect((await call(n.mediator, 'GET', '/reports')).json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('lists and filters statements by person, party, point, report and date', async () => {
    const p = (await call(A().seats.observer, 'POST', '/reports/preview', { text: '“The proposals are unacceptable,” Witkoff said.', lang: 'en' })).json<Preview>();
    expect(p.candidates[0]).toMatchObject({ personId: witkoff, partyId: B().id, stance: { level: 'reject' } });
    const res = await call(n.mediator, 'POST', '/reports', { report: { date: '2025-12-07', lang: 'en', text: '“The proposals are unacceptable,” Witkoff said.', visibility: 'parties' }, statements: [accept(p.candidates[0]!, { pointIds: [points[1]] })] });
    expect(res.statusCode, res.body).toBe(201);
    const ids = (list: StatementJson[]) => list.map((s) => s.quote).sort();
    expect(await statements(n.mediator)).toHaveLength(4);
    expect(ids(await statements(n.mediator, `?personId=${witkoff}`))).toEqual(['The proposals are unacceptable,']);
    expect(await statements(n.mediator, `?partyId=${A().id}`)).toHaveLength(2);
    expect(await statements(n.mediator, `?pointId=${points[1]}`)).toHaveLength(2);
    expect(await statements(n.mediator, '?from=2025-12-04')).toHaveLength(1);
    expect(await statements(n.mediator, '?to=2025-12-03')).toHaveLength(3);
    expect((await statements(n.mediator))[0]!.date).toBe('2025-12-07');
    expect((await call(n.mediator, 'GET', '/statements?from=3%20Dec')).statusCode).toBe(400);
  });

  it('edits a statement against its revision, and answers a stale edit with the statement as it is now', async () => {
    const [s] = await statements(n.mediator, '?partyId=&to=2025-12-03'.replace('partyId=&', '') + `&personId=${ushakov}`);
    const ok = await call(B().seats.observer, 'PUT', `/statements/${s!.id}`, { basedOn: s!.revision, stance: 'accept', pointIds: [points[0], points[1]], translations: { en: 'An English rendering.' } });
    expect(ok.statusCode, ok.body).toBe(200);
    const [now] = await statements(n.mediator, `?personId=${ushakov}&pointId=${points[1]}&to=2025-12-03`);
    expect(now).toMatchObject({ id: s!.id, stance: 'accept', translations: { en: 'An English rendering.' } });
    expect(now!.revision).toBeGreaterThan(s!.revision);
    const stale = await call(A().seats.principal, 'PUT', `/statements/${s!.id}`, { basedOn: s!.revision, personId: putin });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string; current: { stance: string } }>()).toMatchObject({ code: 'version_conflict' });
    expect(stale.body).toContain('"stance":"accept"');
    const missing = await call(n.mediator, 'PUT', `/statements/${points[0]}`, { stance: 'accept' });
    expect(missing.statusCode).toBe(404);
  });

  it('shows a discrepancy only to those who may see the position behind it', async () => {
    // Russia's words on point 1: Ushakov "useful, constructive" (discuss); its private position: a red line.
    await n.run(A().seats.negotiator, { name: 'setPosition', input: { partyId: A().id, pointId: points[0]!, level: 'redline', reason: 'Not an inch.', visibility: 'party' } });
    const seen = async (seat: Seat, query = '') => {
      const res = await call(seat, 'GET', `/discrepancies${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: { partyId: string; pointId: string; direction: string; position: { level: string }; statements: unknown[] }[] }>().items;
    };
    const mine = await seen(A().seats.observer);
    expect(mine).toEqual([expect.objectContaining({ partyId: A().id, pointId: points[0], direction: 'softer_in_public', position: expect.objectContaining({ level: 'redline' }) as unknown })]);
    expect(await seen(A().seats.observer, `?pointId=${points[1]}`)).toEqual([]);
    for (const seat of [n.mediator, ...Object.values(B().seats)]) {
      const res = await call(seat, 'GET', '/discrepancies');
      expect(res.json<{ items: unknown[] }>().items, seat.key).toEqual([]);
      expect(res.body).not.toContain('Not an inch');
    }
    // Shared with the mediator: now the mediator sees it, the United States still does not.
    await n.run(A().seats.negotiator, { name: 'setPosition', input: { partyId: A().id, pointId: points[0]!, level: 'redline', reason: 'Told the mediator.', visibility: 'mediator' } });
    expect(await seen(n.mediator)).toHaveLength(1);
    expect(await seen(B().seats.principal)).toEqual([]);
  });

  it('rebuilds the reports and statements tables exactly from the log', async () => {
    const live = await snapshotReadModels(t.db, n.negotiationId);
    expect(live.reports).toHaveLength(2);
    await rebuildReadModels(t.db, n.negotiationId);
    expect(await snapshotReadModels(t.db, n.negotiationId)).toEqual(live);
  });
});
