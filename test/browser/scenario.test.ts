/**
 * The acceptance story in one run over the demo, with three people in three browser
 * contexts: the mediator, a Russian negotiator (ushakov) and a Ukrainian negotiator (ua-team).
 * Each signs in and opens the map and sees only what it may; a position set in one context
 * appears live in another; an amendment is proposed, accepted and versioned; two versions are
 * compared; a round is added; the UI is switched to Urdu (dir=rtl, the map mirrored); axe runs
 * on every page on the way. The page-by-page suites go deeper; this one proves they connect.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../src/demo/scenario.ts';
import { chromiumPath, launchChromium, newContext } from './support/chromium.ts';
import { startDemoServer, type DemoServer } from './support/demo-server.ts';
import { axeViolations, signIn, switchLanguage } from './support/pages.ts';

const N = DEMO_NEGOTIATION_ID;
const API = `/api/negotiations/${N}`;

interface Position { partyId: string; pointId: string | null; level: string; reason: string; visibility: string }
interface Point { id: string; number: string; texts: Record<string, string>; removed: boolean }
interface Party { id: string; shortName: string }

async function getJson<T>(page: Page, path: string): Promise<T> {
  const r = await page.request.get(path);
  expect(r.status(), path).toBe(200);
  return (await r.json()) as T;
}

async function openMap(page: Page): Promise<void> {
  await page.goto(`/n/${N}`);
  await page.locator('[data-map-ready]').waitFor();
}

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), where).toEqual([]);
}

describe.skipIf(!chromiumPath)('the demo as three people at once: mediator, Russia, Ukraine', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let mediator: Page;
  let russia: Page;
  let ukraine: Page;
  let parties: Party[];
  let points: Point[];
  const partyId = (short: string) => parties.find((p) => p.shortName === short)!.id;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    const signedIn = async (seat: string) => {
      const context = await newContext(browser, server.url);
      contexts.push(context);
      return signIn(context, seat);
    };
    mediator = await signedIn('mediator');
    russia = await signedIn('ushakov');
    ukraine = await signedIn('ua-team');
    parties = (await getJson<{ items: Party[] }>(mediator, `${API}/parties`)).items;
    points = (await getJson<{ items: Point[] }>(mediator, `${API}/points`)).items.filter((p) => !p.removed);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('each opens the map and sees only what it may: a Russian confidential reason is absent from Ukraine\'s DOM', async () => {
    await Promise.all([mediator, russia, ukraine].map(openMap));
    for (const [page, who] of [[mediator, 'mediator'], [russia, 'russia'], [ukraine, 'ukraine']] as const) await expectNoAxeViolations(page, `map as ${who}`);

    // The canary: a reason Russia shared with no other party (only itself, or also the mediator).
    const mine = (await getJson<{ items: Position[] }>(russia, `${API}/positions`)).items;
    const canary = mine.find((p) => p.partyId === partyId('Russia') && p.pointId && p.reason.length > 10 && (p.visibility === 'party' || p.visibility === 'mediator'))!;
    expect(canary, 'the demo has a Russian position kept from the other parties').toBeDefined();
    const cell = russia.locator(`.map-cell[data-point="${canary.pointId}"][data-party="${partyId('Russia')}"]`);
    await cell.focus();
    await expect.poll(() => russia.getByTestId('map-tip').textContent()).toContain(canary.reason);

    // Ukraine: not in the page, not in any answer its session can get.
    const ukraineCell = ukraine.locator(`.map-cell[data-point="${canary.pointId}"][data-party="${partyId('Russia')}"]`);
    if (await ukraineCell.count()) await ukraineCell.focus();
    expect(await ukraine.content()).not.toContain(canary.reason);
    for (const path of ['positions', 'positions/history', 'agreement', 'events']) {
      expect(await (await ukraine.request.get(`${API}/${path}`)).text(), path).not.toContain(canary.reason);
    }
  });

  it('a position Russia sets for all parties appears on Ukraine\'s open map without a reload', async () => {
    const point = points.find((p) => p.texts.en?.includes('Zaporizhzhia nuclear power plant')) ?? points[7]!;
    const cellFor = (level: string) => ukraine.locator(`.map-cell.level-${level}[data-point="${point.id}"][data-party="${partyId('Russia')}"]`);
    expect(await cellFor('wording').count()).toBe(0);
    const loads = { count: 0 };
    ukraine.on('framenavigated', () => { loads.count++; });

    await russia.goto(`/n/${N}/workspace?view=positions`);
    await russia.locator('#ws-positions-title').waitFor();
    await expectNoAxeViolations(russia, 'workspace');
    await russia.getByTestId(`ws-row-${point.number}`).getByRole('button', { name: 'Set position' }).click();
    const form = russia.locator('form.ws-position-editor');
    await form.locator('input[type=radio][value="wording"]').check();
    await form.locator('input[type=radio][value="parties"]').check();
    await form.locator('textarea').fill('The plant must stay under the supervision of the IAEA alone.');
    await form.getByRole('button', { name: 'Save position' }).click();

    await expect.poll(() => cellFor('wording').count(), { timeout: 15_000 }).toBe(1);
    expect(loads.count, 'no reload').toBe(0);
    await expect.poll(() => ukraine.getByTestId('live-latest').textContent()).toContain('set a position');
  });

  it('Ukraine proposes an amendment, the mediator accepts it into a new version, and compares it with the previous one', async () => {
    const point = points.find((p) => p.texts.en?.includes('humanitarian') || p.texts.en?.includes('prisoners')) ?? points[9]!;
    const wording = 'All prisoners of war are exchanged on an all-for-all basis within 30 days, under ICRC supervision.';
    await ukraine.goto(`/n/${N}/workspace?view=amendments`);
    const form = ukraine.locator('form.ws-amendment-form');
    await form.waitFor();
    await form.locator('input[type=radio][value="replace"]').check();
    await form.getByLabel('Point', { exact: true }).selectOption(point.id);
    await form.locator('textarea[lang="en"]').fill(wording);
    await form.getByLabel('Justification (optional)').fill('A deadline and a supervisor.');
    await form.locator('select').last().selectOption('mediator');
    await form.getByRole('button', { name: 'Propose' }).click();
    await expect.poll(() => ukraine.getByTestId('ws-amendment').filter({ hasText: wording }).locator('.ws-amendment-status').textContent()).toBe('Proposed');
    await expectNoAxeViolations(ukraine, 'workspace amendments');

    // Russia was not offered it: it went to the mediator only.
    expect(await (await russia.request.get(`${API}/amendments`)).text()).not.toContain(wording);

    await mediator.goto(`/n/${N}/versions`);
    const choice = mediator.getByTestId('amendment-choice').filter({ hasText: 'A deadline and a supervisor.' });
    await choice.waitFor();
    await expectNoAxeViolations(mediator, 'versions');
    await choice.getByRole('checkbox').check();
    await mediator.getByLabel('Name of the version').first().fill('v4 (prisoner exchange)');
    await mediator.getByTestId('accept-selected').click();
    const dialog = mediator.getByTestId('accept-dialog');
    await dialog.getByRole('button', { name: 'Create the version' }).click();
    await mediator.getByTestId('created-notice').waitFor();

    const versions = (await getJson<{ items: { id: string; seqNo: number; label: string }[] }>(mediator, `${API}/versions`)).items.sort((a, b) => a.seqNo - b.seqNo);
    const [previous, latest] = versions.slice(-2);
    expect(latest!.label).toBe('v4 (prisoner exchange)');
    await mediator.goto(`/n/${N}/versions/compare?a=${previous!.id}&b=${latest!.id}`);
    await mediator.getByTestId('compare-summary').waitFor();
    const changed = mediator.locator('[data-testid=compared-point][data-status=changed]');
    await expect.poll(() => changed.count()).toBe(1);
    expect((await changed.locator('ins').allTextContents()).join(' ')).toContain('ICRC supervision');
    await expectNoAxeViolations(mediator, 'compare');

    // Ukraine's open point page now shows the new text, live.
    await ukraine.goto(`/n/${N}/points/${point.id}`);
    await expect.poll(() => ukraine.content()).toContain(wording);
  });

  it('the mediator adds a round; the delegations see it on the timeline', async () => {
    await mediator.goto(`/n/${N}/rounds`);
    await mediator.getByTestId('record-round').click();
    await mediator.getByTestId('title-text-0').fill('Technical talks in Geneva');
    await mediator.getByTestId('round-start').fill('2025-12-10T10:00');
    await mediator.getByTestId('place-text-0').fill('Geneva');
    await mediator.getByTestId('round-format').selectOption('working_group');
    await mediator.getByTestId('round-parties').getByLabel('Russia').check();
    await mediator.getByTestId('round-parties').getByLabel('Ukraine', { exact: true }).check();
    await mediator.getByTestId('round-duration').fill('180');
    await mediator.getByTestId('round-submit').click();
    await mediator.getByRole('link', { name: 'Open it' }).waitFor();
    await expectNoAxeViolations(mediator, 'rounds');

    await russia.goto(`/n/${N}/rounds`);
    await expect.poll(() => russia.getByTestId('round-card').locator('h3').allTextContents()).toContain('Technical talks in Geneva');
  });

  it('in Urdu the document is right-to-left and the map mirrors', async () => {
    await openMap(russia);
    const before = await russia.locator('thead th.col-party').first().boundingBox();
    await switchLanguage(russia, 'ur');
    expect(await russia.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ur']);
    const first = await russia.locator('thead th.col-party').first().boundingBox();
    const last = await russia.locator('thead th.col-party').last().boundingBox();
    const pointCol = await russia.locator('thead th.col-point').boundingBox();
    // Mirrored: the point column moves to the right edge and the parties run right to left.
    expect(before!.x).toBeGreaterThan(400);
    expect(first!.x).toBeGreaterThan(last!.x);
    expect(pointCol!.x).toBeGreaterThan(first!.x);
    await expectNoAxeViolations(russia, 'map in Urdu');
    for (const path of ['workspace', 'versions', 'rounds', 'statements', 'record']) {
      await russia.goto(`/n/${N}/${path}`);
      await russia.locator('h1').first().waitFor();
      await russia.waitForLoadState('networkidle');
      expect(await russia.evaluate(() => document.documentElement.dir), path).toBe('rtl');
      await expectNoAxeViolations(russia, `${path} in Urdu`);
    }
  });
});
