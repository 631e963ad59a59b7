/**
 * The canary crawl (ARCHITECTURE §2, "who sees what"), end to end over HTTP and the live
 * channel. A unique marker string is planted in every confidential field of every party at
 * every visibility, and in the mediator's own private items. Then every account calls
 * every GET route of the OpenAPI document with every id of every kind, and follows the
 * live channel from seq 0 while more is written. The oracle is the domain's `canSee`:
 *   - no canary an account may not see appears in any response body or live message;
 *   - every canary it may see appears somewhere (so answering nothing cannot pass).
 * A member of another negotiation and an anonymous client see none at all.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visibility } from '../../src/domain/model.ts';
import { buildApp } from '../../src/server/app.ts';
import { CanaryRegistry, crawl, getRequests, type Canary, type Fetched, type IdPool } from '../helpers/crawl.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { LiveClient, listen } from '../helpers/live.ts';
import { headSeq, idFrom, partyRoles, seatedNegotiation, type MemberActor, type Seat, type SeatedNegotiation } from '../helpers/seats.ts';

const PARTIES = ['A', 'B', 'C'] as const;
const seatKeys = ['mediator', ...PARTIES.flatMap((l) => partyRoles.map((r) => `${l}.${r}`))];
const visibilities: readonly Visibility[] = ['party', 'mediator', 'parties', 'public'];

interface Seen {
  rest: Fetched[];
  /** Raw text frames of the live channel. */
  live: string[];
}

/** Where each canary turned up, for a failure message a person can follow. */
function sightings(seen: Seen): Map<string, string[]> {
  const where = new Map<string, string[]>();
  const note = (value: string, place: string) => {
    const list = where.get(value) ?? [];
    if (list.length < 3) list.push(place);
    where.set(value, list);
  };
  for (const f of seen.rest) for (const v of CanaryRegistry.scan(f.body)) note(v, `GET ${f.url} (${f.status})`);
  for (const [i, frame] of seen.live.entries()) for (const v of CanaryRegistry.scan(frame)) note(v, `live frame ${i}: ${frame.slice(0, 80)}`);
  return where;
}

