/**
 * The authorization matrix: every write route of a negotiation, as every role (own party
 * and other party where the action is taken for a party), as a member of another
 * negotiation, with a read-only token and with no credential at all. The expectation of
 * each cell is computed from the domain's `permissionTable` (through `may`) and `canSee`,
 * never written by hand: allowed means a 2xx that wrote, refused means 403 action_denied
 * (or 404 when the target is something the caller may not even see), and a refusal writes
 * nothing.
 *
 * `routeActions` is the one table from routes to actions. A write route missing from it
 * fails the suite, so a new route cannot slip through untested.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { may, permissionTable, type Action } from '../../src/domain/policy/permissions.ts';
import { canSee, type Owned } from '../../src/domain/policy/visibility.ts';
import { buildApp } from '../../src/server/app.ts';
import { allRoutes } from '../../src/server/routes/index.ts';
import { issueToken } from '../helpers/auth.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { headSeq, idFrom, seatedNegotiation, type MemberActor, type Seat, type SeatedNegotiation } from '../helpers/seats.ts';

/** Relative to party A, whose members act: its own party, the other party (B), or no party. */
type Target = 'own' | 'other' | 'none';

interface Prepared {
  params?: Record<string, string>;
  body?: unknown;
  /** The party the action is taken for, as the domain passes it to `authorize`. */
  forParty: string | null | ((actor: MemberActor) => string | null);
  /** The item acted on, when it must be visible to the caller before permission is even asked. */
  item?: Owned;
}

interface World {
  n: SeatedNegotiation;
  app: FastifyInstance;
  party(target: Target): string | null;
  unique(): string;
  point: string;
  round: string;
  /** A fresh amendment of the target party: a draft, or proposed at a visibility. */
  amendment(target: Target, proposeTo?: 'mediator' | 'parties'): Promise<string>;
  version(): Promise<{ id: string; contentHash: string }>;
  person(partyId: string | null): Promise<string>;
  invitation(partyId: string | null): Promise<string>;
  /** A fresh private note of the target party, written by its negotiator. */
  note(target: Target): Promise<string>;
  /** A fresh settlement space for parties A and B (one issue, options x and y), scored by both when `scored`. */
  settlement(scored: boolean): Promise<{ issueId: string }>;
  /** A package of the current settlement space, recorded by the mediator at a visibility. */
  settlementPackage(issueId: string, visibility: 'mediator' | 'parties'): Promise<string>;
}

interface Case {
  action: Action;
  targets: readonly Target[];
  prepare(w: World, target: Target): Prepared | Promise<Prepared>;
}

const forParty = (target: Target, w: World) => w.party(target);
const actorParty = (a: MemberActor) => a.partyId;

/**
 * A document each import can tell apart from the text before it. It keeps the shared point
 * every other case writes against (an import drops the points a document leaves out).
 */
async function importedDocument(w: World): Promise<Record<string, string>> {
  const res = await w.app.inject({ method: 'GET', url: `/api/negotiations/${w.n.negotiationId}/points/${w.point}`, headers: w.n.mediator.headers });
  const kept = res.json<{ texts: Record<string, string> }>().texts.en ?? '';
  return {
    name: 'revision.txt', lang: 'en',
    content: `1. ${kept}\n2. The parties will exchange all prisoners of war within thirty days of signature (${w.unique()}).\n3. The ceasefire will be monitored by an independent mission reporting every week.\n`,
  };
}

/** A news report with one quotation, different each time (one report is imported once). */
const importedReport = (unique: string) => ({
  report: { title: 'Report', date: '2025-12-03', lang: 'en', text: `“The proposal is acceptable (${unique}),” the envoy said.` },
  statements: [{ quote: `The proposal is acceptable (${unique}),`, line: 1 }],
});

/** A confidential version with a point of its own whose English text starts "For": what a variant can be approved on. */
async function variantVersion(w: World): Promise<{ versionId: string; pointId: string }> {
  const pointId = idFrom(await w.n.run(w.n.mediator, { name: 'addPoint', input: { texts: { en: `For variants ${w.unique()}` } } }), 'point.added', 'point');
  const v = (await w.n.run(w.n.mediator, { name: 'createVersion', input: { visibility: 'parties' } })).find((e) => e.type === 'version.created');
  if (v?.type !== 'version.created') throw new Error('no version');
  return { versionId: v.payload.version.id, pointId };
}

