/**
 * Moved passages in the web redline, in real Chromium: the mediator gives a point a known text
 * in English and Urdu, freezes a version, moves a sentence (and edits it on the way in English),
 * freezes another; the compare page and the point page then show the sentence as a move, its
 * two ends paired by links, inline and side by side, in English and in Urdu (right to left),
 * with axe clean. Screenshots go to docs/screenshots/redline-moves-*.png.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID as N } from '../../src/demo/scenario.ts';
import { chromiumPath } from './support/chromium.ts';
import { demoBrowser } from './support/demo-browser.ts';
import { SCREENSHOTS, axeViolations, screenshot, switchLanguage } from './support/pages.ts';

const API = `/api/negotiations/${N}`;
const SANCTIONS = 'Sanctions will be lifted in stages.';
const EN_BEFORE = `The parties agree to a ceasefire along the line of contact. Prisoners will be exchanged all for all within thirty days. ${SANCTIONS}`;
const EN_AFTER = 'Sanctions will be lifted gradually in stages. The parties agree to a ceasefire along the line of contact. Prisoners will be exchanged all for all within thirty days.';
const UR_SANCTIONS = 'پابندیاں مرحلہ وار اٹھائی جائیں گی۔';
const UR_BEFORE = `فریقین رابطے کی لکیر پر جنگ بندی پر متفق ہیں۔ قیدیوں کا تبادلہ تیس دن میں سب کے بدلے سب ہوگا۔ ${UR_SANCTIONS}`;
const UR_AFTER = `${UR_SANCTIONS} فریقین رابطے کی لکیر پر جنگ بندی پر متفق ہیں۔ قیدیوں کا تبادلہ تیس دن میں سب کے بدلے سب ہوگا۔`;

interface Point { id: string; number: string; revision: number; texts: Record<string, string> }

async function api(context: BrowserContext) {
  const me = await (await context.request.get('/api/auth/me')).json() as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    get: async <T,>(path: string): Promise<T> => {
      const res = await context.request.get(path);
      expect(res.status(), path).toBe(200);
      return await res.json() as T;
    },
    patch: async (path: string, data: unknown) => {
      const res = await context.request.patch(path, { data, headers });
      expect(res.status(), await res.text()).toBe(200);
    },
    post: async (path: string, data: unknown): Promise<{ id: string | null }> => {
      const res = await context.request.post(path, { data, headers });
      expect(res.status(), await res.text()).toBe(201);
      return await res.json() as { id: string | null };
    },
  };
}

/** The two ends of the one move in a redline area, checked to point at each other. */
async function pairedMove(area: Locator) {
  const from = area.locator('del.redline-move-from');
  const to = area.locator('ins.redline-move-to');
  expect(await from.count()).toBe(1);
  expect(await to.count()).toBe(1);
  const moveId = await from.getAttribute('data-move');
  expect(moveId).toBeTruthy();
  expect(await to.getAttribute('data-move')).toBe(moveId);
  const fromId = await from.getAttribute('id');
  const toId = await to.getAttribute('id');
  // Each end's link leads to the other end.
  expect(await area.locator('a[data-move-mark=from]').getAttribute('href')).toBe(`#${toId!}`);
  expect(await area.locator('a[data-move-mark=to]').getAttribute('href')).toBe(`#${fromId!}`);
  return { from, to, fromId: fromId!, toId: toId! };
}

/** Anchor ids are unique on the page, however many redlines it shows. */
async function expectUniqueIds(page: Page) {
  const ids = await page.locator('[data-move]').evaluateAll((els) => els.map((e) => e.id));
  expect(new Set(ids).size).toBe(ids.length);
}

/** The text a sighted reader sees (without the labels kept for screen readers). */
const seen = (l: Locator) => l.evaluate((el) => {
  const copy = el.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
  return copy.textContent;
});