describe.each(backends)('canary crawl on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  const canaries = new CanaryRegistry();
  let n: SeatedNegotiation;
  let other: SeatedNegotiation;
  let outsider: Seat;
  const seen = new Map<string, Seen>();
  const ids = { pointId: [] as string[], amendmentId: [] as string[], versionId: [] as string[], roundId: [] as string[], personId: [] as string[], partyId: [] as string[], reportId: [] as string[] };
  const liveProblems: string[] = [];
  let refusals: Record<string, unknown> = {};
  let requests: { operationId: string; url: string }[] = [];
  let probedHead = 0;
  let finalHead = 0;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    base = await listen(app);

    const N = randomUUID();
    const mk = (label: string, field: string, visibility: Visibility, owner: string | null, extra: Partial<Canary> = {}) =>
      canaries.make(label, field, { negotiationId: N, owner, visibility, ...extra });
    n = await seatedNegotiation(t.db, {
      negotiationId: N, parties: PARTIES.length,
      title: { en: mk('NEG', 'title', 'parties', null) }, description: { en: mk('NEG', 'description', 'parties', null) },
      // Observers follow with a session cookie, everyone else with an API token.
      via: (role) => (role === 'observer' ? 'session' : 'token'),
      memberName: (label, role) => (role === 'observer' ? mk(label, 'membername', 'parties', null) : `${label} ${role}`),
      partyName: (label) => mk(label, 'partyname', 'parties', null),
    });
    const med = n.mediator;
    ids.partyId = n.parties.map((p) => p.id);

    // The negotiation as a whole: the working text, a section, people, rounds, versions, a statement.
    const section = idFrom(await n.run(med, { name: 'addSection', input: { title: { en: mk('NEG', 'section', 'parties', null) } } }), 'section.added', 'section');
    const addPoint = async () => {
      const id = idFrom(await n.run(med, { name: 'addPoint', input: { texts: { en: mk('NEG', 'pointtext', 'parties', null) }, sectionId: section } }), 'point.added', 'point');
      ids.pointId.push(id);
      return id;
    };
    const points: string[] = [];
    for (let i = 0; i < 5; i++) points.push(await addPoint());
    const removed = await addPoint();
    await n.run(med, { name: 'removePoint', input: { pointId: removed } });
    ids.personId.push(idFrom(await n.run(med, { name: 'addPerson', input: { names: { en: mk('NEG', 'personname', 'parties', null) }, title: { en: mk('NEG', 'persontitle', 'parties', null) } } }), 'person.added', 'person'));
    const A = n.parties[0]!;
    ids.personId.push(idFrom(await n.run(A.seats.principal, { name: 'addPerson', input: { names: { en: mk('A', 'personname', 'parties', null) }, partyId: A.id } }), 'person.added', 'person'));

    const round = async (visibility: Exclude<Visibility, 'party'>) => {
      const events = await n.run(med, {
        name: 'scheduleRound',
        input: {
          title: { en: mk('MED', 'roundtitle', visibility, null) }, place: { en: mk('MED', 'roundplace', visibility, null) },
          startsAt: '2025-12-02T10:00:00Z', format: 'proximity', visibility, pointIds: [points[0]!],
          confidentiality: { nonDisclosure: true, terms: { en: mk('MED', 'roundterms', visibility, null) } },
          publicReadout: { en: mk('MED', 'roundreadout', visibility, null) },
        },
      });
      const id = idFrom(events, 'round.scheduled', 'round');
      ids.roundId.push(id);
      return id;
    };
    const talks = await round('parties');
    await round('mediator');
    await round('public');
    for (const v of ['party', 'mediator', 'parties'] as const) {
      await n.run(med, { name: 'writeReadout', input: { roundId: talks, text: { en: mk('MED', 'readout', v, null) }, visibility: v } });
    }
    const version = async (visibility: Exclude<Visibility, 'party'>) => {
      const events = await n.run(med, { name: 'createVersion', input: { label: mk('MED', 'versionlabel', visibility, null), note: mk('MED', 'versionnote', visibility, null), visibility } });
      ids.versionId.push(idFrom(events, 'version.created', 'version'));
    };
    await version('parties');
    points.push(await addPoint());
    await version('mediator');
    points.push(await addPoint());
    await version('public');
    await n.run(med, { name: 'recordStatement', input: { quote: mk('MED', 'quote', 'public', null), lang: 'en', date: '2025-12-03', pointIds: [points[0]!], personId: ids.personId[1]! } });
    // Imported reports, for the world and for the table only; their statements take their visibility.
    for (const v of ['public', 'parties'] as const) {
      const words = mk('MED', `reportquote${v}`, v, null);
      ids.reportId.push(idFrom(await n.run(med, {
        name: 'importReport',
        input: { report: { title: mk('MED', `reporttitle${v}`, v, null), date: '2025-12-03', lang: 'en', text: `“${words},” the envoy said.`, visibility: v }, statements: [{ quote: `${words},`, line: 1, pointIds: [...points], stance: 'accept', personId: ids.personId[1]! }] },
      }), 'report.imported', 'report'));
    }

    // Each party's confidential items, at every visibility they can have.
    const toTable = new Map<string, string>();
    const track = (events: Awaited<ReturnType<SeatedNegotiation['run']>>) => {
      const id = idFrom(events, 'amendment.drafted', 'amendment');
      ids.amendmentId.push(id);
      return id;
    };
    for (const p of n.parties) {
      const L = p.label;
      const s = p.seats;
      for (const [i, v] of visibilities.entries()) {
        await n.run(s.negotiator, { name: 'setPosition', input: { partyId: p.id, pointId: points[i]!, level: 'wording', reason: mk(L, 'reason', v, p.id), visibility: v } });
      }
      // A shared position later replaced by a private one: history keeps the first for everyone.
      await n.run(s.principal, { name: 'setPosition', input: { partyId: p.id, pointId: points[4]!, level: 'discuss', reason: mk(L, 'oldreason', 'parties', p.id), visibility: 'parties' } });
      await n.run(s.principal, { name: 'setPosition', input: { partyId: p.id, pointId: points[4]!, level: 'redline', reason: mk(L, 'newreason', 'party', p.id), visibility: 'party' } });

      const draft = (field: string, v: Visibility, proposeTo?: 'mediator' | 'parties') => ({
        partyId: p.id, kind: 'replace' as const, pointId: points[1]!, texts: { en: mk(L, `${field}text`, v, p.id) }, justification: mk(L, `${field}why`, v, p.id),
        ...(proposeTo ? { proposeTo } : {}),
      });
      track(await n.run(s.negotiator, { name: 'draftAmendment', input: draft('draft', 'party') }));
      track(await n.run(s.advisor, { name: 'draftAmendment', input: draft('advisor', 'party') }));
      track(await n.run(s.negotiator, { name: 'draftAmendment', input: draft('tomediator', 'mediator', 'mediator') }));
      toTable.set(p.id, track(await n.run(s.negotiator, { name: 'draftAmendment', input: draft('totable', 'parties', 'parties') })));
      const withdrawn = track(await n.run(s.negotiator, { name: 'draftAmendment', input: draft('withdrawn', 'party') }));
      await n.run(s.principal, { name: 'withdrawAmendment', input: { amendmentId: withdrawn } });
      for (const v of ['mediator', 'parties'] as const) {
        const rejected = track(await n.run(s.negotiator, { name: 'draftAmendment', input: draft('rejected', v, v) }));
        await n.run(med, { name: 'rejectAmendment', input: { amendmentId: rejected, reason: mk(L, 'rejection', v, p.id) } });
      }

      for (const v of ['party', 'mediator', 'parties'] as const) {
        await n.run(s.negotiator, { name: 'writeReadout', input: { roundId: talks, text: { en: mk(L, 'readout', v, p.id) }, visibility: v } });
      }
      await n.run(s.advisor, { name: 'writeReadout', input: { roundId: talks, text: { en: mk(L, 'advisorreadout', 'party', p.id) }, visibility: 'party' } });
    }
    for (const [i, p] of n.parties.entries()) {
      const q = n.parties[(i + 1) % n.parties.length]!;
      // A position on another party's amendment is still this party's own.
      await n.run(p.seats.negotiator, { name: 'setPosition', input: { partyId: p.id, amendmentId: toTable.get(q.id)!, level: 'reject', reason: mk(p.label, 'onamendment', 'party', p.id), visibility: 'party' } });
      await n.run(p.seats.negotiator, { name: 'setPosition', input: { partyId: p.id, amendmentId: toTable.get(p.id)!, level: 'accept', reason: mk(p.label, 'onown', 'mediator', p.id), visibility: 'mediator' } });
    }
    // Party C's insertion proposed to the mediator and accepted: its text joins the working
    // text (seen by all), its justification stays between C and the mediator.
    const C = n.parties[2]!;
    const accepted = track(await n.run(C.seats.negotiator, {
      name: 'draftAmendment',
      input: { partyId: C.id, kind: 'insert', afterPointId: null, texts: { en: mk('C', 'acceptedtext', 'parties', C.id) }, justification: mk('C', 'acceptedwhy', 'mediator', C.id), proposeTo: 'mediator' },
    }));
    const acceptedEvents = await n.run(med, { name: 'acceptAmendments', input: { amendmentIds: [accepted], versionLabel: mk('MED', 'acceptedlabel', 'parties', null) } });
    ids.versionId.push(idFrom(acceptedEvents, 'version.created', 'version'));
    ids.pointId.push(idFrom(acceptedEvents, 'point.added', 'point'));
    // The principals initial the first version.
    const [v1] = await t.db.query<{ id: string; content_hash: string }>('SELECT id, content_hash FROM versions WHERE negotiation_id = $1 ORDER BY seq_no LIMIT 1', [N]);
    for (const p of n.parties) await n.run(p.seats.principal, { name: 'initialVersion', input: { versionId: v1!.id, contentHash: v1!.content_hash } });

    // Invitations are rows, not events: the mediator's office and the inviting party see them, and
    // only the mediator and that party's principal may list them.
    const invite = async (by: Seat, partyId: string | null, label: string) => {
      const reachableBy = (v: MemberActor) => v.role === 'mediator' || (partyId !== null && v.role === 'principal' && v.partyId === partyId);
      const displayName = mk(label, by.role === 'mediator' ? 'mediatorinvite' : 'invite', 'mediator', partyId, { inLog: false, reachableBy });
      const res = await app.inject({
        method: 'POST', url: `/api/negotiations/${N}/invitations`, headers: by.headers,
        payload: { partyId, role: partyId === null ? 'mediator' : 'observer', displayName },
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    for (const p of n.parties) {
      await invite(p.seats.principal, p.id, p.label);
      await invite(med, p.id, p.label);
    }
    await invite(med, null, 'MED');

    // A second negotiation, with confidential and public items of its own, and a member.
    const O = randomUUID();
    const out = (field: string, visibility: Visibility, owner: string | null) => canaries.make('OUT', field, { negotiationId: O, owner, visibility });
    other = await seatedNegotiation(t.db, { negotiationId: O, parties: 1, title: { en: out('title', 'parties', null) } });
    outsider = other.parties[0]!.seats.negotiator;
    const otherPoint = idFrom(await other.run(other.mediator, { name: 'addPoint', input: { texts: { en: out('pointtext', 'parties', null) } } }), 'point.added', 'point');
    for (const v of visibilities) {
      await other.run(outsider, { name: 'setPosition', input: { partyId: other.parties[0]!.id, pointId: otherPoint, level: 'reject', reason: out('reason', v, other.parties[0]!.id), visibility: v } });
    }
    await other.run(other.mediator, { name: 'recordStatement', input: { quote: out('quote', 'public', null), lang: 'en', date: '2025-12-03' } });
    await other.run(other.mediator, { name: 'scheduleRound', input: { title: { en: out('roundtitle', 'public', null) }, startsAt: '2025-12-01T10:00:00Z', visibility: 'public' } });

    // Everyone follows the live channel from the start while more is written.
    const clients = new Map<string, LiveClient>();
    for (const s of n.seats) clients.set(s.key, new LiveClient(base, N, { after: 0, headers: s.headers }));
    clients.set('outsider@own', new LiveClient(base, O, { after: 0, headers: outsider.headers }));
    const refused = {
      outsider: new LiveClient(base, N, { after: 0, headers: outsider.headers }),
      anonymous: new LiveClient(base, N, { after: 0 }),
    };
    const frames = new Map<string, string[]>();
    for (const [key, c] of [...clients, ...Object.entries(refused)]) {
      const list: string[] = [];
      frames.set(key, list);
      c.ws.on('message', (data: Buffer) => list.push(data.toString('utf8')));
    }
    for (const p of n.parties) {
      const L = p.label;
      await n.run(p.seats.negotiator, { name: 'setPosition', input: { partyId: p.id, pointId: points[1]!, level: 'reject', reason: mk(L, 'livereason', 'party', p.id), visibility: 'party' } });
      await n.run(p.seats.principal, { name: 'writeReadout', input: { roundId: talks, text: { en: mk(L, 'livereadout', 'mediator', p.id) }, visibility: 'mediator' } });
      track(await n.run(p.seats.advisor, { name: 'draftAmendment', input: { partyId: p.id, kind: 'insert', afterPointId: points[2]!, texts: { en: mk(L, 'livetext', 'party', p.id) } } }));
    }
    await n.run(med, { name: 'writeReadout', input: { roundId: talks, text: { en: mk('MED', 'livereadout', 'party', null) }, visibility: 'party' } });
    await round('mediator');
    await n.run(med, { name: 'recordStatement', input: { quote: mk('MED', 'livequote', 'public', null), lang: 'en', date: '2025-12-04' } });
    await other.run(outsider, { name: 'setPosition', input: { partyId: other.parties[0]!.id, pointId: otherPoint, level: 'discuss', reason: out('livereason', 'party', other.parties[0]!.id), visibility: 'party' } });

    const head = await headSeq(t.db, N);
    for (const [key, c] of clients) {
      await c.reach(key === 'outsider@own' ? await headSeq(t.db, O) : head);
      liveProblems.push(...c.problems.map((p) => `${key}: ${p}`));
    }
    refusals = { outsider: await refused.outsider.refusal(), anonymous: await refused.anonymous.refusal() };
    for (const c of [...clients.values(), ...Object.values(refused)]) await c.close();

    // Every GET, as everyone.
    // The redline export names its two versions in the query as `a` and `b`.
    // Readouts are exported (a reader's copy) by id: every readout, whoever wrote it.
    const readoutIds = (await t.db.query<{ id: string }>('SELECT id FROM readouts WHERE negotiation_id = $1', [N])).map((r) => r.id);
    const pool: IdPool = { id: [N], ...ids, a: ids.versionId, b: ids.versionId, readoutId: readoutIds };
    requests = getRequests(pool);
    for (const s of n.seats) seen.set(s.key, { rest: await crawl(app, s.headers, requests), live: frames.get(s.key)! });
    seen.set('outsider', {
      rest: [
        ...await crawl(app, outsider.headers, requests),
        // Its own negotiation, asked for this one's ids.
        ...await crawl(app, outsider.headers, getRequests({ ...pool, id: [O] })),
      ],
      live: [...frames.get('outsider')!, ...frames.get('outsider@own')!],
    });
    seen.set('anonymous', { rest: await crawl(app, {}, requests), live: frames.get('anonymous')! });

    // Refused writes say why, sometimes with what is there now (a stale write's "current"):
    // each member answers every amendment and point on a stale basis, which writes nothing.
    for (const s of n.seats) {
      const partyId = s.partyId ?? n.parties[0]!.id;
      for (const target of [...ids.amendmentId.map((amendmentId) => ({ amendmentId })), ...ids.pointId.map((pointId) => ({ pointId }))]) {
        const url = `/api/negotiations/${N}/positions`;
        const res = await app.inject({ method: 'POST', url, headers: s.headers, payload: { partyId, ...target, level: 'accept', basedOnPositionId: randomUUID() } });
        seen.get(s.key)!.rest.push({ method: 'POST', url: `${url} ${JSON.stringify(target)}`, operationId: 'setPosition', status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body });
      }
    }
    probedHead = await headSeq(t.db, N);
    finalHead = head;
  });

  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  const seatOf = (key: string): Seat => {
    const s = n.seats.find((x) => x.key === key);
    if (!s) throw new Error(`no seat ${key}`);
    return s;
  };

  it('planted canaries of every visibility for every party and the mediator, and visited every kind of id', () => {
    const kinds = new Set([...canaries.all.values()].filter((c) => c.negotiationId === n.negotiationId).map((c) => `${c.owner === null ? 'office' : 'party'}:${c.visibility}`));
    expect([...kinds].sort()).toEqual(['office:mediator', 'office:parties', 'office:party', 'office:public', 'party:mediator', 'party:parties', 'party:party', 'party:public']);
    for (const p of n.parties) {
      for (const v of visibilities) expect([...canaries.all.values()].some((c) => c.owner === p.id && c.visibility === v), `${p.label} ${v}`).toBe(true);
    }
    expect(canaries.all.size).toBeGreaterThan(100);
    for (const [kind, list] of Object.entries(ids)) expect(list.length, kind).toBeGreaterThan(1);
    const visited = new Set(seen.get('mediator')!.rest.filter((f) => f.method === 'GET').map((f) => f.operationId));
    expect([...visited].sort()).toEqual([...new Set(requests.map((r) => r.operationId))].sort());
    expect(requests.length).toBeGreaterThan(100);
  });

  it('the live channel stayed on protocol and refused the outsider and the anonymous client', () => {
    expect(liveProblems).toEqual([]);
    expect(refusals).toMatchObject({ outsider: { error: 'negotiation_not_found' }, anonymous: { error: 'unauthenticated' } });
  });

  for (const key of seatKeys) {
    it(`${key} sees no canary it may not see, over HTTP or live`, () => {
      const seat = seatOf(key);
      const where = sightings(seen.get(key)!);
      const leaks = [...where].filter(([v]) => {
        const c = canaries.all.get(v);
        return !c || !CanaryRegistry.visibleTo(seat.actor, n.negotiationId, c);
      }).map(([v, places]) => `${v} at ${places.join('; ')}`);
      expect(leaks).toEqual([]);
    });

    it(`${key} finds every canary it may see, over HTTP and over the live channel`, () => {
      const seat = seatOf(key);
      const s = seen.get(key)!;
      const rest = new Set(s.rest.flatMap((f) => CanaryRegistry.scan(f.body)));
      const live = new Set(s.live.flatMap((f) => CanaryRegistry.scan(f)));
      const visible = [...canaries.all.values()].filter((c) => CanaryRegistry.visibleTo(seat.actor, n.negotiationId, c));
      expect(visible.length).toBeGreaterThan(20);
      expect(visible.filter((c) => (c.reachableBy?.(seat.actor) ?? true) && !rest.has(c.value)).map((c) => c.value), 'missing over HTTP').toEqual([]);
      expect(visible.filter((c) => c.inLog && !live.has(c.value)).map((c) => c.value), 'missing on the live channel').toEqual([]);
    });
  }

  it('a member of another negotiation sees none of this one, whatever it asks and however', () => {
    const where = sightings(seen.get('outsider')!);
    const leaks = [...where].filter(([v]) => {
      const c = canaries.all.get(v);
      return !c || !CanaryRegistry.visibleTo(outsider.actor, other.negotiationId, c);
    }).map(([v, places]) => `${v} at ${places.join('; ')}`);
    expect(leaks).toEqual([]);
    // It was not blind: its own negotiation's items came back.
    const own = [...canaries.all.values()].filter((c) => CanaryRegistry.visibleTo(outsider.actor, other.negotiationId, c));
    expect(own.filter((c) => !where.has(c.value)).map((c) => c.value)).toEqual([]);
    // Asked about this negotiation, it is as if it did not exist.
    const here = seen.get('outsider')!.rest.filter((f) => f.url.includes(n.negotiationId));
    expect(here.filter((f) => f.status !== 404).map((f) => `${f.url} ${f.status}`)).toEqual([]);
  });

  it('an anonymous client sees no canary and is asked to sign in', () => {
    const s = seen.get('anonymous')!;
    expect([...sightings(s)].map(([v, places]) => `${v} at ${places.join('; ')}`)).toEqual([]);
    const open = new Set(['health', 'openapi']);
    expect(s.rest.filter((f) => !open.has(f.operationId) && f.status !== 401).map((f) => `${f.url} ${f.status}`)).toEqual([]);
  });

  it('the stale writes were all refused, some after finding what they answered', () => {
    expect(probedHead).toBe(finalHead);
    const probes = [...seen.values()].flatMap((s) => s.rest.filter((f) => f.method === 'POST'));
    expect(new Set(probes.map((f) => f.status))).toEqual(new Set([403, 404, 409]));
  });

  it('no request answered with a server error, and every refusal is problem+json', () => {
    const all = [...seen.values()].flatMap((s) => s.rest);
    expect(all.filter((f) => f.status >= 500).map((f) => `${f.url} ${f.status} ${f.body.slice(0, 200)}`)).toEqual([]);
    expect(all.filter((f) => f.status >= 400 && !f.contentType.startsWith('application/problem+json')).map((f) => `${f.url} ${f.status}`)).toEqual([]);
  });
});