/** Every write route under /api/negotiations/:id, by operationId: the action it is, and how to call it. */
const routeActions: Record<string, Case> = {
  addParty: { action: 'manage_parties', targets: ['none'], prepare: (w) => ({ body: { name: { en: 'New party' }, shortName: w.unique().slice(0, 12) }, forParty: null }) },
  addPerson: {
    action: 'manage_persons', targets: ['own', 'other', 'none'],
    prepare: (w, t) => ({ body: { names: { en: `Person ${w.unique()}` }, partyId: w.party(t) }, forParty: forParty(t, w) }),
  },
  updatePerson: {
    action: 'manage_persons', targets: ['own', 'other', 'none'],
    prepare: async (w, t) => ({ params: { personId: await w.person(w.party(t)) }, body: { names: { en: `Renamed ${w.unique()}` }, partyId: w.party(t) }, forParty: forParty(t, w) }),
  },
  addSection: { action: 'edit_working_text', targets: ['none'], prepare: (w) => ({ body: { title: { en: `Section ${w.unique()}` } }, forParty: null }) },
  addPoint: { action: 'edit_working_text', targets: ['none'], prepare: (w) => ({ body: { texts: { en: `Point ${w.unique()}` } }, forParty: null }) },
  editPoint: { action: 'edit_working_text', targets: ['none'], prepare: (w) => ({ params: { pointId: w.point }, body: { texts: { en: `Edited ${w.unique()}` } }, forParty: null }) },
  removePoint: {
    action: 'edit_working_text', targets: ['none'],
    prepare: async (w) => ({ params: { pointId: idFrom(await w.n.run(w.n.mediator, { name: 'addPoint', input: { texts: { en: `To remove ${w.unique()}` } } }), 'point.added', 'point') }, forParty: null }),
  },
  confirmTranslation: {
    action: 'edit_working_text', targets: ['none'],
    // A point whose English changed after its Russian: the Russian is pending, to be confirmed.
    prepare: async (w) => {
      const id = idFrom(await w.n.run(w.n.mediator, { name: 'addPoint', input: { texts: { en: `Pending ${w.unique()}`, ru: 'Перевод' } } }), 'point.added', 'point');
      await w.n.run(w.n.mediator, { name: 'editPoint', input: { pointId: id, texts: { en: `Changed ${w.unique()}`, ru: 'Перевод' } } });
      return { params: { pointId: id }, body: { lang: 'ru' }, forParty: null };
    },
  },
  createVersion: {
    action: 'create_version', targets: ['none'],
    prepare: async (w) => {
      await w.n.run(w.n.mediator, { name: 'addPoint', input: { texts: { en: `Change ${w.unique()}` } } });
      return { body: { label: `Version ${w.unique()}` }, forParty: null };
    },
  },
  initialVersion: {
    action: 'initial_version', targets: ['none'],
    prepare: async (w) => {
      const v = await w.version();
      return { params: { versionId: v.id }, body: { contentHash: v.contentHash }, forParty: actorParty };
    },
  },
  // Importing a document is making a version (and editing the working text): the mediator's.
  importVersion: { action: 'create_version', targets: ['none'], prepare: async (w) => ({ body: await importedDocument(w), forParty: null }) },
  draftAmendment: {
    action: 'draft_amendment', targets: ['own', 'other'],
    prepare: (w, t) => ({ body: { partyId: w.party(t), kind: 'insert', afterPointId: null, texts: { en: `Draft ${w.unique()}` } }, forParty: forParty(t, w) }),
  },
  proposeAmendment: {
    action: 'propose_amendment', targets: ['own', 'other'],
    // Its own draft (seen by nobody else), or the other party's amendment already on the table.
    prepare: async (w, t) => {
      const id = await w.amendment(t, t === 'own' ? undefined : 'parties');
      return { params: { amendmentId: id }, body: { visibility: 'parties' }, forParty: forParty(t, w), item: { visibility: t === 'own' ? 'party' : 'parties', partyId: w.party(t) } };
    },
  },
  withdrawAmendment: {
    action: 'propose_amendment', targets: ['own', 'other'],
    prepare: async (w, t) => ({ params: { amendmentId: await w.amendment(t, 'parties') }, forParty: forParty(t, w), item: { visibility: 'parties', partyId: w.party(t) } }),
  },
  rejectAmendment: {
    action: 'decide_amendment', targets: ['own', 'other'],
    prepare: async (w, t) => ({ params: { amendmentId: await w.amendment(t, 'mediator') }, body: { reason: 'Not now.' }, forParty: null }),
  },
  acceptAmendments: {
    action: 'decide_amendment', targets: ['own', 'other'],
    prepare: async (w, t) => ({ body: { amendmentIds: [await w.amendment(t, 'mediator')] }, forParty: null }),
  },
  setPosition: {
    action: 'set_position', targets: ['own', 'other'],
    prepare: (w, t) => ({ body: { partyId: w.party(t), pointId: w.point, level: 'discuss', reason: w.unique(), visibility: 'party' }, forParty: forParty(t, w) }),
  },
  scheduleRound: {
    action: 'manage_rounds', targets: ['none'],
    prepare: (w) => ({ body: { title: { en: `Round ${w.unique()}` }, startsAt: '2025-12-02T10:00:00Z' }, forParty: null }),
  },
  updateRound: {
    action: 'manage_rounds', targets: ['none'],
    prepare: (w) => ({ params: { roundId: w.round }, body: { title: { en: `Round ${w.unique()}` }, startsAt: '2025-12-02T10:00:00Z' }, forParty: null }),
  },
  writeReadout: {
    action: 'write_readout', targets: ['none'],
    prepare: (w) => ({ params: { roundId: w.round }, body: { text: { en: `Readout ${w.unique()}` }, visibility: 'party' }, forParty: actorParty }),
  },
  recordStatement: {
    action: 'record_statement', targets: ['none'],
    prepare: (w) => ({ body: { quote: `Said ${w.unique()}`, lang: 'en', date: '2025-12-03' }, forParty: null }),
  },
  editStatement: {
    action: 'record_statement', targets: ['none'],
    prepare: async (w) => ({
      params: { statementId: idFrom(await w.n.run(w.n.mediator, { name: 'recordStatement', input: { quote: `Said ${w.unique()}`, lang: 'en', date: '2025-12-03' } }), 'statement.recorded', 'statement') },
      body: { speakerAsNamed: `Speaker ${w.unique()}`, stance: 'discuss' }, forParty: null,
    }),
  },
  importReport: { action: 'record_statement', targets: ['none'], prepare: (w) => ({ body: importedReport(w.unique()), forParty: null }) },
  writeNote: {
    action: 'write_note', targets: ['none'],
    prepare: (w) => ({ body: { text: `Note ${w.unique()}`, pointId: w.point }, forParty: actorParty }),
  },
  editNote: {
    action: 'write_note', targets: ['own', 'other'],
    prepare: async (w, t) => ({ params: { noteId: await w.note(t) }, body: { text: `Edited ${w.unique()}` }, forParty: forParty(t, w), item: { visibility: 'party', partyId: w.party(t) } }),
  },
  deleteNote: {
    action: 'write_note', targets: ['own', 'other'],
    prepare: async (w, t) => ({ params: { noteId: await w.note(t) }, forParty: forParty(t, w), item: { visibility: 'party', partyId: w.party(t) } }),
  },
  saveSettlementSpace: {
    action: 'manage_settlement', targets: ['none'],
    prepare: (w) => ({ body: { partyIds: [w.party('own'), w.party('other')], issues: [{ label: `Issue ${w.unique()}`, divisible: false, options: [{ key: 'x', label: 'X' }, { key: 'y', label: 'Y' }] }] }, forParty: null }),
  },
  submitSettlementScores: {
    action: 'submit_scores', targets: ['none'],
    prepare: async (w) => {
      const { issueId } = await w.settlement(false);
      return { body: { scores: { weights: { [issueId]: 100 }, ratings: { [issueId]: { x: 70, y: 30 } } } }, forParty: actorParty };
    },
  },
  analyseSettlement: {
    action: 'manage_settlement', targets: ['none'],
    prepare: async (w) => {
      await w.settlement(true);
      return { body: {}, forParty: null };
    },
  },
  recordSettlementPackage: {
    action: 'manage_settlement', targets: ['none'],
    prepare: async (w) => {
      const { issueId } = await w.settlement(false);
      return { body: { label: `Package ${w.unique()}`, package: { [issueId]: 'x' } }, forParty: null };
    },
  },
  shareSettlementPackage: {
    action: 'manage_settlement', targets: ['none'],
    prepare: async (w) => ({ params: { packageId: await w.settlementPackage((await w.settlement(false)).issueId, 'mediator') }, forParty: null }),
  },
  setSettlementBaseline: {
    action: 'manage_settlement', targets: ['none'],
    prepare: async (w) => ({ body: { packageId: await w.settlementPackage((await w.settlement(false)).issueId, 'parties') }, forParty: null }),
  },
  approveVariants: {
    action: 'manage_fingerprints', targets: ['none'],
    prepare: async (w) => {
      const v = await variantVersion(w);
      return { params: { versionId: v.versionId }, body: { variants: [{ pointId: v.pointId, lang: 'en', start: 0, end: 3, original: 'For', alternative: 'Per' }] }, forParty: null };
    },
  },
  revokeVariant: {
    action: 'manage_fingerprints', targets: ['none'],
    prepare: async (w) => {
      const v = await variantVersion(w);
      const ev = (await w.n.run(w.n.mediator, { name: 'approveVariants', input: { versionId: v.versionId, variants: [{ pointId: v.pointId, lang: 'en', start: 0, end: 3, original: 'For', alternative: 'Per' }] } }))
        .find((e) => e.type === 'fingerprint.variants.approved');
      if (ev?.type !== 'fingerprint.variants.approved') throw new Error('no variant');
      return { params: { variantId: ev.payload.variants[0]!.id }, forParty: null };
    },
  },
  createInvitation: {
    action: 'manage_members', targets: ['own', 'other', 'none'],
    prepare: (w, t) => ({ body: { partyId: w.party(t), role: t === 'none' ? 'mediator' : 'observer', displayName: 'Invitee' }, forParty: forParty(t, w) }),
  },
  revokeInvitation: {
    action: 'manage_members', targets: ['own', 'other', 'none'],
    prepare: async (w, t) => ({ params: { invId: await w.invitation(w.party(t)) }, forParty: forParty(t, w), item: { visibility: 'mediator', partyId: w.party(t) } }),
  },
};

