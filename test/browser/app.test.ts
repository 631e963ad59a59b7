/**
 * The app's front door in real Chromium: signing in (a wrong password, a return to the page
 * asked for, two-factor sign-in), accepting an invitation, my negotiations, the language menu
 * (Urdu mirrors the whole layout and is remembered), the skip link, a page that does not
 * exist, and axe on each of these pages in English and Urdu.
 */
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../src/domain/accounts/totp.ts';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, demoEmail } from '../../src/demo/demo-accounts.ts';
import { DEMO_NEGOTIATION_ID } from '../../src/demo/scenario.ts';
import { chromiumPath, newContext } from './support/chromium.ts';
import { demoBrowser } from './support/demo-browser.ts';
import { axeViolations, screenshot, signIn, switchLanguage } from './support/pages.ts';

describe.skipIf(!chromiumPath)('the app in Chromium: sign-in, invitations, languages', () => {
  const demo = demoBrowser();


  it('refuses a wrong password with a message, then signs in and returns to the page asked for', async () => {
    const context = await newContext(demo.browser, demo.server.url);
    const page = await context.newPage();
    await page.goto(`/n/${DEMO_NEGOTIATION_ID}/versions`);
    await page.waitForURL(/\/sign-in\?next=/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'signin-en');
    await page.locator('input[type=email]').fill(demoEmail('mediator'));
    await page.locator('input[type=password]').fill('not the password');
    await page.locator('form button[type=submit]').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/password/i);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(`**/n/${DEMO_NEGOTIATION_ID}/versions`);
    await context.close();
  });

  it('lists my negotiations with my seat, in English and in Urdu (mirrored, remembered)', async () => {
    const context = await newContext(demo.browser, demo.server.url);
    const page = await signIn(context, 'ushakov');
    await page.waitForSelector('.negotiation-list li');
    const item = page.locator('.negotiation-list li').first();
    expect(await item.textContent()).toContain('Negotiator');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'negotiations-en');

    const brandBefore = await page.locator('.app-header .brand').boundingBox();
    await switchLanguage(page, 'ur');
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ur']);
    expect(await page.locator('h1').textContent()).toBe('میرے مذاکرات');
    // The layout mirrors: the brand moves from the left edge to the right edge.
    const brandAfter = await page.locator('.app-header .brand').boundingBox();
    expect(brandBefore!.x).toBeLessThan(200);
    expect(brandAfter!.x).toBeGreaterThan(1366 - 300);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'negotiations-ur');

    await page.reload();
    await page.waitForSelector('.negotiation-list li');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await context.close();
  });

  it('the skip link is the first stop of the keyboard and moves focus to the page', async () => {
    const context = await newContext(demo.browser, demo.server.url);
    const page = await signIn(context, 'mediator');
    await page.waitForSelector('.negotiation-list li');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });

  it('a page that does not exist says so, and a negotiation I am not in is not found', async () => {
    const context = await newContext(demo.browser, demo.server.url);
    const page = await signIn(context, 'mediator');
    await page.goto('/no/such/page');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
    await page.goto('/n/00000000-0000-4000-8000-000000000000');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/No negotiation with id .* that you may see/);
    expect(await page.getByRole('link', { name: 'Back to my negotiations' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('two-factor sign-in: set up from the account page, then asked for at sign-in', async () => {
    const context = await newContext(demo.browser, demo.server.url);
    const page = await signIn(context, 'eu-observer');
    await page.goto('/account');
    await page.getByRole('button', { name: /set up two-factor/i }).click();
    const secret = (await page.locator('code.secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await page.getByLabel('Authenticator code').fill(totpCode(secret, Date.now() - 30_000));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent()).toMatch(/is on/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'account-en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');

    await page.locator('input[type=email]').fill(`eu-observer@${DEMO_EMAIL_DOMAIN}`);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    const code = page.getByLabel('Authenticator code');
    await code.waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await code.fill(totpCode(secret, Date.now()));
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((u) => u.pathname === '/');
    await context.close();
  });

  it('accepting an invitation creates the account, signs it in and opens the negotiation', async () => {
    const mediator = await newContext(demo.browser, demo.server.url);
    const page = await signIn(mediator, 'mediator');
    const me = await (await page.request.get('/api/auth/me')).json() as { csrfToken: string };
    const parties = await (await page.request.get(`/api/negotiations/${DEMO_NEGOTIATION_ID}/parties`)).json() as { items: { id: string; shortName: string }[] };
    const ukraine = parties.items.find((p) => p.shortName === 'Ukraine')!;
    const invited = await page.request.post(`/api/negotiations/${DEMO_NEGOTIATION_ID}/invitations`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { partyId: ukraine.id, role: 'advisor', email: 'legal.adviser@example.org', displayName: 'Олена — legal adviser' },
    });
    expect(invited.status()).toBe(201);
    const { acceptUrl } = await invited.json() as { acceptUrl: string };

    const guest = await newContext(demo.browser, demo.server.url, { lang: 'ur' });
    const g = await guest.newPage();
    await g.goto(new URL(acceptUrl).pathname + new URL(acceptUrl).hash);
    expect(await g.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await axeViolations(g)).toEqual([]);
    await screenshot(g, 'invitation-ur');
    await g.locator('input[type=email]').fill('legal.adviser@example.org');
    await g.locator('input[autocomplete=name]').fill('Олена — legal adviser');
    await g.locator('input[type=password]').fill('a long enough passphrase 7');
    await g.locator('form button[type=submit]').click();
    await g.waitForURL(`**/n/${DEMO_NEGOTIATION_ID}`);
    await g.goto('/');
    await g.waitForSelector('.negotiation-list li');
    expect(await g.locator('.negotiation-list li').first().textContent()).toContain('مشیر');
    await guest.close();
    await mediator.close();
  });
});
