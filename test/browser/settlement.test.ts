/**
 * The settlement page in real Chromium over one demo server. The mediator analyses the demo's
 * three-party settlement (parallel coordinates) and shares a suggestion; an observer and a
 * broker's advisor cannot score. Then the mediator defines a two-party space in the editor
 * (meeting a colleague's change in the conflict dialog), two delegations submit through the
 * form (one rating, one ranking with a tie), the mediator analyses (a scatter), shares and
 * builds packages, and a delegation sees its own satisfaction. The mediator's page never
 * carries a raw score. In Urdu the page and the plot mirror, nothing spills sideways, and axe
 * finds nothing serious.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID as N } from '../../src/demo/scenario.ts';
import { chromiumPath } from './support/chromium.ts';
import { demoBrowser } from './support/demo-browser.ts';
import { axeViolations, screenshot, switchLanguage } from './support/pages.ts';

/** Names and labels inside sentences are wrapped in Unicode isolates (U+2068…U+2069); compare without them. */
const plain = (s: string | null) => (s ?? '').replace(/[\u2068\u2069]/g, '');
const textOf = async (l: Locator) => plain(await l.textContent());

async function openSettlement(page: Page) {
  await page.goto(`/n/${N}/settlement`);
  await page.getByTestId('settlement-page').waitFor();
}

/**
 * Which of `secrets` the page carries as a number, and where: every text node (hidden ones
 * included: closed details, the plot's table, SVG titles) and every form field's value,
 * tokenized node by node so neighbouring cells never run together into a number that is not there.
 */