/** POST routes that work something out for the caller and record nothing (a preview before a write): guarded like the write they preview. */
const previews: Record<string, Case> = {
  previewImport: { action: 'create_version', targets: ['none'], prepare: async (w) => ({ body: await importedDocument(w), forParty: null }) },
  // Tracing records only an access-log line: guarded like the mediator's other fingerprint work.
  traceLeak: { action: 'manage_fingerprints', targets: ['none'], prepare: () => ({ body: { text: 'A passage that appeared in the press, word for word.' }, forParty: null }) },
  previewReport: { action: 'record_statement', targets: ['none'], prepare: (w) => ({ body: { text: importedReport(w.unique()).report.text, lang: 'en' }, forParty: null }) },
};

/** Reads that the policy table guards too (the actions no write route takes). */
const guardedReads: Record<string, Case> = {
  verifyRecord: { action: 'manage_negotiation', targets: ['none'], prepare: () => ({ forParty: null }) },
  listInvitations: { action: 'manage_members', targets: ['none'], prepare: () => ({ forParty: actorParty }) },
  listCopies: { action: 'manage_fingerprints', targets: ['none'], prepare: () => ({ forParty: null }) },
  getFingerprint: { action: 'manage_fingerprints', targets: ['none'], prepare: async (w) => ({ params: { versionId: (await w.version()).id }, forParty: null }) },
};

