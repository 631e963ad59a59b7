/**
 * The point page as the mediator, a Russian negotiator and the Ukrainian team use it, in
 * separate browser contexts over one demo server: what each sees (and must not see), the
 * redline, amendments proposed and accepted into a new version, a conflicting edit, a
 * change appearing live, Urdu mirroring and axe in both UI languages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../src/demo/scenario.ts';
import { chromiumPath, launchChromium, newContext } from './support/chromium.ts';
import { startDemoServer, type DemoServer } from './support/demo-server.ts';
import { axeViolations, screenshot, signIn, switchLanguage } from './support/pages.ts';

const N = DEMO_NEGOTIATION_ID;
const API = `/api/negotiations/${N}`;

interface Point { id: string; number: string; texts: Record<string, string> }
interface Party { id: string; shortName: string }

describe.skipIf(!chromiumPath)('point page', () => {
  let server: DemoServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let tabs: Page[] = [];
  let points: Point[] = [];
  let parties: Party[] = [];

  const pointWith = (en: string): Point => {
    const p = points.find((x) => x.texts.en?.includes(en));
    if (!p) throw new Error(`no point reads "${en}"`);
    return p;
  };
  const party = (short: string) => parties.find((p) => p.shortName === short)!;
  // One signed-in context per seat (sign-ins are rate-limited per address); each call opens a new tab.
  const seats = new Map<string, BrowserContext>();
  const open = async (seat: string): Promise<{ context: BrowserContext; page: Page }> => {
    const known = seats.get(seat);
    const context = known ?? await newContext(browser, server.url);
    if (!known) { contexts.push(context); seats.set(seat, context); }
    const page = known ? await context.newPage() : await signIn(context, seat);
    tabs.push(page);
    return { context, page };
  };
  const visit = async (page: Page, point: Point) => {
    await page.goto(`/n/${N}/points/${point.id}`);
    await page.locator('#point-title').waitFor();
    await page.getByTestId('positions-table').waitFor();
  };
  /** A write through the API as the signed-in context, with its CSRF token. */
  const post = async (context: BrowserContext, path: string, body: unknown) => {
    const me = await (await context.request.get('/api/auth/me')).json() as { csrfToken: string };
    const res = await context.request.post(path, { data: body, headers: { 'x-csrf-token': me.csrfToken } });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json() as Promise<{ id: string | null }>;
  };

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
    const { context } = await open('mediator');
    points = ((await (await context.request.get(`${API}/points?limit=500`)).json()) as { items: Point[] }).items;
    parties = ((await (await context.request.get(`${API}/parties?limit=500`)).json()) as { items: Party[] }).items;
  });
  // Each test's tabs close after it: an open tab keeps a live channel and refreshes on every event.
  afterEach(async () => {
    for (const t of tabs) await t.close();
    tabs = [];
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the mediator the point: texts side by side with their own direction, numbers across versions, positions, history, amendments, statements', async () => {
    const donbas = pointWith('Donetsk and Luhansk');
    const { page } = await open('mediator');
    await visit(page, donbas);
    await expect.poll(() => page.locator('#point-title').textContent()).toBe(`Point ${donbas.number}`);
    await expect.poll(() => page.getByTestId('illustrative').isVisible()).toBe(true);
    // One column per language, drafting language (English) first, each with its lang and dir.
    const texts = page.getByTestId('point-texts').locator('.pp-text');
    expect(await texts.evaluateAll((els) => els.map((e) => [e.getAttribute('lang'), e.getAttribute('dir')]))).toEqual([['en', 'ltr'], ['ur', 'rtl'], ['ru', 'ltr']]);
    expect(await texts.first().textContent()).toBe(donbas.texts.en);
    // Whole, never clipped (every page's CSS is global; another page's clamp must not reach here).
    expect(await texts.evaluateAll((els) => els.map((e) => [getComputedStyle(e).overflow, getComputedStyle(e).webkitLineClamp]))).toEqual([['visible', 'none'], ['visible', 'none'], ['visible', 'none']])
    expect(await page.getByTestId('point-texts').locator('h3').allTextContents()).toEqual([expect.stringContaining('English'), 'Urdu', 'Russian']);
    // Its number in each version (v1, v2, v3) then now.
    await expect.poll(() => page.getByTestId('point-numbers').textContent()).toMatch(/v1: \d+.*v2: \d+.*v3: \d+.*now: \d+/);
    // Positions: Russia's red line is shared with the mediator, so the mediator sees it.
    const ru = page.locator(`tr[data-party="${party('Russia').id}"]`);
    expect(await ru.textContent()).toContain('Red line');
    expect(await ru.textContent()).toContain('No compromise on territories');
    expect(await ru.textContent()).toContain('Yuri Ushakov');
    // History, expandable per party.
    const history = page.getByTestId('position-history').locator(`details[data-party="${party('Ukraine').id}"]`);
    await history.locator('summary').click();
    expect(await history.locator('li').count()).toBeGreaterThan(0);
    // The European amendment on this point, as a redline against the text it was written on.
    const eu = page.getByTestId('amendment').filter({ hasText: 'line of contact' }).first();
    expect(await eu.getAttribute('data-status')).toBe('proposed');
    expect(await eu.locator('ins').count()).toBeGreaterThan(0);
    expect(await eu.locator('del').count()).toBeGreaterThan(0);
    // The mediator decides on proposals: accept and reject, but never proposes for a party.
    expect(await eu.getByRole('button', { name: 'Accept…' }).count()).toBe(1);
    expect(await eu.getByRole('button', { name: 'Reject…' }).count()).toBe(1);
    expect(await page.getByTestId('draft-amendment').count()).toBe(0);
    // Public statements linked to the point: the Urdu quote right-to-left with its translation.
    const quote = page.getByTestId('statement').locator('blockquote[lang="ur"]').filter({ hasText: 'اب تک کوئی سمجھوتہ نہیں ہو سکا۔' });
    expect(await quote.getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('point-statements').textContent()).toContain('No compromise has been reached so far.');
    expect(await page.getByTestId('point-statements').textContent()).toContain('Yuri Ushakov');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'point-en');
  });

  it('redlines the point against an earlier version, says when it is unchanged or absent, and toggles side by side', async () => {
    const donbas = pointWith('Donetsk and Luhansk');
    const { page } = await open('mediator');
    await visit(page, donbas);
    const section = page.getByTestId('point-redline');
    const select = page.getByTestId('redline-version');
    await select.waitFor();
    // The default is the newest version whose text differs: v1, before the Florida revision.
    await expect.poll(() => select.locator('option:checked').textContent()).toMatch(/^v1/);
    const en = section.locator('.redline[lang="en"]');
    expect(await en.locator('ins').count()).toBeGreaterThan(0);
    expect(await en.locator('del').first().textContent()).toContain('withdraw');
    expect(await section.locator('.redline[lang="ur"]').getAttribute('dir')).toBe('rtl');
    await section.getByLabel('Side by side').check();
    expect(await section.locator('.redline-columns').count()).toBeGreaterThan(0);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'point-redline-en');
    // Against v3 nothing changed since.
    const v3 = await select.locator('option').filter({ hasText: /^v3/ }).getAttribute('value');
    await select.selectOption(v3);
    await expect.poll(() => page.getByTestId('redline-unchanged').isVisible()).toBe(true);
    expect(await section.locator('ins, del').count()).toBe(0);
    // A point added in v3 was not in v1.
    const plant = pointWith('Zaporizhzhia nuclear power plant');
    await visit(page, plant);
    const v1 = await page.getByTestId('redline-version').locator('option').filter({ hasText: /^v1/ }).getAttribute('value');
    await page.getByTestId('redline-version').selectOption(v1);
    await expect.poll(() => page.getByTestId('redline-absent').textContent()).toContain('was not in v1');
    expect(await page.getByTestId('point-numbers').textContent()).toContain('not in v1');
  });

  it('keeps each party\'s confidential positions to those it shared them with (canaries)', async () => {
    const elections = pointWith('elections within 100 days');
    const ruCanary = 'The wording on timing does not suit us.'; // Russia only (visibility: party)
    const uaCanary = 'Elections only after a durable ceasefire and martial law ends.'; // Ukraine and the mediator
    const ru = await open('ushakov');
    await visit(ru.page, elections);
    const ruRow = ru.page.locator(`tr[data-party="${party('Russia').id}"]`);
    expect(await ruRow.textContent()).toContain(ruCanary);
    expect(await ruRow.textContent()).toContain('My party only');
    expect(await ru.page.content()).not.toContain(uaCanary);

    const ua = await open('ua-team');
    await visit(ua.page, elections);
    await expect.poll(() => ua.page.locator(`tr[data-party="${party('Ukraine').id}"]`).textContent()).toContain(uaCanary);
    expect(await ua.page.locator(`tr[data-party="${party('Russia').id}"]`).textContent()).toContain('No position shared with you');
    const html = await ua.page.content();
    expect(html).not.toContain(ruCanary);
    expect(html).not.toContain('No compromise on territories');

    const mediator = await open('mediator');
    await visit(mediator.page, elections);
    expect(await mediator.page.content()).toContain(uaCanary);
    expect(await mediator.page.content()).not.toContain(ruCanary);
  });

  it('shows a position another party sets while the page is open, without a reload', async () => {
    const line = pointWith('line of contact.');
    const mediator = await open('mediator');
    await visit(mediator.page, line);
    const uaRow = mediator.page.locator(`tr[data-party="${party('Ukraine').id}"]`);
    expect(await uaRow.textContent()).toContain('No position shared with you');
    await mediator.page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });
    const ua = await open('ua-team');
    const reason = 'Freezing the line is acceptable only with monitors on both sides.';
    await post(ua.context, `${API}/positions`, { partyId: party('Ukraine').id, pointId: line.id, level: 'wording', reason, visibility: 'mediator' });
    await expect.poll(() => uaRow.textContent(), { timeout: 10_000 }).toContain(reason);
    expect(await uaRow.textContent()).toContain('Wording unacceptable');
    expect(await mediator.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('takes an amendment from a party\'s draft to a proposal, and the mediator accepts it into the next version', async () => {
    const humanitarian = pointWith('all-for-all basis');
    const newText = 'All prisoners and bodies are exchanged on an all-for-all basis within thirty days; civilian detainees and children are returned.';
    const ru = await open('ushakov');
    await visit(ru.page, humanitarian);
    await ru.page.getByTestId('draft-amendment').click();
    const form = ru.page.getByTestId('amendment-form');
    await form.locator('textarea[data-lang="en"]').fill(newText);
    await form.getByTestId('amendment-justification').fill('A deadline makes the exchange verifiable.');
    await form.getByTestId('amendment-to').selectOption('draft');
    await form.getByRole('button', { name: 'Save the draft' }).click();
    const draft = ru.page.getByTestId('amendment').filter({ hasText: 'A deadline makes' });
    await expect.poll(() => draft.getAttribute('data-status')).toBe('draft');
    expect(await draft.locator('ins').first().textContent()).toContain('thirty');

    // Ukraine cannot see another party's draft, let alone act on it.
    const ua = await open('ua-team');
    await visit(ua.page, humanitarian);
    expect(await ua.page.content()).not.toContain('A deadline makes');

    // Propose it to the table.
    await draft.getByLabel('Propose to').selectOption('parties');
    await draft.getByRole('button', { name: 'Propose', exact: true }).click();
    await expect.poll(() => draft.getAttribute('data-status')).toBe('proposed');
    expect(await draft.getByRole('button', { name: 'Accept…' }).count()).toBe(0);
    await expect.poll(() => ua.page.getByTestId('amendment').filter({ hasText: 'A deadline makes' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await ua.page.getByTestId('amendment').filter({ hasText: 'A deadline makes' }).getByRole('button').count()).toBe(0);

    // The mediator accepts it, after confirming, and gets a link to the new version.
    const before = ((await (await ru.context.request.get(`${API}/versions`)).json()) as { items: unknown[] }).items.length;
    const mediator = await open('mediator');
    await visit(mediator.page, humanitarian);
    const proposal = mediator.page.getByTestId('amendment').filter({ hasText: 'A deadline makes' });
    await proposal.getByRole('button', { name: 'Accept…' }).click();
    await proposal.getByLabel('Name of the new version (optional)').fill('v4 (exchange deadline)');
    await proposal.getByRole('button', { name: 'Accept and create the next version' }).click();
    await mediator.page.getByTestId('accepted-notice').waitFor();
    expect(await mediator.page.getByTestId('accepted-notice').getByRole('link').getAttribute('href')).toBe(`/n/${N}/versions`);
    const versions = ((await (await ru.context.request.get(`${API}/versions`)).json()) as { items: { label: string }[] }).items;
    expect(versions.length).toBe(before + 1);
    expect(versions.map((v) => v.label)).toContain('v4 (exchange deadline)');
    await expect.poll(() => mediator.page.getByTestId('point-texts').locator('.pp-text[lang="en"]').textContent()).toBe(newText);
    await expect.poll(() => mediator.page.getByTestId('point-numbers').textContent()).toContain('v4:');
    // Russia sees its amendment accepted, live.
    await expect.poll(() => draft.getAttribute('data-status'), { timeout: 10_000 }).toBe('accepted');
  });

  it('rejects with the mediator\'s reason for the proposer to read, and shows the server\'s refusal of a stale acceptance as it comes', async () => {
    const nato = pointWith('will not join NATO');
    const mediator = await open('mediator');
    await visit(mediator.page, nato);
    const eu = mediator.page.getByTestId('amendment').filter({ hasText: 'consensus of Alliance members' });
    await eu.getByRole('button', { name: 'Reject…' }).click();
    expect(await eu.getByRole('button', { name: 'Reject the amendment' }).isDisabled()).toBe(true);
    await eu.getByLabel(/Reason for rejecting/).fill('Out of step with the sequencing agreed in Florida.');
    await eu.getByRole('button', { name: 'Reject the amendment' }).click();
    await expect.poll(() => eu.getAttribute('data-status')).toBe('rejected');
    const europe = await open('eu-team');
    await visit(europe.page, nato);
    const mine = europe.page.getByTestId('amendment').filter({ hasText: 'consensus of Alliance members' });
    expect(await mine.textContent()).toContain('Out of step with the sequencing agreed in Florida.');
    // Withdrawing a rejected amendment is no longer offered.
    expect(await mine.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);

    // The Europeans' territory amendment was written on the v1 text of a point revised since:
    // the page warns, and accepting it anyway gets the server's refusal, shown as it comes.
    const donbas = pointWith('Donetsk and Luhansk');
    await visit(mediator.page, donbas);
    const stale = mediator.page.getByTestId('amendment').filter({ hasText: 'line of contact' }).first();
    expect(await stale.textContent()).toContain('has changed since this was drafted');
    await stale.getByRole('button', { name: 'Accept…' }).click();
    await stale.getByRole('button', { name: 'Accept and create the next version' }).click();
    await expect.poll(() => stale.getByRole('alert').textContent()).toContain('has changed since this amendment was drafted');
    expect(await stale.getAttribute('data-status')).toBe('proposed');
  });

  it('catches a conflicting edit of the text, shows theirs beside mine, and saves mine on top', async () => {
    const council = pointWith('Peace Council');
    const a = await open('mediator');
    const b = await open('mediator');
    await visit(a.page, council);
    await visit(b.page, council);
    await a.page.getByTestId('edit-point').click();
    await b.page.getByTestId('edit-point').click();
    const theirs = 'Implementation is monitored by a Peace Council chaired jointly by the United States and the United Nations.';
    const mine = 'Implementation is monitored by a Peace Council with a rotating chair agreed by the parties.';
    await a.page.getByTestId('edit-point-form').locator('textarea[data-lang="en"]').fill(theirs);
    await a.page.getByTestId('edit-point-form').getByRole('button', { name: 'Save the text' }).click();
    await expect.poll(() => a.page.getByTestId('point-texts').locator('.pp-text[lang="en"]').textContent()).toBe(theirs);

    await b.page.getByTestId('edit-point-form').locator('textarea[data-lang="en"]').fill(mine);
    await b.page.getByTestId('edit-point-form').getByRole('button', { name: 'Save the text' }).click();
    const dialog = b.page.getByTestId('conflict-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.getByTestId('conflict-theirs').textContent()).toContain(theirs);
    expect(await dialog.locator('.redline[lang="en"] ins').count()).toBeGreaterThan(0);
    expect(await axeViolations(b.page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save mine on top' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => b.page.getByTestId('point-texts').locator('.pp-text[lang="en"]').textContent()).toBe(mine);
    // The other mediator's page follows, live; and the tags survived the edits.
    await expect.poll(() => a.page.getByTestId('point-texts').locator('.pp-text[lang="en"]').textContent(), { timeout: 10_000 }).toBe(mine);
    const after = (await (await a.context.request.get(`${API}/points/${council.id}`)).json()) as { tags: string[] };
    expect(after.tags).toEqual(['implementation/enforcement-mechanism']);
  });

  it('mirrors in Urdu while each text keeps its own direction, stacks at tablet width, and passes axe', async () => {
    const donbas = pointWith('Donetsk and Luhansk');
    const { page } = await open('ua-team');
    await visit(page, donbas);
    await switchLanguage(page, 'ur');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.locator('#point-title').textContent()).toBe(`نکتہ ${donbas.number}`);
    expect(await page.locator('.pp-text[lang="en"]').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('.pp-text[lang="ur"]').getAttribute('dir')).toBe('rtl');
    // Mirrored: the first (English) column sits on the right.
    const [first, second] = await page.locator('.pp-column').evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().left));
    expect(first!).toBeGreaterThan(second!);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'point-ur');
    // The drafting form, in Urdu: every field labelled, each language's box in its own direction.
    await page.getByTestId('draft-amendment').click();
    const form = page.getByTestId('amendment-form');
    expect(await form.locator('textarea[data-lang="ur"]').getAttribute('dir')).toBe('rtl');
    expect(await form.locator('textarea[data-lang="en"]').getAttribute('dir')).toBe('ltr');
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 768, height: 1000 });
    const lefts = await page.getByTestId('point-texts').locator('.pp-column').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });
});
