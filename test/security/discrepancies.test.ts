/**
 * Discrepancies never reveal a position the viewer may not see. A red line is set by each
 * party at every visibility, each contradicted by the party's public "acceptable", with a
 * canary in its reason. As every seat (and a member of another negotiation), the API lists
 * exactly the discrepancies whose position `canSee` lets that seat read, and no other
 * canary. Then, in Chromium over the demo, every demo seat opens the map, the point pages and
 * the feed: a discrepancy appears in the DOM only where its position is visible to the seat.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visibility } from '../../src/domain/model.ts';
import { canSee } from '../../src/domain/policy/visibility.ts';
import { DEMO_NEGOTIATION_ID, members as demoSeats } from '../../src/demo/scenario.ts';
import { demoEmail } from '../../src/demo/demo-accounts.ts';
import { buildApp } from '../../src/server/app.ts';
import { SESSION_COOKIE } from '../../src/server/auth/session-cookie.ts';
import { openSession } from '../helpers/auth.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { idFrom, seatedNegotiation, type SeatedNegotiation } from '../helpers/seats.ts';
import type { Browser, Locator } from 'playwright-core';
import { chromiumPath, launchChromium, newContext } from '../browser/support/chromium.ts';
import { startDemoServer, type DemoServer } from '../browser/support/demo-server.ts';

const visibilities: readonly Visibility[] = ['party', 'mediator', 'parties', 'public'];
interface Item { partyId: string; pointId: string; position: { reason: string; visibility: string } }

describe.each(backends)('discrepancies as every seat sees them, on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let n: SeatedNegotiation;
  let other: SeatedNegotiation;
  /** For each party and visibility: the point of its red line and the canary in its reason. */
  const planted: { partyId: string; visibility: Visibility; pointId: string; canary: string }[] = [];

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    n = await seatedNegotiation(t.db, { parties: 3 });
    other = await seatedNegotiation(t.db, { parties: 1 });
    const points: string[] = [];
    for (const v of visibilities) points.push(idFrom(await n.run(n.mediator, { name: 'addPoint', input: { texts: { en: `Point seen by ${v}.` } } }), 'point.added', 'point'));
    for (const p of n.parties) {
      const person = idFrom(await n.run(n.mediator, { name: 'addPerson', input: { names: { en: `Envoy ${p.label}` }, partyId: p.id } }), 'person.added', 'person');
      for (const [i, visibility] of visibilities.entries()) {
        const canary = `DISC-CANARY-${p.label}-${visibility}`;
        await n.run(p.seats.negotiator, { name: 'setPosition', input: { partyId: p.id, pointId: points[i]!, level: 'redline', reason: canary, visibility } });
        planted.push({ partyId: p.id, visibility, pointId: points[i]!, canary });
      }
      await n.run(p.seats.observer, { name: 'recordStatement', input: { personId: person, quote: `Everything is acceptable, says ${p.label}.`, lang: 'en', date: '2025-12-03', pointIds: points, stance: 'accept' } });
    }
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  it('lists exactly the discrepancies whose position the seat may see, and no other reason', async () => {
    for (const seat of n.seats) {
      const res = await app.inject({ method: 'GET', url: `/api/negotiations/${n.negotiationId}/discrepancies`, headers: seat.headers });
      expect(res.statusCode, seat.key).toBe(200);
      const items = res.json<{ items: Item[] }>().items;
      const visible = planted.filter((x) => canSee(seat.actor, { visibility: x.visibility, partyId: x.partyId }));
      expect(items.map((d) => `${d.partyId}:${d.pointId}`).sort(), seat.key).toEqual(visible.map((x) => `${x.partyId}:${x.pointId}`).sort());
      for (const x of planted) expect(res.body.includes(x.canary), `${seat.key} ${x.canary}`).toBe(visible.includes(x));
      // Point by point, the same rule.
      for (const [i, v] of visibilities.entries()) {
        const one = await app.inject({ method: 'GET', url: `/api/negotiations/${n.negotiationId}/discrepancies?pointId=${planted[i]!.pointId}`, headers: seat.headers });
        const expected = planted.filter((x) => x.visibility === v && canSee(seat.actor, { visibility: v, partyId: x.partyId })).length;
        expect(one.json<{ items: Item[] }>().items, `${seat.key} ${v}`).toHaveLength(expected);
      }
    }
  });

  it('answers a member of another negotiation and an anonymous caller nothing', async () => {
    const outsider = await app.inject({ method: 'GET', url: `/api/negotiations/${n.negotiationId}/discrepancies`, headers: other.mediator.headers });
    expect(outsider.statusCode).toBe(404);
    expect(outsider.body).not.toContain('DISC-CANARY');
    const anonymous = await app.inject({ method: 'GET', url: `/api/negotiations/${n.negotiationId}/discrepancies` });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe.skipIf(!chromiumPath)('discrepancies in the DOM, as every demo seat', () => {
  const N = DEMO_NEGOTIATION_ID;
  let server: DemoServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  /** The points the discrepancies in the DOM name (without DOM types: this suite's tsconfig is Node's). */
  async function pointsOf(loc: Locator): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < await loc.count(); i++) out.push((await loc.nth(i).getAttribute('data-point')) ?? '');
    return out;
  }

  /** A screenshot of one part of the page, for docs/screenshots/ (fonts loaded first). */
  async function shot(loc: Locator, name: string): Promise<void> {
    await loc.page().evaluate('document.fonts.ready');
    await loc.screenshot({ path: fileURLToPath(new URL(`../../docs/screenshots/${name}.png`, import.meta.url)) });
  }

  /** A session made server-side: signing in a dozen seats through the page would trip the sign-in throttle. */
  async function sessionOf(seat: string): Promise<{ secret: string; csrf: string }> {
    const [account] = await server.db.query<{ id: string }>('SELECT id FROM accounts WHERE email = $1', [demoEmail(seat)]);
    const s = await openSession(server.db, account!.id);
    const [row] = await server.db.query<{ csrf_token: string }>('SELECT csrf_token FROM sessions WHERE id = $1', [s.sessionId]);
    return { secret: s.secret, csrf: row!.csrf_token };
  }

  async function call<T>(seat: { secret: string; csrf: string }, method: 'GET' | 'POST', path: string, payload?: Record<string, unknown>): Promise<T> {
    const res = await server.app.inject({
      method, url: `/api/negotiations/${N}${path}`, headers: { cookie: `${SESSION_COOKIE}=${seat.secret}`, 'x-csrf-token': seat.csrf }, ...(payload ? { payload } : {}),
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<T>();
  }

  it('shows a discrepancy on the map, the point pages and the feed only to the seats that may see its position', async () => {
    const mediator = await sessionOf('mediator');
    const ushakov = await sessionOf('ushakov');
    // Russia's own positions: the Donbas red line (shared with the mediator) and the nuclear plant (Russia only).
    const positions = (await call<{ items: { pointId: string | null; level: string; visibility: string }[] }>(ushakov, 'GET', '/positions')).items;
    const donbas = positions.find((p) => p.level === 'redline' && p.visibility === 'mediator')!.pointId!;
    const nuclear = positions.find((p) => p.level === 'discuss' && p.visibility === 'party')!.pointId!;
    const persons = (await call<{ items: { id: string; names: Record<string, string> }[] }>(mediator, 'GET', '/persons')).items;
    const person = (en: string) => persons.find((p) => p.names.en === en)!.id;
    // In public, Russia sounds softer on the Donbas and harder on the nuclear plant than its positions.
    await call(mediator, 'POST', '/statements', { personId: person('Yuri Ushakov'), quote: 'The territorial proposals are acceptable to us.', lang: 'en', date: '2025-12-05', pointIds: [donbas], stance: 'accept' });
    await call(mediator, 'POST', '/statements', { personId: person('Vladimir Putin'), quote: 'The plant arrangement is unacceptable.', lang: 'en', date: '2025-12-05', pointIds: [nuclear], stance: 'reject' });

    const seats = [{ key: 'mediator', party: null as string | null }, ...demoSeats.map((m) => ({ key: m.key, party: m.party }))];
    for (const s of seats) {
      const want = s.key === 'mediator' ? [donbas] : s.party === 'ru' ? [donbas, nuclear].sort() : [];
      const session = await sessionOf(s.key);
      const context = await newContext(browser, server.url);
      await context.addCookies([{ name: SESSION_COOKIE, value: session.secret, url: server.url }]);
      const page = await context.newPage();

      await page.goto(`/n/${N}`);
      await page.locator('[data-testid=map-discrepancies] .empty, [data-testid=map-discrepancies] [data-testid=discrepancy]').first().waitFor();
      const onMap = await pointsOf(page.locator('[data-testid=map-discrepancies] [data-testid=discrepancy]'));
      expect(onMap.sort(), `${s.key} map`).toEqual(want);
      if (s.key === 'ushakov') await shot(page.getByTestId('map-discrepancies'), 'discrepancies-map-en');

      for (const point of [donbas, nuclear]) {
        await page.goto(`/n/${N}/points/${point}`);
        await page.getByTestId('point-statements').locator('[data-testid=statement]').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.getByTestId('point-discrepancies').count(), `${s.key} point ${point}`).toBe(want.includes(point) ? 1 : 0);
        if (s.key === 'mediator' && point === donbas) await shot(page.getByTestId('point-statements'), 'discrepancies-point-en');
      }

      await page.goto(`/n/${N}/statements`);
      await page.getByTestId('statements-count').waitFor();
      await page.waitForLoadState('networkidle');
      const inFeed = await pointsOf(page.locator('[data-testid=statement-feed] [data-testid=discrepancy]'));
      expect([...new Set(inFeed)].sort(), `${s.key} feed`).toEqual(want);
      await context.close();
    }
  }, 600_000);
});