/** Writes about the caller's own account within a negotiation, which no party policy governs (the visit mark). Tested in test/api/map-routes.test.ts. */
const personal = new Set(['markVisit']);

/** Writes that are not about one negotiation: accounts, sessions, opening a negotiation. Tested in test/auth. */
const outsideNegotiations = new Set([
  'createNegotiation', 'signIn', 'signOut', 'signOutEverywhere', 'createToken', 'revokeToken', 'setupTotp', 'enableTotp', 'disableTotp', 'changePassword', 'acceptInvitation',
]);

type Caller = 'mediator' | 'principal' | 'negotiator' | 'advisor' | 'observer' | 'outsider' | 'read-only token' | 'anonymous';
const callers: readonly Caller[] = ['mediator', 'principal', 'negotiator', 'advisor', 'observer', 'outsider', 'read-only token', 'anonymous'];

type Expected = { allowed: true } | { allowed: false; status: number; codes: readonly string[] };

function expectation(caller: Caller, actor: MemberActor | null, c: Case, p: Prepared, method: string): Expected {
  if (caller === 'anonymous') return { allowed: false, status: 401, codes: ['unauthenticated'] };
  if (caller === 'read-only token' && method !== 'GET') return { allowed: false, status: 403, codes: ['action_denied'] };
  if (caller === 'outsider' || !actor) return { allowed: false, status: 404, codes: ['negotiation_not_found'] };
  if (p.item && !canSee(actor, p.item)) return { allowed: false, status: 404, codes: ['amendment_not_found', 'not_found'] };
  const party = typeof p.forParty === 'function' ? p.forParty(actor) : p.forParty;
  return may(actor, c.action, party) ? { allowed: true } : { allowed: false, status: 403, codes: ['action_denied'] };
}

