/**
 * Hostile input on every route, with the credential of someone who may use it: wrong
 * types, huge strings, invalid UTF-8 sent raw as JSON, lone surrogates, bidi controls, NUL,
 * JSON nested 10 000 deep, SQL and HTML, prototype-pollution keys, numbers JSON cannot
 * hold, dates PostgreSQL cannot hold, unknown fields, hostile path segments and query
 * strings. Whatever comes in, the answer is a 2xx (the input happened to be valid) or a
 * 4xx application/problem+json that wrote nothing; never a 5xx.
 *
 * Each route has a valid request in `templates`; most runs change one part of it, so the
 * rest stays valid and the hostile part reaches the domain and the store. A route without
 * a template fails the suite, so new routes are fuzzed too.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { AnyRouteSpec } from '../../src/server/route.ts';
import { allRoutes } from '../../src/server/routes/index.ts';
import type { Database } from '../../src/store/database.ts';
import { makeAccount } from '../auth/support.ts';
import { issueToken, openSession } from '../helpers/auth.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { idFrom, seatedNegotiation, type SeatedNegotiation } from '../helpers/seats.ts';

/** Runs per route; raise it locally (PARLEY_FUZZ_RUNS=200) for a deeper search. */
const NUM_RUNS = Number(process.env.PARLEY_FUZZ_RUNS ?? 10);
const HUGE = 'x'.repeat(1024 * 1024);

/** Who calls a route in the fuzz: someone it is meant for. */
type Who = 'mediator' | 'principal' | 'self' | 'admin' | 'anonymous';

interface World {
  n: SeatedNegotiation;
  A: string;
  B: string;
  /** The settlement's issue with options, its divisible issue, and a package shared with the parties. */
  settlement: { line: string; fund: string; shared: string };
  point: string;
  person: string;
  contentHash: string;
  invitationToken: string;
  /** Ids by the name of the path parameter they fill. */
  pool: Record<string, string[]>;
}

interface Template { as: Who; body?: (w: World) => Record<string, unknown> }

const mediator: Template = { as: 'mediator' };
const round = (w: World) => ({
  title: { en: 'Round' }, startsAt: '2025-12-01T10:00:00Z', endsAt: '2025-12-01T12:00:00+02:00', durationMinutes: 60, place: { en: 'Geneva' },
  format: 'bilateral', partyIds: [w.A], attendeeIds: [w.person], confidentiality: { nonDisclosure: true, terms: { en: 'Not to disclose.' } },
  publicReadout: { en: 'They met.' }, pointIds: [w.point], visibility: 'parties',
});

