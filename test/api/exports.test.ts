/**
 * Downloads on both databases: a version and a redline in every format, read as the member
 * under row-level security (a version a party may not see is 404 in every format), logged,
 * and refused with problem+json for bad parameters.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { buildApp } from '../../src/server/app.ts';
import { execute } from '../../src/store/execute.ts';
import { importDocxPoints, readTrackedChanges } from '../../src/import/docx.ts';
import { chromiumPath, closePdfBrowser } from '../../src/export/pdf.ts';
import { addAccount, issueToken } from '../helpers/auth.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';

const hasChromium = existsSync(chromiumPath());

/** What a person sees of a copy: the invisible twins of its format marks drawn as what they look like. */
const asSeen = (s: string) => s.replace(/\u00A0/gu, ' ').replace(/\u2011/gu, '-');

describe.each(backends)('exports on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: string;
  let tokenA: string;
  let tokenB: string;
  let N: string;
  let v1: string;
  let v2: string;
  let secret: string;
  const get = (token: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const post = async (token: string, url: string, payload: Record<string, unknown>) => {
    const res = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    const adminId = await addAccount(t.db, 'Admin');
    await t.db.query('UPDATE accounts SET is_admin = true WHERE id = $1', [adminId]);
    admin = (await issueToken(t.db, adminId, { scopes: ['read', 'write', 'admin'] })).token;
    N = await post(admin, '/api/negotiations', { title: { en: 'Test talks', ur: 'آزمائشی مذاکرات' }, languages: ['en', 'ur'], draftingLanguage: 'en' });
    const partyA = await post(admin, `/api/negotiations/${N}/parties`, { name: { en: 'Alphaland', ur: 'الفا لینڈ' }, shortName: 'A' });
    const partyB = await post(admin, `/api/negotiations/${N}/parties`, { name: { en: 'Betastan' }, shortName: 'B' });
    const [mediator] = await t.db.query<{ id: string }>("SELECT id FROM members WHERE negotiation_id = $1 AND role = 'mediator'", [N]);
    const tokens: string[] = [];
    for (const party of [partyA, partyB]) {
      const account = await addAccount(t.db, `Negotiator of ${party}`);
      await execute(t.db, { negotiationId: N, as: { memberId: mediator!.id }, command: { name: 'addMember', input: { displayName: 'n', partyId: party, role: 'negotiator', accountId: account } } });
      tokens.push((await issueToken(t.db, account)).token);
    }
    [tokenA, tokenB] = tokens as [string, string];
    const p1 = await post(admin, `/api/negotiations/${N}/points`, { texts: { en: 'Prisoners are exchanged within thirty days.', ur: 'قیدیوں کا تبادلہ تیس دن کے اندر ہوگا۔' } });
    await post(admin, `/api/negotiations/${N}/points`, { texts: { en: 'Elections are held within one year.', ur: 'ایک سال کے اندر انتخابات ہوں گے۔' } });
    v1 = await post(admin, `/api/negotiations/${N}/versions`, { label: 'First draft' });
    const amendment = await post(tokenA, `/api/negotiations/${N}/amendments`, { partyId: partyA, kind: 'replace', pointId: p1, texts: { en: 'All prisoners are exchanged within sixty days.', ur: 'تمام قیدیوں کا تبادلہ ساٹھ دن کے اندر ہوگا۔' }, proposeTo: 'parties' });
    v2 = await post(admin, `/api/negotiations/${N}/amendments/accept`, { amendmentIds: [amendment], versionLabel: 'Revised draft' });
    await post(admin, `/api/negotiations/${N}/points`, { texts: { en: 'CONFIDENTIAL-DRAFT ceasefire monitoring.' } });
    secret = await post(admin, `/api/negotiations/${N}/versions`, { label: 'Mediator working copy', visibility: 'mediator' });
  });
  afterAll(async () => { await app.close(); await t.dispose(); await closePdfBrowser(); });

  it('exports a version as Markdown and as a .docx that imports back as the same points', async () => {
    const md = await get(tokenB, `/api/negotiations/${N}/versions/${v2}/export?format=md&lang=en`);
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/u);
    // A reader's copy: its format marks (no-break spaces, non-breaking hyphens) read as what they look like.
    expect(asSeen(md.body)).toContain('1. All prisoners are exchanged within sixty days.');
    const docx = await get(tokenB, `/api/negotiations/${N}/versions/${v2}/export?format=docx&lang=ur`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers['content-disposition']).toBe(`attachment; filename="Revised-draft.ur.docx"; filename*=UTF-8''Revised-draft.ur.docx`);
    const doc = await importDocxPoints(docx.rawPayload, { lang: 'ur' });
    expect(doc.points.map((p) => asSeen(p.text))).toEqual(['تمام قیدیوں کا تبادلہ ساٹھ دن کے اندر ہوگا۔', 'ایک سال کے اندر انتخابات ہوں گے۔']);
  });

  it('exports the redline as .docx with the proposing party as the author of its tracked changes', async () => {
    const res = await get(tokenB, `/api/negotiations/${N}/versions/compare/export?a=${v1}&b=${v2}&format=docx&lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('filename="First-draft-Revised-draft.redline.en.docx"');
    const changes = (await readTrackedChanges(res.rawPayload)).filter((c) => c.text !== '');
    expect(changes.map((c) => [c.kind, c.author, asSeen(c.text).trim()])).toEqual([
      ['deletion', 'Alphaland', 'Prisoners'], ['insertion', 'Alphaland', 'All prisoners'],
      ['deletion', 'Alphaland', 'thirty'], ['insertion', 'Alphaland', 'sixty'],
    ]);
    const ur = await readTrackedChanges((await get(tokenB, `/api/negotiations/${N}/versions/compare/export?a=${v1}&b=${v2}&format=docx&lang=ur`)).rawPayload);
    expect(ur.filter((c) => c.text !== '').every((c) => c.author === 'الفا لینڈ')).toBe(true);
  });

  it('exports the redline as Markdown, and logs it against both versions', async () => {
    const res = await get(tokenA, `/api/negotiations/${N}/versions/compare/export?a=${v1}&b=${v2}&format=md`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown/u);
    expect(asSeen(res.body)).toContain('1\\. ~~Prisoners~~ <ins>All prisoners</ins> are exchanged within ~~thirty~~<ins>sixty</ins> days.');
    const log = (await get(admin, `/api/negotiations/${N}/access-log`)).json<{ items: { action: string; target: string }[] }>().items;
    expect(log.filter((e) => e.action === 'version.export').map((e) => e.target)).toEqual(expect.arrayContaining([v1, v2]));
  });

  it.skipIf(!hasChromium)('prints a version and a redline to PDF', async () => {
    for (const url of [`/api/negotiations/${N}/versions/${v2}/export?format=pdf&lang=ur`, `/api/negotiations/${N}/versions/compare/export?a=${v1}&b=${v2}&format=pdf&lang=ur`]) {
      const res = await get(tokenA, url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  }, 60_000);

  it("answers 404 for a version the party may not see, in every format and in a comparison", async () => {
    for (const url of [
      ...['md', 'docx', 'pdf', 'json'].map((f) => `/api/negotiations/${N}/versions/${secret}/export?format=${f}`),
      ...['md', 'docx', 'pdf'].map((f) => `/api/negotiations/${N}/versions/compare/export?a=${v1}&b=${secret}&format=${f}`),
    ]) {
      const res = await get(tokenB, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ code: 'version_not_found' });
      expect(res.body).not.toContain('CONFIDENTIAL');
    }
    // The mediator sees it.
    expect((await get(admin, `/api/negotiations/${N}/versions/compare/export?a=${v2}&b=${secret}&format=md`)).statusCode).toBe(200);
  });

  it('refuses bad parameters with a 400 problem', async () => {
    for (const url of [
      `/api/negotiations/${N}/versions/${v2}/export?format=xls`,
      `/api/negotiations/${N}/versions/${v2}/export?lang=${encodeURIComponent('"; x=1')}`,
      `/api/negotiations/${N}/versions/compare/export?a=${v1}&format=md`,
      `/api/negotiations/${N}/versions/compare/export?a=${v1}&b=not-a-uuid`,
      `/api/negotiations/${N}/versions/compare/export?a=${v1}&b=${v2}&format=json`,
    ]) {
      const res = await get(tokenA, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/u);
    }
  });
});
