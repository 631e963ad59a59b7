/**
 * Importing a document as the next version, on both databases: the preview, the import of
 * text and .docx, the point lineage it records (read under row-level security like the
 * version itself), positions following their point, replay, and bad input refused with
 * problem+json and nothing written.
 */
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { execute } from '../../src/store/execute.ts';
import { rebuildReadModels } from '../../src/store/replay.ts';
import { verifyNegotiation } from '../../src/store/event-log.ts';
import { addAccount, issueToken } from '../helpers/auth.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { selectAllAs } from '../helpers/rls.ts';
import { snapshotReadModels } from '../helpers/snapshot.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/diff', name), 'utf8');

interface Link { kind: string; oldPointId: string | null; oldNumber: string | null; newPointId: string | null; newNumber: string | null; similarity: number }
interface Preview { basedOn: number; lang: string; detected: string; format: string; points: number; counts: Record<string, number>; links: (Link & { oldText: string | null; newText: string | null })[] }

describe.each(backends)('importing a document as a version on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let mediator: string;
  let tokenA: string;
  let tokenB: string;
  let outsider: string;
  let N: string;
  let partyA: string;
  let memberB: string;
  let partyB: string;
  const inject = (token: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const post = async (token: string, url: string, payload: Record<string, unknown>) => {
    const res = await inject(token, 'POST', url, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; seq: number }>();
  };
  const doc = (name: string, content: string, lang = 'en') => ({ name, lang, content });
  const points = async () => (await inject(mediator, 'GET', `/api/negotiations/${N}/points`)).json<{ items: { id: string; number: string; texts: Record<string, string>; translationStatus: Record<string, string> }[] }>().items;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    const adminId = await addAccount(t.db, 'Mediator');
    await t.db.query('UPDATE accounts SET is_admin = true WHERE id = $1', [adminId]);
    mediator = (await issueToken(t.db, adminId, { scopes: ['read', 'write', 'admin'] })).token;
    N = (await post(mediator, '/api/negotiations', { title: { en: 'Import talks' }, languages: ['en', 'ur'], draftingLanguage: 'en' })).id;
    partyA = (await post(mediator, `/api/negotiations/${N}/parties`, { name: { en: 'Alphaland' }, shortName: 'A' })).id;
    partyB = (await post(mediator, `/api/negotiations/${N}/parties`, { name: { en: 'Betastan' }, shortName: 'B' })).id;
    const [m] = await t.db.query<{ id: string }>("SELECT id FROM members WHERE negotiation_id = $1 AND role = 'mediator'", [N]);
    const tokens: string[] = [];
    for (const party of [partyA, partyB]) {
      const account = await addAccount(t.db, `Negotiator of ${party}`);
      const [e] = await execute(t.db, { negotiationId: N, as: { memberId: m!.id }, command: { name: 'addMember', input: { displayName: 'n', partyId: party, role: 'negotiator', accountId: account } } });
      if (party === partyB && e?.type === 'member.added') memberB = e.payload.member.id;
      tokens.push((await issueToken(t.db, account)).token);
    }
    [tokenA, tokenB] = tokens as [string, string];
    outsider = (await issueToken(t.db, await addAccount(t.db, 'Outsider'))).token;
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  it('imports a first text document into an empty negotiation as v1', async () => {
    const written = await post(mediator, `/api/negotiations/${N}/versions/import`, { ...doc('plan.txt', fixture('en-old.txt')), label: 'Plan' });
    const v1 = (await inject(tokenA, 'GET', `/api/negotiations/${N}/versions/${written.id}`)).json<{ label: string; points: { number: string }[]; imported: { source: { name: string; format: string }; links: Link[] } }>();
    expect(v1.label).toBe('Plan');
    expect(v1.points.map((p) => p.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(v1.imported.source).toMatchObject({ name: 'plan.txt', format: 'text' });
    expect(v1.imported.links.every((l) => l.kind === 'added')).toBe(true);
  });

  it('previews the revision as .docx, then imports it: points keep their ids, merges and splits are recorded', async () => {
    const before = await points();
    const idOf = (start: string) => before.find((p) => p.texts.en!.startsWith(start))!.id;
    // A party's position on "Ukraine agrees not to join NATO" must follow that point.
    await post(tokenA, `/api/negotiations/${N}/positions`, { partyId: partyA, pointId: idOf('Ukraine agrees not to join NATO'), level: 'discuss', visibility: 'parties' });

    const paragraphs = fixture('en-new.md').split('\n').filter((l) => l.trim() !== '').map((l) => new Paragraph(l.replace(/^#+\s*/u, '')));
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
    const body = { name: 'plan-revised.docx', lang: 'en', content: bytes.toString('base64'), encoding: 'base64' };

    const res = await inject(mediator, 'POST', `/api/negotiations/${N}/versions/import/preview`, body);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<Preview>();
    expect(preview).toMatchObject({ lang: 'en', detected: 'en', format: 'docx', points: 8 });
    expect(preview.counts).toMatchObject({ unchanged: 1, changed: 2, renumbered: 1, merged: 2, split: 2, added: 1, removed: 1 });
    expect(preview.links.find((l) => l.kind === 'removed')).toMatchObject({ oldNumber: '8', newNumber: null, oldText: 'European fighter jets will be stationed in Poland.' });
    // A preview records nothing.
    expect((await points()).map((p) => p.id)).toEqual(before.map((p) => p.id));

    const written = await post(mediator, `/api/negotiations/${N}/versions/import`, { ...body, label: 'Revision', basedOn: preview.basedOn });
    const v2 = (await inject(tokenB, 'GET', `/api/negotiations/${N}/versions/${written.id}`)).json<{ points: { pointId: string; number: string }[]; imported: { links: Link[]; source: { sha256: string } } }>();
    expect(v2.imported.links.map((l) => [l.kind, l.oldNumber, l.newNumber])).toEqual(preview.links.map((l) => [l.kind, l.oldNumber, l.newNumber]));
    expect(v2.imported.source.sha256).toMatch(/^[0-9a-f]{64}$/u);
    const merged = v2.imported.links.filter((l) => l.kind === 'merged');
    expect(new Set(merged.map((l) => l.newNumber))).toEqual(new Set(['3']));
    const survivor = v2.points.find((p) => p.number === '3')!.pointId;
    expect([idOf('Ukraine agrees not to join NATO'), idOf('NATO agrees not to station')]).toContain(survivor);
    // Elections moved from 7 to 4 and kept their id.
    expect(v2.points.find((p) => p.number === '4')!.pointId).toBe(idOf('Ukraine will hold elections'));

    const positions = (await inject(tokenA, 'GET', `/api/negotiations/${N}/positions`)).json<{ items: { pointId: string }[] }>().items;
    expect(positions.map((p) => p.pointId)).toContain(idOf('Ukraine agrees not to join NATO'));
  });

  it('refuses an import planned on a working text that changed since the preview (409), writing nothing', async () => {
    const res = await inject(mediator, 'POST', `/api/negotiations/${N}/versions/import/preview`, doc('again.txt', fixture('en-old.txt')));
    const { basedOn } = res.json<Preview>();
    await post(mediator, `/api/negotiations/${N}/points`, { texts: { en: 'A point added meanwhile.' } });
    const headBefore = (await verifyNegotiation(t.db, N)).head;
    const stale = await inject(mediator, 'POST', `/api/negotiations/${N}/versions/import`, { ...doc('again.txt', fixture('en-old.txt')), basedOn });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/u);
    expect(stale.json<{ detail: string }>().detail).toMatch(/preview it again/u);
    expect((await verifyNegotiation(t.db, N)).head).toEqual(headBefore);
  });

  it('keeps a mediator-only import from the parties, through the API and in raw SQL under RLS', async () => {
    const written = await post(mediator, `/api/negotiations/${N}/versions/import`, { ...doc('working.txt', fixture('en-old.txt').replace('600,000', 'CONFIDENTIAL-600k')), visibility: 'mediator' });
    expect((await inject(tokenB, 'GET', `/api/negotiations/${N}/versions/${written.id}`)).statusCode).toBe(404);
    const rows = await selectAllAs<{ version_id: string }>(t.db, { kind: 'member', memberId: memberB, partyId: partyB, role: 'negotiator' }, N, 'version_imports');
    expect(rows.map((r) => r.version_id)).not.toContain(written.id);
    expect(rows.length).toBeGreaterThan(0);
    const own = (await inject(mediator, 'GET', `/api/negotiations/${N}/versions/${written.id}`)).json<{ imported: { links: Link[] } | null }>();
    expect(own.imported?.links.length).toBeGreaterThan(0);
  });

  it('warns of a Trojan-Source character in the preview (dropped on import) and flags a look-alike on the version', async () => {
    // U+202E RIGHT-TO-LEFT OVERRIDE in point 5; a Cyrillic "а" inside the English word "personnel" of point 5 too.
    const text = fixture('en-old.txt').replace('limited to 600,000 personnel', 'limited to 600,000\u202E p\u0430rsonnel');
    const res = await inject(mediator, 'POST', `/api/negotiations/${N}/versions/import/preview`, doc('smuggled.txt', text));
    const preview = res.json<{ flags: { kind: string; codePoint: string; line: number }[] }>();
    expect(preview.flags.map((f) => [f.kind, f.codePoint, f.line])).toEqual([['bidi', 'U+202E', 7], ['confusable', 'U+0430', 7]]);
    const written = await post(mediator, `/api/negotiations/${N}/versions/import`, doc('smuggled.txt', text));
    const v = (await inject(tokenA, 'GET', `/api/negotiations/${N}/versions/${written.id}`)).json<{ points: { number: string; texts: Record<string, string>; flags: Record<string, { kind: string; codePoint: string }[]> }[] }>();
    const flagged = v.points.filter((p) => (p.flags.en ?? []).length > 0);
    expect(flagged.map((p) => p.number)).toEqual(['5']);
    expect(flagged[0]!.flags.en!.map((f) => [f.kind, f.codePoint])).toEqual([['confusable', 'U+0430']]);
    expect(flagged[0]!.texts.en).not.toContain('\u202E');
  });

  it('rebuilds the lineage exactly from the log', async () => {
    const before = await snapshotReadModels(t.db, N);
    await rebuildReadModels(t.db, N);
    expect(await snapshotReadModels(t.db, N)).toEqual(before);
    expect((await verifyNegotiation(t.db, N)).broken).toBeNull();
  });

  describe('bad input: a clear problem+json, nothing written', () => {
    const refused = async (token: string, url: string, payload: Record<string, unknown>, status: number, detail: RegExp) => {
      const head = (await verifyNegotiation(t.db, N)).head;
      const res = await inject(token, 'POST', `/api/negotiations/${N}/versions/${url}`, payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/u);
      expect(res.json<{ detail: string }>().detail).toMatch(detail);
      expect((await verifyNegotiation(t.db, N)).head).toEqual(head);
    };
    const corrupt = () => readFileSync(join(import.meta.dirname, '../fixtures/diff', 'en-old.txt'));

    it('a party member may neither preview nor import', async () => {
      await refused(tokenA, 'import/preview', doc('x.txt', fixture('en-new.md')), 403, /mediator|not allowed|may not/iu);
      await refused(tokenA, 'import', doc('x.txt', fixture('en-new.md')), 403, /mediator|not allowed|may not/iu);
    });
    it('a non-member learns nothing', () => refused(outsider, 'import/preview', doc('x.txt', 'garbage'), 404, /negotiation/iu));
    it('a corrupt .docx', () => refused(mediator, 'import', { name: 'broken.docx', lang: 'en', content: corrupt().toString('base64'), encoding: 'base64' }, 400, /broken\.docx: /u));
    it('a .docx sent as text', () => refused(mediator, 'import/preview', { name: 'a.docx', lang: 'en', content: 'PK...' }, 400, /base64/u));
    it('content that is not base64', () => refused(mediator, 'import/preview', { name: 'a.docx', lang: 'en', content: '%%% not base64 %%%', encoding: 'base64' }, 400, /not valid base64/u));
    it('a document with no numbered points', () => refused(mediator, 'import', doc('minutes.txt', 'Minutes of the meeting.\nThe delegations exchanged views.'), 400, /No numbered points found in minutes\.txt/u));
    it('a document in another language than declared', () => refused(mediator, 'import/preview', doc('plan.txt', fixture('en-new.md'), 'ur'), 400, /does not match plan\.txt, whose text reads as "en"/u));
    it('a language the negotiation does not use', () => refused(mediator, 'import/preview', doc('plan.txt', fixture('ru-new.txt'), 'ru'), 400, /not one of this negotiation's languages/u));
    it('a binary file posing as text', () => refused(mediator, 'import', { name: 'x.txt', lang: 'en', content: Buffer.from([0, 1, 2, 3, 0]).toString('base64'), encoding: 'base64' }, 400, /not a UTF-8 text file/u));
  });
});