/** A valid request for every route, by operationId. */
const templates: Record<string, Template> = {
  health: { as: 'anonymous' },
  signIn: { as: 'anonymous', body: () => ({ email: 'nobody@test.parley', password: 'not a password of anyone', totp: '123456' }) },
  signOut: { as: 'self' },
  signOutEverywhere: { as: 'self', body: () => ({ includeTokens: false }) },
  me: { as: 'self' },
  createToken: { as: 'self', body: (w) => ({ name: 'fuzz', scopes: ['read'], negotiationId: w.n.negotiationId, expiresInDays: 3 }) },
  listTokens: { as: 'self' },
  revokeToken: { as: 'self' },
  setupTotp: { as: 'self' },
  enableTotp: { as: 'self', body: () => ({ code: '123456' }) },
  disableTotp: { as: 'self', body: () => ({ password: 'not the password', code: '123456' }) },
  changePassword: { as: 'self', body: () => ({ currentPassword: 'not the password', newPassword: 'a new and long passphrase' }) },
  accountLog: { as: 'self' },
  createInvitation: { as: 'mediator', body: (w) => ({ partyId: w.A, role: 'observer', email: 'invitee@test.parley', displayName: 'Invitee', expiresInDays: 2 }) },
  listInvitations: mediator,
  revokeInvitation: mediator,
  acceptInvitation: { as: 'anonymous', body: (w) => ({ token: w.invitationToken, account: { email: `new-${randomUUID()}@test.parley`, displayName: 'Newcomer', password: 'a long enough passphrase' } }) },
  listNegotiations: mediator,
  createNegotiation: { as: 'admin', body: () => ({ title: { en: 'Fuzzed' }, description: { en: 'd' }, languages: ['en', 'ru'], draftingLanguage: 'en', mediatorName: 'M' }) },
  getNegotiation: mediator,
  listParties: mediator,
  addParty: { as: 'mediator', body: () => ({ name: { en: 'Party' }, shortName: randomBytes(4).toString('hex'), broker: false }) },
  listPersons: mediator,
  addPerson: { as: 'mediator', body: (w) => ({ names: { en: 'Someone' }, aliases: ['S'], title: { en: 'Envoy' }, partyId: w.A }) },
  updatePerson: { as: 'mediator', body: (w) => ({ names: { en: `Someone ${randomUUID()}` }, aliases: [], title: {}, partyId: w.A }) },
  listMembers: mediator,
  listSections: mediator,
  addSection: { as: 'mediator', body: () => ({ title: { en: 'Section' } }) },
  listPoints: mediator,
  addPoint: { as: 'mediator', body: (w) => ({ texts: { en: 'A point.' }, sectionId: null, afterPointId: w.point, tags: ['security'], illustrative: false }) },
  getPoint: mediator,
  editPoint: { as: 'mediator', body: () => ({ texts: { en: `Edited ${randomUUID()}` }, tags: [], sectionId: null }) },
  removePoint: mediator,
  confirmTranslation: { as: 'mediator', body: () => ({ lang: 'ru' }) },
  listVersions: mediator,
  createVersion: { as: 'mediator', body: () => ({ label: 'v', note: 'n', visibility: 'parties', amendmentIds: [] }) },
  getVersion: mediator,
  exportVersion: mediator,
  exportComparison: mediator,
  previewImport: { as: 'mediator', body: () => ({ name: 'plan.txt', lang: 'en', content: '1. The parties will exchange all prisoners of war within thirty days.\n2. The ceasefire will be monitored by an independent mission.\n', encoding: 'utf8' }) },
  importVersion: { as: 'mediator', body: () => ({ name: 'plan.txt', lang: 'en', content: `1. The parties will exchange all prisoners of war within thirty days (${randomUUID()}).\n`, encoding: 'utf8', label: 'Imported', note: '', visibility: 'parties' }) },
  initialVersion: { as: 'principal', body: (w) => ({ contentHash: w.contentHash }) },
  listAmendments: mediator,
  draftAmendment: { as: 'principal', body: (w) => ({ partyId: w.A, kind: 'replace', pointId: w.point, texts: { en: 'New words.' }, afterPointId: null, number: null, justification: 'Why.', proposeTo: 'mediator' }) },
  getAmendment: mediator,
  proposeAmendment: { as: 'principal', body: () => ({ visibility: 'parties' }) },
  withdrawAmendment: { as: 'principal' },
  rejectAmendment: { as: 'mediator', body: () => ({ reason: 'No.' }) },
  acceptAmendments: { as: 'mediator', body: (w) => ({ amendmentIds: w.pool.amendmentId!.slice(0, 1), versionLabel: 'v', versionNote: '' }) },
  listPositions: mediator,
  positionHistory: mediator,
  setPosition: { as: 'principal', body: (w) => ({ partyId: w.A, pointId: w.point, amendmentId: null, level: 'reject', reason: `Because ${randomUUID()}`, visibility: 'party' }) },
  agreementMap: mediator,
  listRounds: mediator,
  scheduleRound: { as: 'mediator', body: round },
  getRound: mediator,
  updateRound: { as: 'mediator', body: (w) => ({ ...round(w), title: { en: `Round ${randomUUID()}` } }) },
  listReadouts: mediator,
  writeReadout: { as: 'principal', body: () => ({ text: { en: 'What was said.' }, visibility: 'mediator' }) },
  listStatements: mediator,
  recordStatement: {
    as: 'principal',
    body: (w) => ({
      personId: w.person, speakerAsNamed: 'S', quote: 'Said.', lang: 'en', translations: { ru: 'Сказал.' }, kind: 'speech',
      source: { title: 'T', publisher: 'P', url: 'https://example.test', line: 3 }, date: '2025-12-03', pointIds: [w.point], stance: 'reject',
    }),
  },
  editStatement: { as: 'principal', body: (w) => ({ personId: w.person, speakerAsNamed: `S ${randomUUID()}`, translations: { ru: 'Сказал.' }, pointIds: [w.point], stance: 'discuss' }) },
  previewReport: { as: 'principal', body: () => ({ text: '“The proposal is acceptable,” the envoy said.', lang: 'en', format: 'text', name: 'report.txt' }) },
  importReport: {
    as: 'principal',
    body: () => {
      const words = `The proposal is acceptable (${randomUUID()}),`;
      return { report: { title: 'T', publisher: 'P', url: 'https://example.test/r', date: '2025-12-03', lang: 'en', format: 'text', text: `“${words}” the envoy said.`, visibility: 'public' }, statements: [{ quote: words, line: 1, stance: 'accept' }] };
    },
  },
  listReports: mediator,
  getReport: mediator,
  listDiscrepancies: mediator,
  agreementHistory: mediator,
  getVisit: mediator,
  markVisit: { as: 'mediator', body: () => ({ seenSeq: 1 }) },
  listNotes: { as: 'principal' },
  writeNote: { as: 'principal', body: (w) => ({ text: `A note ${randomUUID()}`, pointId: w.point, amendmentId: null, roundId: null }) },
  editNote: { as: 'principal', body: () => ({ text: `Edited ${randomUUID()}` }) },
  deleteNote: { as: 'principal' },
  getSettlement: mediator,
  saveSettlementSpace: {
    as: 'mediator',
    body: (w) => ({
      partyIds: [w.A, w.B],
      issues: [
        { id: w.settlement.line, label: 'Line', divisible: false, options: [{ key: 'x', label: 'X' }, { key: 'y', label: 'Y' }], pointIds: [w.point] },
        { id: w.settlement.fund, label: 'Fund', divisible: true, options: [] },
      ],
    }),
  },
  submitSettlementScores: {
    as: 'principal',
    body: (w) => ({ scores: { weights: { [w.settlement.line]: 60, [w.settlement.fund]: 40 }, ratings: { [w.settlement.line]: { x: 80, y: 20 } }, unacceptable: [], batna: 10 }, share: 'mediator' }),
  },
  analyseSettlement: { as: 'mediator', body: () => ({ visibility: 'mediator' }) },
  recordSettlementPackage: {
    as: 'mediator',
    body: (w) => ({ label: 'By hand', package: { [w.settlement.line]: 'y', [w.settlement.fund]: { [w.A]: 0.5, [w.B]: 0.5 } }, visibility: 'mediator' }),
  },
  shareSettlementPackage: mediator,
  setSettlementBaseline: { as: 'mediator', body: (w) => ({ packageId: w.settlement.shared }) },
  listEvents: mediator,
  verifyRecord: mediator,
  listAccessLog: mediator,
  getFingerprint: mediator,
  approveVariants: { as: 'mediator', body: (w) => ({ variants: [{ pointId: w.point, lang: 'en', start: 0, end: 1, original: 'A', alternative: 'B' }] }) },
  revokeVariant: mediator,
  listCopies: mediator,
  versionCopyView: mediator,
  exportReadout: mediator,
  traceLeak: { as: 'mediator', body: () => ({ text: 'The parties will exchange all prisoners of war within thirty days.' }) },
};

