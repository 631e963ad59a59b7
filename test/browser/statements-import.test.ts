/**
 * Importing a news report in real Chromium, as the mediator: the seed report uploaded as a
 * file in the English UI, and an excerpt of it pasted in the Urdu UI. The quotations are
 * listed with their speakers resolved and a stance suggested from their words; the reviewer
 * accepts some, fixes one, and they appear in the feed, each linking back to its line of the
 * report. axe finds nothing serious; screenshots go to docs/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID as N } from '../../src/demo/scenario.ts';
import { chromiumPath } from './support/chromium.ts';
import { demoBrowser } from './support/demo-browser.ts';
import { axeViolations, screenshot, switchLanguage } from './support/pages.ts';

const SEED = fileURLToPath(new URL('../../src/demo/seed/000_d5d1f4a12c482239.txt', import.meta.url));
/** Quote 7 of the seed's key (line 6): "more or less acceptable, but they need to be discussed". */
const Q7 = 'کچھ امریکی تجاویز کم و بیش قابل قبول';

async function candidates(page: Page, n: number) {
  await page.waitForFunction((want) => document.querySelectorAll('[data-testid=candidate]').length === want, n);
}

/** The chosen file is read into the text box. */
async function waitForText(page: Page) {
  await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('[data-testid=ir-text]')?.value.length ?? 0) > 100);
}

