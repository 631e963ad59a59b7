/**
 * PDF by printing the HTML view in Debian's Chromium (driven by playwright-core): the one
 * renderer here that shapes Nastaliq and Naskh correctly and lays out bidirectional text by
 * the Unicode algorithm, which a hand-made PDF writer would not.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { ParleyError } from '../domain/errors.ts';

/** Where Chromium is: PARLEY_CHROMIUM_PATH, else Debian's package path. */
export function chromiumPath(): string {
  return process.env.PARLEY_CHROMIUM_PATH?.trim() || '/usr/bin/chromium';
}

// The flags the browser suites use: no sandbox (containers), no GPU, no network chatter.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/*
 * One browser serves every export that overlaps in time or follows within a couple of
 * seconds, a page per export: launching Chromium costs about a second, a print of a short
 * English version about 0.3 s on this machine. When no export has run for IDLE_MS the
 * browser is closed, so an idle server holds no Chromium.
 */
const IDLE_MS = 2000;
let browser: Promise<{ browser: Browser; context: BrowserContext }> | null = null;
let users = 0;
let idle: NodeJS.Timeout | null = null;

function acquire(executablePath: string): Promise<{ browser: Browser; context: BrowserContext }> {
  if (idle) clearTimeout(idle);
  idle = null;
  users += 1;
  if (!browser) {
    // One context for every print: scripts are off and every request is refused, so a page
    // keeps nothing another could read, and each page is closed after its print.
    const launched = chromium.launch({ executablePath, args: ARGS }).then(async (b) => {
      const context = await b.newContext({ javaScriptEnabled: false });
      await context.route('**/*', (route) => route.abort());
      return { browser: b, context };
    });
    browser = launched;
    launched.then(({ browser: b }) => b.on('disconnected', () => { if (browser === launched) browser = null; }), () => { if (browser === launched) browser = null; });
  }
  return browser;
}

function release(): void {
  users -= 1;
  if (users > 0) return;
  idle = setTimeout(() => void closePdfBrowser(), IDLE_MS);
}

/** Closes the shared browser now (tests, shutdown); the next export launches another. */
export async function closePdfBrowser(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const b = browser;
  browser = null;
  if (b) await b.then((x) => x.browser.close(), () => undefined);
}

export async function htmlToPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new ParleyError('export_unavailable', `PDF export needs Chromium on the server, and there is none at ${executablePath}: install Debian's "chromium" or set PARLEY_CHROMIUM_PATH; .docx and Markdown exports work without it.`);
  }
  const { context } = await acquire(executablePath).catch((e: unknown) => {
    release();
    throw e;
  });
  try {
    const page = await context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      // As a string: the server's TypeScript has no DOM types. Printing before the fonts load would print fallbacks.
      await page.evaluate('document.fonts.ready.then(() => true)');
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await page.close();
    }
  } finally {
    release();
  }
}