const HOSTILE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDC00y', '\uDBFF\uDFFF', '\uFFFE\uFFFF', '\u202Eevil\u202C', '\u2066\u2069', '\u200B\u200D\uFEFF', '\u0007\u001B[31m',
  "'; DROP TABLE events; --", "' OR '1'='1", '$1', '%s%n', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '../../../etc/passwd',
  '__proto__', 'constructor', 'prototype', 'NaN', 'Infinity', '-0', '1e309', 'null', 'undefined', 'true', '{}', '[]',
  '0000-01-01', '0000-01-01T00:00:00Z', '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-01:00', '2025-02-30', '+275760-09-13T00:00:00Z', '2025-13-01T00:00:00Z',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'parley_inv_', `parley_${'A'.repeat(43)}`,
  'zz', 'en-', 'x'.repeat(300), '\u0130\u0131', 'ﷺ', '👩‍👩‍👧‍👦', 'e\u0301',
];
const HOSTILE_NUMBERS = [0, -0, -1, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MIN_VALUE];
/** Number tokens that JSON.stringify cannot produce: spliced into the text raw. */
const RAW_NUMBERS = ['1e309', '-1e309', '-0', '1e-400', 'NaN', 'Infinity', '0x10', '01', '9007199254740993', '-9007199254740993', '1.0e+2', '2147483648'];
/** Path segments and query values as they arrive on the wire, already percent-encoded. */
const HOSTILE_SEGMENTS = [
  '%00', '%ED%A0%80', '%FF', '%C0%AF', '%E2%80%AE', '%0D%0AX-Injected:%201', '%22%3B%20x%3D1', '%C3%BC', '%E6%97%A5', 'en%00', '..', '..%2F..%2Fetc', '%', '%zz', "'%20OR%201%3D1--", '%3Cscript%3E', 'a'.repeat(200),
  '00000000-0000-0000-0000-000000000000', '-1', '1e309', 'NaN', '__proto__', 'constructor', '9007199254740993', '2147483648', '0',
  Buffer.from('99999999999999999999').toString('base64url'), Buffer.from('-5').toString('base64url'), Buffer.from('1e3').toString('base64url'),
];

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constant(HUGE) },
);
const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '', 'id', 'partyId', 'visibility'), fc.string({ maxLength: 8 }));
const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.constantFrom(...HOSTILE_NUMBERS),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 3 }).map((entries) => Object.fromEntries(entries)),
  ),
})).value;
const segment = fc.oneof(fc.constantFrom(...HOSTILE_SEGMENTS), fc.string({ maxLength: 16 }).map(encodeURIComponent), fc.uuid().map(String));

