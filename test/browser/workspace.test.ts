/**
 * My party's workspace as the Russian delegation uses it, with the Ukrainian team and the
 * mediator looking from their own browser contexts over one demo server: a private
 * position and a private note never reach the others' DOM, the scale's reason rule is
 * enforced in the form and by the server, an amendment goes from draft to proposed, a
 * shared position appears live on the mediator's map, two Russian members editing one
 * position meet the conflict dialog, and the page holds up in Urdu and under axe.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../src/demo/scenario.ts';
import { chromiumPath, launchChromium, newContext } from './support/chromium.ts';
import { startDemoServer, type DemoServer } from './support/demo-server.ts';
import { axeViolations, screenshot, signIn, switchLanguage } from './support/pages.ts';

const N = DEMO_NEGOTIATION_ID;
const API = `/api/negotiations/${N}`;
const unique = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 10)}`;

interface Point { id: string; number: string; texts: Record<string, string>; removed: boolean }
interface Party { id: string; shortName: string }

describe.skipIf(!chromiumPath)('my party\'s workspace', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let tabs: Page[] = [];
  let points: Point[] = [];
  let russia: string;

  // One signed-in context per seat (sign-ins are rate-limited per address); each call opens a new tab.
  const seats = new Map<string, BrowserContext>();
  const open = async (seat: string): Promise<{ context: BrowserContext; page: Page }> => {
    const known = seats.get(seat);
    const context = known ?? await newContext(browser, server.url);
    if (!known) { contexts.push(context); seats.set(seat, context); }
    const page = known ? await context.newPage() : await signIn(context, seat);
    tabs.push(page);
    return { context, page };
  };
  const workspace = async (page: Page, view = 'positions') => {
    await page.goto(`/n/${N}/workspace?view=${view}`);
    await page.locator(`#ws-${view}-title`).waitFor();
  };
  const row = (page: Page, p: Point) => page.getByTestId(`ws-row-${p.number}`);
  /** Opens the position editor of a point and returns it. */
  const editor = async (page: Page, p: Point) => {
    await row(page, p).getByRole('button', { name: 'Set position' }).click();
    const form = page.locator('form.ws-position-editor');
    await form.waitFor();
    return form;
  };
  const choose = async (form: ReturnType<Page['locator']>, level: string, visibility: string, reason: string) => {
    await form.locator(`input[type=radio][value="${level}"]`).check();
    await form.locator(`input[type=radio][value="${visibility}"]`).check();
    await form.locator('textarea').fill(reason);
  };
  const html = (page: Page) => page.content();
  /** The pages where a leaked canary would show: the map (with the Russian cell's tooltip open), the point page and the record. */
  const everywhere = async (page: Page, p: Point): Promise<string> => {
    let seen = '';
    await page.goto(`/n/${N}`);
    await page.locator('[data-map-ready]').waitFor();
    const cell = page.locator(`.map-cell[data-point="${p.id}"][data-party="${russia}"]`);
    if (await cell.count()) await cell.focus();
    seen += await html(page);
    await page.goto(`/n/${N}/points/${p.id}`);
    await page.locator('#point-title').waitFor();
    await page.getByTestId('positions-table').waitFor();
    seen += await html(page);
    await page.goto(`/n/${N}/record`);
    await page.locator('#record-heading').waitFor();
    await page.getByTestId('event-log').waitFor();
    seen += await html(page);
    return seen;
  };

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    const { context } = await open('ushakov');
    points = ((await (await context.request.get(`${API}/points?limit=500`)).json()) as { items: Point[] }).items.filter((p) => !p.removed);
    const parties = ((await (await context.request.get(`${API}/parties?limit=500`)).json()) as { items: Party[] }).items;
    russia = parties.find((p) => p.shortName === 'Russia')!.id;
    expect(points.length).toBeGreaterThan(12);
  });
  // Each test's tabs close after it: an open tab keeps a live channel and refreshes on every event.
  afterEach(async () => {
    for (const t of tabs) await t.close();
    tabs = [];
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it("keeps a position set for Russia only within Russia: in Russia's workspace and map, absent from Ukraine's and the mediator's DOM", async () => {
    const p = points[1]!;
    const canary = unique('RU-POSITION-CANARY');
    const { page } = await open('ushakov');
    await workspace(page);
    const form = await editor(page, p);
    // The editor opens on the level radios, and defaults to the last audience (or the mediator).
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await choose(form, 'discuss', 'party', canary);
    await form.getByRole('button', { name: 'Save position' }).click();
    await expect.poll(() => row(page, p).textContent()).toContain(canary);
    expect(await row(page, p).textContent()).toContain('My party only');

    await page.goto(`/n/${N}`);
    await page.locator('[data-map-ready]').waitFor();
    const cell = page.locator(`.map-cell[data-point="${p.id}"][data-party="${russia}"]`);
    await expect.poll(() => cell.getAttribute('class')).toContain('level-discuss');
    await cell.focus();
    await expect.poll(() => page.getByTestId('map-tip').textContent()).toContain(canary);

    for (const seat of ['ua-team', 'mediator']) {
      const other = await open(seat);
      expect(await everywhere(other.page, p), seat).not.toContain(canary);
    }
  });

  it('refuses a "wording" position without a reason, in the form and at the server', async () => {
    const p = points[3]!;
    const { context, page } = await open('ushakov');
    await workspace(page);
    const before = await row(page, p).textContent();
    const form = await editor(page, p);
    await choose(form, 'wording', 'mediator', '');
    await form.getByRole('button', { name: 'Save position' }).click();
    const problem = page.getByTestId('position-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('needs a reason');
    // The message is tied to the field, and focus goes where the fix is.
    expect(await form.locator('textarea').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await row(page, p).textContent()).toBe(before);

    const me = await (await context.request.get('/api/auth/me')).json() as { csrfToken: string };
    const res = await context.request.post(`${API}/positions`, { data: { partyId: russia, pointId: p.id, level: 'wording', reason: '', visibility: 'mediator' }, headers: { 'x-csrf-token': me.csrfToken } });
    expect(res.status()).toBe(400);
    expect((await res.json() as { code: string }).code).toBe('reason_required');
  });

  it("keeps a private note to Russia: marked as such, absent for Ukraine and the mediator", async () => {
    const p = points[2]!;
    const canary = unique('RU-NOTE-CANARY');
    const { page } = await open('ushakov');
    await workspace(page, 'notes');
    expect(await page.locator('.ws-private-banner').textContent()).toContain('Only your party sees these notes');
    await page.getByLabel('About').selectOption(p.id);
    await page.getByLabel('Note', { exact: true }).fill(canary);
    await page.getByRole('button', { name: 'Save note' }).click();
    const note = page.getByTestId('note').filter({ hasText: canary });
    await note.waitFor();
    expect(await note.textContent()).toContain('My party only');
    // Edit it, then delete a second one: both are events, and the list follows.
    await note.getByRole('button', { name: 'Edit' }).click();
    await note.locator('textarea').fill(`${canary} (edited)`);
    await note.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => note.textContent()).toContain(`${canary} (edited)`);
    await page.getByLabel('Note', { exact: true }).fill(`${canary} to delete`);
    await page.getByRole('button', { name: 'Save note' }).click();
    const doomed = page.getByTestId('note').filter({ hasText: `${canary} to delete` });
    await doomed.waitFor();
    await doomed.getByRole('button', { name: 'Delete' }).click();
    await doomed.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => doomed.count()).toBe(0);

    const ua = await open('ua-team');
    await workspace(ua.page, 'notes');
    expect(await html(ua.page)).not.toContain(canary);
    expect(await everywhere(ua.page, p)).not.toContain(canary);
    const mediator = await open('mediator');
    expect(await everywhere(mediator.page, p)).not.toContain(canary);
    await mediator.page.goto(`/n/${N}/workspace?view=notes`);
    await mediator.page.locator('h1').first().waitFor();
    expect(await html(mediator.page)).not.toContain(canary);
  });

  it('drafts an amendment for Russia only, then proposes it: the mediator sees it on the point page, Ukraine does not', async () => {
    const p = points[4]!;
    const canary = unique('RU-AMENDMENT-CANARY');
    const { page } = await open('ushakov');
    await workspace(page, 'amendments');
    const form = page.locator('form.ws-amendment-form');
    await form.locator('input[type=radio][value="replace"]').check();
    await form.getByLabel('Point', { exact: true }).selectOption(p.id);
    // The replacement starts from the point's text, each language in its own direction.
    const english = form.locator('textarea[lang="en"]');
    await expect.poll(() => english.inputValue()).toBe(p.texts.en);
    expect(await form.locator('textarea[lang="ur"]').getAttribute('dir')).toBe('rtl');
    await english.fill(`${canary}: the text as Russia would have it.`);
    await form.getByLabel('Justification (optional)').fill('Closer to the Anchorage understanding.');
    await form.getByRole('button', { name: 'Save as draft' }).click();
    const item = page.getByTestId('ws-amendment').filter({ hasText: canary });
    await item.waitFor();
    expect(await item.locator('.ws-amendment-status').textContent()).toBe('Draft');

    const mediator = await open('mediator');
    await mediator.page.goto(`/n/${N}/points/${p.id}`);
    await mediator.page.getByTestId('positions-table').waitFor();
    await mediator.page.waitForLoadState('networkidle');
    expect(await html(mediator.page), 'a draft stays within Russia').not.toContain(canary);

    await item.getByLabel('Propose to').selectOption('mediator');
    await item.getByRole('button', { name: 'Propose' }).click();
    await expect.poll(() => item.locator('.ws-amendment-status').textContent()).toBe('Proposed');
    await expect.poll(() => mediator.page.content(), { timeout: 15_000 }).toContain(canary);

    const ua = await open('ua-team');
    await ua.page.goto(`/n/${N}/points/${p.id}`);
    await ua.page.getByTestId('positions-table').waitFor();
    await ua.page.waitForLoadState('networkidle');
    expect(await html(ua.page), 'proposed to the mediator only').not.toContain(canary);
  });

  it("shows a position shared with the mediator on the mediator's map live, without a reload", async () => {
    const p = points[5]!;
    const reason = unique('shared-with-mediator');
    const mediator = await open('mediator');
    await mediator.page.goto(`/n/${N}`);
    await mediator.page.locator('[data-map-ready]').waitFor();
    await mediator.page.evaluate(() => { (window as unknown as { stillHere: boolean }).stillHere = true; });
    const cell = mediator.page.locator(`.map-cell[data-point="${p.id}"][data-party="${russia}"]`);
    // A level the mediator does not see there now, so the change is the one this test makes.
    const before = (await cell.count()) ? await cell.getAttribute('class') ?? '' : '';
    const level = before.includes('level-redline') ? 'reject' : 'redline';

    const { page } = await open('ushakov');
    await workspace(page);
    const form = await editor(page, p);
    await choose(form, level, 'mediator', reason);
    await form.getByRole('button', { name: 'Save position' }).click();
    await expect.poll(() => row(page, p).textContent()).toContain(reason);

    await expect.poll(() => cell.getAttribute('class'), { timeout: 15_000 }).toContain(`level-${level}`);
    expect(await mediator.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await cell.focus();
    await expect.poll(() => mediator.page.getByTestId('map-tip').textContent()).toContain(reason);
  });

  it('meets a colleague\'s newer position with the conflict dialog, and saves mine on top', async () => {
    const p = points[7]!;
    const mine = unique('putin-reason');
    const a = await open('ushakov');
    const b = await open('putin');
    await workspace(a.page);
    await workspace(b.page);
    const first = await editor(a.page, p);
    const second = await editor(b.page, p);
    await choose(first, 'accept', 'party', unique('ushakov-reason'));
    await first.getByRole('button', { name: 'Save position' }).click();
    await expect.poll(() => row(a.page, p).textContent()).toContain('Accept');

    await choose(second, 'reject', 'mediator', mine);
    await second.getByRole('button', { name: 'Save position' }).click();
    const dialog = b.page.getByTestId('conflict-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByTestId('conflict-theirs').textContent()).toContain('Accept');
    expect(await dialog.getByTestId('conflict-mine').textContent()).toContain(mine);
    await dialog.getByRole('button', { name: 'Save mine on top' }).click();
    await expect.poll(() => row(b.page, p).textContent()).toContain(mine);
    expect(await dialog.isVisible()).toBe(false);
    await expect.poll(() => row(a.page, p).textContent(), { timeout: 15_000 }).toContain(mine);
  });

  it('reads right to left in Urdu, passes axe in English and Urdu, and explains what is shared with whom', async () => {
    const { page } = await open('ushakov');
    await page.setViewportSize({ width: 1280, height: 900 });
    await workspace(page, 'shared');
    expect(await page.locator('.ws-shared-model').textContent()).toContain('one audience');
    const party = page.getByTestId('shared-party');
    expect(await party.textContent()).toMatch(/private note/);
    for (const view of ['shared', 'amendments', 'notes', 'positions']) {
      await workspace(page, view);
      expect(await axeViolations(page), `${view} in English`).toEqual([]);
    }
    await editor(page, points[0]!);
    expect(await axeViolations(page), 'editor in English').toEqual([]);
    await screenshot(page, 'workspace-en');
    await workspace(page, 'shared');
    for (const d of await page.locator('.ws-audience details').all()) await d.locator('summary').click();
    await screenshot(page, 'workspace-shared-en');

    await switchLanguage(page, 'ur');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    for (const view of ['shared', 'amendments', 'notes', 'positions']) {
      await page.goto(`/n/${N}/workspace?view=${view}`);
      await page.locator(`#ws-${view}-title`).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await axeViolations(page), `${view} in Urdu`).toEqual([]);
    }
    // Mirrored: the first column of the positions table sits at the right edge.
    const [numberX, textX] = await page.locator('.ws-table thead th').evaluateAll((ths) => ths.slice(0, 2).map((th) => th.getBoundingClientRect().x));
    expect(numberX!).toBeGreaterThan(textX!);
    await row(page, points[0]!).locator('.ws-actions .button').first().click();
    await page.locator('form.ws-position-editor').waitFor();
    expect(await axeViolations(page), 'editor in Urdu').toEqual([]);
    await screenshot(page, 'workspace-ur');
  });
});
