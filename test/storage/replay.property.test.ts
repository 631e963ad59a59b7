/**
 * ARCHITECTURE §3: replaying the log from nothing rebuilds the read models exactly. Random
 * histories of domain commands, run by random members through `execute` (so under
 * row-level security, as real use runs them), are projected live; then every read-model
 * row is thrown away and rebuilt from the log, and the tables must come back identical.
 * A command the domain refuses (a ParleyError) is an allowed outcome; anything else fails.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../src/domain/commands.ts';
import { ParleyError } from '../../src/domain/errors.ts';
import type { PositionLevel, Role } from '../../src/domain/model.ts';
import type { RecordedEvent } from '../../src/domain/record/events.ts';
import { readEvents, verifyNegotiation } from '../../src/store/event-log.ts';
import { execute, type As } from '../../src/store/execute.ts';
import { rebuildReadModels } from '../../src/store/replay.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { snapshotReadModels } from '../helpers/snapshot.ts';

const NUM_RUNS: Record<string, number> = { pglite: 30, postgres: 15 };

// ---------------------------------------------------------------------------------------
// Commands as data: indices into what exists when the command runs, resolved then.

/** Who runs a command: the member the command fits (a party's negotiator, the mediator), the system, or anyone. */
type Who = { by: 'fit' } | { by: 'system' } | { by: 'member'; index: number };

type Op =
  | { op: 'addParty'; who: Who; name: number }
  | { op: 'addMember'; who: Who; party: number | null; role: Role }
  | { op: 'addPoint'; who: Who; text: Texts; after: number | null | 'end' }
  | { op: 'editPoint'; who: Who; point: number; text: Texts }
  | { op: 'removePoint'; who: Who; point: number }
  | { op: 'createVersion'; who: Who; visibility: 'mediator' | 'parties' | 'public' }
  | { op: 'draftAmendment'; who: Who; party: number; kind: 'replace' | 'insert' | 'delete' | 'move'; point: number; after: number | null; text: Texts; proposeTo: 'mediator' | 'parties' | null }
  | { op: 'proposeAmendment'; who: Who; amendment: number; visibility: 'mediator' | 'parties' }
  | { op: 'acceptAmendments'; who: Who; amendments: number[] }
  | { op: 'rejectAmendment'; who: Who; amendment: number }
  | { op: 'withdrawAmendment'; who: Who; amendment: number }
  | { op: 'setPosition'; who: Who; party: number; point: number | null; amendment: number; level: PositionLevel; reason: boolean; visibility: 'party' | 'mediator' | 'parties' | 'public' }
  | { op: 'scheduleRound'; who: Who; day: number; points: number[]; visibility: 'mediator' | 'parties' | 'public' }
  | { op: 'writeReadout'; who: Who; round: number; text: Texts; visibility: 'party' | 'mediator' | 'parties' }
  | { op: 'recordStatement'; who: Who; text: number; points: number[]; stance: PositionLevel | null }
  | { op: 'initialVersion'; who: Who; version: number; staleHash: boolean }
  | { op: 'importVersion'; who: Who; texts: number[]; visibility: 'mediator' | 'parties' | 'public' }
  | { op: 'importReport'; who: Who; texts: number[]; points: number[]; stance: PositionLevel | null; visibility: 'public' | 'parties'; badLine: boolean }
  | { op: 'editStatement'; who: Who; statement: number; points: number[]; stance: PositionLevel | null; translate: boolean }
  | { op: 'saveSettlementSpace'; who: Who; options: number; divisible: boolean; keepIds: boolean }
  | { op: 'submitSettlementScores'; who: Who; party: number; rating: number; redLine: boolean; share: 'none' | 'mediator' | 'parties' }
  | { op: 'recordSettlementPackage'; who: Who; choice: number; visibility: 'mediator' | 'parties'; many: boolean }
  | { op: 'shareSettlementPackage'; who: Who; pkg: number }
  | { op: 'setSettlementBaseline'; who: Who; pkg: number | null }
  | { op: 'approveVariants'; who: Who; version: number; start: number; length: number }
  | { op: 'revokeVariant'; who: Who; variant: number };

type Texts = { lang: string; text: number }[];