/** JSON nested 10 000 deep, as text (JSON.stringify would recurse that deep). */
const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;

interface Payload { label: string; payload?: string | Buffer; contentType?: string }

/** Key paths of a template's fields, nested objects included. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix.length ? [prefix] : [];
  const out: string[][] = prefix.length ? [prefix] : [];
  for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(template: Record<string, unknown>, path: readonly string[], v: unknown): Record<string, unknown> {
  const copy = structuredClone(template);
  let at: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) {
    const next = at[k];
    if (next === null || typeof next !== 'object') return copy;
    at = next as Record<string, unknown>;
  }
  // defineProperty: a key named __proto__ becomes a field, not the prototype.
  Object.defineProperty(at, path.at(-1)!, { value: v, enumerable: true, writable: true, configurable: true });
  return copy;
}

const PLACEHOLDER = 'RAW-TOKEN-7f3a9c';
const json = (label: string, value: unknown): Payload => ({ label, payload: JSON.stringify(value), contentType: 'application/json' });

/** The deterministic hostile bodies every route with a body gets, on top of the random ones. */
function rawBodies(template: Record<string, unknown>): Payload[] {
  const text = JSON.stringify(template);
  const firstString = paths(template).find((p) => typeof p.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], template) === 'string') ?? ['x'];
  const withString = (bytes: Buffer) => {
    const [before, after] = JSON.stringify(setAt(template, firstString, PLACEHOLDER)).split(PLACEHOLDER) as [string, string];
    return Buffer.concat([Buffer.from(before), bytes, Buffer.from(after)]);
  };
  const ct = 'application/json';
  return [
    { label: 'invalid UTF-8 (0xff 0xfe)', payload: withString(Buffer.from([0xff, 0xfe])), contentType: ct },
    { label: 'overlong UTF-8 (0xc0 0xaf)', payload: withString(Buffer.from([0xc0, 0xaf])), contentType: ct },
    { label: 'UTF-8 encoded surrogate (0xed 0xa0 0x80)', payload: withString(Buffer.from([0xed, 0xa0, 0x80])), contentType: ct },
    { label: 'a whole body of invalid UTF-8', payload: Buffer.from(randomBytes(64).map((b) => b | 0x80)), contentType: ct },
    { label: 'a lone surrogate escaped in JSON', payload: withString(Buffer.from('\\ud800')), contentType: ct },
    { label: 'NUL escaped in JSON', payload: withString(Buffer.from('a\\u0000b')), contentType: ct },
    json('a 1 MB string', setAt(template, firstString, HUGE)),
    { label: 'arrays nested 10 000 deep', payload: deepArray, contentType: ct },
    { label: 'objects nested 10 000 deep', payload: deepObject, contentType: ct },
    { label: 'a field whose value is nested 10 000 deep', payload: withString(Buffer.from(`", "n": ${deepArray}, "m": "`)), contentType: ct },
    { label: '__proto__ key', payload: `{"__proto__":{"polluted":"yes"},${text.slice(1)}`, contentType: ct },
    { label: 'constructor.prototype key', payload: `{"constructor":{"prototype":{"polluted":"yes"}},${text.slice(1)}`, contentType: ct },
    { label: 'nested __proto__ key', payload: withString(Buffer.from('x","__proto__":{"polluted":"yes"},"y":"')), contentType: ct },
    { label: 'number 1e309', payload: withString(Buffer.from('",  "n": 1e309, "m":"')), contentType: ct },
    { label: 'truncated JSON', payload: text.slice(0, Math.max(1, text.length - 3)), contentType: ct },
    { label: 'empty JSON body', payload: '', contentType: ct },
    { label: 'JSON as text/plain', payload: text, contentType: 'text/plain' },
    { label: 'form-encoded', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { label: 'JSON claiming UTF-16', payload: text, contentType: 'application/json; charset=utf-16' },
    { label: 'a JSON string', payload: JSON.stringify(HUGE.slice(0, 1000)), contentType: ct },
    json('unknown fields', { ...template, extra: 'field', isAdmin: true, role: 'mediator', negotiationId: randomUUID() }),
  ];
}

