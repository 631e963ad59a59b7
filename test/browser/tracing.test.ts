/**
 * Leak tracing in real Chromium over one demo server. On the demo's latest (confidential)
 * version, where the demo approved every suggestion, the mediator revokes two variants and
 * approves two from the suggestions. A delegate opens the print/copy view of that version
 * (and of a readout): the text there is his own copy, and printing it leaves the app out. The mediator pastes a long passage of that copy into the tracing page, which
 * names him and nobody else; a short retyped passage (format marks lost) accuses nobody. The
 * delegate sees no Tracing tab and no fingerprint. In Urdu the page is right-to-left with
 * nothing spilling sideways, and axe finds nothing serious.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID as N } from '../../src/demo/scenario.ts';
import { chromiumPath } from './support/chromium.ts';
import { demoBrowser } from './support/demo-browser.ts';
import { axeViolations, screenshot, switchLanguage } from './support/pages.ts';

/** Names inside sentences are wrapped in Unicode isolates (U+2068…U+2069); compare without them. */
const plain = (s: string | null) => (s ?? '').replace(/[\u2068\u2069]/g, '');
const textOf = async (l: Locator) => plain(await l.textContent());

/** The newest version the signed-in member may see, read as the page itself would. */
async function latestVersionId(page: Page): Promise<string> {
  return page.evaluate(async (n) => {
    const res = await fetch(`/api/negotiations/${n}/versions?limit=500`, { credentials: 'same-origin' });
    const body = (await res.json()) as { items: { id: string; seqNo: number }[] };
    return body.items.reduce((a, b) => (b.seqNo > a.seqNo ? b : a)).id;
  }, N);
}

/** What a typist produces from a copy: every space a plain space, every hyphen a plain hyphen. */
const retype = (s: string) => s.replace(/[\u00a0\u202f\u2007\u2009\u200a]/gu, ' ').replace(/[\u2010\u2011]/gu, '-');

async function trace(page: Page, text: string): Promise<Locator> {
  await page.getByTestId('leak-text').fill(text);
  await page.getByTestId('run-trace').click();
  const report = page.getByTestId('trace-report');
  const error = page.locator('.trace-form [role=alert]');
  await report.or(error).waitFor();
  if (await error.count() > 0) throw new Error(`the trace failed: ${await error.textContent()}`);
  return report;
}