const specOf = (operationId: string) => {
  const spec = allRoutes.find((r) => r.operationId === operationId);
  if (!spec) throw new Error(`no route ${operationId}`);
  return spec;
};

describe('the authorization matrix covers every write route', () => {
  it('maps every write route of a negotiation to an action, and names nothing else', () => {
    const writes = allRoutes.filter((r) => r.method !== 'GET');
    const unmapped = writes.filter((r) => !(r.operationId in routeActions) && !(r.operationId in previews) && !outsideNegotiations.has(r.operationId) && !personal.has(r.operationId)).map((r) => `${r.method} ${r.url} (${r.operationId})`);
    expect(unmapped, 'write routes with no action in routeActions').toEqual([]);
    for (const id of [...Object.keys(routeActions), ...Object.keys(previews)]) expect(specOf(id).url.startsWith('/api/negotiations/:id/'), id).toBe(true);
    for (const id of outsideNegotiations) expect(specOf(id).url.startsWith('/api/negotiations/:id'), id).toBe(false);
    for (const id of Object.keys(guardedReads)) expect(specOf(id).method, id).toBe('GET');
  });

  it('exercises every action of the policy table', () => {
    const exercised = new Set([...Object.values(routeActions), ...Object.values(previews), ...Object.values(guardedReads)].map((c) => c.action));
    expect([...exercised].sort()).toEqual(Object.keys(permissionTable).sort());
  });
});