function bodyArb(template: Record<string, unknown>): fc.Arbitrary<Payload> {
  const ps = paths(template);
  const fieldPaths = ps.length ? ps : [['x']];
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...fieldPaths), hostileJson).map(([p, v]) => json(`${p.join('.')} := hostile`, setAt(template, p, v))) },
    { weight: 2, arbitrary: fc.tuple(hostileKey, hostileJson).map(([k, v]) => json(`extra field ${JSON.stringify(k)}`, setAt(template, [k], v))) },
    { weight: 1, arbitrary: hostileJson.map((v) => json('whole body hostile', v)) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...fieldPaths), fc.constantFrom(...RAW_NUMBERS)).map(([p, raw]): Payload => ({
        label: `${p.join('.')} := ${raw}`, payload: JSON.stringify(setAt(template, p, PLACEHOLDER)).replace(`"${PLACEHOLDER}"`, raw), contentType: 'application/json',
      })),
    },
  );
}

/** The query parameters a route declares. */
const queryKeys = (spec: AnyRouteSpec): string[] => Object.keys((spec.query as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});

function queryArb(spec: AnyRouteSpec): fc.Arbitrary<string> {
  const keys = [...queryKeys(spec), 'after', 'limit', 'cursor', '__proto__', 'constructor[prototype][polluted]', 'a[]', 'token'];
  const value = fc.oneof(segment, fc.constantFrom('1e309', '-0', 'NaN', '2147483648', '-1', 'true', 'md', 'json', '500', '501', 'draft'));
  return fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 6 }).map(encodeURIComponent)), value), { maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
}

function paramsArb(spec: AnyRouteSpec, pool: Record<string, string[]>): fc.Arbitrary<Record<string, string>> {
  const names = [...spec.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const record: Record<string, fc.Arbitrary<string>> = {};
  for (const name of names) {
    const ids = pool[name];
    if (!ids?.length) throw new Error(`no ids for :${name} of ${spec.operationId}`);
    record[name] = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: segment });
  }
  return fc.record(record);
}

const urlOf = (spec: AnyRouteSpec, params: Record<string, string>, query: string) =>
  spec.url.replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? name) + (query ? `?${query}` : '');

/** Everything a refused request must not have changed. */
async function counts(db: Database): Promise<string> {
  const [r] = await db.query<Record<string, number>>(`SELECT
    (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM negotiations) AS negotiations,
    (SELECT count(*)::int FROM members) AS members, (SELECT count(*)::int FROM accounts) AS accounts,
    (SELECT count(*)::int FROM invitations) AS invitations, (SELECT count(revoked_at)::int FROM invitations) AS invitations_revoked,
    (SELECT count(accepted_at)::int FROM invitations) AS invitations_accepted,
    (SELECT count(*)::int FROM api_tokens) AS tokens, (SELECT count(revoked_at)::int FROM api_tokens) AS tokens_revoked,
    (SELECT count(*)::int FROM sessions) AS sessions, (SELECT count(revoked_at)::int FROM sessions) AS sessions_revoked,
    (SELECT count(*)::int FROM accounts WHERE totp_enabled) AS totp`);
  return JSON.stringify(r);
}

describe('the fuzz covers every route', () => {
  it('has a template for every route, and for nothing else', () => {
    expect(allRoutes.map((r) => r.operationId).filter((id) => !(id in templates))).toEqual([]);
    expect(Object.keys(templates).filter((id) => !allRoutes.some((r) => r.operationId === id))).toEqual([]);
    for (const r of allRoutes) expect(Boolean(templates[r.operationId]!.body), `${r.operationId}: a template body exactly when the route takes one`).toBe(Boolean(r.body));
  });
});