async function shot(locator: Locator, name: string) {
  await locator.page().evaluate(async () => { await document.fonts.ready; });
  await locator.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

describe.skipIf(!chromiumPath)('redline: moved passages shown as moves', () => {
  const demo = demoBrowser();
  let point: Point;
  let base: string;
  let moved: string;

  it('makes two versions in which a sentence of a point moves (through the API, as the mediator)', async () => {
    const page = await demo.as('mediator');
    const m = await api(page.context());
    const points = (await m.get<{ items: Point[] }>(`${API}/points?limit=500`)).items;
    point = points.find((p) => p.texts.en && p.texts.ur)!;
    expect(point, 'a demo point with English and Urdu texts').toBeDefined();
    await m.patch(`${API}/points/${point.id}`, { texts: { ...point.texts, en: EN_BEFORE, ur: UR_BEFORE }, basedOn: point.revision });
    base = (await m.post(`${API}/versions`, { label: 'before the move' })).id!;
    point = await m.get<Point>(`${API}/points/${point.id}`);
    await m.patch(`${API}/points/${point.id}`, { texts: { ...point.texts, en: EN_AFTER, ur: UR_AFTER }, basedOn: point.revision });
    moved = (await m.post(`${API}/versions`, { label: 'after the move' })).id!;
    expect(base).toBeTruthy();
    expect(moved).toBeTruthy();
  });

  it('shows the move on the compare page, inline and side by side, in English', async () => {
    const page = await demo.as('mediator');
    await page.goto(`/n/${N}/versions/compare?a=${base}&b=${moved}&lang=en&only=changes`);
    const row = page.locator(`[data-testid=compared-point][data-point="${point.id}"]`);
    await row.waitFor();
    expect(await page.getByTestId('redline-legend').count()).toBe(1);
    const { from, to, toId } = await pairedMove(row);
    expect(await from.textContent()).toContain(SANCTIONS);
    // The word added on the way is an insertion inside the arrival; the arrival reads whole.
    expect(await to.locator('ins.redline-insert').textContent()).toContain('gradually');
    expect(await seen(to)).toBe('Sanctions will be lifted gradually in stages.');
    // Nothing of the move is shown as a plain deletion or insertion.
    expect((await row.locator('del.redline-delete').allTextContents()).join(' ')).not.toContain('Sanctions');
    // The departure comes last in the text: its link points down, the arrival's up.
    expect(await row.locator('a[data-move-mark=from]').textContent()).toBe('↑ moved up');
    expect(await row.locator('a[data-move-mark=to]').textContent()).toBe('↓ moved from below');
    // Following the link lands on the other end (focused, for a keyboard user).
    await row.locator('a[data-move-mark=from]').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(toId);
    expect(new URL(page.url()).hash).toBe('');
    await expectUniqueIds(page);
    expect(await axeViolations(page)).toEqual([]);
    await shot(row, 'redline-moves-compare-en');

    await page.getByTestId('mode-side-by-side').check();
    await page.waitForURL((u) => u.searchParams.get('mode') === 'side-by-side');
    const columns = row.locator('.redline-columns .redline');
    expect(await columns.count()).toBe(2);
    const [old, now] = [columns.nth(0), columns.nth(1)];
    expect(await old.locator('del.redline-move-from').count()).toBe(1);
    expect(await old.locator('ins').count()).toBe(0);
    expect(await now.locator('ins.redline-move-to').count()).toBe(1);
    expect(await now.locator('del').count()).toBe(0);
    await pairedMove(row);
    // Across the columns, the links point across: old → new in a left-to-right page.
    expect(await old.locator('a[data-move-mark=from]').textContent()).toMatch(/^→/);
    expect(await now.locator('a[data-move-mark=to]').textContent()).toMatch(/^←/);
    expect(await axeViolations(page)).toEqual([]);
    await shot(row, 'redline-moves-compare-side-en');
  });

  it('shows the move in Urdu, right to left, with the marks mirrored', async () => {
    const page = await demo.as('mediator');
    await page.goto(`/n/${N}/versions/compare?a=${base}&b=${moved}&lang=ur&only=changes`);
    await switchLanguage(page, 'ur');
    const row = page.locator(`[data-testid=compared-point][data-point="${point.id}"]`);
    await row.waitFor();
    const redline = row.locator('.redline');
    expect(await redline.getAttribute('lang')).toBe('ur');
    expect(await redline.getAttribute('dir')).toBe('rtl');
    const { from } = await pairedMove(row);
    expect(await from.textContent()).toContain(UR_SANCTIONS);
    // The marks speak the UI language, in its direction.
    const mark = row.locator('a[data-move-mark=from]');
    expect(await mark.getAttribute('lang')).toBe('ur');
    expect(await mark.getAttribute('dir')).toBe('rtl');
    expect(await mark.textContent()).toBe('↑ اوپر منتقل');
    expect(await from.locator('.visually-hidden').textContent()).toBe('یہاں سے منتقل: ');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'redline-moves-compare-ur');

    await page.getByTestId('mode-side-by-side').check();
    await page.waitForURL((u) => u.searchParams.get('mode') === 'side-by-side');
    await pairedMove(row);
    // The page is mirrored: the new column is on the left, so the old one's link points left.
    const columns = row.locator('.redline-columns .redline');
    expect(await columns.nth(0).locator('a[data-move-mark=from]').textContent()).toMatch(/^←/);
    expect(await columns.nth(1).locator('a[data-move-mark=to]').textContent()).toMatch(/^→/);
    const [oldBox, newBox] = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()];
    expect(oldBox!.x).toBeGreaterThan(newBox!.x);
    expect(await axeViolations(page)).toEqual([]);
    await shot(row, 'redline-moves-compare-side-ur');
    await switchLanguage(page, 'en');
  });

  it('shows the move on the point page against the earlier version, in each language, in English and Urdu', async () => {
    const page = await demo.as('mediator');
    await page.goto(`/n/${N}/points/${point.id}`);
    const section = page.getByTestId('point-redline');
    await section.waitFor();
    await page.getByTestId('redline-version').selectOption(base);
    const en = section.locator('.redline[lang="en"]');
    await en.waitFor();
    await pairedMove(en);
    const ur = section.locator('.redline[lang="ur"]');
    expect(await ur.getAttribute('dir')).toBe('rtl');
    await pairedMove(ur);
    expect(await section.getByTestId('redline-legend').count()).toBe(1);
    await expectUniqueIds(page);
    expect(await axeViolations(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await shot(section, 'redline-moves-point-en');

    await switchLanguage(page, 'ur');
    await section.locator('a[data-move-mark]').first().waitFor();
    expect(await section.locator('a[data-move-mark=from]').first().getAttribute('lang')).toBe('ur');
    await pairedMove(section.locator('.redline[lang="ur"]'));
    expect(await axeViolations(page)).toEqual([]);
    await shot(section, 'redline-moves-point-ur');
    await switchLanguage(page, 'en');
  });
});
