/**
 * Leak tracing end to end, on both databases: every demo account exports its copy of the
 * demo's confidential version 3; the copies read the same to a person yet differ; every
 * export is in the access log with its copy; one delegate's paragraph is leaked, pasted and
 * retyped (format marks lost, a word changed), and the trace names that delegate and accuses
 * nobody else; an unrelated text matches no copy. `parley trace` gives the same report.
 *
 * The version's secret is set before the first copy, so the outcome is the same on every run
 * (the secret is otherwise random, and the bound ε holds for any secret).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, type DemoResult } from '../../src/demo/build-demo.ts';
import { closePdfBrowser } from '../../src/export/pdf.ts';
import { buildApp } from '../../src/server/app.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { demoSeats, type DemoSeat } from '../helpers/demo-seats.ts';

interface Seat extends DemoSeat { headers: Record<string, string>; email: string }
interface TraceJson {
  document: { id: string; lang: string } | null; conclusion: string; slotsRead: number; wordingSlotsRead: number; formatSlotsRead: number;
  suspects: { recipient: string; accused: boolean; score: number; threshold: number; confidence: number }[];
}

const FIXED_SECRET = Buffer.alloc(32, 7);
const chromium = process.env.PARLEY_TEST_CHROMIUM?.trim() || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null);
const pdftotext = existsSync('/usr/bin/pdftotext') ? '/usr/bin/pdftotext' : null;
const pdfReady = (chromium !== null && pdftotext !== null) || process.env.PARLEY_REQUIRE_CHROMIUM === '1';
if (!pdfReady) console.warn(`skipped: tracing a PDF copy (${chromium ? '' : 'no Chromium; '}${pdftotext ? '' : 'no pdftotext (apt-get install poppler-utils)'})`);
/** What a person sees: the invisible twins drawn as what they look like. */
const asSeen = (s: string) => s.replace(/\u00A0/gu, ' ').replace(/\u2011/gu, '-');
/** Retyping: every format mark lost, line breaks where the typist put them, one word changed. */
const retype = (s: string) => asSeen(s).replace(/"/gu, '"').replace(/, documents and/u, ', papers and').replace(/\. /gu, '.\n');

describe.each(backends)('leak tracing on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let demo: DemoResult;
  let seats: Seat[];
  let url: string;
  let v3: string;
  const mediator = () => seats.find((s) => s.key === 'mediator')!;
  const ushakov = () => seats.find((s) => s.key === 'ushakov')!;
  const get = (seat: Seat, path: string) => app.inject({ method: 'GET', url: `${url}${path}`, headers: seat.headers });
  const trace = async (text: string, extra: Record<string, unknown> = {}) => {
    const res = await app.inject({ method: 'POST', url: `${url}/trace`, headers: mediator().headers, payload: { text, ...extra } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TraceJson>();
  };
  const exchangeParagraph = (copy: string) => copy.split('\n\n').find((p) => p.includes('thirty (30)') || p.includes('30 (thirty)'))!.trimEnd();

  beforeAll(async () => {
    t = await freshDatabase(backend);
    demo = await buildDemo(t.db);
    app = await buildApp({ db: t.db });
    url = `/api/negotiations/${demo.negotiationId}`;
    const emails = new Map((await t.db.query<{ key: string; email: string }>(
      'SELECT m.id AS key, a.email FROM members m JOIN accounts a ON a.id::text = m.account_id::text WHERE m.negotiation_id = $1', [demo.negotiationId])).map((r) => [r.key, r.email]));
    seats = (await demoSeats(t.db, demo)).map((s) => ({ ...s, headers: { authorization: `Bearer ${s.token}` }, email: emails.get(s.actor.memberId)! }));
    const [v] = await t.db.query<{ id: string }>('SELECT id FROM versions WHERE negotiation_id = $1 ORDER BY seq_no DESC LIMIT 1', [demo.negotiationId]);
    v3 = v!.id;
    await t.db.query('INSERT INTO fingerprint_secrets (negotiation_id, doc_kind, doc_id, secret, created_at) VALUES ($1, $2, $3, $4, now())', [demo.negotiationId, 'version', v3, FIXED_SECRET]);
  }, 120_000);
  afterAll(async () => { await app.close(); await t.dispose(); await closePdfBrowser(); });

  it('gives every demo account its own copy: different characters, the same text to a person, each logged with its copy', async () => {
    expect(seats.length).toBeGreaterThanOrEqual(10);
    const copies = new Map<string, string>();
    for (const seat of seats) {
      const res = await get(seat, `/versions/${v3}/export?format=txt&lang=en`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/u);
      copies.set(seat.key, res.body);
    }
    expect(new Set(copies.values()).size).toBe(seats.length);
    // Apart from format marks, two copies differ only inside approved wording variants.
    const variants = await t.db.query<{ original: string; alternative: string }>('SELECT original, alternative FROM fingerprint_variants WHERE negotiation_id = $1 AND lang = $2', [demo.negotiationId, 'en']);
    expect(variants.length).toBeGreaterThanOrEqual(15);
    const canon = (s: string) => variants.reduce((acc, v) => acc.split(v.alternative).join(v.original), asSeen(s));
    expect(new Set([...copies.values()].map(canon)).size).toBe(1);
    const [logged] = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM access_log WHERE negotiation_id = $1 AND action = 'version.export' AND target = $2 AND detail->>'copy' = 'true'", [demo.negotiationId, v3]);
    expect(logged!.n).toBe(seats.length);
    const issued = await t.db.query<{ account_id: string; format: string }>('SELECT account_id, format FROM issued_copies WHERE negotiation_id = $1 AND doc_id = $2', [demo.negotiationId, v3]);
    expect(new Set(issued.map((c) => c.account_id)).size).toBe(seats.length);
    // The same account gets the same copy again: re-exporting changes nothing a tracer reads.
    expect((await get(ushakov(), `/versions/${v3}/export?format=txt&lang=en`)).body).toBe(copies.get('ushakov'));
  });

  it('makes Markdown, .docx, JSON and the print/copy view copies of the same account', async () => {
    const txt = (await get(ushakov(), `/versions/${v3}/export?format=txt&lang=en`)).body;
    const para = exchangeParagraph(txt).replace(/^\d+\.\s*/u, '');
    const md = await get(ushakov(), `/versions/${v3}/export?format=md&lang=en`);
    expect(md.body).toContain(para);
    const docx = await get(ushakov(), `/versions/${v3}/export?format=docx&lang=en`);
    expect((await mammoth.extractRawText({ buffer: docx.rawPayload })).value).toContain(para);
    const view = (await get(ushakov(), `/versions/${v3}/copy?lang=en`)).json<{ blocks: { text: string }[]; fingerprinted: boolean; copyId: string }>();
    expect(view.fingerprinted).toBe(true);
    expect(view.blocks.map((b) => b.text)).toContain(para);
    const json = (await get(ushakov(), `/versions/${v3}/export?format=json`)).json<{ points: { texts: Record<string, string> }[] }>();
    expect(json.points.map((p) => p.texts.en)).toContain(para);
  });

  it('makes a redline export a copy too: the later version\'s format marks, no change added, traced to its reader', async () => {
    const [v2] = await t.db.query<{ id: string }>('SELECT id FROM versions WHERE negotiation_id = $1 AND seq_no = 2', [demo.negotiationId]);
    const res = await get(ushakov(), `/versions/compare/export?a=${v2!.id}&b=${v3}&format=md&lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    const line = res.body.split('\n').find((l) => l.includes('Red') && l.includes('Cross'))!;
    expect(line).toMatch(/\u00A0/u);
    const plain = (await app.inject({ method: 'GET', url: `${url}/versions/compare/export?a=${v2!.id}&b=${v3}&format=md&lang=en`, headers: mediator().headers })).body;
    expect(asSeen(res.body).replace(/\u2011/gu, '-')).not.toBe(plain);
    // The redline as a newspaper would print it: what it shows as the current text.
    const published = res.body.replace(/~~[^~]*~~/gu, '').replace(/<\/?ins>|<sub>.*<\/sub>|\\/gu, '');
    const report = await trace(published);
    expect(report.formatSlotsRead).toBeGreaterThan(100);
    expect(report.suspects.filter((s) => s.accused).map((s) => s.recipient)).toEqual([ushakov().email]);
  });

  it('traces a pasted paragraph to its recipient, and nobody else', async () => {
    const leak = exchangeParagraph((await get(ushakov(), `/versions/${v3}/export?format=txt&lang=en`)).body);
    const report = await trace(`The following passage was seen by this newspaper:\n\n${leak}\n\nThe Kremlin declined to comment.`);
    expect(report.document).toMatchObject({ id: v3, lang: 'en' });
    expect(report.conclusion).toBe('accused');
    expect(report.formatSlotsRead).toBeGreaterThan(30);
    expect(report.suspects.filter((s) => s.accused).map((s) => s.recipient)).toEqual([ushakov().email]);
    expect(report.suspects[0]!.confidence).toBeGreaterThan(0.999);
  });

  it('traces the same paragraph retyped, its format marks lost and a word changed, from the wording variants alone', async () => {
    const leak = retype(exchangeParagraph((await get(ushakov(), `/versions/${v3}/export?format=txt&lang=en`)).body));
    expect(leak).not.toMatch(/[\u00A0\u2011]/u);
    const report = await trace(leak);
    expect(report.formatSlotsRead).toBe(0);
    expect(report.wordingSlotsRead).toBeGreaterThanOrEqual(14);
    expect(report.suspects[0]!.recipient).toBe(ushakov().email);
    expect(report.conclusion).toBe('accused');
    expect(report.suspects.filter((s) => s.accused).map((s) => s.recipient)).toEqual([ushakov().email]);
  });

  it.skipIf(!pdfReady)('traces a paragraph taken out of a PDF copy (no-break spaces lost there, wording variants kept)', async () => {
    const pdf = await get(ushakov(), `/versions/${v3}/export?format=pdf&lang=en`);
    expect(pdf.statusCode).toBe(200);
    const dir = await mkdtemp(join(tmpdir(), 'parley-leak-pdf-'));
    try {
      await writeFile(join(dir, 'copy.pdf'), pdf.rawPayload);
      const text = (await promisify(execFile)(pdftotext ?? 'pdftotext', ['-enc', 'UTF-8', join(dir, 'copy.pdf'), '-'])).stdout;
      // The exchange point as the PDF lays it out: its own lines, up to the next point's number.
      const start = text.indexOf('Within');
      const leak = text.slice(start, text.indexOf('representatives', start) + 'representatives'.length);
      expect(leak.length).toBeGreaterThan(500);
      const report = await trace(leak);
      expect(report.suspects.filter((s) => s.accused).map((s) => s.recipient)).toEqual([ushakov().email]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('accuses nobody on too little evidence or on a text that is not from a copy', async () => {
    const copy = (await get(ushakov(), `/versions/${v3}/export?format=txt&lang=en`)).body;
    const short = asSeen(exchangeParagraph(copy)).split('. ').slice(1, 2).join('. ');
    const few = await trace(short);
    expect(few.suspects.filter((s) => s.accused)).toEqual([]);
    expect(few.conclusion).not.toBe('accused');
    const unrelated = await trace('Parliament debated the budget for the next fiscal year and adjourned without a vote on the pension reform.');
    expect(unrelated).toMatchObject({ conclusion: 'no_match', document: null, suspects: [] });
  });

  it('lets only the mediator trace, list copies and see the fingerprint', async () => {
    for (const seat of seats.filter((s) => s.key !== 'mediator')) {
      const res = await app.inject({ method: 'POST', url: `${url}/trace`, headers: seat.headers, payload: { text: 'anything at all here' } });
      expect([403, 404], `${seat.key}: ${res.body}`).toContain(res.statusCode);
      expect(res.headers['content-type']).toMatch(/problem\+json/u);
      expect([403, 404]).toContain((await get(seat, '/copies')).statusCode);
      expect([403, 404]).toContain((await get(seat, `/versions/${v3}/fingerprint`)).statusCode);
    }
    const fp = (await get(mediator(), `/versions/${v3}/fingerprint?lang=en`)).json<{ variants: unknown[]; languages: { lang: string; formatSlots: number; wordingSlots: number; copies: number }[] }>();
    expect(fp.variants.length).toBeGreaterThanOrEqual(15);
    expect(fp.languages.find((l) => l.lang === 'en')!.copies).toBeGreaterThanOrEqual(seats.length);
    const copies = (await get(mediator(), '/copies')).json<{ items: { recipient: string }[] }>();
    expect(new Set(copies.items.map((c) => c.recipient)).size).toBe(seats.length);
  });

  it('refuses bad input with a problem a person can act on', async () => {
    const empty = await app.inject({ method: 'POST', url: `${url}/trace`, headers: mediator().headers, payload: { text: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toMatch(/problem\+json/u);
    const badEps = await app.inject({ method: 'POST', url: `${url}/trace`, headers: mediator().headers, payload: { text: 'x', epsilon: 2 } });
    expect(badEps.statusCode).toBe(400);
    const [p] = await t.db.query<{ point_id: string; texts: Record<string, string> }>('SELECT point_id, texts FROM version_points WHERE negotiation_id = $1 AND version_id = $2 ORDER BY ord LIMIT 1', [demo.negotiationId, v3]);
    const wrong = await app.inject({ method: 'POST', url: `${url}/versions/${v3}/variants`, headers: mediator().headers,
      payload: { variants: [{ pointId: p!.point_id, lang: 'en', start: 0, end: 5, original: 'XXXXX', alternative: 'YYYYY' }] } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ detail: string }>().detail).toMatch(/does not read/u);
    const joiner = await app.inject({ method: 'POST', url: `${url}/versions/${v3}/variants`, headers: mediator().headers,
      payload: { variants: [{ pointId: p!.point_id, lang: 'en', start: 0, end: 1, original: p!.texts.en!.slice(0, 1), alternative: '[\u200D' }] } });
    expect(joiner.statusCode).toBe(400);
  });

  it('`parley trace` gives the report as JSON', async () => {
    if (backend !== 'postgres') return;
    const leak = exchangeParagraph((await get(ushakov(), `/versions/${v3}/export?format=txt&lang=en`)).body);
    const dir = await mkdtemp(join(tmpdir(), 'parley-leak-'));
    await writeFile(join(dir, 'LEAK.txt'), leak);
    const { stdout } = await promisify(execFile)('node', ['bin/parley.js', 'trace', join(dir, 'LEAK.txt'), '--negotiation', demo.negotiationId, '--version', v3, '--json'],
      { env: { ...process.env, DATABASE_URL: t.url! } });
    expect(stdout.trimStart().startsWith('{'), stdout.slice(0, 200)).toBe(true);
    const out = JSON.parse(stdout) as TraceJson;
    expect(out.slotsRead).toBeGreaterThan(30);
    expect(out.suspects.filter((s) => s.accused).map((s) => s.recipient)).toEqual([ushakov().email]);
    expect(out.suspects[0]).toMatchObject({ recipient: ushakov().email, accused: true });
    expect(typeof out.suspects[0]!.score).toBe('number');
    expect(typeof out.suspects[0]!.threshold).toBe('number');
  }, 60_000);
});
