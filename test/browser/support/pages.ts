/** Signing in as a demo seat, checking a page with axe, and saving screenshots. */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail } from '../../../src/demo/demo-accounts.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** Signs a context in through the sign-in page, as a person would. */
export async function signIn(context: BrowserContext, seat: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.locator('input[type=email]').fill(demoEmail(seat));
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  return page;
}

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: string[] }

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.x A/AA rules). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A full-page screenshot in docs/screenshots/<name>.png; waits for web fonts first. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(async () => { await document.fonts.ready; });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Sets the UI language through the language menu, as a user does. */
export async function switchLanguage(page: Page, lang: string): Promise<void> {
  await page.getByTestId('language').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}