describe.skipIf(!chromiumPath)('leak tracing: fingerprinted copies and the tracing page', () => {
  const demo = demoBrowser();
  let versionId = '';
  let leak = '';

  it('the mediator approves two suggested variants on the latest version', async () => {
    const page = await demo.as('mediator');
    await page.goto(`/n/${N}`);
    versionId = await latestVersionId(page);
    await page.goto(`/n/${N}/versions/${versionId}`);
    const panel = page.getByTestId('fingerprint-panel');
    await panel.getByTestId('slot-counts').waitFor();
    // The demo approves every suggestion on this version: two are revoked (they are suggested
    // again), then approved again from the suggestions.
    const approvedRows = panel.getByTestId('approved-variant');
    const approvedBefore = await approvedRows.count();
    const suggestedKind = panel.locator('[data-testid=approved-variant][data-lang=en]:not([data-kind=custom])');
    expect(await suggestedKind.count()).toBeGreaterThanOrEqual(2);
    for (let i = 1; i <= 2; i++) {
      await suggestedKind.first().getByTestId('revoke').click();
      await expect.poll(() => approvedRows.count()).toBe(approvedBefore - i);
    }

    const suggestions = panel.getByTestId('suggestion');
    await panel.getByTestId('fingerprint-language').selectOption('en');
    await panel.locator('[data-testid=suggestions-section][data-lang=en]').waitFor();
    await expect.poll(() => suggestions.count()).toBeGreaterThanOrEqual(2);
    // Each suggestion shows its phrase in place: the original and the alternative, marked.
    expect(await suggestions.first().locator('mark.original').count()).toBe(1);
    expect(await suggestions.first().locator('mark.alternative').count()).toBe(1);
    const wording = () => panel.locator('[data-testid=slot-count][data-lang=en] [data-testid=wording-slots]').textContent().then(Number);
    const before = await wording();
    expect(await panel.getByTestId('approve-selected').isDisabled()).toBe(true);
    await suggestions.nth(0).locator('input[type=checkbox]').check();
    await suggestions.nth(1).locator('input[type=checkbox]').check();
    await panel.getByTestId('approve-selected').click();
    await panel.getByTestId('approved-status').waitFor();
    await expect.poll(() => approvedRows.count()).toBe(approvedBefore);
    await expect.poll(wording).toBe(before + 2);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'tracing-fingerprint-en');
  });

  it("a delegate's print/copy view is his own copy; he sees no Tracing tab and no fingerprint", async () => {
    const ushakov = await demo.as('ushakov');
    await ushakov.goto(`/n/${N}/versions/${versionId}`);
    await ushakov.locator('[data-testid=copy-view-link][data-lang=en]').waitFor();
    expect(await ushakov.getByTestId('fingerprint-panel').count()).toBe(0);
    expect(await ushakov.locator('nav.tabs a[href$="/tracing"]').count()).toBe(0);
    // Plain text is offered beside Markdown, Word and PDF.
    expect(await ushakov.locator('[data-testid=texts-languages] a[data-format=txt]').count()).toBeGreaterThan(0);

    await ushakov.locator('[data-testid=copy-view-link][data-lang=en]').click();
    const doc = ushakov.getByTestId('copy-document');
    await doc.waitFor();
    expect(await doc.getAttribute('dir')).toBe('ltr');
    expect(await textOf(ushakov.getByTestId('copy-notice'))).toContain('issued to you personally');
    const paragraphs = await ushakov.getByTestId('copy-paragraph').allTextContents();
    expect(paragraphs.length).toBeGreaterThan(10);
    // A long passage of several points, as it would be copied out of this view.
    leak = paragraphs.slice(0, Math.max(12, Math.ceil(paragraphs.length * 0.8))).join('\n\n');
    // The copy carries its format marks in the characters a reader copies (the view only adds break opportunities).
    expect(leak).toMatch(/[\u00a0\u2011]/u);
    expect(await ushakov.locator('[data-testid=copy-paragraph] wbr').count()).toBeGreaterThan(0);

    // Printed, the copy stands alone: no app header, tabs or buttons.
    await ushakov.emulateMedia({ media: 'print' });
    expect(await ushakov.locator('.app-header').isVisible()).toBe(false);
    expect(await ushakov.locator('nav.tabs').isVisible()).toBe(false);
    expect(await ushakov.getByTestId('print').isVisible()).toBe(false);
    expect(await doc.isVisible()).toBe(true);
    await ushakov.emulateMedia({ media: 'screen' });
    expect(await ushakov.getByTestId('print').isVisible()).toBe(true);

    expect(await axeViolations(ushakov)).toEqual([]);
    await screenshot(ushakov, 'tracing-copy-en');

    // A readout he may read has its print/copy view too, from the round's page.
    const roundId = await ushakov.evaluate(async (n) => {
      const rounds = (await (await fetch(`/api/negotiations/${n}/rounds?limit=500`)).json()) as { items: { id: string }[] };
      for (const r of rounds.items) {
        const readouts = (await (await fetch(`/api/negotiations/${n}/rounds/${r.id}/readouts?limit=500`)).json()) as { items: unknown[] };
        if (readouts.items.length > 0) return r.id;
      }
      return null;
    }, N);
    expect(roundId).not.toBeNull();
    await ushakov.goto(`/n/${N}/rounds/${roundId}`);
    await ushakov.getByTestId('readout-copy-link').first().click();
    const readout = ushakov.getByTestId('copy-document');
    await readout.waitFor();
    expect(await ushakov.getByTestId('copy-paragraph').count()).toBeGreaterThan(0);
    expect(await textOf(ushakov.getByTestId('copy-notice'))).toContain('issued to you personally');
  });

  it('the mediator traces the pasted passage to the delegate alone; a retyped paragraph accuses nobody', async () => {
    const page = await demo.as('mediator');
    await page.goto(`/n/${N}/tracing`);
    await page.getByTestId('tracing-page').waitFor();
    // Two more members hold copies: the innocents the tracer must leave alone.
    for (const seat of ['witkoff', 'ua-team']) {
      const other = await demo.as(seat);
      await other.goto(`/n/${N}/versions/${versionId}/copy?lang=en`);
      await other.getByTestId('copy-document').waitFor();
    }
    // The delegate's view is among the copies issued.
    await expect.poll(() => page.getByTestId('issued-copy').filter({ hasText: 'Yuri Ushakov' }).count()).toBeGreaterThan(0);

    const report = await trace(page, leak);
    expect(await report.getByTestId('conclusion').getAttribute('data-conclusion')).toBe('accused');
    expect(await textOf(report.getByTestId('conclusion'))).toBe('Accused: Yuri Ushakov');
    const accused = report.locator('[data-testid=suspect][data-accused=true]');
    expect(await accused.count()).toBe(1);
    expect(await textOf(accused.locator('th'))).toBe('Yuri Ushakov');
    expect(await accused.getByTestId('accused-badge').count()).toBe(1);
    // A bound is never certainty: the confidence is never shown as 100%.
    expect(await textOf(accused.locator('td').nth(4))).not.toContain('100');
    expect(await report.locator('[data-testid=suspect][data-accused=false]').count()).toBeGreaterThan(0);
    expect(await report.getByTestId('readings').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'tracing-accused-en');

    // One paragraph, retyped: its format marks are gone and a few wording slots cannot decide.
    const para = leak.split('\n\n').find((p) => p.length > 120) ?? leak.split('\n\n')[0]!;
    const retyped = await trace(page, retype(para));
    await expect.poll(() => retyped.getByTestId('conclusion').getAttribute('data-conclusion')).toBe('no_accusation');
    expect(await textOf(retyped.getByTestId('conclusion'))).toBe('No accusation: the evidence is not enough');
    expect(await retyped.locator('[data-testid=suspect][data-accused=true]').count()).toBe(0);
    await screenshot(page, 'tracing-no-accusation-en');
  });

  it('in Urdu the tracing page is right-to-left, nothing spills sideways, and axe passes', async () => {
    const page = await demo.as('mediator');
    await page.goto(`/n/${N}/tracing`);
    await page.getByTestId('tracing-page').waitFor();
    await switchLanguage(page, 'ur');
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ur']);
    expect(await page.locator('h1').textContent()).toBe('افشا کا سراغ');
    const report = await trace(page, leak);
    expect(await textOf(report.getByTestId('conclusion'))).toBe('ملزم: Yuri Ushakov');
    // The form's controls start on the right.
    const box = await page.getByTestId('run-trace').boundingBox();
    const width = await page.evaluate(() => window.innerWidth);
    expect(box!.x + box!.width).toBeGreaterThan(width / 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 768, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'tracing-accused-ur');
    await switchLanguage(page, 'en');

    // The delegate's copy of the Urdu text, in the Urdu UI: right-to-left, nothing spilling sideways.
    const ushakov = await demo.as('ushakov');
    await ushakov.goto(`/n/${N}/versions/${versionId}/copy?lang=ur`);
    await switchLanguage(ushakov, 'ur');
    const doc = ushakov.getByTestId('copy-document');
    await doc.waitFor();
    expect(await doc.getAttribute('dir')).toBe('rtl');
    expect(await ushakov.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(ushakov)).toEqual([]);
    await screenshot(ushakov, 'tracing-copy-ur');
    await switchLanguage(ushakov, 'en');
  });
});