describe.each(backends)('authorization matrix on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let w: World;
  const headers = new Map<Caller, Record<string, string>>();
  const actors = new Map<Caller, MemberActor>();

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    const n = await seatedNegotiation(t.db, { parties: 2, languages: ['en', 'ru'] });
    const [A, B] = [n.parties[0]!, n.parties[1]!];
    const other = await seatedNegotiation(t.db, { parties: 1 });
    let counter = 0;
    const point = idFrom(await n.run(n.mediator, { name: 'addPoint', input: { texts: { en: 'The point positions are taken on.' } } }), 'point.added', 'point');
    const round = idFrom(await n.run(n.mediator, { name: 'scheduleRound', input: { title: { en: 'Round' }, startsAt: '2025-12-01T10:00:00Z', visibility: 'parties' } }), 'round.scheduled', 'round');
    const party = (target: Target) => (target === 'own' ? A.id : target === 'other' ? B.id : null);
    w = {
      n, app, point, round, party,
      unique: () => `u${++counter}-${randomUUID().slice(0, 8)}`,
      async amendment(target, proposeTo) {
        const p = target === 'own' ? A : B;
        const events = await n.run(p.seats.negotiator, {
          name: 'draftAmendment',
          input: { partyId: p.id, kind: 'insert', afterPointId: null, texts: { en: `Insert ${w.unique()}` }, ...(proposeTo ? { proposeTo } : {}) },
        });
        return idFrom(events, 'amendment.drafted', 'amendment');
      },
      async version() {
        await n.run(n.mediator, { name: 'addPoint', input: { texts: { en: `For a version ${w.unique()}` } } });
        const v = (await n.run(n.mediator, { name: 'createVersion', input: { visibility: 'parties' } })).find((e) => e.type === 'version.created');
        if (v?.type !== 'version.created') throw new Error('no version');
        return { id: v.payload.version.id, contentHash: v.payload.version.contentHash };
      },
      async person(partyId) {
        return idFrom(await n.run(n.mediator, { name: 'addPerson', input: { names: { en: `Someone ${w.unique()}` }, partyId } }), 'person.added', 'person');
      },
      async note(target) {
        const p = target === 'own' ? A : B;
        return idFrom(await n.run(p.seats.negotiator, { name: 'writeNote', input: { text: `Private ${w.unique()}` } }), 'note.written', 'note');
      },
      async settlement(scored) {
        const saved = (await n.run(n.mediator, {
          name: 'saveSettlementSpace',
          input: { partyIds: [A.id, B.id], issues: [{ label: `Issue ${w.unique()}`, divisible: false, options: [{ key: 'x', label: 'X' }, { key: 'y', label: 'Y' }] }] },
        })).find((e) => e.type === 'settlement.space.saved');
        if (saved?.type !== 'settlement.space.saved') throw new Error('no space');
        const issueId = saved.payload.space.issues[0]!.id;
        if (scored) {
          for (const [p, x] of [[A, 80], [B, 20]] as const) {
            await n.run(p.seats.principal, { name: 'submitSettlementScores', input: { scores: { weights: { [issueId]: 100 }, ratings: { [issueId]: { x, y: 100 - x } } } } });
          }
        }
        return { issueId };
      },
      async settlementPackage(issueId, visibility) {
        return idFrom(await n.run(n.mediator, { name: 'recordSettlementPackage', input: { package: { [issueId]: 'y' }, visibility } }), 'settlement.package.recorded', 'package');
      },
      async invitation(partyId) {
        const res = await app.inject({
          method: 'POST', url: `/api/negotiations/${n.negotiationId}/invitations`, headers: n.mediator.headers,
          payload: { partyId, role: partyId === null ? 'mediator' : 'observer', displayName: 'To revoke' },
        });
        if (res.statusCode !== 201) throw new Error(res.body);
        return res.json<{ invitationId: string }>().invitationId;
      },
    };
    // Callers are named by role: the mediator, and the members of party A.
    const seat = (s: Seat) => {
      headers.set(s.role, s.headers);
      actors.set(s.role, s.actor);
    };
    seat(n.mediator);
    for (const s of Object.values(A.seats)) seat(s);
    headers.set('outsider', other.parties[0]!.seats.principal.headers);
    // The mediator's own account, with a token that may only read.
    headers.set('read-only token', { authorization: `Bearer ${(await issueToken(t.db, n.mediator.accountId, { scopes: ['read'] })).token}` });
    actors.set('read-only token', n.mediator.actor);
    headers.set('anonymous', {});
  });

  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  /** What a refusal could have written: the log, and the invitations (rows, not events). */
  async function written(): Promise<{ head: number; invitations: string }> {
    const [inv] = await t.db.query<{ n: number; revoked: number }>(
      'SELECT count(*)::int AS n, count(revoked_at)::int AS revoked FROM invitations WHERE negotiation_id = $1', [w.n.negotiationId]);
    return { head: await headSeq(t.db, w.n.negotiationId), invitations: `${inv!.n}/${inv!.revoked}` };
  }

  for (const [table, cases] of [['write', routeActions], ['preview', previews], ['read', guardedReads]] as const) {
    for (const [operationId, c] of Object.entries(cases)) {
      describe(`${operationId} (${c.action})`, () => {
        for (const target of c.targets) {
          for (const caller of callers) {
            it(`${caller}${target === 'none' ? '' : ` for the ${target} party`}`, async () => {
              const spec = specOf(operationId);
              const p = await c.prepare(w, target);
              const url = spec.url.replace(/:([A-Za-z]+)/g, (_, name: string) => (name === 'id' ? w.n.negotiationId : p.params?.[name] ?? `:${name}`));
              expect(url, 'every path parameter filled').not.toContain(':');
              const expected = expectation(caller, actors.get(caller) ?? null, c, p, spec.method);
              const before = await written();
              const res = await app.inject({ method: spec.method, url, headers: headers.get(caller)!, ...(p.body === undefined ? {} : { payload: p.body as Record<string, unknown> }) });
              const after = await written();
              if (expected.allowed) {
                expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
                expect(res.statusCode, res.body).toBeLessThan(300);
                if (table === 'write') expect(after, 'an allowed write is recorded').not.toEqual(before);
                if (table === 'preview') expect(after, 'a preview records nothing').toEqual(before);
              } else {
                expect(res.statusCode, res.body).toBe(expected.status);
                expect(expected.codes, res.body).toContain(res.json<{ code: string }>().code);
                expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
                expect(after, 'a refusal writes nothing').toEqual(before);
              }
            });
          }
        }
      });
    }
  }
});
