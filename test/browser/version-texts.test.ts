/**
 * A version's authentic texts side by side in real Chromium: a column per language with its
 * own lang/dir, the languages chosen in the address, a missing translation said in its cell,
 * a translation left pending by an English edit badged in the version that froze it, a
 * smuggled bidi control flagged where the text is shown; in English and in Urdu, axe clean.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID as N } from '../../src/demo/scenario.ts';
import { chromiumPath } from './support/chromium.ts';
import { demoBrowser } from './support/demo-browser.ts';
import { axeViolations, screenshot, switchLanguage } from './support/pages.ts';

interface PointRow { id: string; number: string; texts: Record<string, string>; revision: number }

async function api(page: Page) {
  const me = await (await page.context().request.get('/api/auth/me')).json() as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    points: async () => ((await (await page.context().request.get(`/api/negotiations/${N}/points`)).json()) as { items: PointRow[] }).items,
    patch: (path: string, data: unknown) => page.context().request.patch(path, { data, headers }),
    post: (path: string, data: unknown) => page.context().request.post(path, { data, headers }),
  };
}

describe.skipIf(!chromiumPath)('a version\'s languages side by side', () => {
  const demo = demoBrowser();
  let versionId = '';

  it('shows every language with text as a column, says what is missing, and keeps the choice in the address', async () => {
    const page = await demo.as('mediator');
    // An English edit leaves the Urdu and Russian of point 1 pending; a bidi override rides along in point 2.
    const client = await api(page);
    const [first, second] = await client.points();
    expect((await client.patch(`/api/negotiations/${N}/points/${first!.id}`, { texts: { ...first!.texts, en: `${first!.texts.en!} It is guaranteed by the parties.` }, basedOn: first!.revision })).status()).toBe(200);
    expect((await client.patch(`/api/negotiations/${N}/points/${second!.id}`, { texts: { ...second!.texts, en: `${second!.texts.en!}\u202E` }, basedOn: second!.revision })).status()).toBe(200);
    const made = await client.post(`/api/negotiations/${N}/versions`, { label: 'Languages check' });
    expect(made.status()).toBe(201);
    versionId = ((await made.json()) as { id: string }).id;

    await page.goto(`/n/${N}/versions`);
    await page.getByTestId('version').first().getByTestId('version-texts').click();
    await page.waitForURL(new RegExp(`/versions/${versionId}$`, 'u'));
    const table = page.getByTestId('texts-table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['Point', 'English', 'Urdu', 'Russian']);
    // Ukrainian has no text in the demo: not a column by default, and its coverage says so.
    expect(await page.locator('[data-testid=coverage][data-lang=uk]').textContent()).toBe('0 of 14 points');
    const urdu = table.locator('tbody tr').first().locator('td[data-lang=ur] p');
    expect([await urdu.getAttribute('lang'), await urdu.getAttribute('dir')]).toEqual(['ur', 'rtl']);

    const row1 = table.locator('tbody tr').first();
    expect(await row1.locator('[data-testid=pending]').count()).toBe(2);
    expect(await row1.locator('td[data-lang=en] [data-testid=pending]').count()).toBe(0);
    const flagged = table.locator('tbody tr').nth(1).locator('td[data-lang=en] [data-testid=text-flags]');
    expect(await flagged.locator('li').getAttribute('data-code-point')).toBe('U+202E');

    await page.locator('input[data-lang=uk]').check();
    await page.waitForURL(/langs=en%2Cur%2Cru%2Cuk|langs=en,ur,ru,uk/u);
    expect(await table.locator('thead th').count()).toBe(5);
    expect(await table.locator('td[data-lang=uk] [data-testid=missing]').count()).toBe(14);
    expect(await table.locator('td[data-lang=uk] [data-testid=missing]').first().textContent()).toBe('No Ukrainian text');
    await page.locator('input[data-lang=ru]').uncheck();
    await page.locator('input[data-lang=uk]').uncheck();
    expect(await table.locator('thead th').allTextContents()).toEqual(['Point', 'English', 'Urdu']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'version-texts-en');

    await switchLanguage(page, 'ur');
    expect(await page.locator('h1').textContent()).toContain('زبانیں ساتھ ساتھ');
    expect(await table.locator('thead th').first().textContent()).toBe('نکتہ');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'version-texts-ur');
    await switchLanguage(page, 'en');
  });

  it('is open to a party that may see the version, with the same texts', async () => {
    const page = await demo.as('ua-team');
    await page.goto(`/n/${N}/versions/${versionId}?langs=ru`);
    const table = page.getByTestId('texts-table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['Point', 'Russian']);
    expect(await table.locator('tbody tr').count()).toBe(14);
  });
});
