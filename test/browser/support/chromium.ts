/**
 * Debian's Chromium driven by playwright-core; never a browser a test tool downloads.
 * The test command sets PARLEY_TEST_CHROMIUM when /usr/bin/chromium exists (and requires
 * it under CI); without it the browser suites are skipped and the summary says so.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env.PARLEY_TEST_CHROMIUM?.trim() || null;

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error('PARLEY_TEST_CHROMIUM is not set');
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

/** A laptop-sized context in a given UI language (saved where the app reads it). */
export async function newContext(browser: Browser, baseURL: string, opts: { lang?: string; width?: number; height?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: opts.width ?? 1366, height: opts.height ?? 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const lang = opts.lang ?? 'en';
  // A script as text: this file is also imported by Node-only code (bench) without DOM types.
  await context.addInitScript({ content: `if (!localStorage.getItem('parley.lang')) localStorage.setItem('parley.lang', ${JSON.stringify(lang)});` });
  return context;
}
