/**
 * Importing a document as the next version, in real Chromium. The document is built from the
 * demo's working text as the API gives it (so it stays valid as the demo changes): one point
 * kept, two merged, one split in two, one dropped, one reworded, one new, the rest renumbered.
 * The mediator uploads it, reads the preview (each kind with its badge, redlines), imports it
 * and lands on the new version, whose comparison says where each point came from; in Urdu too,
 * with a working text changed between preview and import (409, then "preview again"). A party
 * seat has no import card. axe is clean throughout; screenshots in docs/screenshots/version-import-*.png
 * (the card in English and Urdu, and the comparison that follows an import).
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID as N } from '../../src/demo/scenario.ts';
import { chromiumPath, newContext } from './support/chromium.ts';
import { demoBrowser } from './support/demo-browser.ts';
import { SCREENSHOTS, axeViolations, screenshot, signIn } from './support/pages.ts';

const API = `/api/negotiations/${N}`;
const NEW_POINT = 'The parties establish a joint commission on the return of cultural property removed during the war.';
const ANOTHER_POINT = 'A direct line between the defence ministries is kept open at all times.';

interface Point { id: string; number: string; order: number; texts: Record<string, string> }

async function apiAs(context: BrowserContext) {
  const me = await (await context.request.get('/api/auth/me')).json() as { csrfToken: string };
  return {
    get: async <T,>(path: string): Promise<T> => {
      const res = await context.request.get(path);
      expect(res.status(), path).toBe(200);
      return await res.json() as T;
    },
    post: async (path: string, data: unknown) => {
      const res = await context.request.post(path, { data, headers: { 'x-csrf-token': me.csrfToken } });
      expect(res.status(), await res.text()).toBe(201);
    },
  };
}

/** The demo marks its texts illustrative in a prefix; a merged or split piece carries it once. */
const body = (text: string) => text.replace(/^\[[^\]]*\]\s*/u, '');

/**
 * A revision of the working text (English): what it becomes and which old numbers should show
 * as merged (into the new point 2) and split.
 */
function revise(points: Point[], added: string) {
  const en = points.map((p) => p.texts.en!);
  // The longest remaining point is the one split: its words halved at a word boundary.
  const rest = [3, 4, 5, 6].sort((a, b) => en[b]!.length - en[a]!.length);
  const split = rest[0]!;
  const dropped = rest.find((i) => i !== split)!;
  const words = [...new Intl.Segmenter('en', { granularity: 'word' }).segment(body(en[split]!))].map((s) => s.segment);
  const half = words.findIndex((w, i) => i >= words.length / 2 && w.trim() === '');
  const first = words.slice(0, half).join('').replace(/[;,]\s*$/u, '');
  const second = words.slice(half + 1).join('');
  const out: string[] = [en[0]!, `${en[1]!} ${body(en[2]!)}`];
  for (let i = 3; i < en.length; i++) {
    if (i === dropped) continue;
    if (i === split) out.push(`${first}.`, second.charAt(0).toUpperCase() + second.slice(1));
    else if (i === en.length - 1) out.push(en[i]!.replace(/\.$/u, ', reporting to the parties every three months.'));
    else out.push(en[i]!);
  }
  out.push(added);
  return {
    text: out.map((t, i) => `${i + 1}. ${t}`).join('\n\n') + '\n',
    merged: [points[1]!.number, points[2]!.number], split: points[split]!.number, dropped: points[dropped]!.number,
  };
}

const pointsOf = async (context: BrowserContext) =>
  (await (await apiAs(context)).get<{ items: Point[] }>(`${API}/points`)).items.sort((a, b) => a.order - b.order);

async function openVersions(page: Page) {
  await page.goto(`/n/${N}/versions`);
  await page.getByTestId('version').first().waitFor();
}

async function upload(card: Locator, name: string, text: string) {
  await card.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await expect.poll(() => card.getByTestId('import-preview').isEnabled()).toBe(true);
  await card.getByTestId('import-preview').click();
  await card.getByTestId('import-result').waitFor();
}

/** The card alone, after the web fonts are in. */
async function shoot(page: Page, card: Locator, name: string) {
  await page.evaluate(async () => { await document.fonts.ready; });
  await card.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

const kinds = async (card: Locator) => new Set(await card.getByTestId('import-link').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))));

