/**
 * One demo server and one Chromium per test file, opened before its tests and closed after,
 * with each seat signed in once (sign-ins are rate-limited per address: 10 in 5 minutes).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, newContext } from './chromium.ts';
import { startDemoServer, type DemoServer } from './demo-server.ts';
import { signIn } from './pages.ts';

export interface DemoBrowser {
  readonly server: DemoServer;
  readonly browser: Browser;
  /** The signed-in page of a seat (`key` tells apart two sessions of one seat). */
  as(seat: string, key?: string): Promise<Page>;
}

/** Call inside a describe: registers the beforeAll/afterAll hooks and returns the handle. */
export function demoBrowser(): DemoBrowser {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  const seats = new Map<string, Page>();
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const handle: DemoBrowser = {
    get server() { if (!server) throw new Error('the demo server is not started yet'); return server; },
    get browser() { if (!browser) throw new Error('Chromium is not launched yet'); return browser; },
    async as(seat, key = seat) {
      const known = seats.get(key);
      if (known) return known;
      const page = await signIn(await newContext(handle.browser, handle.server.url), seat);
      seats.set(key, page);
      return page;
    },
  };
  return handle;
}
