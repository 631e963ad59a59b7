/**
 * The versions pages in real Chromium: the demo's timeline, comparing v1 with v2 inline and
 * side by side (renumbering and word changes visible), a party's amendment accepted by the
 * mediator into a new version, a principal initialing it (and a negotiator who cannot), and
 * axe on both pages in English and Urdu.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID as N } from '../../src/demo/scenario.ts';
import { chromiumPath, newContext } from './support/chromium.ts';
import { demoBrowser } from './support/demo-browser.ts';
import { axeViolations, screenshot, signIn, switchLanguage } from './support/pages.ts';

interface VersionRow { id: string; seqNo: number; label: string; contentHash: string; initials: { partyId: string }[] }

async function apiAs(context: BrowserContext) {
  const me = await (await context.request.get('/api/auth/me')).json() as { csrfToken: string };
  return {
    get: async <T>(path: string): Promise<T> => {
      const res = await context.request.get(path);
      expect(res.status(), path).toBe(200);
      return await res.json() as T;
    },
    post: async (path: string, data: unknown) => context.request.post(path, { data, headers: { 'x-csrf-token': me.csrfToken } }),
  };
}

const versionsOf = async (context: BrowserContext) =>
  (await (await apiAs(context)).get<{ items: VersionRow[] }>(`/api/negotiations/${N}/versions`)).items.sort((a, b) => a.seqNo - b.seqNo);

/** The text of every match (a redline may split a change into several ins/del). */
const joined = async (l: Locator) => (await l.allTextContents()).join(' ');

async function openVersions(page: Page) {
  await page.goto(`/n/${N}/versions`);
  await page.getByTestId('version').first().waitFor();
}