async function secretsOn(page: Page, secrets: readonly string[]): Promise<string[]> {
  return page.evaluate((wanted) => {
    const found: string[] = [];
    const check = (text: string, where: Element | null) => {
      for (const token of text.match(/\d+(?:[.,]\d+)*/g) ?? []) {
        if (wanted.includes(token)) found.push(`${token} in ${where?.outerHTML.slice(0, 160) ?? '?'}`);
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) check(n.textContent ?? '', n.parentElement);
    for (const el of document.querySelectorAll('input, select, textarea')) check((el as HTMLInputElement).value, el);
    return found;
  }, secrets);
}

/** Scores typed below, chosen so that no date, minute, point number or satisfaction figure can equal them. */
const RU = { weights: { port: '73', prisoners: '27' }, port: { open: '91', shared: '67', closed: '6' }, prisoners: { all: '83', phased: '77', none: '12' }, batna: '64' };
const UA = { weights: { port: '62', prisoners: '38' }, prisoners: { all: '97', phased: '89', none: '3' }, batna: '15' };
const SECRETS = ['73', '91', '67', '83', '77', '64', '62', '97', '89'];

const PORT = 'Port access';
const PRISONERS = 'Prisoner exchange';
const OPTIONS = { port: ['Open to all', 'Shared', 'Closed'], prisoners: ['All for all', 'Phased', 'None'] };

const issueScores = (page: Page, issue: string) => page.locator(`[data-testid=issue-scores][data-issue="${issue}"]`);
const optionRow = (page: Page, issue: string, option: string) => issueScores(page, issue).locator(`[data-testid=option-score][data-option="${option}"]`);
const weight = (page: Page, issue: string) => page.locator(`[data-testid=weight][data-issue="${issue}"]`);

async function analyse(page: Page) {
  await page.getByTestId('analyse').click();
  await page.getByTestId('analysis-result').waitFor();
}

describe.skipIf(!chromiumPath)('settlement: issue space, sealed scores, analysis', () => {
  const demo = demoBrowser();

  it("the mediator analyses the demo's three-party settlement: parallel coordinates, suggestions, sharing, the baseline", async () => {
    const page = await demo.as('mediator');
    await openSettlement(page);
    expect(await page.getByTestId('space-issue').count()).toBe(6);
    const submissions = page.getByTestId('submission');
    expect(await submissions.count()).toBe(3);
    expect(await submissions.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Submitted')]));
    expect(await page.getByTestId('stale').count()).toBe(0);
    // The mediator never gets a form to score, nor anyone's scores.
    expect(await page.getByTestId('score-form').count()).toBe(0);
    const history = page.getByTestId('history-row');
    expect(await history.count()).toBe(1);
    expect(await history.first().textContent()).toContain("Mediator's first sketch");
    expect(await history.first().getByTestId('baseline-badge').count()).toBe(1);

    await analyse(page);
    const plot = page.getByTestId('frontier-plot');
    expect(await plot.getAttribute('data-kind')).toBe('parallel');
    expect(await plot.locator('svg title').first().textContent()).toBe('Pareto frontier of the settlement');
    expect(await plot.locator('svg desc').textContent()).toMatch(/Pareto-optimal packages as lines across one axis per party \(Russia, Ukraine, and Ukraine's European allies\)/);
    const cards = page.getByTestId('suggestion');
    const concepts = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-concept')));
    expect(concepts).toEqual(expect.arrayContaining(['nash', 'kalaiSmorodinsky', 'maximin', 'utilitarian']));
    expect(await cards.locator('h4').allTextContents()).toEqual(expect.arrayContaining(['1. Nash bargaining', '3. Egalitarian (leximin)']));
    // Adjusted Winner is for two parties: named with the reason, not silently missing.
    expect(await page.getByTestId('unavailable').textContent()).toContain('Adjusted Winner');
    // Every suggestion is on the plot (suggestions on one spot share a marker) and in its table.
    const markerNumbers = (await plot.locator('.marker-label').allTextContents()).flatMap((l) => l.split(', '));
    expect(markerNumbers.sort()).toEqual(concepts.map((_, i) => String(i + 1)).sort());
    const table = plot.getByTestId('plot-table');
    expect(await table.locator('tbody tr.suggested-row').count()).toBe(concepts.length);
    const frontierSize = Number((/(\d+) packages are Pareto-optimal/.exec(await textOf(page.getByTestId('analysis-result'))) ?? [])[1]);
    expect(await table.locator('tbody tr:not(.suggested-row)').count()).toBe(frontierSize);
    // Each card: the package by option label, every party's satisfaction, how it was found, why.
    const nash = page.locator('[data-testid=suggestion][data-concept=nash]');
    expect(await nash.getByTestId('package-contents').locator('dt').allTextContents()).toEqual([
      'Donbas and the line of contact', 'NATO membership', 'Security guarantees', 'Size of the armed forces', 'Sanctions relief', 'Frozen Russian assets',
    ]);
    expect(await nash.getByTestId('satisfaction').locator('li').count()).toBe(3);
    expect(await nash.locator('.method-note').textContent()).toMatch(/^(Exact|Best found)/);
    const explanation = await textOf(nash.getByTestId('explanation'));
    expect(explanation).toContain('Gain over no deal');
    expect(explanation).toContain('Gain over the baseline');
    // The suggested packages joined the history, seen by the mediator only.
    expect(await history.count()).toBe(1 + concepts.length);
    expect(await page.locator('[data-testid=history-row][data-source=nash]').count()).toBe(1);

    // Baseline needs sharing first; then the Nash package becomes the baseline.
    expect(await nash.getByTestId('make-baseline').isDisabled()).toBe(true);
    await nash.getByTestId('share-package').click();
    await expect.poll(() => nash.getByTestId('share-package').count()).toBe(0);
    await nash.getByTestId('make-baseline').click();
    await expect.poll(() => nash.getByTestId('baseline-badge').count()).toBe(1);
    expect(await page.locator('[data-testid=history-row][data-source=nash]').getByTestId('baseline-badge').count()).toBe(1);
    expect(await page.locator('[data-testid=history-row][data-source=manual]').getByTestId('baseline-badge').count()).toBe(0);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'settlement-mediator-en');
  });

  it('an observer and a broker\'s advisor read the settlement but get no score form, each told why', async () => {
    const observer = await demo.as('eu-observer');
    await openSettlement(observer);
    expect(await observer.getByTestId('score-form').count()).toBe(0);
    expect(await textOf(observer.getByTestId('cannot-submit'))).toContain('As Observer you can read the issues and the results');
    expect(await observer.getByTestId('space-issue').count()).toBe(6);
    // The shared Nash package, with the allies' own satisfaction.
    const shared = observer.getByTestId('shared-package').filter({ hasText: 'Nash bargaining' });
    expect(await textOf(shared.getByTestId('my-satisfaction'))).toMatch(/^Satisfaction of Ukraine's European allies: \d+(\.\d)?$/);

    const advisor = await demo.as('kushner');
    await openSettlement(advisor);
    expect(await textOf(advisor.getByTestId('cannot-submit'))).toContain('Your party is not one of the parties of this settlement');
  });

  it('a new space from the editor, scores sealed through the form, an analysis the mediator reads without any raw score', async () => {
    const page = await demo.as('mediator');
    await openSettlement(page);
    await page.getByTestId('edit-space').click();
    const editor = page.getByTestId('space-editor');
    await editor.getByRole('checkbox', { name: "Ukraine's European allies" }).uncheck();
    while (await editor.getByTestId('issue-editor').count() > 0) await editor.getByTestId('issue-editor').first().locator('.button.danger').click();
    await editor.getByTestId('add-issue').click();
    // Nothing named yet: the editor says what to fix before anything is sent.
    await editor.getByTestId('save-space').click();
    expect(await textOf(editor.getByTestId('space-problems'))).toContain('Issue 1 needs a name.');

    await editor.getByTestId('add-issue').click();
    const issues = editor.getByTestId('issue-editor');
    for (const [n, label, options] of [[0, PORT, OPTIONS.port], [1, PRISONERS, OPTIONS.prisoners]] as const) {
      const issue = issues.nth(n);
      await issue.getByTestId('issue-label').fill(label);
      await issue.getByTestId('add-option').click();
      for (const [k, option] of options.entries()) await issue.getByTestId('option-label').nth(k).fill(option);
    }
    // Keys come from the labels.
    expect(await issues.nth(0).locator('.option-key code').allTextContents()).toEqual(['open-to-all', 'shared', 'closed']);
    await issues.nth(0).locator('.point-picker summary').click();
    await issues.nth(0).locator('.point-check').first().locator('input').check();
    await editor.getByTestId('save-space').click();
    await page.locator('[data-testid=space-section] > [data-testid=space-view]').waitFor();
    expect(await page.getByTestId('space-issue').allTextContents()).toEqual([
      expect.stringContaining('Open to allSharedClosed'), expect.stringContaining('All for allPhasedNone'),
    ]);
    // Both parties' old scores predate this space.
    expect(await page.getByTestId('submission').count()).toBe(2);
    await expect.poll(() => page.getByTestId('stale').count()).toBe(2);

    // A colleague renames an issue while I edit: the conflict dialog, then mine on top.
    const colleague = await page.context().newPage();
    await openSettlement(colleague);
    await page.getByTestId('edit-space').click();
    await page.getByTestId('issue-label').nth(1).fill(`${PRISONERS} `);
    await colleague.getByTestId('edit-space').click();
    await colleague.getByTestId('issue-label').nth(1).fill('Prisoners');
    await colleague.getByTestId('save-space').click();
    await colleague.locator('[data-testid=space-section] > [data-testid=space-view]').waitFor();
    await page.getByTestId('save-space').click();
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.textContent()).toContain('Prisoners');
    await dialog.getByRole('button', { name: 'Save mine on top' }).click();
    await page.locator('[data-testid=space-section] > [data-testid=space-view]').waitFor();
    expect(await page.getByTestId('space-issue').nth(1).locator('.issue-label').textContent()).toBe(PRISONERS);
    await colleague.close();

    // Russia rates each option; the form refuses weights that do not add up to 100.
    const ru = await demo.as('ushakov');
    await openSettlement(ru);
    await ru.getByTestId('sealed-note').waitFor();
    expect(await ru.getByTestId('sealed-note').textContent()).toContain('not the mediator');
    await weight(ru, PORT).fill(RU.weights.port);
    expect(await ru.getByTestId('weight-sum').textContent()).toContain('Total: 73 of 100');
    await ru.getByTestId('submit-scores').click();
    expect(await textOf(ru.getByTestId('score-problems'))).toContain('The weights add up to 73; they must add up to 100.');
    await weight(ru, PRISONERS).fill(RU.weights.prisoners);
    expect(await ru.getByTestId('weight-sum').textContent()).toContain('Total: 100 of 100');
    for (const [k, option] of OPTIONS.port.entries()) await optionRow(ru, PORT, option).getByTestId('rating').fill(Object.values(RU.port)[k]!);
    for (const [k, option] of OPTIONS.prisoners.entries()) await optionRow(ru, PRISONERS, option).getByTestId('rating').fill(Object.values(RU.prisoners)[k]!);
    await ru.getByTestId('batna').fill(RU.batna);
    await ru.getByTestId('share-mediator').check();
    await ru.getByTestId('submit-scores').click();
    await ru.getByTestId('scores-saved').waitFor();

    // Ukraine ranks the port options with a tie and sees the ratings derived; it rules out "None".
    const ua = await demo.as('ua-team');
    await openSettlement(ua);
    await weight(ua, PORT).fill(UA.weights.port);
    await weight(ua, PRISONERS).fill(UA.weights.prisoners);
    await issueScores(ua, PORT).getByTestId('mode-ranking').check();
    for (const [option, place] of [['Closed', '1'], ['Shared', '2'], ['Open to all', '2']] as const) {
      await optionRow(ua, PORT, option).getByTestId('place').selectOption(place);
    }
    expect(await issueScores(ua, PORT).getByTestId('derived').allTextContents()).toEqual(['25', '25', '100']);
    for (const [k, option] of OPTIONS.prisoners.entries()) await optionRow(ua, PRISONERS, option).getByTestId('rating').fill(Object.values(UA.prisoners)[k]!);
    await optionRow(ua, PRISONERS, 'None').getByTestId('red-line').check();
    await ua.getByTestId('batna').fill(UA.batna);
    await ua.getByTestId('share-mediator').check();
    await ua.getByTestId('submit-scores').click();
    await ua.getByTestId('scores-saved').waitFor();

    // The mediator: both submitted and current; the analysis is a scatter of the two parties.
    await openSettlement(page);
    await expect.poll(() => page.getByTestId('stale').count()).toBe(0);
    expect(await page.getByTestId('waiting-for').count()).toBe(0);
    await analyse(page);
    const plot = page.getByTestId('frontier-plot');
    expect(await plot.getAttribute('data-kind')).toBe('scatter');
    expect(await plot.locator('svg desc').textContent()).toMatch(/satisfaction of Russia across, of Ukraine up/);
    expect(await plot.locator('.frontier-dot').count()).toBeGreaterThanOrEqual(1);
    expect(await plot.getByTestId('suggestion-marker').count()).toBeGreaterThanOrEqual(1);
    expect(await plot.getByTestId('withheld-axes').count()).toBe(0);
    const nash = page.locator('[data-testid=suggestion][data-concept=nash]');
    expect(await nash.getByTestId('package-contents').textContent()).toContain('Open to all');
    expect(await nash.getByTestId('package-contents').textContent()).toContain('All for all');
    await nash.getByTestId('share-package').click();
    await expect.poll(() => nash.getByTestId('share-package').count()).toBe(0);

    // Two packages built by hand: one clear of red lines, one on Ukraine's (never said whose).
    const builder = page.getByTestId('package-builder');
    await builder.getByTestId('record-package').click();
    expect(await textOf(builder.getByTestId('package-problems'))).toContain(`Choose an option for ${PORT}.`);
    for (const [label, port, prisoners] of [['Hand-built: shared port', 'shared', 'phased'], ['Hand-built: no exchange', 'closed', 'none']] as const) {
      await builder.getByTestId('package-label').fill(label);
      await builder.locator(`[data-testid=package-choice][data-issue="${PORT}"]`).selectOption(port);
      await builder.locator(`[data-testid=package-choice][data-issue="${PRISONERS}"]`).selectOption(prisoners);
      await builder.getByTestId('record-package').click();
      await page.getByTestId('history-row').filter({ hasText: label }).waitFor();
    }
    expect(await textOf(page.getByTestId('history-row').filter({ hasText: 'Hand-built: shared port' }).getByTestId('red-line-flag'))).toMatch(/^\s*None crossed\s*$/);
    expect(await textOf(page.getByTestId('history-row').filter({ hasText: 'Hand-built: no exchange' }).getByTestId('red-line-flag'))).toMatch(/^\s*Crosses a red line\s*$/);

    // Nowhere on the mediator's page (text, hidden text, fields) is a raw score, nor in what the server sent.
    expect(await secretsOn(page, SECRETS)).toEqual([]);
    const answer = await page.evaluate(async (n) => (await fetch(`/api/negotiations/${n}/settlement`)).text(), N);
    expect(answer).not.toMatch(/"(weights|ratings|ranks|unacceptable|batna)"/);
    expect(JSON.parse(answer)).toMatchObject({ myScores: null, canManage: true, canSubmit: false });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'settlement-mediator-scatter-en');

    // Ukraine sees the shared package with its own satisfaction and explanation, not Russia's figure.
    await openSettlement(ua);
    const shared = ua.getByTestId('shared-package').filter({ hasText: 'Nash bargaining' }).filter({ hasText: 'Open to all' });
    await shared.waitFor();
    expect(await textOf(shared.getByTestId('my-satisfaction'))).toBe('Satisfaction of Ukraine: 52.4');
    expect(await shared.textContent()).toContain('Crosses none of your red lines');
    expect(await shared.getByTestId('satisfaction').count()).toBe(0);
    await shared.locator('.explanation-details summary').click();
    expect(await shared.getByTestId('explanation').locator('tbody th').first().textContent()).toBe('You');
    // Ukraine's own scores come back into its form; Russia's never reach it.
    expect(await optionRow(ua, PRISONERS, 'All for all').getByTestId('rating').inputValue()).toBe('97');
    expect(await secretsOn(ua, ['91', '83', '77', '73', '64', '88.8'])).toEqual([]);
    expect(await axeViolations(ua)).toEqual([]);
    await screenshot(ua, 'settlement-party-en');
  });

  it('in Urdu the page and the plot mirror, nothing spills sideways, and axe passes', async () => {
    const page = await demo.as('mediator');
    await openSettlement(page);
    await switchLanguage(page, 'ur');
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ur']);
    expect(await page.locator('h1').textContent()).toBe('تصفیہ');
    await analyse(page);
    const plot = page.getByTestId('frontier-plot');
    // Mirrored: the value axis stands on the right, and satisfaction grows leftwards along the bottom.
    const ticks = plot.locator('.plot-tick');
    const bottom = await ticks.evaluateAll((els) => els.filter((e) => e.getAttribute('text-anchor') === 'middle').map((e) => Number(e.getAttribute('x'))));
    expect(bottom[0]).toBeGreaterThan(bottom[bottom.length - 1]!);
    expect(Number(await ticks.first().getAttribute('x'))).toBeGreaterThan(280);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'settlement-mediator-ur');

    const ua = await demo.as('ua-team');
    await openSettlement(ua);
    await switchLanguage(ua, 'ur');
    await ua.getByTestId('score-form').waitFor();
    expect(await ua.getByTestId('sealed-note').textContent()).toContain('ثالث');
    expect(await ua.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await ua.setViewportSize({ width: 768, height: 900 });
    expect(await ua.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await ua.setViewportSize({ width: 1366, height: 900 });
    expect(await axeViolations(ua)).toEqual([]);
    await screenshot(ua, 'settlement-party-ur');
    await switchLanguage(ua, 'en');
    await switchLanguage(page, 'en');
  });

  it('a party that shows its figures to nobody is an axis the mediator sees named as withheld', async () => {
    const ua = await demo.as('ua-team');
    await openSettlement(ua);
    await ua.getByTestId('share-none').check();
    await ua.getByTestId('submit-scores').click();
    await ua.getByTestId('scores-saved').waitFor();

    const page = await demo.as('mediator');
    await openSettlement(page);
    expect(await textOf(page.locator('[data-testid=submission][data-party]').filter({ hasText: 'Ukraine' }))).toContain('Nobody else');
    await analyse(page);
    const plot = page.getByTestId('frontier-plot');
    expect(await plot.getAttribute('data-kind')).toBe('strip');
    expect(await textOf(plot.getByTestId('withheld-axes'))).toBe('Withheld from you: Ukraine.');
    expect(await plot.getByTestId('plot-table').locator('thead').textContent()).toContain('Ukraine (withheld)');
    const nash = page.locator('[data-testid=suggestion][data-concept=nash]');
    expect(await nash.getByTestId('satisfaction').locator('li[data-party]').allTextContents()).toEqual([
      expect.stringContaining('88.8'), expect.stringContaining('withheld'),
    ]);
    expect(await secretsOn(page, [...SECRETS, '52.4', '37.4'])).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });
});
