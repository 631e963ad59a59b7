/**
 * The agreement map's time to interactive in Chromium: a negotiation of 500 points × 12
 * parties against the same page with 50 points × 12 parties (the baseline), both built
 * through `execute` with a position in most cells (about 85%, mixed levels, a reason where
 * the scale asks for one). One run = open the map in a fresh page, wait until the table is
 * rendered (`data-map-ready`) and a cell has taken focus and shown its reason. The median
 * of several runs after a warm-up is reported, as a ratio to the baseline.
 *
 * Needs Debian's Chromium (PARLEY_TEST_CHROMIUM or /usr/bin/chromium) and a built web app
 * (web/dist, or PARLEY_WEB_DIST); without either it says so and reports nothing.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { Command } from '../src/domain/commands.ts';
import type { PositionLevel } from '../src/domain/model.ts';
import type { RecordedEvent } from '../src/domain/record/events.ts';
import { buildApp } from '../src/server/app.ts';
import { WEB_DIST } from '../src/server/web/web.plugin.ts';
import type { Database } from '../src/store/database.ts';
import { execute, type As } from '../src/store/execute.ts';
import { addAccount, openSession } from '../test/helpers/auth.ts';
import { freshDatabase } from '../test/helpers/databases.ts';
import { CHROMIUM_ARGS } from '../test/browser/support/chromium.ts';
import { result, type Bench } from './harness.ts';

const PARTIES = 12;
const SECTIONS = 10;
const RUNS = 7;
const LEVELS: readonly PositionLevel[] = ['accept', 'accept', 'accept', 'discuss', 'discuss', 'wording', 'reject', 'redline'];
const TAGS = ['security-sector/ceasefire', 'state-definition/border-delimitation', 'governance/elections', 'transitional-justice/prisoner-release', 'socio-economic-reconstruction', 'sanctions'];

/** A small deterministic generator, so both sizes get the same mix from run to run. */
function random(seed: number) {
  let s = seed;
  return () => { s = (s * 1_103_515_245 + 12_345) % 2_147_483_648; return s / 2_147_483_648; };
}

function idOf(events: readonly RecordedEvent[], type: RecordedEvent['type']): string {
  for (const e of events) {
    if (e.type !== type) continue;
    const p = e.payload as Record<string, { id?: string } | undefined>;
    for (const v of Object.values(p)) if (v?.id) return v.id;
  }
  throw new Error(`web-map bench: no ${type} event`);
}

/** A negotiation with `points` points in sections, 12 parties, and positions in ~85% of the cells; returns its id. */
export async function buildMap(db: Database, accountId: string, points: number): Promise<string> {
  const negotiationId = crypto.randomUUID();
  const run = (as: As, command: Command) => execute(db, { negotiationId, as, command });
  const created = await run('system', {
    name: 'createNegotiation',
    input: { title: { en: `Map of ${String(points)} points` }, languages: ['en'], draftingLanguage: 'en', mediator: { displayName: 'Mediator', accountId } },
  });
  const mediator: As = { memberId: idOf(created, 'member.added') };
  const parties: { id: string; negotiator: As }[] = [];
  for (let i = 0; i < PARTIES; i++) {
    const id = idOf(await run(mediator, { name: 'addParty', input: { name: { en: `Party ${String(i + 1)}` }, shortName: `P${String(i + 1)}` } }), 'party.added');
    const negotiator = idOf(await run(mediator, { name: 'addMember', input: { displayName: `Negotiator ${String(i + 1)}`, partyId: id, role: 'negotiator' } }), 'member.added');
    parties.push({ id, negotiator: { memberId: negotiator } });
  }
  const sections: string[] = [];
  for (let s = 0; s < SECTIONS; s++) sections.push(idOf(await run(mediator, { name: 'addSection', input: { title: { en: `Chapter ${String(s + 1)}` } } }), 'section.added'));
  const rnd = random(points);
  for (let i = 0; i < points; i++) {
    const pointId = idOf(await run(mediator, {
      name: 'addPoint',
      input: {
        texts: { en: `Point ${String(i + 1)}: the Parties shall take the measures set out here, including the arrangements agreed by the working group.` },
        sectionId: sections[Math.floor((i * SECTIONS) / points)]!, tags: [TAGS[i % TAGS.length]!],
      },
    }), 'point.added');
    for (const party of parties) {
      if (rnd() > 0.85) continue;
      const level = LEVELS[Math.floor(rnd() * LEVELS.length)]!;
      const reason = level === 'accept' || level === 'discuss' ? '' : `Party reasons for ${level} on point ${String(i + 1)}.`;
      await run(party.negotiator, { name: 'setPosition', input: { partyId: party.id, pointId, level, reason, visibility: 'parties' } });
    }
  }
  return negotiationId;
}

export const webMapBench: Bench = {
  name: 'web-map',
  async run() {
    const chromiumPath = process.env.PARLEY_TEST_CHROMIUM?.trim() || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null);
    if (!chromiumPath) {
      process.stderr.write('web-map bench skipped: no Chromium (install Debian\'s chromium or set PARLEY_TEST_CHROMIUM)\n');
      return [];
    }
    const webDist = process.env.PARLEY_WEB_DIST?.replace(/\/?$/, '/') ?? WEB_DIST;
    if (!existsSync(`${webDist}index.html`)) {
      process.stderr.write(`web-map bench skipped: ${webDist}index.html is missing (npm run build:web, or set PARLEY_WEB_DIST)\n`);
      return [];
    }
    const t = await freshDatabase('pglite');
    let browser: Browser | null = null;
    const app = await buildApp({ db: t.db, logger: false, webDist });
    try {
      const accountId = await addAccount(t.db, 'Bench mediator');
      const big = await buildMap(t.db, accountId, 500);
      const small = await buildMap(t.db, accountId, 50);
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const session = await openSession(t.db, accountId);
      browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
      const context = await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
      await context.addCookies([{ name: 'parley_session', value: session.secret, url }]);
      await context.addInitScript({ content: "localStorage.setItem('parley.lang', 'en');" });

      /** Navigation start to a table on screen with a focused cell showing its reason. */
      const open = async (negotiationId: string): Promise<number> => {
        const page = await context.newPage();
        try {
          const t0 = performance.now();
          await page.goto(`/n/${negotiationId}`);
          await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
          await page.locator('button.map-cell[tabindex="0"]').focus();
          await page.waitForSelector('[data-testid="map-tip"]', { state: 'visible' });
          return performance.now() - t0;
        } finally {
          await page.close();
        }
      };
      const medianOf = async (negotiationId: string): Promise<number> => {
        await open(negotiationId); // warm-up: the JS bundle compiled and cached once
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) times.push(await open(negotiationId));
        times.sort((a, b) => a - b);
        return times[Math.floor(times.length / 2)]!;
      };
      const baseline = await medianOf(small);
      const value = await medianOf(big);
      return [result({
        bench: 'web-map', metric: 'agreement map time to interactive, 500 points × 12 parties (Chromium)', value, unit: 'ms',
        baseline: 'the same page with 50 points × 12 parties', baselineValue: baseline,
      })];
    } finally {
      await browser?.close();
      await app.close();
      await t.dispose();
    }
  },
};
