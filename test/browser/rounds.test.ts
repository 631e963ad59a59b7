/**
 * Rounds in real Chromium: the demo's timeline (Florida, the Kremlin under non-disclosure),
 * the mediator recording a round with Urdu and English titles, attendees and points (client
 * and server validation shown beside the form), an edit conflict between two mediator pages
 * resolved with "save mine on top", a Russia-only readout absent from Ukraine's DOM, Urdu
 * right-to-left, and axe on the timeline and the round page in English and Urdu.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID as N } from '../../src/demo/scenario.ts';
import { chromiumPath } from './support/chromium.ts';
import { demoBrowser } from './support/demo-browser.ts';
import { axeViolations, screenshot, switchLanguage } from './support/pages.ts';

interface Round { id: string; title: Record<string, string>; place: Record<string, string>; publicReadout: Record<string, string>; revision: number; pointIds: string[]; attendeeIds: string[]; partyIds: string[] }
interface Point { id: string; number: string; removed: boolean }

async function getJson<T>(context: BrowserContext, path: string): Promise<T> {
  const res = await context.request.get(path);
  expect(res.status(), path).toBe(200);
  return await res.json() as T;
}
const roundsOf = async (context: BrowserContext) => (await getJson<{ items: Round[] }>(context, `/api/negotiations/${N}/rounds`)).items;
const roundByTitle = async (context: BrowserContext, en: string) => {
  const r = (await roundsOf(context)).find((x) => x.title.en === en);
  if (!r) throw new Error(`no round titled ${en}`);
  return r;
};

async function openRounds(page: Page) {
  await page.goto(`/n/${N}/rounds`);
  await page.getByTestId('rounds-timeline').waitFor();
}

async function openRound(page: Page, id: string) {
  await page.goto(`/n/${N}/rounds/${id}`);
  await page.locator('#readouts-heading').waitFor();
}

const TITLE_EN = 'Geneva working session on guarantees';
const TITLE_UR = 'جنیوا میں ضمانتوں پر ورکنگ اجلاس';
const CANARY = 'Russia-only readout canary: Moscow will not move on Donbas before the next round.';

describe.skipIf(!chromiumPath)('rounds: timeline, recording, editing with conflicts, private readouts', () => {
  const demo = demoBrowser();
  const as = (seat: string, key?: string) => demo.as(seat, key);


  it('shows the demo rounds as a timeline, the Kremlin round held under non-disclosure with its terms', async () => {
    const page = await as('mediator');
    await openRounds(page);
    const cards = page.getByTestId('round-card');
    expect(await cards.count()).toBe(2);
    // Newest day first.
    expect(await cards.locator('h3').allTextContents()).toEqual(['Talks in the Kremlin', 'Talks in Florida: US officials and the Ukrainian team']);
    const kremlin = cards.nth(0);
    expect(await kremlin.getByTestId('round-nda-marker').textContent()).toContain('Held under non-disclosure.');
    expect(await kremlin.getByTestId('round-nda-marker').textContent()).toContain('The sides agreed not to disclose what was discussed.');
    expect(await kremlin.textContent()).toContain('5 hours');
    expect(await kremlin.textContent()).toContain('The Kremlin, Moscow');
    expect(await kremlin.textContent()).toContain('Yuri Ushakov');
    expect(await kremlin.textContent()).toContain('4 points discussed');
    expect(await cards.nth(1).getByTestId('round-nda-marker').count()).toBe(0);
    expect(await page.locator('.rd-timeline-date').allTextContents()).toEqual(['Tuesday, December 2, 2025', 'Sunday, November 30, 2025']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'rounds-en');

    // A delegation sees the timeline but cannot record rounds.
    const ua = await as('ua-team');
    await openRounds(ua);
    expect(await ua.getByTestId('round-card').count()).toBe(2);
    expect(await ua.getByTestId('record-round').count()).toBe(0);

  });

  it('records a round with Urdu and English titles, attendees and points; errors are shown beside the form', async () => {
    const page = await as('mediator');
    const context = page.context();
    const points = (await getJson<{ items: Point[] }>(context, `/api/negotiations/${N}/points`)).items.filter((p) => !p.removed);
    const [p1, p2] = [points[0]!, points[2]!];
    await openRounds(page);
    await page.getByTestId('record-round').click();

    // Nothing filled: the form names the first thing to fix.
    await page.getByTestId('round-submit').click();
    expect(await page.getByTestId('round-form-problem').textContent()).toBe('Give the round a title in at least one language.');

    await page.getByTestId('title-text-0').fill(TITLE_EN);
    await page.getByTestId('title-add').click();
    await page.getByTestId('title-lang-1').selectOption('ur');
    await page.getByTestId('title-text-1').fill(TITLE_UR);
    expect(await page.getByTestId('title-text-1').getAttribute('dir')).toBe('rtl');
    await page.getByTestId('round-start').fill('2025-12-10T10:00');
    await page.getByTestId('place-text-0').fill('Geneva');
    await page.getByTestId('round-format').selectOption('working_group');
    await page.getByTestId('round-parties').getByLabel('Russia').check();
    await page.getByTestId('round-parties').getByLabel('Ukraine', { exact: true }).check();
    await page.getByTestId('round-attendees').getByText('Yuri Ushakov').click();
    await page.getByTestId('round-attendees').getByText('Marco Rubio').click();
    await page.getByTestId(`round-point-${p1.number}`).check();
    await page.getByTestId(`round-point-${p2.number}`).check();
    await page.getByTestId('round-nda').check();
    await page.getByTestId('terms-text-0').fill('Not to disclose the content until the next round.');

    // A duration the server refuses (more than 60 days): its own sentence appears by the form.
    await page.getByTestId('round-duration').fill('100000');
    await page.getByTestId('round-submit').click();
    const serverError = page.locator('.round-form [role=alert]');
    await serverError.waitFor();
    expect(await serverError.textContent()).toContain('durationMinutes');
    expect((await roundsOf(context)).length).toBe(2);

    await page.getByTestId('round-duration').fill('120');
    await page.getByTestId('round-submit').click();
    await page.getByRole('link', { name: 'Open it' }).waitFor();
    expect(await page.getByTestId('round-card').count()).toBe(3);
    expect(await page.getByTestId('round-card').first().locator('h3').textContent()).toBe(TITLE_EN);
    expect(await page.getByTestId('round-card').first().getByTestId('round-nda-marker').textContent()).toContain('Not to disclose the content until the next round.');

    const saved = await roundByTitle(context, TITLE_EN);
    expect(saved.title).toEqual({ en: TITLE_EN, ur: TITLE_UR });
    expect(saved.pointIds.sort()).toEqual([p1.id, p2.id].sort());
    expect(saved.attendeeIds.length).toBe(2);
    expect(saved.partyIds.length).toBe(2);

    await page.getByRole('link', { name: 'Open it' }).click();
    await page.locator('#readouts-heading').waitFor();
    expect(await page.locator('h1').textContent()).toBe(TITLE_EN);
    const ur = page.getByTestId('round-title-ur');
    expect(await ur.textContent()).toBe(TITLE_UR);
    expect(await ur.getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('points-discussed').locator('a').count()).toBe(2);
    expect(await page.getByTestId('points-discussed').locator('a').first().getAttribute('href')).toMatch(new RegExp(`/n/${N}/points/`));
    expect(await page.locator('.round-side').textContent()).toContain('2 hours');
  });

  it('an edit made on a stale page shows a conflict; "save mine on top" keeps both steps in the record', async () => {
    const a = await as('mediator');
    const b = await as('mediator', 'mediator-2');
    const ctxA = a.context();
    const before = await roundByTitle(ctxA, TITLE_EN);
    await openRound(a, before.id);
    await openRound(b, before.id);
    await a.getByTestId('edit-round').click();
    await b.getByTestId('edit-round').click();

    // B saves first.
    await b.getByTestId('place-text-0').fill('Geneva, Palais des Nations');
    await b.getByTestId('round-submit').click();
    await b.getByText('The round was updated.').waitFor();

    // A, still on the revision it opened, saves a public readout: refused, with theirs and mine.
    await a.getByTestId('readout-text-0').fill('Both sides called the session businesslike.');
    await a.getByTestId('round-submit').click();
    const dialog = a.getByTestId('conflict-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.textContent()).toContain('Geneva, Palais des Nations');
    expect(await dialog.textContent()).toContain('Both sides called the session businesslike.');
    expect((await roundByTitle(ctxA, TITLE_EN)).publicReadout).toEqual({});

    await dialog.getByRole('button', { name: 'Save mine on top' }).click();
    await a.getByText('The round was updated.').waitFor();
    const after = await roundByTitle(ctxA, TITLE_EN);
    expect(after.revision).toBeGreaterThan(before.revision + 1);
    expect(after.publicReadout).toEqual({ en: 'Both sides called the session businesslike.' });
    await a.getByTestId('public-readout').getByText('Both sides called the session businesslike.').waitFor();

  });

  it("a Russia-only readout is on Russia's round page and absent from Ukraine's DOM and the mediator's", async () => {
    const ru = await as('ushakov');
    const kremlin = await roundByTitle(ru.context(), 'Talks in the Kremlin');
    await openRound(ru, kremlin.id);
    await ru.getByTestId('myreadout-text-0').fill(CANARY);
    expect(await ru.getByTestId('readout-visibility').inputValue()).toBe('party');
    await ru.getByTestId('readout-submit').click();
    await ru.getByText('Your readout was saved.').waitFor();
    const mine = ru.getByTestId('readouts').locator('li', { hasText: CANARY });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('My party only');
    expect(await mine.textContent()).toContain('Russia');

    const putin = await as('putin');
    await openRound(putin, kremlin.id);
    // The readouts arrive after the round itself: wait for the list, not for the page.
    await putin.getByTestId('readouts').locator('li', { hasText: CANARY }).waitFor();
    expect(await putin.getByTestId('readouts').textContent()).toContain(CANARY);

    for (const seat of ['ua-team', 'mediator', 'witkoff']) {
      const other = await as(seat);
      await openRound(other, kremlin.id);
      await other.getByTestId('public-readout').waitFor();
      expect(await other.content(), seat).not.toContain('Russia-only readout canary');
      // The demo's own Russian readout (party-only) is not theirs to see either.
      expect(await other.content(), seat).not.toContain('the President confirmed to his negotiators');
    }
  });

  it('the round page and the timeline in Urdu: right-to-left, mirrored, accessible', async () => {
    const page = await as('mediator');
    const context = page.context();
    const kremlin = await roundByTitle(context, 'Talks in the Kremlin');
    await openRound(page, kremlin.id);
    expect(await page.getByTestId('round-nda-marker').textContent()).toContain('The sides agreed not to disclose what was discussed.');
    // The mediator sees Washington's readout shared with the mediator.
    expect(await page.getByTestId('readouts').textContent()).toContain('Moscow open on non-aggression');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'round-en');

    await switchLanguage(page, 'ur');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe('کریملن میں مذاکرات');
    expect(await page.getByTestId('round-nda-marker').textContent()).toContain('رازداری کے عہد کے تحت منعقد ہوا۔');
    // English readout text inside the Urdu page keeps its own direction.
    expect(await page.getByTestId('readouts').locator('p[lang=en]').first().getAttribute('dir')).toBe('ltr');
    expect(await axeViolations(page)).toEqual([]);

    await openRounds(page);
    expect(await page.locator('h1').textContent()).toBe('مذاکراتی دور');
    // The timeline's line is on the inline start: the right edge in Urdu.
    const day = page.locator('.rd-timeline-day').first();
    const { border, dayRight, pageWidth } = await day.evaluate((el) => ({
      border: getComputedStyle(el).borderRightWidth, dayRight: el.getBoundingClientRect().right, pageWidth: document.documentElement.clientWidth,
    }));
    expect(border).toBe('2px');
    expect(dayRight).toBeGreaterThan(pageWidth / 2);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'rounds-ur');

    // Tablet width: nothing spills sideways.
    await page.setViewportSize({ width: 768, height: 900 });
    await switchLanguage(page, 'en');
    for (const path of [`/n/${N}/rounds`, `/n/${N}/rounds/${kremlin.id}`]) {
      await page.goto(path);
      await page.locator('h1').waitFor();
      const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
      expect(wide, path).toEqual([]);
    }
  });
});
