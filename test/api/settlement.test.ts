/**
 * Settlement analysis through the API on both databases: the mediator defines the issue space,
 * three parties seal their scores, the mediator analyses and sees only results (figures as each
 * party allows), the suggested packages are kept, a party sees its own satisfaction with what is
 * shared, and replay rebuilds the settlement tables exactly.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { rebuildReadModels } from '../../src/store/replay.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { seatedNegotiation, type Seat, type SeatedNegotiation } from '../helpers/seats.ts';
import { snapshotTables } from '../helpers/snapshot.ts';

interface SpaceJson { issues: { id: string; label: string; options: { key: string }[] }[]; revision: number }
interface PackageJson { id: string; source: string; visibility: string; satisfaction: Record<string, number | null>; crossesMyRedLine: boolean | null; crossesARedLine: boolean | null; isBaseline: boolean; explanation: unknown }
interface SettlementJson { space: SpaceJson | null; submissions: { partyId: string; share: string; stale: boolean }[]; waitingFor: string[]; myScores: { revision: number; scores: unknown } | null; packages: PackageJson[]; canManage: boolean; canSubmit: boolean }
interface AnalysisJson { frontierSize: number | null; axes: { partyId: string; visible: boolean }[]; frontier: Record<string, number | null>[]; suggestions: { concept: string; packageId: string; package: Record<string, unknown>; satisfaction: Record<string, number | null>; method: { exact: boolean } }[]; unavailable: { concept: string; code: string }[]; notes: string[] }

describe.each(backends)('settlement analysis on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let n: SeatedNegotiation;
  let url: string;
  let space: SpaceJson;
  const call = (seat: Seat, method: 'GET' | 'POST' | 'PUT', path: string, payload?: unknown) =>
    app.inject({ method, url: `${url}${path}`, headers: seat.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const settlementOf = async (seat: Seat) => {
    const res = await call(seat, 'GET', '/settlement');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SettlementJson>();
  };
  const P = (i: number) => n.parties[i]!;
  /** Ratings with four decimals: no figure the API shows (rounded to two) can contain them by chance. */
  const scoresFor = (i: number) => {
    const [land, guarantees, fund] = space.issues;
    const r = [[91.0417, 40.0413, 3.0419], [7.0421, 62.0423, 95.0427], [60.0431, 80.0433, 10.0439]][i]!;
    return {
      weights: { [land!.id]: 50, [guarantees!.id]: 30, [fund!.id]: 20 },
      ratings: {
        [land!.id]: { west: r[0], middle: r[1], east: r[2] },
        [guarantees!.id]: { strong: 100 - r[0]!, weak: r[0] },
      },
      unacceptable: i === 1 ? [`${land!.id}:west`] : [],
      batna: 5.0441 + i,
    };
  };

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    n = await seatedNegotiation(t.db, { parties: 3 });
    url = `/api/negotiations/${n.negotiationId}`;
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  it('starts empty, and only the mediator defines the space', async () => {
    expect(await settlementOf(P(0).seats.principal)).toMatchObject({ space: null, packages: [], canManage: false, canSubmit: false });
    const body = {
      partyIds: [P(0).id, P(1).id, P(2).id],
      issues: [
        { label: 'Line', divisible: false, options: [{ key: 'west', label: 'Western line' }, { key: 'middle', label: 'Middle line' }, { key: 'east', label: 'Eastern line' }] },
        { label: 'Guarantees', divisible: false, options: [{ key: 'strong', label: 'Strong' }, { key: 'weak', label: 'Weak' }] },
        { label: 'Fund', divisible: true, options: [] },
      ],
    };
    expect((await call(P(0).seats.principal, 'PUT', '/settlement/space', body)).json()).toMatchObject({ code: 'action_denied' });
    const bad = await call(n.mediator, 'PUT', '/settlement/space', { ...body, issues: [{ label: 'Line', divisible: false, options: [{ key: 'only', label: 'Only' }] }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json<{ detail: string }>().detail).toMatch(/at least two options/);
    const ok = await call(n.mediator, 'PUT', '/settlement/space', body);
    expect(ok.statusCode, ok.body).toBe(200);
    space = (await settlementOf(n.mediator)).space!;
    expect(space.issues.map((i) => i.label)).toEqual(['Line', 'Guarantees', 'Fund']);
  });

  it('seals scores: the party reads its own back, nobody else (the mediator included) sees any of them', async () => {
    expect((await call(P(0).seats.observer, 'PUT', '/settlement/scores', { scores: scoresFor(0) })).json()).toMatchObject({ code: 'action_denied' });
    expect((await call(n.mediator, 'PUT', '/settlement/scores', { scores: scoresFor(0) })).json()).toMatchObject({ code: 'action_denied' });
    const sum90 = await call(P(0).seats.negotiator, 'PUT', '/settlement/scores', { scores: { ...scoresFor(0), weights: { [space.issues[0]!.id]: 90 } } });
    expect(sum90.statusCode).toBe(400);
    expect(sum90.json<{ detail: string }>().detail).toMatch(/weights sum to 90, not 100/);

    expect((await call(P(0).seats.negotiator, 'PUT', '/settlement/scores', { scores: scoresFor(0), share: 'mediator' })).statusCode).toBe(200);
    expect((await call(P(1).seats.principal, 'PUT', '/settlement/scores', { scores: scoresFor(1), share: 'parties' })).statusCode).toBe(200);

    const mine = await settlementOf(P(0).seats.observer);
    expect(JSON.stringify(mine.myScores)).toContain('91.0417');
    const analysisTooEarly = await call(n.mediator, 'POST', '/settlement/analyses', {});
    expect(analysisTooEarly.statusCode).toBe(409);
    expect(analysisTooEarly.json()).toMatchObject({ code: 'settlement_incomplete' });
    expect(analysisTooEarly.json<{ detail: string }>().detail).toMatch(/waits for scores from C/);

    expect((await call(P(2).seats.negotiator, 'PUT', '/settlement/scores', { scores: scoresFor(2), share: 'none' })).statusCode).toBe(200);
    for (const seat of n.seats) {
      const body = (await call(seat, 'GET', '/settlement')).body + (await call(seat, 'GET', '/events?limit=1000')).body;
      for (const [i, p] of n.parties.entries()) {
        const canary = String(scoresFor(i).ratings[space.issues[0]!.id]!.west);
        if (seat.partyId === p.id) expect(body, seat.key).toContain(canary);
        else expect(body, `${seat.key} must not see ${p.label}'s scores`).not.toContain(canary);
      }
    }
    const med = await settlementOf(n.mediator);
    expect(med.myScores).toBeNull();
    expect(med.submissions.map((s) => [s.partyId, s.share])).toEqual([[P(0).id, 'mediator'], [P(1).id, 'parties'], [P(2).id, 'none']]);
    expect(med.waitingFor).toEqual([]);
  });

  it('analyses for the mediator only, with figures as each party allows, and keeps the suggested packages', async () => {
    expect((await call(P(0).seats.principal, 'POST', '/settlement/analyses', {})).json()).toMatchObject({ code: 'action_denied' });
    const res = await call(n.mediator, 'POST', '/settlement/analyses', {});
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json<AnalysisJson>();
    expect(a.axes).toEqual([{ partyId: P(0).id, visible: true }, { partyId: P(1).id, visible: true }, { partyId: P(2).id, visible: false }]);
    expect(a.suggestions.map((s) => s.concept)).toEqual(expect.arrayContaining(['nash', 'kalaiSmorodinsky', 'maximin', 'utilitarian']));
    for (const s of a.suggestions) {
      expect(s.satisfaction[P(2).id], 'C withholds its figures').toBeNull();
      expect(typeof s.satisfaction[P(0).id]).toBe('number');
      // B's red line is never crossed.
      expect(s.package[space.issues[0]!.id]).not.toBe('west');
    }
    expect(a.frontier.every((f) => f[P(2).id] === null)).toBe(true);
    expect(a.unavailable).toContainEqual(expect.objectContaining({ concept: 'adjustedWinner', code: 'two-parties-only' }));
    for (const i of [0, 1, 2]) for (const v of Object.values(scoresFor(i).ratings).flatMap((r) => Object.values(r))) expect(res.body).not.toContain(String(v));

    const again = (await call(n.mediator, 'POST', '/settlement/analyses', {})).json<AnalysisJson>();
    expect(again.suggestions.map((s) => s.packageId)).toEqual(a.suggestions.map((s) => s.packageId));
    const seen = await settlementOf(n.mediator);
    expect(new Set(seen.packages.map((p) => p.id))).toEqual(new Set(a.suggestions.map((s) => s.packageId)));
    expect(seen.packages.every((p) => p.visibility === 'mediator' && p.crossesARedLine === false && p.explanation !== null)).toBe(true);
    expect((await settlementOf(P(0).seats.principal)).packages).toEqual([]);
  });

  it('shares a package; each party sees its own satisfaction, and others only where they allow', async () => {
    const med = await settlementOf(n.mediator);
    const first = med.packages[0]!;
    expect((await call(n.mediator, 'POST', `/settlement/packages/${first.id}/share`)).statusCode).toBe(200);
    expect((await call(n.mediator, 'PUT', '/settlement/baseline', { packageId: first.id })).statusCode).toBe(200);
    const forA = (await settlementOf(P(0).seats.advisor)).packages;
    expect(forA.map((p) => p.id)).toEqual([first.id]);
    expect(forA[0]).toMatchObject({ isBaseline: true, crossesARedLine: null });
    expect(forA[0]!.satisfaction[P(0).id]).toEqual(first.satisfaction[P(0).id]);
    expect(forA[0]!.satisfaction[P(1).id]).toEqual(first.satisfaction[P(1).id]);
    expect(forA[0]!.satisfaction[P(2).id]).toBeNull();
    const forC = (await settlementOf(P(2).seats.observer)).packages[0]!;
    expect(typeof forC.satisfaction[P(2).id]).toBe('number');
    expect(forC.satisfaction[P(0).id]).toBeNull();

    // A package by hand that crosses B's red line: the mediator learns that some line is crossed, B that its own is.
    const manual = { [space.issues[0]!.id]: 'west', [space.issues[1]!.id]: 'weak', [space.issues[2]!.id]: { [P(0).id]: 0.2, [P(1).id]: 0.3, [P(2).id]: 0.5 } };
    const rec = await call(n.mediator, 'POST', '/settlement/packages', { label: 'West line', package: manual, visibility: 'parties' });
    expect(rec.statusCode, rec.body).toBe(201);
    const recorded = (await settlementOf(n.mediator)).packages.find((p) => p.id === rec.json<{ id: string }>().id)!;
    expect(recorded.crossesARedLine).toBe(true);
    expect((await settlementOf(P(1).seats.principal)).packages.find((p) => p.id === recorded.id)!.crossesMyRedLine).toBe(true);
    expect((await settlementOf(P(0).seats.principal)).packages.find((p) => p.id === recorded.id)!.crossesMyRedLine).toBe(false);
    const badShares = await call(n.mediator, 'POST', '/settlement/packages', { package: { ...manual, [space.issues[2]!.id]: { [P(0).id]: 0.9 } } });
    expect(badShares.json<{ detail: string }>().detail).toMatch(/add up to 0\.9000/);
  });

  it('answers an analysis with no feasible package with a clear 409 that names no one', async () => {
    const high = { ...scoresFor(0), batna: 99.5 };
    const revision = (await settlementOf(P(0).seats.principal)).myScores!.revision;
    expect((await call(P(0).seats.principal, 'PUT', '/settlement/scores', { scores: high, basedOn: revision - 1 })).statusCode).toBe(409);
    expect((await call(P(0).seats.principal, 'PUT', '/settlement/scores', { scores: high, basedOn: revision })).statusCode).toBe(200);
    const res = await call(n.mediator, 'POST', '/settlement/analyses', {});
    expect(res.statusCode).toBe(409);
    expect(res.json<{ detail: string }>().detail).toMatch(/No package gives every party at least its no-deal value/);
    expect(res.body).not.toContain('99.5');
    expect((await call(P(0).seats.principal, 'PUT', '/settlement/scores', { scores: scoresFor(0) })).statusCode).toBe(200);
  });

  it('replays the settlement tables exactly', async () => {
    const tables = ['settlement_spaces', 'settlement_submissions', 'settlement_packages', 'settlement_scores'];
    const before = await snapshotTables(t.db, tables, n.negotiationId);
    expect(before.settlement_scores).toHaveLength(3);
    await rebuildReadModels(t.db, n.negotiationId);
    expect(await snapshotTables(t.db, tables, n.negotiationId)).toEqual(before);
  });
});