describe.skipIf(!chromiumPath)('versions: the timeline, comparing, accepting amendments, initialing', () => {
  const demo = demoBrowser();


  it('lists the demo versions newest first, with points, amendments and initials; compares v1 with v2 inline and side by side', async () => {
    const context = await newContext(demo.browser, demo.server.url);
    const page = await signIn(context, 'mediator');
    await openVersions(page);
    const cards = page.getByTestId('version');
    expect(await cards.count()).toBe(3);
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-seq')))).toEqual(['3', '2', '1']);
    const v2 = page.locator('[data-testid=version][data-seq="2"]');
    expect(await v2.locator('h2').textContent()).toContain('v2 (revised after Florida)');
    expect(await v2.textContent()).toContain('11 points');
    expect(await v2.locator('summary').textContent()).toBe('3 accepted amendments');
    expect(await v2.getByTestId('initials').locator('li').count()).toBe(4);
    expect(await v2.getByTestId('initials').textContent()).toContain('not initialed');
    // The mediator is no party principal: no initial button anywhere.
    expect(await page.getByTestId('initial-button').count()).toBe(0);
    // The export is a download link with the format the API expects.
    expect(await v2.getByRole('link', { name: 'Download (Markdown)' }).getAttribute('href')).toMatch(/\/export\?format=md&lang=en$/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'versions-en');

    // Select two versions, compare.
    await v2.getByRole('checkbox').check();
    await page.locator('[data-testid=version][data-seq="1"]').getByRole('checkbox').check();
    await page.getByTestId('compare-selected').click();
    await page.waitForURL(/\/versions\/compare\?a=.*&b=/);
    await page.getByTestId('compare-summary').waitFor();
    const summary = await page.getByTestId('compare-summary').locator('.compare-summary-line').textContent();
    expect(summary).toMatch(/^2 points changed, 1 removed, 3 renumbered; \d+ words inserted, \d+ deleted$/);

    // The armed-forces point: its old and new ceiling as a deletion and an insertion.
    const armed = page.getByTestId('compared-point').filter({ hasText: 'Armed Forces of Ukraine' });
    expect(await armed.getAttribute('data-status')).toBe('changed');
    expect(await joined(armed.locator('del'))).toContain('600,000');
    expect(await joined(armed.locator('ins'))).toContain('800,000');
    const removed = page.locator('[data-testid=compared-point][data-status=removed]');
    expect(await removed.locator('h3').textContent()).toBe('Point 9 (removed)');
    expect(await joined(removed.locator('del'))).toContain('Frozen Russian assets');
    const peace = page.getByTestId('compared-point').filter({ hasText: 'Peace Council' });
    expect(await peace.locator('h3').textContent()).toBe('Point 12 → 11');
    expect(await peace.textContent()).toContain('Renumbered');
    // Sections are carried through as headings.
    expect(await page.locator('.compare-section h2').allTextContents()).toEqual(['Sovereignty and security', 'Territory', 'Economy and reconstruction', 'Humanitarian questions and implementation']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'compare-en');

    // Only changes: the unchanged points go, the renumbered ones stay.
    const all = await page.getByTestId('compared-point').count();
    await page.getByTestId('only-changes').check();
    await expect.poll(() => page.getByTestId('compared-point').count()).toBe(6);
    expect(all).toBe(12);

    // Side by side, reached from the keyboard: the old text on one side, the new on the other.
    await page.getByTestId('mode-inline').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/mode=side-by-side/);
    const columns = armed.locator('.redline-columns .redline');
    await expect.poll(() => columns.count()).toBe(2);
    expect(await columns.nth(0).textContent()).toContain('600,000');
    expect(await columns.nth(0).locator('ins').count()).toBe(0);
    expect(await columns.nth(1).textContent()).toContain('800,000');
    expect(await columns.nth(1).locator('del').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'compare-side-by-side-en');

    // Swap: the same comparison read backwards.
    await page.getByTestId('swap').click();
    await expect.poll(() => page.locator('[data-testid=compared-point][data-status=added]').count()).toBe(1);

    // Another language of the text: the Russian redline.
    await page.getByTestId('text-language').selectOption('ru');
    await expect.poll(() => armed.count()).toBe(0);
    const armedRu = page.getByTestId('compared-point').filter({ hasText: 'Вооружённых сил' });
    expect(await armedRu.locator('.redline').first().getAttribute('lang')).toBe('ru');

    // At tablet width nothing spills sideways, on either page.
    await page.setViewportSize({ width: 768, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await openVersions(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await context.close();
  });

  it('in Urdu both pages mirror and pass axe', async () => {
    const context = await newContext(demo.browser, demo.server.url, { lang: 'ur' });
    const page = await signIn(context, 'ua-head');
    await openVersions(page);
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ur']);
    expect(await page.locator('h1').textContent()).toBe('مسودے');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'versions-ur');

    const versions = await versionsOf(context);
    await page.goto(`/n/${N}/versions/compare?a=${versions[0]!.id}&b=${versions[1]!.id}&lang=ur`);
    await page.getByTestId('compare-summary').waitFor();
    expect(await page.locator('h1').textContent()).toBe('مسودوں کا موازنہ');
    const armed = page.getByTestId('compared-point').filter({ hasText: 'مسلح افواج' });
    expect(await joined(armed.locator('ins'))).toContain('800,000');
    expect(await armed.locator('.redline').first().getAttribute('dir')).toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'compare-ur');
    await switchLanguage(page, 'en');
    await context.close();
  });

  it("the mediator accepts a party's amendment from the versions page: a new version, which compare shows", async () => {
    // A US negotiator drafts and proposes an amendment through the API.
    const party = await newContext(demo.browser, demo.server.url);
    await (await signIn(party, 'witkoff')).close();
    const api = await apiAs(party);
    const overview = await api.get<{ membership: { partyId: string } }>(`/api/negotiations/${N}`);
    const points = (await api.get<{ items: { id: string; number: string; texts: Record<string, string> }[] }>(`/api/negotiations/${N}/points`)).items;
    const council = points.find((p) => p.texts.en?.includes('Peace Council'))!;
    const drafted = await api.post(`/api/negotiations/${N}/amendments`, {
      partyId: overview.membership.partyId, kind: 'replace', pointId: council.id, proposeTo: 'mediator',
      texts: { en: council.texts.en!.replace('chaired by the President of the United States', 'chaired jointly by the United States and the United Nations') },
      justification: 'Browser test: a shared chair for the Peace Council.',
    });
    expect(drafted.status()).toBe(201);
    await party.close();

    const context = await newContext(demo.browser, demo.server.url);
    const page = await signIn(context, 'mediator');
    await openVersions(page);
    const choice = page.getByTestId('amendment-choice').filter({ hasText: 'a shared chair for the Peace Council' });
    expect(await choice.textContent()).toContain(`replace the text of point ${council.number}`);
    // The European replacement of the Donbas point predates v2's: flagged before anyone tries it.
    expect(await page.getByTestId('amendment-choice').filter({ hasText: 'line of contact, not from withdrawal' }).textContent()).toContain('older text');
    expect(await page.getByTestId('accept-selected').isDisabled()).toBe(true);
    await choice.getByRole('checkbox').check();
    const preview = page.getByTestId('accept-preview');
    expect(await joined(preview.locator('ins'))).toContain('jointly');
    await page.getByLabel('Name of the version').first().fill('v4 (shared chair)');
    await page.getByTestId('accept-selected').click();
    const dialog = page.getByTestId('accept-dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Create the version' }).click();
    await page.getByTestId('created-notice').waitFor();
    expect(await page.getByTestId('created-notice').textContent()).toContain('v4 (shared chair) has been created.');
    expect(await page.getByTestId('version').first().getAttribute('data-seq')).toBe('4');
    expect(await page.getByTestId('version').first().locator('summary').textContent()).toBe('1 accepted amendment');
    // The accepted amendment is no longer waiting.
    expect(await page.getByTestId('amendment-choice').filter({ hasText: 'a shared chair for the Peace Council' }).count()).toBe(0);

    // Freezing the working text now would record nothing new: the server says so, in the dialog.
    await page.getByTestId('freeze').click();
    const freeze = page.getByTestId('freeze-dialog');
    await freeze.getByRole('button', { name: 'Freeze it' }).click();
    await expect.poll(() => freeze.getByRole('alert').textContent()).toContain('has not changed since v4 (shared chair)');
    await freeze.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('version').count()).toBe(4);

    await page.getByTestId('created-notice').getByRole('link').click();
    await page.getByTestId('compare-summary').waitFor();
    expect(await page.getByTestId('compare-summary').locator('.compare-summary-line').textContent()).toMatch(/^1 point changed; \d+ words inserted, \d+ deleted$/);
    const changed = page.locator('[data-testid=compared-point][data-status=changed]');
    expect(await changed.count()).toBe(1);
    expect(await joined(changed.locator('ins'))).toContain('jointly');
    await context.close();
  });

  it('a principal initials a version for the party, quoting its hash; a negotiator has no such button', async () => {
    const versions = await (async () => {
      const c = await newContext(demo.browser, demo.server.url);
      await (await signIn(c, 'ua-head')).close();
      const v = await versionsOf(c);
      await c.close();
      return v;
    })();
    const newest = versions.at(-1)!;

    const context = await newContext(demo.browser, demo.server.url);
    const page = await signIn(context, 'ua-head');
    await openVersions(page);
    const card = page.locator(`[data-testid=version][data-seq="${newest.seqNo}"]`);
    await card.getByTestId('initial-button').click();
    const dialog = page.getByTestId('initial-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('initial-hash').textContent()).toBe(newest.contentHash);
    expect(await dialog.textContent()).toContain('It is not a signature');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Initial for Ukraine' }).click();
    await expect.poll(() => card.getByTestId('initials').locator('[data-party=Ukraine]').textContent()).toContain('hash matches');
    expect(await card.getByTestId('initials').locator('[data-party=Ukraine]').textContent()).toContain('initialed by Head of the Ukrainian delegation');
    expect(await card.getByTestId('initial-button').count()).toBe(0);
    // Older versions can still be initialed; the newest shows the initial in the record.
    expect(await page.locator('[data-testid=version][data-seq="1"]').getByTestId('initial-button').count()).toBe(1);
    const after = await versionsOf(context);
    expect(after.at(-1)!.initials).toHaveLength(1);
    await context.close();

    const negotiator = await newContext(demo.browser, demo.server.url);
    const p2 = await signIn(negotiator, 'ua-team');
    await openVersions(p2);
    expect(await p2.getByTestId('initial-button').count()).toBe(0);
    expect(await p2.locator(`[data-testid=version][data-seq="${newest.seqNo}"]`).getByTestId('initials').locator('[data-party=Ukraine]').textContent()).toContain('hash matches');
    // Nor does the mediator's panel appear for a party.
    expect(await p2.getByTestId('accept-amendments').count()).toBe(0);
    // And the server refuses a negotiator's initial anyway.
    const api = await apiAs(negotiator);
    const refused = await api.post(`/api/negotiations/${N}/versions/${versions[0]!.id}/initials`, { contentHash: versions[0]!.contentHash });
    expect(refused.status()).toBe(403);
    await negotiator.close();
  });
});