describe.skipIf(!chromiumPath)('importing a news report', () => {
  const demo = demoBrowser();

  it('uploads the seed report, lists its 13 quotations with speakers and suggested stances, and records the accepted ones (English UI)', async () => {
    const page = await demo.as('mediator');
    await page.goto(`/n/${N}/statements`);
    await page.getByTestId('import-report').click();
    await page.getByTestId('ir-text').waitFor();
    await page.getByTestId('ir-file').setInputFiles(SEED);
    await waitForText(page);
    await page.getByTestId('ir-title').fill('Moscow talks: five hours, no compromise yet');
    await page.getByTestId('ir-publisher').fill('An Urdu daily');
    await page.getByTestId('ir-url').fill('https://example.org/moscow-talks');
    await page.getByTestId('ir-date').fill('2025-12-03');
    await page.getByTestId('ir-preview').click();
    await candidates(page, 13);
    expect(await page.getByTestId('ir-found').textContent()).toContain('13 quotations found in the Urdu text');

    const cards = page.getByTestId('candidate');
    // Quotes keep their own language and direction inside the English page.
    const quote = cards.first().locator('blockquote');
    expect(await quote.getAttribute('lang')).toBe('ur');
    expect(await quote.getAttribute('dir')).toBe('rtl');
    // Speakers resolve to the negotiation's persons, names in any script.
    const people = await cards.locator('[data-testid=candidate-person] option:checked').allTextContents();
    expect(new Set(people)).toEqual(new Set(['Yuri Ushakov — Russia', 'Vladimir Putin — Russia']));
    // The demo already holds these quotations: each is flagged and starts unaccepted.
    expect(await page.getByTestId('candidate-duplicate').count()).toBe(13);
    expect(await page.getByTestId('candidate-accept').evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).length)).toBe(0);

    // Quote 7: the stance is suggested from its words ("needs discussion", from the reservation).
    const q7 = cards.filter({ hasText: Q7 });
    expect(await q7.getByTestId('candidate-stance').inputValue()).toBe('discuss');
    expect(await q7.getByTestId('candidate-suggestion').textContent()).toContain('Needs discussion');
    await q7.getByTestId('candidate-accept').check();
    await q7.locator('[data-testid^=candidate-point-]').first().check();
    await q7.locator('summary').click();
    await q7.locator('textarea').fill('Some American proposals seem more or less acceptable, but they need to be discussed.');
    // Putin's "absolutely unacceptable": a rejection, found through the negation in ناقابل.
    const unacceptable = cards.filter({ hasText: 'ناقابل قبول' });
    expect(await unacceptable.getByTestId('candidate-stance').inputValue()).toBe('reject');
    await unacceptable.getByTestId('candidate-accept').check();
    // The reviewer fixes a speaker: the first quotation is said to be Putin's.
    await cards.first().getByTestId('candidate-accept').check();
    await cards.first().getByTestId('candidate-person').selectOption({ label: 'Vladimir Putin — Russia' });

    expect(await page.getByTestId('ir-record').textContent()).toBe('Record 3 statements');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'statements-import-en');

    await page.getByTestId('ir-record').click();
    await page.getByTestId('imported-notice').waitFor();
    expect(await page.getByTestId('imported-notice').textContent()).toContain('3 statements were recorded');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=statement]').length === 3);
    const feed = page.getByTestId('statement');
    expect(await feed.filter({ hasText: Q7 }).locator('.rd-translation').textContent()).toContain('need to be discussed');
    expect(await feed.first().textContent()).toContain('Vladimir Putin');
    expect(await page.getByTestId('filter-report').locator('option:checked').textContent()).toBe('Moscow talks: five hours, no compromise yet');

    // A statement leads back to its line of the report.
    await feed.filter({ hasText: Q7 }).getByTestId('report-line').click();
    await page.getByTestId('report-lines').waitFor();
    expect(page.url()).toContain('#line-6');
    expect(await page.locator('#line-6').textContent()).toContain(Q7);
    expect(await page.getByTestId('report-lines').getAttribute('dir')).toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'statements-report-en');

    // The same report a second time is refused with a clear message.
    await page.goto(`/n/${N}/statements/import`);
    await page.getByTestId('ir-file').setInputFiles(SEED);
    await waitForText(page);
    await page.getByTestId('ir-preview').click();
    await candidates(page, 13);
    expect(await page.getByTestId('ir-already').count()).toBe(1);
    await page.getByTestId('candidate-accept').first().check();
    await page.getByTestId('ir-record').click();
    expect(await page.locator('.import-review [role=alert]').first().textContent()).toContain('already imported');
  });

  it('corrects an imported statement in the feed', async () => {
    const page = await demo.as('mediator');
    await page.goto(`/n/${N}/statements?person=`);
    await page.getByTestId('statements-count').waitFor();
    const card = page.getByTestId('statement').filter({ hasText: Q7 }).first();
    await card.getByTestId('edit-statement').click();
    await card.getByTestId('edit-stance').selectOption('accept');
    await card.getByTestId('edit-save').click();
    await card.getByTestId('statement-edit').waitFor({ state: 'detached' });
    expect(await card.locator('.statement-stance').textContent()).toContain('Accept');
  });

  it('suggests a stance while a statement is typed by hand, and leaves the choice to the writer', async () => {
    const page = await demo.as('mediator');
    await page.goto(`/n/${N}/statements`);
    await page.getByTestId('add-statement').click();
    await page.getByTestId('st-lang').selectOption('ru');
    await page.getByTestId('st-quote').fill('Такие условия для нас не приемлемы.');
    expect(await page.getByTestId('st-suggestion').textContent()).toContain('Reject');
    expect(await page.getByTestId('st-stance').inputValue()).toBe('');
    await page.getByTestId('st-use-suggestion').click();
    expect(await page.getByTestId('st-stance').inputValue()).toBe('reject');
    await page.getByTestId('st-quote').fill('Это красная линия.');
    expect(await page.getByTestId('st-suggestion').textContent()).toContain('Red line');
    expect(await page.getByTestId('st-stance').inputValue()).toBe('reject');
  });

  it('pastes an excerpt in the Urdu UI: the page mirrors, the quotations and suggestions are listed, and the accepted one is recorded', async () => {
    const page = await demo.as('mediator', 'mediator-ur');
    await page.goto(`/n/${N}/statements/import`);
    await switchLanguage(page, 'ur');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const excerpt = readFileSync(SEED, 'utf8').split('\n').slice(0, 7).join('\n');
    await page.getByTestId('ir-text').fill(excerpt);
    await page.getByTestId('ir-lang').selectOption('ur');
    await page.getByTestId('ir-title').fill('ماسکو مذاکرات (اقتباس)');
    await page.getByTestId('ir-date').fill('2025-12-03');
    await page.getByTestId('ir-preview').click();
    await page.getByTestId('candidate').first().waitFor();
    const n = await page.getByTestId('candidate').count();
    expect(n).toBeGreaterThanOrEqual(7);
    expect(await page.getByTestId('candidate').filter({ hasText: Q7 }).getByTestId('candidate-stance').inputValue()).toBe('discuss');
    await page.getByTestId('candidate').filter({ hasText: 'مفید، تعمیری اور اہم' }).getByTestId('candidate-accept').check();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'statements-import-ur');
    await page.getByTestId('ir-record').click();
    await page.getByTestId('imported-notice').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=statement]').length === 1);
    expect(await page.getByTestId('statement').locator('blockquote').textContent()).toBe('مفید، تعمیری اور اہم');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'statements-imported-ur');
  });
});