describe.each(backends)('hostile input on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let w: World;
  let selfAccount: string;
  const headers = new Map<Who, Record<string, string>>();
  const problems: string[] = [];

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    const n = await seatedNegotiation(t.db, { parties: 2 });
    const [A, B] = [n.parties[0]!, n.parties[1]!];
    const med = n.mediator;
    const point = idFrom(await n.run(med, { name: 'addPoint', input: { texts: { en: 'The first point.' } } }), 'point.added', 'point');
    const second = idFrom(await n.run(med, { name: 'addPoint', input: { texts: { en: 'The second point.' } } }), 'point.added', 'point');
    const third = idFrom(await n.run(med, { name: 'addPoint', input: { texts: { en: 'The third point.' } } }), 'point.added', 'point');
    const person = idFrom(await n.run(med, { name: 'addPerson', input: { names: { en: 'An envoy' }, partyId: A.id } }), 'person.added', 'person');
    const roundId = idFrom(await n.run(med, { name: 'scheduleRound', input: { title: { en: 'Talks' }, startsAt: '2025-12-01T10:00:00Z' } }), 'round.scheduled', 'round');
    const version = (await n.run(med, { name: 'createVersion', input: {} })).find((e) => e.type === 'version.created');
    if (version?.type !== 'version.created') throw new Error('no version');
    const amendments: string[] = [];
    for (const proposeTo of ['mediator', 'parties', undefined] as const) {
      amendments.push(idFrom(await n.run(A.seats.negotiator, { name: 'draftAmendment', input: { partyId: A.id, kind: 'insert', afterPointId: null, texts: { en: 'Inserted.' }, ...(proposeTo ? { proposeTo } : {}) } }), 'amendment.drafted', 'amendment'));
    }
    amendments.push(idFrom(await n.run(B.seats.negotiator, { name: 'draftAmendment', input: { partyId: B.id, kind: 'delete', pointId: second, proposeTo: 'parties' } }), 'amendment.drafted', 'amendment'));
    const notes: string[] = [];
    for (let i = 0; i < 3; i++) notes.push(idFrom(await n.run(A.seats.principal, { name: 'writeNote', input: { text: `Note ${i}` } }), 'note.written', 'note'));
    const statements: string[] = [];
    for (let i = 0; i < 2; i++) statements.push(idFrom(await n.run(A.seats.observer, { name: 'recordStatement', input: { quote: `Said ${i}.`, lang: 'en', date: '2025-12-03' } }), 'statement.recorded', 'statement'));
    const reportId = idFrom(await n.run(med, {
      name: 'importReport', input: { report: { date: '2025-12-03', lang: 'en', text: '“We agree,” the envoy said.' }, statements: [{ quote: 'We agree,', line: 1 }] },
    }), 'report.imported', 'report');
    const space = (await n.run(med, {
      name: 'saveSettlementSpace',
      input: { partyIds: [A.id, B.id], issues: [{ label: 'Line', divisible: false, options: [{ key: 'x', label: 'X' }, { key: 'y', label: 'Y' }] }, { label: 'Fund', divisible: true, options: [] }] },
    })).find((e) => e.type === 'settlement.space.saved');
    if (space?.type !== 'settlement.space.saved') throw new Error('no settlement space');
    const [line, fund] = space.payload.space.issues.map((i) => i.id) as [string, string];
    for (const [p, x] of [[A, 80], [B, 10]] as const) {
      await n.run(p.seats.principal, { name: 'submitSettlementScores', input: { scores: { weights: { [line]: 60, [fund]: 40 }, ratings: { [line]: { x, y: 100 - x } } } } });
    }
    const packages: string[] = [];
    for (const visibility of ['mediator', 'mediator', 'parties'] as const) {
      packages.push(idFrom(await n.run(med, { name: 'recordSettlementPackage', input: { package: { [line]: 'x', [fund]: { [A.id]: 0.5, [B.id]: 0.5 } }, visibility } }), 'settlement.package.recorded', 'package'));
    }
    const invitations: string[] = [];
    let invitationToken = '';
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({ method: 'POST', url: `/api/negotiations/${n.negotiationId}/invitations`, headers: med.headers, payload: { partyId: A.id, role: 'observer', displayName: `Invitee ${i}` } });
      invitations.push(res.json<{ invitationId: string }>().invitationId);
      invitationToken = res.json<{ token: string }>().token;
    }
    // The account whose own settings are fuzzed: a real password hash, a fresh session per run.
    selfAccount = (await makeAccount(t.db, 'fuzz-self@test.parley')).id;
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) tokens.push((await issueToken(t.db, selfAccount, { scopes: ['read'] })).tokenId);
    const admin = (await makeAccount(t.db, 'fuzz-admin@test.parley', { isAdmin: true })).id;
    headers.set('admin', { authorization: `Bearer ${(await issueToken(t.db, admin, { scopes: ['read', 'write', 'admin'] })).token}` });
    headers.set('mediator', med.headers);
    headers.set('principal', A.seats.principal.headers);
    headers.set('anonymous', {});
    w = {
      n, A: A.id, B: B.id, settlement: { line, fund, shared: packages[2]! }, point, person, contentHash: version.payload.version.contentHash, invitationToken,
      pool: {
        // Not `point`, which the bodies name: removePoint is fuzzed too, and would take it away from them.
        id: [n.negotiationId], pointId: [second, third], personId: [person], roundId: [roundId], versionId: [version.payload.version.id],
        amendmentId: amendments, invId: invitations, tokenId: tokens, noteId: notes, statementId: statements, reportId: [reportId],
        packageId: packages,
        // Unknown ids: these routes answer 404 for them, which is what the fuzzer probes.
        variantId: [randomUUID()], readoutId: [randomUUID()],
      },
    };
  });

  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  async function credentials(who: Who): Promise<Record<string, string>> {
    if (who !== 'self') return headers.get(who)!;
    // Signing out (everywhere) is one of the routes fuzzed: each run gets a session of its own.
    const s = await openSession(t.db, selfAccount);
    const [row] = await t.db.query<{ csrf_token: string }>('SELECT csrf_token FROM sessions WHERE id = $1', [s.sessionId]);
    return { cookie: s.cookie, 'x-csrf-token': row!.csrf_token };
  }

  /** Sends one request and records what is wrong with the answer; returns false on a problem. */
  async function check(spec: AnyRouteSpec, url: string, p: Payload): Promise<boolean> {
    const who = templates[spec.operationId]!.as;
    const auth = await credentials(who);
    const before = await counts(t.db);
    const options: InjectOptions = {
      method: spec.method, url, headers: { ...auth, ...(p.contentType ? { 'content-type': p.contentType } : {}) },
      // A new address each time: the sign-in throttle would otherwise answer 429 before anything else is tried.
      remoteAddress: `10.${randomBytes(3).join('.')}`,
      ...(p.payload === undefined ? {} : { payload: p.payload }),
    };
    const res = await app.inject(options);
    const what = `${spec.method} ${url.slice(0, 160)} [${p.label}] as ${who} -> ${res.statusCode} ${res.body.slice(0, 200)}`;
    if (res.statusCode >= 500) {
      problems.push(`5xx: ${what}`);
      return false;
    }
    if (res.statusCode >= 400) {
      const type = String(res.headers['content-type'] ?? '');
      let body: { status?: unknown; code?: unknown } = {};
      try {
        body = res.json();
      } catch {
        body = {};
      }
      if (!type.startsWith('application/problem+json') || body.status !== res.statusCode || typeof body.code !== 'string') {
        problems.push(`not problem+json: ${what}`);
        return false;
      }
      const after = await counts(t.db);
      if (after !== before) {
        problems.push(`a refusal wrote: ${what}: ${before} -> ${after}`);
        return false;
      }
    }
    return true;
  }

  for (const spec of allRoutes) {
    const template = templates[spec.operationId];
    it(`${spec.method} ${spec.url} (${spec.operationId})`, async () => {
      const start = problems.length;
      const body = template?.body?.(w);
      const request = fc.record({
        params: paramsArb(spec, w.pool),
        query: fc.oneof(fc.constant(''), queryArb(spec)),
        payload: body ? fc.oneof({ weight: 1, arbitrary: fc.constant<Payload>(json('the template', body)) }, { weight: 6, arbitrary: bodyArb(body) }) : fc.constant<Payload>({ label: 'no body' }),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ params, query, payload }) => check(spec, urlOf(spec, params, query), payload)),
        { numRuns: spec.method === 'GET' ? Math.ceil(NUM_RUNS / 2) : NUM_RUNS, endOnFailure: true },
      ).catch(() => undefined);
      const valid = Object.fromEntries(Object.entries(w.pool).map(([k, v]) => [k, v[0]!]));
      if (body) {
        for (const raw of rawBodies(body)) await check(spec, urlOf(spec, valid, ''), raw);
      }
      // Every declared query parameter gets every hostile value, and twice over (an array).
      for (const key of queryKeys(spec)) {
        for (const v of HOSTILE_SEGMENTS) {
          for (const query of [`${key}=${v}`, `${key}=${v}&${key}=${v}`]) await check(spec, urlOf(spec, valid, query), body ? json('the template', body) : { label: 'no body' });
        }
      }
      expect(problems.slice(start)).toEqual([]);
    });
  }

  it('refuses, with a 4xx that writes nothing, each input that once answered 500', async () => {
    const N = `/api/negotiations/${w.n.negotiationId}`;
    const statement = (extra: Record<string, unknown>) => ({ quote: 'Said.', lang: 'en', date: '2025-12-03', ...extra });
    const roundAt = (startsAt: string, endsAt: string | null = null) => ({ title: { en: 'R' }, startsAt, endsAt });
    const cursor = Buffer.from('99999999999999999999').toString('base64url');
    const cases: [Who, AnyRouteSpec['method'], string, unknown, number][] = [
      // Strings PostgreSQL cannot store, in fields that are not the domain's Text.
      ['mediator', 'POST', `${N}/parties`, { name: { en: 'P' }, shortName: 'a\u0000b' }, 400],
      ['mediator', 'POST', `${N}/parties`, { name: { en: 'P' }, shortName: '\uD800' }, 400],
      ['anonymous', 'POST', '/api/auth/sign-in', { email: 'a\u0000@test.parley', password: 'whatever it is' }, 400],
      // Lone surrogates in Text fields: valid JSON, not storable in jsonb.
      ['principal', 'POST', `${N}/statements`, statement({ quote: 'x\uD800y' }), 400],
      ['principal', 'POST', `${N}/statements`, statement({ source: { url: 'a\uDC00' } }), 400],
      ['mediator', 'POST', `${N}/persons`, { names: { en: 'x' }, aliases: ['a\uD800'] }, 400],
      ['mediator', 'POST', `${N}/points`, { texts: { en: 'x' }, number: '\uDBFF' }, 400],
      ['admin', 'POST', '/api/negotiations', { title: { en: 'T\uD800' }, languages: ['en'], draftingLanguage: 'en' }, 400],
      // Dates outside the years PostgreSQL reads.
      ['principal', 'POST', `${N}/statements`, statement({ date: '0000-01-01' }), 400],
      ['mediator', 'POST', `${N}/rounds`, roundAt('0000-01-01T00:00:00Z'), 400],
      ['mediator', 'POST', `${N}/rounds`, roundAt('0001-01-01T00:00:00+01:00'), 400],
      ['mediator', 'POST', `${N}/rounds`, roundAt('9999-12-31T23:59:59-01:00'), 400],
      ['mediator', 'POST', `${N}/rounds`, roundAt('2025-12-01T10:00:00Z', '9999-12-31T23:59:59-01:00'), 400],
      // Integers past PostgreSQL's integer and bigint.
      ['mediator', 'GET', `${N}/events?after=2147483648`, undefined, 400],
      ['mediator', 'GET', `${N}/events?after=9007199254740991`, undefined, 400],
      ['mediator', 'GET', `${N}/events?after=2147483647`, undefined, 200],
      ['mediator', 'GET', `${N}/access-log?cursor=${cursor}`, undefined, 200],
      ['self', 'GET', `/api/account/log?cursor=${cursor}`, undefined, 200],
      // An export's language names the downloaded file and picks texts by key.
      ...['%E2%80%AE', '%0D%0AX-Injected:%201', '%E6%97%A5', '__proto__', 'constructor', '%22%3Bx%3D1'].map((lang): [Who, 'GET', string, unknown, number] =>
        ['mediator', 'GET', `${N}/versions/${w.pool.versionId![0]!}/export?lang=${lang}`, undefined, 400]),
      // A URL the router cannot decode.
      ['mediator', 'GET', `/api/negotiations/%ED%A0%80/points`, undefined, 400],
      ['mediator', 'GET', `${N}/points/${'a'.repeat(200)}`, undefined, 414],
    ];
    const answers: string[] = [];
    for (const [who, method, url, payload] of cases) {
      const auth = await credentials(who);
      const before = await counts(t.db);
      const res = await app.inject({ method, url, headers: auth, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
      const problem = res.statusCode < 400 || (String(res.headers['content-type']).startsWith('application/problem+json') && res.json<{ status: number }>().status === res.statusCode);
      const wrote = res.statusCode >= 400 && (await counts(t.db)) !== before;
      answers.push(`${method} ${url} ${res.statusCode}${problem ? '' : ' (not problem+json)'}${wrote ? ' (wrote)' : ''}`);
    }
    expect(answers).toEqual(cases.map(([, method, url, , status]) => `${method} ${url} ${status}`));

    // A source line past PostgreSQL's integer is stored, and the statements still list.
    const big = await app.inject({ method: 'POST', url: `${N}/statements`, headers: headers.get('principal')!, payload: statement({ source: { line: 2 ** 53 - 1 } }) });
    expect(big.statusCode, big.body).toBe(201);
    const listed = await app.inject({ method: 'GET', url: `${N}/statements`, headers: headers.get('mediator')! });
    expect(listed.statusCode, listed.body).toBe(200);
  });

  it('left no trace in shared objects and a record that still verifies', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const verify = await app.inject({ method: 'GET', url: `/api/negotiations/${w.n.negotiationId}/verify`, headers: headers.get('mediator')! });
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
