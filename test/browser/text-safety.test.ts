/**
 * Unicode safety and translation status in the browser, over one demo server: a point edited
 * through the API with a right-to-left override in its English text shows the flag (the
 * character made visible, its name, an accessible description) on the point page; editing
 * only the English marks Urdu and Russian "translation pending"; the mediator confirms one
 * unchanged, a party member sees the badge but no button; axe passes in English and Urdu; the
 * compare page compares in each language of the negotiation.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../src/demo/scenario.ts';
import { chromiumPath } from './support/chromium.ts';
import { demoBrowser } from './support/demo-browser.ts';
import { axeViolations, screenshot, switchLanguage } from './support/pages.ts';

const N = DEMO_NEGOTIATION_ID;
const API = `/api/negotiations/${N}`;
const RLO = '\u202E';
const PDF = '\u202C';

interface Point { id: string; number: string; revision: number; texts: Record<string, string>; translationStatus: Record<string, string> }

async function api(context: BrowserContext) {
  const me = await (await context.request.get('/api/auth/me')).json() as { csrfToken: string };
  return {
    get: async <T,>(path: string): Promise<T> => {
      const res = await context.request.get(path);
      expect(res.status(), path).toBe(200);
      return await res.json() as T;
    },
    patch: async (path: string, data: unknown) => {
      const res = await context.request.patch(path, { data, headers: { 'x-csrf-token': me.csrfToken } });
      expect(res.status(), await res.text()).toBe(200);
    },
  };
}

async function visit(page: Page, pointId: string) {
  await page.goto(`/n/${N}/points/${pointId}`);
  await page.locator('#point-title').waitFor();
  await page.getByTestId('point-texts').waitFor();
}

describe.skipIf(!chromiumPath)('text safety and translation status', () => {
  const demo = demoBrowser();
  let point: Point;

  it('flags an override put into the English text, and marks Urdu and Russian pending', async () => {
    const page = await demo.as('mediator');
    const m = await api(page.context());
    const points = (await m.get<{ items: Point[] }>(`${API}/points?limit=500`)).items;
    // A point with the three texts, all current, so what follows is this test's doing.
    const found = points.find((p) => ['en', 'ur', 'ru'].every((l) => p.texts[l] && p.translationStatus[l] === 'current') && /\d/.test(p.texts.en ?? ''));
    expect(found, 'a demo point with current en, ur and ru texts and a number in its English').toBeDefined();
    point = found!;
    // The first number of the English text, wrapped in an override: "600" would read "006".
    const en = point.texts.en!.replace(/\d+/, (d) => `${RLO}${d}${PDF}`);
    await m.patch(`${API}/points/${point.id}`, { texts: { ...point.texts, en }, basedOn: point.revision });

    await visit(page, point.id);
    const flags = page.getByTestId('text-flags');
    await flags.first().waitFor();
    expect(await flags.evaluateAll((els) => els.map((e) => e.getAttribute('data-lang')))).toEqual(['en']);
    const items = flags.locator('li');
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-code-point')))).toEqual(['U+202E', 'U+202C']);
    expect(await items.first().textContent()).toContain('⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩');
    expect(await items.first().textContent()).toContain('bidirectional control');
    // The copy shows the markers in place of the controls, and holds no control itself.
    const revealed = await flags.getByTestId('text-revealed').textContent();
    expect(revealed).toContain('⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩');
    expect(revealed).not.toContain(RLO);
    // The shown text is described by its warning, for a screen reader.
    const shown = page.getByTestId('point-texts').locator('.pp-text[lang="en"]');
    const describedBy = await shown.getAttribute('aria-describedby');
    expect(describedBy).toBe(await flags.first().getAttribute('id'));

    const pending = page.getByTestId('translation-status');
    expect(await pending.evaluateAll((els) => els.map((e) => e.getAttribute('data-lang')))).toEqual(['ur', 'ru']);
    expect(await pending.first().textContent()).toContain('Translation pending');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('point-texts').scrollIntoViewIfNeeded();
    await screenshot(page, 'point-flags-en');
  });

  it('shows a party member the badge without the button; the mediator confirms the Urdu unchanged', async () => {
    const party = await demo.as('ushakov');
    await visit(party, point.id);
    await party.getByTestId('translation-status').first().waitFor();
    expect(await party.getByTestId('translation-status').count()).toBe(2);
    expect(await party.getByTestId('confirm-translation').count()).toBe(0);
    expect(await party.getByTestId('text-flags').count()).toBe(1);

    const page = await demo.as('mediator');
    await visit(page, point.id);
    await page.locator('[data-testid=translation-status][data-lang=ur]').getByTestId('confirm-translation').click();
    await expect.poll(() => page.getByTestId('translation-status').evaluateAll((els) => els.map((e) => e.getAttribute('data-lang')))).toEqual(['ru']);
    const m = await api(page.context());
    expect((await m.get<Point>(`${API}/points/${point.id}`)).translationStatus).toEqual({ en: 'current', ur: 'current', ru: 'pending' });
  });

  it('passes axe in Urdu with the flag and the badge shown, mirrored', async () => {
    const page = await demo.as('mediator');
    await visit(page, point.id);
    await switchLanguage(page, 'ur');
    await page.getByTestId('text-flags').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByTestId('translation-status').first().textContent()).toContain('ترجمہ زیرِ التوا');
    // The English warning keeps its own direction inside the mirrored page.
    expect(await page.getByTestId('text-revealed').getAttribute('dir')).toBe('ltr');
    expect(await axeViolations(page)).toEqual([]);
    await switchLanguage(page, 'en');
  });

  it('compares versions in each language of the negotiation', async () => {
    const page = await demo.as('mediator');
    const m = await api(page.context());
    const versions = (await m.get<{ items: { id: string; seqNo: number }[] }>(`${API}/versions`)).items.sort((a, b) => a.seqNo - b.seqNo);
    const overview = await m.get<{ languages: string[] }>(API);
    await page.goto(`/n/${N}/versions/compare?a=${versions[0]!.id}&b=${versions[1]!.id}`);
    await page.getByTestId('compare-summary').waitFor();
    const select = page.getByTestId('text-language');
    expect(await select.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))).toEqual(overview.languages);
    for (const lang of overview.languages) {
      await select.selectOption(lang);
      await page.waitForURL((u) => u.searchParams.get('lang') === lang);
      // Every compared text is in the chosen language, or says it has none in it.
      const texts = page.getByTestId('compared-point').locator('.redline, .vp-text');
      const langs = new Set(await texts.evaluateAll((els) => els.map((e) => e.getAttribute('lang'))));
      if (langs.size > 0) expect([...langs], lang).toEqual([lang]);
      else expect(await page.getByTestId('compared-point').first().textContent(), lang).toBeTruthy();
    }
  });
});
