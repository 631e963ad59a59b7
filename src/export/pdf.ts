/**
 * PDF by printing the HTML view in Debian's Chromium (driven by playwright-core): the one
 * renderer here that shapes Nastaliq and Naskh correctly and lays out bidirectional text by
 * the Unicode algorithm, which a hand-made PDF writer would not. A browser per export keeps
 * the server free of a long-lived child process; printing a few pages takes about a second.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ParleyError } from '../domain/errors.ts';

/** Where Chromium is: PARLEY_CHROMIUM_PATH, else Debian's package path. */
export function chromiumPath(): string {
  return process.env.PARLEY_CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
}

// The flags the browser suites use: no sandbox (containers), no GPU, no network chatter.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function htmlToPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new ParleyError('export_unavailable', `PDF export needs Chromium on the server, and there is none at ${executablePath}: install Debian's "chromium" or set PARLEY_CHROMIUM_PATH; .docx and Markdown exports work without it.`);
  }
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    // The page is self-contained: refuse every request, so a text can never make the server fetch anything.
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    // As a string: the server's TypeScript has no DOM types. Printing before the fonts load would print fallbacks.
    await page.evaluate('document.fonts.ready.then(() => true)');
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