const SAMPLE_TEXTS = [
  'A ceasefire along the current line of contact.',
  'Прекращение огня по линии соприкосновения.',
  'موجودہ رابطہ لائن پر جنگ بندی۔',
  'Sanctions are lifted in stages.',
  'Security guarantees mirroring Article 5.',
  'Cafe\u0301 talks (decomposed accent, stored as NFC).',
];
// 'fr' is not a language of the negotiation: the domain refuses it.
const textsArb: fc.Arbitrary<Texts> = fc.uniqueArray(
  fc.record({ lang: fc.constantFrom('en', 'en', 'ru', 'ur', 'fr'), text: fc.nat(SAMPLE_TEXTS.length - 1) }),
  { minLength: 1, maxLength: 2, selector: (t) => t.lang },
);
const whoArb: fc.Arbitrary<Who> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ by: 'fit' as const }) },
  { weight: 1, arbitrary: fc.constant({ by: 'system' as const }) },
  { weight: 3, arbitrary: fc.nat(30).map((index) => ({ by: 'member' as const, index })) },
);
const idx = fc.nat(20);
/** Parties 0 and 1 have members of every role; later ones (addParty) have few or none. */
const partyIdx = fc.oneof(fc.nat(1), idx);
const levelArb = fc.constantFrom<PositionLevel>('accept', 'discuss', 'wording', 'reject', 'redline');

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ op: fc.constant('addParty' as const), who: whoArb, name: fc.nat(6) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('addMember' as const), who: whoArb, party: fc.option(idx, { nil: null }), role: fc.constantFrom<Role>('mediator', 'principal', 'negotiator', 'advisor', 'observer') }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('addPoint' as const), who: whoArb, text: textsArb, after: fc.oneof(fc.constant('end' as const), fc.constant(null), idx) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('editPoint' as const), who: whoArb, point: idx, text: textsArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removePoint' as const), who: whoArb, point: idx }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('createVersion' as const), who: whoArb, visibility: fc.constantFrom('mediator' as const, 'parties' as const, 'public' as const) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('draftAmendment' as const), who: whoArb, party: partyIdx, kind: fc.constantFrom('replace' as const, 'insert' as const, 'delete' as const, 'move' as const),
      point: idx, after: fc.option(idx, { nil: null }), text: textsArb, proposeTo: fc.constantFrom('mediator' as const, 'parties' as const, null),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('proposeAmendment' as const), who: whoArb, amendment: idx, visibility: fc.constantFrom('mediator' as const, 'parties' as const) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('acceptAmendments' as const), who: whoArb, amendments: fc.array(idx, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rejectAmendment' as const), who: whoArb, amendment: idx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('withdrawAmendment' as const), who: whoArb, amendment: idx }) },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('setPosition' as const), who: whoArb, party: partyIdx, point: fc.option(idx, { nil: null, freq: 4 }), amendment: idx, level: levelArb,
      reason: fc.boolean(), visibility: fc.constantFrom('party' as const, 'mediator' as const, 'parties' as const, 'public' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('scheduleRound' as const), who: whoArb, day: fc.integer({ min: 1, max: 28 }), points: fc.array(idx, { maxLength: 3 }), visibility: fc.constantFrom('mediator' as const, 'parties' as const, 'public' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('writeReadout' as const), who: whoArb, round: idx, text: textsArb, visibility: fc.constantFrom('party' as const, 'mediator' as const, 'parties' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('recordStatement' as const), who: whoArb, text: fc.nat(SAMPLE_TEXTS.length - 1), points: fc.array(idx, { maxLength: 2 }), stance: fc.option(levelArb, { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('initialVersion' as const), who: whoArb, version: idx, staleHash: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('importVersion' as const), who: whoArb, visibility: fc.constantFrom('mediator' as const, 'parties' as const, 'public' as const),
      // A document of sample sentences in English: some kept, some reordered, some new, some dropped.
      texts: fc.uniqueArray(fc.nat(SAMPLE_TEXTS.length - 1), { minLength: 0, maxLength: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('importReport' as const), who: whoArb, texts: fc.uniqueArray(fc.nat(SAMPLE_TEXTS.length - 1), { minLength: 0, maxLength: 3 }),
      points: fc.array(idx, { maxLength: 2 }), stance: fc.option(levelArb, { nil: null }), visibility: fc.constantFrom('public' as const, 'parties' as const), badLine: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('editStatement' as const), who: whoArb, statement: idx, points: fc.array(idx, { maxLength: 2 }), stance: fc.option(levelArb, { nil: null }), translate: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('saveSettlementSpace' as const), who: whoArb, options: fc.integer({ min: 2, max: 4 }), divisible: fc.boolean(), keepIds: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('submitSettlementScores' as const), who: whoArb, party: partyIdx, rating: fc.nat(100), redLine: fc.boolean(),
      share: fc.constantFrom('none' as const, 'mediator' as const, 'parties' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('recordSettlementPackage' as const), who: whoArb, choice: idx, visibility: fc.constantFrom('mediator' as const, 'parties' as const), many: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('shareSettlementPackage' as const), who: whoArb, pkg: idx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setSettlementBaseline' as const), who: whoArb, pkg: fc.option(idx, { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('approveVariants' as const), who: whoArb, version: idx, start: fc.nat(15), length: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('revokeVariant' as const), who: whoArb, variant: idx }) },
);

// ---------------------------------------------------------------------------------------
// Running a history

interface Seat { id: string; partyId: string | null; role: Role }

class History {
  readonly negotiationId = randomUUID();
  readonly parties: string[] = [];
  readonly members: Seat[] = [];
  readonly points: string[] = [];
  readonly amendments: { id: string; partyId: string }[] = [];
  readonly rounds: string[] = [];
  readonly versions: { id: string; contentHash: string; firstPoint: { pointId: string; text: string } | null }[] = [];
  readonly variants: string[] = [];
  readonly statements: string[] = [];
  /** The settlement's issue space as last saved, and the packages recorded. */
  space: { partyIds: string[]; issues: { id: string; divisible: boolean; options: { key: string }[] }[] } | null = null;
  readonly packages: string[] = [];
  readonly outcomes: { op: string; code: string }[] = [];

  constructor(private readonly t: TestDatabase) {}

  private static readonly unknownId = '00000000-0000-4000-8000-00000000beef';
  private at<T>(list: readonly T[], i: number): T | undefined {
    return list.length === 0 ? undefined : list[i % list.length];
  }
  private id(list: readonly string[], i: number): string {
    return this.at(list, i) ?? History.unknownId;
  }
  private texts(ts: Texts): Record<string, string> {
    return Object.fromEntries(ts.map((x) => [x.lang, SAMPLE_TEXTS[x.text]!]));
  }
  private get mediator(): Seat {
    return this.members.find((m) => m.role === 'mediator')!;
  }
  /** The member a command for `partyId` fits: one of `roles` in that party, else the mediator. */
  private fit(partyId: string | null, roles: readonly Role[]): Seat {
    return this.members.find((m) => m.partyId === partyId && roles.includes(m.role)) ?? this.mediator;
  }
  private as(who: Who, fits: Seat): As {
    if (who.by === 'system') return 'system';
    if (who.by === 'fit') return { memberId: fits.id };
    return { memberId: this.at(this.members, who.index)!.id };
  }

  async run(as: As, command: Command, label: string = command.name): Promise<RecordedEvent[]> {
    try {
      const events = await execute(this.t.db, { negotiationId: this.negotiationId, as, command });
      this.learn(events);
      this.outcomes.push({ op: label, code: 'ok' });
      return events;
    } catch (e) {
      if (!(e instanceof ParleyError)) throw e;
      this.outcomes.push({ op: label, code: e.code });
      return [];
    }
  }

  private learn(events: readonly RecordedEvent[]): void {
    for (const e of events) {
      switch (e.type) {
        case 'party.added': this.parties.push(e.payload.party.id); break;
        case 'member.added': this.members.push(e.payload.member); break;
        case 'point.added': this.points.push(e.payload.point.id); break;
        case 'amendment.drafted': this.amendments.push({ id: e.payload.amendment.id, partyId: e.payload.amendment.partyId }); break;
        case 'round.scheduled': this.rounds.push(e.payload.round.id); break;
        case 'version.created': {
          const p = e.payload.version.points.find((x) => x.texts.en !== undefined);
          this.versions.push({ id: e.payload.version.id, contentHash: e.payload.version.contentHash, firstPoint: p ? { pointId: p.pointId, text: p.texts.en! } : null });
          break;
        }
        case 'fingerprint.variants.approved': this.variants.push(...e.payload.variants.map((v) => v.id)); break;
        case 'statement.recorded': this.statements.push(e.payload.statement.id); break;
        case 'settlement.space.saved': this.space = e.payload.space; break;
        case 'settlement.package.recorded': this.packages.push(e.payload.package.id); break;
        default: break;
      }
    }
  }

  /** A table to start from: two parties with a member of each role, three points, v1, a round, two amendments. */
  async prelude(): Promise<void> {
    await this.run('system', { name: 'createNegotiation', input: { title: { en: 'Property test' }, languages: ['en', 'ru', 'ur'], draftingLanguage: 'en', mediator: { displayName: 'Mediator' } } });
    const mediator: As = { memberId: this.mediator.id };
    for (const shortName of ['A', 'B']) {
      await this.run(mediator, { name: 'addParty', input: { name: { en: `Party ${shortName}` }, shortName } });
      const partyId = this.parties.at(-1)!;
      for (const role of ['principal', 'negotiator', 'advisor', 'observer'] as const) {
        await this.run(mediator, { name: 'addMember', input: { displayName: `${shortName} ${role}`, partyId, role } });
      }
    }
    for (let i = 1; i <= 3; i++) await this.run(mediator, { name: 'addPoint', input: { texts: { en: `Point ${i}.` } } });
    await this.run(mediator, { name: 'createVersion', input: { label: 'v1' } });
    await this.run(mediator, { name: 'scheduleRound', input: { title: { en: 'Opening round' }, startsAt: '2025-12-01T10:00:00Z', partyIds: [...this.parties] } });
    for (const [i, partyId] of this.parties.entries()) {
      await this.run({ memberId: this.fit(partyId, ['negotiator']).id }, {
        name: 'draftAmendment',
        input: { partyId, kind: 'replace', pointId: this.points[i]!, texts: { en: `Party ${i}'s wording.` }, ...(i === 1 ? { proposeTo: 'parties' as const } : {}) },
      });
    }
    expect(this.outcomes.every((o) => o.code === 'ok')).toBe(true);
  }

  async apply(op: Op): Promise<void> {
    const m = this.mediator;
    switch (op.op) {
      case 'addParty':
        await this.run(this.as(op.who, m), { name: 'addParty', input: { name: { en: `Party ${op.name}` }, shortName: `P${op.name}` } });
        return;
      case 'addMember': {
        const partyId = op.party === null ? null : this.id(this.parties, op.party);
        await this.run(this.as(op.who, this.fit(partyId, ['principal'])), { name: 'addMember', input: { displayName: `member ${this.members.length}`, partyId, role: op.role } });
        return;
      }
      case 'addPoint': {
        const after = op.after === 'end' ? undefined : op.after === null ? null : this.id(this.points, op.after);
        await this.run(this.as(op.who, m), { name: 'addPoint', input: { texts: this.texts(op.text), ...(after === undefined ? {} : { afterPointId: after }) } });
        return;
      }
      case 'editPoint':
        await this.run(this.as(op.who, m), { name: 'editPoint', input: { pointId: this.id(this.points, op.point), texts: this.texts(op.text) } });
        return;
      case 'removePoint':
        await this.run(this.as(op.who, m), { name: 'removePoint', input: { pointId: this.id(this.points, op.point) } });
        return;
      case 'createVersion':
        await this.run(this.as(op.who, m), { name: 'createVersion', input: { visibility: op.visibility } });
        return;
      case 'draftAmendment': {
        const partyId = this.id(this.parties, op.party);
        await this.run(this.as(op.who, this.fit(partyId, ['negotiator', 'principal'])), {
          name: 'draftAmendment',
          input: {
            partyId, kind: op.kind, pointId: op.kind === 'insert' ? null : this.id(this.points, op.point), texts: this.texts(op.text),
            afterPointId: op.after === null ? null : this.id(this.points, op.after), justification: 'Generated.', ...(op.proposeTo ? { proposeTo: op.proposeTo } : {}),
          },
        });
        return;
      }
      case 'proposeAmendment':
      case 'withdrawAmendment': {
        const a = this.at(this.amendments, op.amendment);
        const input = { amendmentId: a?.id ?? History.unknownId };
        const as = this.as(op.who, this.fit(a?.partyId ?? null, ['negotiator', 'principal']));
        if (op.op === 'proposeAmendment') await this.run(as, { name: 'proposeAmendment', input: { ...input, visibility: op.visibility } });
        else await this.run(as, { name: 'withdrawAmendment', input });
        return;
      }
      case 'acceptAmendments': {
        const ids = [...new Set(op.amendments.map((i) => this.at(this.amendments, i)?.id ?? History.unknownId))];
        await this.run(this.as(op.who, m), { name: 'acceptAmendments', input: { amendmentIds: ids } });
        return;
      }
      case 'rejectAmendment':
        await this.run(this.as(op.who, m), { name: 'rejectAmendment', input: { amendmentId: this.at(this.amendments, op.amendment)?.id ?? History.unknownId, reason: 'Not now.' } });
        return;
      case 'setPosition': {
        const partyId = this.id(this.parties, op.party);
        const target = op.point === null
          ? { amendmentId: this.at(this.amendments, op.amendment)?.id ?? History.unknownId }
          : { pointId: this.id(this.points, op.point) };
        await this.run(this.as(op.who, this.fit(partyId, ['negotiator', 'principal'])), {
          name: 'setPosition',
          input: { partyId, ...target, level: op.level, reason: op.reason ? `Reason ${this.outcomes.length}.` : '', visibility: op.visibility },
        });
        return;
      }
      case 'scheduleRound':
        await this.run(this.as(op.who, m), {
          name: 'scheduleRound',
          input: {
            title: { en: `Round ${this.rounds.length + 1}` }, startsAt: `2025-12-${String(op.day).padStart(2, '0')}T10:00:00+03:00`,
            partyIds: [...this.parties], pointIds: [...new Set(op.points.map((p) => this.id(this.points, p)))], visibility: op.visibility,
          },
        });
        return;
      case 'writeReadout': {
        const writer = this.at(this.members.filter((s) => s.role !== 'observer'), op.round) ?? m;
        await this.run(this.as(op.who, writer), { name: 'writeReadout', input: { roundId: this.id(this.rounds, op.round), text: this.texts(op.text), visibility: op.visibility } });
        return;
      }
      case 'recordStatement':
        await this.run(this.as(op.who, this.at(this.members, op.text) ?? m), {
          name: 'recordStatement',
          input: { quote: SAMPLE_TEXTS[op.text]!, lang: 'en', date: '2025-12-03', pointIds: [...new Set(op.points.map((p) => this.id(this.points, p)))], stance: op.stance },
        });
        return;
      case 'initialVersion': {
        const v = this.at(this.versions, op.version);
        const principal = this.at(this.members.filter((s) => s.role === 'principal'), op.version) ?? m;
        await this.run(this.as(op.who, principal), {
          name: 'initialVersion',
          input: { versionId: v?.id ?? History.unknownId, contentHash: op.staleHash || !v ? 'a'.repeat(64) : v.contentHash },
        });
        return;
      }
      case 'importVersion':
        await this.run(this.as(op.who, m), {
          name: 'importVersion',
          input: {
            lang: 'en', points: op.texts.map((i, n) => ({ number: String(n + 1), text: SAMPLE_TEXTS[i]! })),
            source: { name: 'generated.txt', format: 'text', sha256: 'b'.repeat(64) }, visibility: op.visibility,
          },
        });
        return;
      case 'importReport': {
        // A report of quoted sample sentences, one a line; the same report twice is refused.
        const lines = op.texts.map((i) => `“${SAMPLE_TEXTS[i]!}” the envoy said.`);
        await this.run(this.as(op.who, this.at(this.members, op.texts.length) ?? m), {
          name: 'importReport',
          input: {
            report: { title: 'Generated report', date: '2025-12-04', lang: 'en', text: lines.join('\n') || ' ', visibility: op.visibility },
            statements: op.texts.map((i, n) => ({
              quote: SAMPLE_TEXTS[i]!, line: op.badLine ? n + 2 : n + 1, pointIds: [...new Set(op.points.map((p) => this.id(this.points, p)))], stance: op.stance,
            })),
          },
        });
        return;
      }
      case 'editStatement':
        await this.run(this.as(op.who, this.at(this.members, op.statement) ?? m), {
          name: 'editStatement',
          input: {
            statementId: this.id(this.statements, op.statement), pointIds: [...new Set(op.points.map((p) => this.id(this.points, p)))], stance: op.stance,
            ...(op.translate ? { translations: { ru: SAMPLE_TEXTS[1]! } } : {}),
          },
        });
        return;
      case 'saveSettlementSpace': {
        // Keeping the ids keeps the scores attached; new ids leave them stale until resubmitted.
        const old = op.keepIds ? this.space?.issues : undefined;
        await this.run(this.as(op.who, m), {
          name: 'saveSettlementSpace',
          input: {
            partyIds: this.parties.slice(0, 2),
            issues: [
              { ...(old?.[0] ? { id: old[0].id } : {}), label: 'Line', divisible: false, options: Array.from({ length: op.options }, (_, k) => ({ key: `o${k}`, label: `Option ${k}` })) },
              ...(op.divisible ? [{ ...(old?.[1] ? { id: old[1].id } : {}), label: 'Fund', divisible: true, options: [] }] : []),
            ],
          },
        });
        return;
      }
      case 'submitSettlementScores': {
        const partyId = this.id(this.parties, op.party);
        const [line, fund] = this.space?.issues ?? [];
        const lineId = line?.id ?? History.unknownId;
        const keys = line?.options.map((o) => o.key) ?? ['o0', 'o1'];
        await this.run(this.as(op.who, this.fit(partyId, ['negotiator', 'principal'])), {
          name: 'submitSettlementScores',
          input: {
            scores: {
              weights: fund ? { [lineId]: 50, [fund.id]: 50 } : { [lineId]: 100 },
              ratings: { [lineId]: Object.fromEntries(keys.map((k, i) => [k, (op.rating + 37 * i) % 101])) },
              unacceptable: op.redLine ? [`${lineId}:${keys[0]!}`] : [], batna: op.rating % 20,
            },
            share: op.share,
          },
        });
        return;
      }
      case 'recordSettlementPackage': {
        const space = this.space;
        const pkg = Object.fromEntries((space?.issues ?? []).map((i) => [i.id, i.divisible
          ? Object.fromEntries(space!.partyIds.map((p, k) => [p, k === 0 ? 1 : 0]))
          : i.options[op.choice % i.options.length]!.key]));
        const input = { package: pkg, visibility: op.visibility, label: `Package ${this.packages.length + 1}` };
        if (op.many) await this.run(this.as(op.who, m), { name: 'recordSettlementPackages', input: { packages: [input, { ...input, source: 'nash' as const }] } });
        else await this.run(this.as(op.who, m), { name: 'recordSettlementPackage', input });
        return;
      }
      case 'shareSettlementPackage':
        await this.run(this.as(op.who, m), { name: 'shareSettlementPackage', input: { packageId: this.id(this.packages, op.pkg) } });
        return;
      case 'setSettlementBaseline':
        await this.run(this.as(op.who, m), { name: 'setSettlementBaseline', input: { packageId: op.pkg === null ? null : this.id(this.packages, op.pkg) } });
        return;
      case 'approveVariants': {
        // A phrase of the version's first English point, varied by case: refused when it overlaps, is public, or reads otherwise.
        const v = this.versions[op.version % Math.max(1, this.versions.length)];
        const text = v?.firstPoint?.text ?? '';
        const original = text.slice(op.start, op.start + op.length) || 'x';
        const alternative = original.toUpperCase() === original ? `${original}·` : original.toUpperCase();
        await this.run(this.as(op.who, m), {
          name: 'approveVariants',
          input: { versionId: v?.id ?? History.unknownId, variants: [{ pointId: v?.firstPoint?.pointId ?? History.unknownId, lang: 'en', start: op.start, end: op.start + op.length, original, alternative }] },
        });
        return;
      }
      case 'revokeVariant':
        await this.run(this.as(op.who, m), { name: 'revokeVariant', input: { variantId: this.id(this.variants, op.variant) } });
        return;
    }
  }
}

// ---------------------------------------------------------------------------------------

describe.each(backends)('replaying the log on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await freshDatabase(backend); });
  afterAll(async () => { await t.dispose(); });

  it('rebuilds every read-model table exactly, for random histories run by random members', async () => {
    const tally = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40, size: 'medium' }), async (ops) => {
        const h = new History(t);
        await h.prelude();
        for (const op of ops) await h.apply(op);
        for (const o of h.outcomes) if (o.code === "ok") tally.set(o.op, (tally.get(o.op) ?? 0) + 1);

        const events = await readEvents(t.db, h.negotiationId);
        const live = await snapshotReadModels(t.db, h.negotiationId);
        expect(await rebuildReadModels(t.db, h.negotiationId)).toBe(events.length);
        expect(await snapshotReadModels(t.db, h.negotiationId)).toEqual(live);
        // Rebuilding touches nothing but the read models.
        expect(await readEvents(t.db, h.negotiationId)).toEqual(events);
        expect((await verifyNegotiation(t.db, h.negotiationId)).broken).toBeNull();
      }),
      { numRuns: NUM_RUNS[backend] ?? 10 },
    );
    // The histories were rich: most kinds of command got through at least once.
    const succeeded = [...tally.keys()];
    expect(succeeded, JSON.stringify(Object.fromEntries(tally))).toEqual(expect.arrayContaining(['addPoint', 'setPosition', 'draftAmendment', 'createVersion', 'recordStatement']));
    expect(succeeded.length, JSON.stringify(Object.fromEntries(tally))).toBeGreaterThanOrEqual(10);
  }, 180_000);
});