describe.skipIf(!chromiumPath)('versions: importing a document as the next version', () => {
  const demo = demoBrowser();

  it('the mediator previews a revised plan (every kind of lineage, redlines), imports it and compare says where points came from', async () => {
    const page = await demo.as('mediator');
    const points = await pointsOf(page.context());
    const doc = revise(points, NEW_POINT);
    await openVersions(page);
    const before = await page.getByTestId('version').count();
    const card = page.getByTestId('import-document');
    expect(await card.locator('h3').textContent()).toBe('Import a document as the next version');
    // A file the server cannot use: its own sentence, shown where the mediator is looking.
    await card.getByTestId('import-file').setInputFiles({ name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Minutes of the meeting.\nThe delegations exchanged views.\n') });
    await expect.poll(() => card.getByTestId('import-preview').isEnabled()).toBe(true);
    await card.getByTestId('import-preview').click();
    await expect.poll(() => card.getByRole('alert').textContent()).toContain('No numbered points found in minutes.txt');
    expect(await card.getByTestId('import-submit').count()).toBe(0);
    await upload(card, 'plan-revised.txt', doc.text);
    expect(await card.getByRole('alert').count()).toBe(0);

    const counts = await card.getByTestId('import-counts').textContent();
    for (const k of ['changed', 'renumbered', 'merged', 'split', 'added', 'removed']) expect(counts).toContain(k);
    expect(await card.getByTestId('import-summary').textContent()).toContain(`points read from plan-revised.txt (plain text, English)`);
    // Only changes by default: the unchanged first point is hidden until asked for.
    expect(await kinds(card)).toEqual(new Set(['changed', 'renumbered', 'merged', 'split', 'added', 'removed']));
    await card.getByTestId('import-only-changes').uncheck();
    expect((await kinds(card)).has('unchanged')).toBe(true);
    await card.getByTestId('import-only-changes').check();

    const merged = card.locator('[data-testid=import-link][data-kind=merged]');
    expect(await merged.count()).toBe(2);
    expect(await merged.first().textContent()).toContain(`Points ${doc.merged[0]} and ${doc.merged[1]} become point 2.`);
    // The merged text redlined against each source, in the document's language.
    expect(await merged.first().locator('.redline').getAttribute('lang')).toBe('en');
    expect(await merged.first().locator('ins').count()).toBeGreaterThan(0);
    expect(await merged.first().locator('.badge').textContent()).toBe('Merged');
    expect(await merged.first().textContent()).toMatch(/\d+% alike/u);
    const split = card.locator('[data-testid=import-link][data-kind=split]');
    expect(await split.count()).toBe(2);
    expect(await split.first().textContent()).toContain(`Point ${doc.split} becomes points`);
    const added = card.locator('[data-testid=import-link][data-kind=added]');
    expect(await added.textContent()).toContain(NEW_POINT);
    expect(await added.textContent()).not.toContain('alike');
    const removed = card.locator('[data-testid=import-link][data-kind=removed]');
    expect(await removed.locator('h3, p').first().textContent()).toContain(`Point ${doc.dropped} (removed)`);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, card, 'version-import-en');

    await card.getByLabel('Name of the version').fill('Imported revision');
    await card.getByTestId('import-submit').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('plan-revised.txt');
    await dialog.getByRole('button', { name: 'Import it' }).click();
    await page.getByTestId('created-notice').waitFor();
    expect(await page.getByTestId('created-notice').textContent()).toContain('Imported revision has been created.');
    expect(await page.getByTestId('version').count()).toBe(before + 1);
    // The card is ready for the next document.
    expect(await card.getByTestId('import-result').count()).toBe(0);

    await page.getByTestId('created-notice').getByRole('link').click();
    await page.getByTestId('compare-summary').waitFor();
    expect(await page.getByTestId('imported-note').textContent()).toMatch(/^Imported from plan-revised\.txt \(plain text\) by Mediator's office on .+\./u);
    const lineage = await page.getByTestId('lineage').allTextContents();
    expect(lineage).toContain(`Merged from points ${doc.merged[0]} and ${doc.merged[1]}`);
    expect(lineage.some((l) => l.startsWith(`Split into points`) || l === `Split from point ${doc.split}`)).toBe(true);
    // The point merged away is shown removed, with where it went.
    const gone = page.locator('[data-testid=compared-point][data-status=removed]').filter({ has: page.getByTestId('lineage') });
    expect(await gone.getByTestId('lineage').textContent()).toBe('Merged into point 2');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'version-import-compare-en');
  });

  it('in Urdu: the preview mirrors; a text changed after the preview is refused and previewed again; the import lands', async () => {
    const context = await newContext(demo.browser, demo.server.url, { lang: 'ur' });
    const page = await signIn(context, 'mediator');
    const doc = revise(await pointsOf(context), ANOTHER_POINT);
    await openVersions(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const card = page.getByTestId('import-document');
    expect(await card.locator('h3').textContent()).toBe('دستاویز کو اگلے مسودے کے طور پر درآمد کریں');
    await upload(card, 'plan-ur-ui.txt', doc.text);
    expect(await card.locator('[data-testid=import-link][data-kind=merged] .badge').first().textContent()).toBe('ضم شدہ');
    expect(await card.locator('[data-testid=import-link][data-kind=split] .badge').first().textContent()).toBe('تقسیم شدہ');
    // The English text keeps its own direction inside the right-to-left page.
    expect(await card.locator('[data-testid=import-link] .redline').first().getAttribute('dir')).toBe('ltr');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, card, 'version-import-ur');

    // Someone edits the working text after the preview: the import is refused, nothing recorded.
    await (await apiAs(context)).post(`${API}/points`, { texts: { en: 'A point added while the mediator was reading the preview.' } });
    const before = await page.getByTestId('version').count();
    await card.getByTestId('import-submit').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByRole('button', { name: 'درآمد کریں' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('preview it again');
    await dialog.getByTestId('import-preview-again').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // The new preview knows the added point, which the document does not have.
    await expect.poll(() => card.locator('[data-testid=import-link][data-kind=removed]').count()).toBe(2);
    await card.getByTestId('import-submit').click();
    await dialog.getByRole('button', { name: 'درآمد کریں' }).click();
    await page.getByTestId('created-notice').waitFor();
    expect(await page.getByTestId('version').count()).toBe(before + 1);
    await page.getByTestId('created-notice').getByRole('link').click();
    await page.getByTestId('compare-summary').waitFor();
    expect(await page.getByTestId('lineage').allTextContents()).toContain(`نکات ${doc.merged[0]} اور ${doc.merged[1]} کو ملا کر بنا`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a party seat has no import card', async () => {
    const page = await demo.as('ua-team');
    await openVersions(page);
    expect(await page.getByTestId('import-document').count()).toBe(0);
    expect(await page.getByTestId('freeze-working-text').count()).toBe(0);
  });
});
