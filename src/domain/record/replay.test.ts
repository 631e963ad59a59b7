/**
 * The record is the truth (ARCHITECTURE §3): replaying the log from an empty state must
 * rebuild exactly the state the live system holds, whatever sequence of commands produced
 * it. Random sequences are drawn from a small vocabulary of commands that pick existing
 * ids from the current state; a command may be refused (ParleyError), which is a normal
 * outcome, but anything else thrown is a bug.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../commands.ts';
import { PositionLevel, type Visibility } from '../model.ts';
import type { Actor } from '../policy/actor.ts';
import { hasForbiddenControls } from '../text/normalize.ts';
import { memberActor, replay, table, testId, type Table } from '../testing/factory.ts';
import { EventBody, RecordedEvent } from './events.ts';
import { verifyChain } from './hash-event.ts';
import { activePoints, latestPositions, positionKey } from './state.ts';

const ops = [
  'addParty', 'addMember', 'addPerson', 'updatePerson', 'addSection', 'addPoint', 'editPoint', 'removePoint',
  'createVersion', 'initialVersion', 'draftAmendment', 'proposeAmendment', 'withdrawAmendment', 'rejectAmendment',
  'acceptAmendments', 'setPosition', 'scheduleRound', 'updateRound', 'writeReadout', 'recordStatement',
] as const;
type Op = (typeof ops)[number];

interface Step {
  op: Op;
  /** Free choices: which item to pick, which variant to take. */
  a: number;
  b: number;
  c: number;
  /** 0: a random member acts (usually refused); otherwise the member entitled to act. */
  who: number;
  text: string;
  text2: string;
  lang: string;
  level: PositionLevel;
  vis: Visibility;
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }).filter((s) => s.trim() !== '' && !hasForbiddenControls(s)),
  // Decomposed input (NFC must compose it), several scripts, and line breaks to unify.
  fc.constantFrom('Cafe\u0301', '\u0418\u0306', 'یوری اوشاکوف', 'Донбас', 'line\r\nbreak', 'Territories: no compromise so far'),
);

const step: fc.Arbitrary<Step> = fc.record({
  op: fc.constantFrom(...ops),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
  who: fc.nat(5),
  text,
  text2: text,
  lang: fc.constantFrom('en', 'en', 'ru', 'ur', 'fr'),
  level: fc.constantFrom(...PositionLevel.options),
  vis: fc.constantFrom('party', 'mediator', 'parties', 'public'),
});

const MISSING = testId(2 ** 40);
const pick = <T>(xs: readonly T[], n: number): T | undefined => xs[n % Math.max(1, xs.length)];

/** Turns a step into an actor and a command against the current state. */
function interpret(t: Table, s: Step): { actor: Actor; command: Command } {
  const st = t.world.state;
  const members = [...st.members.values()];
  const parties = [...st.parties.values()];
  const points = activePoints(st);
  const amendments = [...st.amendments.values()];
  const versions = [...st.versions.values()];
  const persons = [...st.persons.values()];
  const rounds = [...st.rounds.values()];
  const sections = [...st.sections.values()];
  const party = pick(parties, s.a);
  const partyId = party?.id ?? MISSING;
  const pointId = pick(points, s.b)?.id ?? MISSING;
  const memberOf = (pid: string | null, roles: readonly string[]) =>
    members.find((m) => m.partyId === pid && roles.includes(m.role) && m.active);
  const entitled = (pid: string | null, roles: readonly string[]): Actor => {
    const m = s.who === 0 ? pick(members, s.c) : memberOf(pid, roles);
    return m ? memberActor(m) : { kind: 'system' };
  };
  const mediator = () => entitled(null, ['mediator']);
  const texts = { [s.lang]: s.text };
  const shared = (v: Visibility) => (v === 'party' ? 'parties' : v);

  switch (s.op) {
    case 'addParty':
      return { actor: mediator(), command: { name: 'addParty', input: { name: { en: s.text }, shortName: `P${s.a % 12}`, broker: s.b % 2 === 0 } } };
    case 'addMember': {
      const role = (['principal', 'negotiator', 'advisor', 'observer', 'mediator'] as const)[s.b % 5]!;
      const pid = role === 'mediator' ? null : partyId;
      return {
        actor: s.c % 2 === 0 ? mediator() : entitled(pid, ['principal']),
        command: { name: 'addMember', input: { displayName: s.text, partyId: pid, role, accountId: s.c % 3 === 0 ? `acct-${s.a % 5}` : null } },
      };
    }
    case 'addPerson':
      return { actor: mediator(), command: { name: 'addPerson', input: { names: texts, aliases: [s.text, s.text2], partyId: s.b % 3 === 0 ? null : partyId } } };
    case 'updatePerson': {
      const p = pick(persons, s.a);
      return {
        actor: s.c % 2 === 0 ? mediator() : entitled(p?.partyId ?? null, ['principal', 'negotiator']),
        command: { name: 'updatePerson', input: { personId: p?.id ?? MISSING, names: { en: s.text }, aliases: [s.text2], partyId: p?.partyId ?? null } },
      };
    }
    case 'addSection':
      return { actor: mediator(), command: { name: 'addSection', input: { title: texts } } };
    case 'addPoint':
      return {
        actor: mediator(),
        command: {
          name: 'addPoint',
          input: {
            texts,
            afterPointId: [undefined, null, pointId][s.a % 3],
            sectionId: s.c % 2 === 0 ? null : pick(sections, s.c)?.id ?? null,
            tags: s.c % 3 === 0 ? ['territory'] : [],
            illustrative: s.c % 5 === 0,
          },
        },
      };
    case 'editPoint': {
      const variant = s.a % 3;
      return {
        actor: mediator(),
        command: {
          name: 'editPoint',
          input: {
            pointId,
            ...(variant === 0 ? { texts } : {}),
            ...(variant === 1 ? { tags: [['security-sector/ceasefire'], ['territory', 'sanctions'], []][s.c % 3]! } : {}),
            ...(variant === 2 ? { sectionId: pick(sections, s.c)?.id ?? null } : {}),
          },
        },
      };
    }
    case 'removePoint':
      return { actor: mediator(), command: { name: 'removePoint', input: { pointId } } };
    case 'createVersion':
      return { actor: mediator(), command: { name: 'createVersion', input: { label: s.c % 2 === 0 ? s.text : undefined, note: s.text2, visibility: s.vis === 'mediator' ? 'mediator' : 'parties' } } };
    case 'initialVersion': {
      const v = pick(versions, s.b);
      return {
        actor: entitled(partyId, ['principal']),
        command: { name: 'initialVersion', input: { versionId: v?.id ?? MISSING, contentHash: s.c % 4 === 0 || !v ? 'a'.repeat(64) : v.contentHash } },
      };
    }
    case 'draftAmendment': {
      const kind = (['replace', 'insert', 'delete', 'move'] as const)[s.c % 4]!;
      const after = s.a % 2 === 0 ? null : pick(points, s.a + 1)?.id ?? null;
      return {
        actor: entitled(partyId, s.b % 2 === 0 ? ['negotiator'] : ['advisor']),
        command: {
          name: 'draftAmendment',
          input: {
            partyId, kind,
            pointId: kind === 'insert' ? null : pointId,
            texts: kind === 'replace' || kind === 'insert' ? texts : {},
            afterPointId: after === pointId ? null : after,
            justification: s.text2,
            proposeTo: s.b % 4 === 0 ? (s.vis === 'mediator' ? 'mediator' : 'parties') : undefined,
          },
        },
      };
    }
    case 'proposeAmendment':
    case 'withdrawAmendment': {
      const open = amendments.filter((x) => s.c % 4 === 0 || x.status === (s.op === 'proposeAmendment' ? 'draft' : 'proposed'));
      const am = pick(open, s.a);
      const actor = entitled(am?.partyId ?? null, ['principal', 'negotiator']);
      return s.op === 'proposeAmendment'
        ? { actor, command: { name: 'proposeAmendment', input: { amendmentId: am?.id ?? MISSING, visibility: s.vis === 'mediator' ? 'mediator' : 'parties' } } }
        : { actor, command: { name: 'withdrawAmendment', input: { amendmentId: am?.id ?? MISSING } } };
    }
    case 'rejectAmendment': {
      const candidates = amendments.filter((x) => s.c % 4 === 0 || x.status === 'proposed');
      return { actor: mediator(), command: { name: 'rejectAmendment', input: { amendmentId: pick(candidates, s.a)?.id ?? MISSING, reason: s.text } } };
    }
    case 'acceptAmendments': {
      const proposed = amendments.filter((x) => s.c % 4 === 0 || x.status === 'proposed');
      const first = pick(proposed, s.a)?.id ?? MISSING;
      const second = pick(proposed, s.b)?.id;
      const ids = s.c % 2 === 0 && second !== undefined && second !== first ? [first, second] : [first];
      return { actor: mediator(), command: { name: 'acceptAmendments', input: { amendmentIds: ids, versionLabel: s.c % 3 === 0 ? s.text : undefined } } };
    }
    case 'setPosition': {
      const onAmendment = s.c % 4 === 0;
      const target = onAmendment ? { amendmentId: pick(amendments, s.b)?.id ?? MISSING } : { pointId };
      const current = latestPositions(st.positions).get(positionKey({ partyId, pointId: target.pointId ?? null, amendmentId: target.amendmentId ?? null }));
      const basedOn = [undefined, current?.id ?? null, MISSING][s.a % 3];
      return {
        actor: entitled(partyId, s.c % 2 === 0 ? ['negotiator'] : ['principal']),
        command: { name: 'setPosition', input: { partyId, ...target, level: s.level, reason: s.b % 4 === 0 ? '' : s.text, visibility: s.vis, basedOnPositionId: basedOn } },
      };
    }
    case 'scheduleRound':
    case 'updateRound': {
      const startsAt = `2025-12-${String(1 + (s.a % 28)).padStart(2, '0')}T${String(s.b % 24).padStart(2, '0')}:30:00+03:00`;
      const endsAt = s.c % 3 === 0 ? null : new Date(Date.parse(startsAt) + ((s.c % 7) - 1) * 3_600_000).toISOString();
      const input = {
        title: texts, startsAt, endsAt, durationMinutes: s.c % 2 === 0 ? null : 1 + (s.c % 600),
        partyIds: parties.filter((_, i) => (s.c >> i) % 2 === 1).map((p) => p.id),
        pointIds: points.filter((_, i) => (s.b >> i) % 2 === 1).map((p) => p.id),
        attendeeIds: persons.filter((_, i) => (s.a >> i) % 2 === 1).map((p) => p.id),
        confidentiality: { nonDisclosure: s.a % 2 === 0, terms: { en: s.text2 } },
        visibility: shared(s.vis),
      };
      return s.op === 'scheduleRound'
        ? { actor: mediator(), command: { name: 'scheduleRound', input } }
        : { actor: mediator(), command: { name: 'updateRound', input: { ...input, roundId: pick(rounds, s.a)?.id ?? MISSING } } };
    }
    case 'writeReadout': {
      const pid = s.b % 3 === 0 ? null : partyId;
      return {
        actor: entitled(pid, pid === null ? ['mediator'] : ['principal', 'negotiator', 'advisor']),
        command: { name: 'writeReadout', input: { roundId: pick(rounds, s.a)?.id ?? MISSING, text: texts, visibility: s.vis === 'public' ? 'parties' : s.vis } },
      };
    }
    case 'recordStatement':
      return {
        actor: entitled(partyId, ['observer']),
        command: {
          name: 'recordStatement',
          input: {
            personId: s.c % 2 === 0 ? null : pick(persons, s.c)?.id ?? null, speakerAsNamed: s.text2, quote: s.text, lang: s.lang,
            date: `2025-12-${String(1 + (s.b % 28)).padStart(2, '0')}`, pointIds: points.filter((_, i) => (s.a >> i) % 2 === 1).map((p) => p.id),
            stance: s.c % 3 === 0 ? null : s.level, kind: (['speech', 'phrase', 'reported'] as const)[s.a % 3],
          },
        },
      };
  }
}

/** A table with something of every kind, so that commands find ids to work on from the start. */
function startingTable(parties: number): Table {
  const t = table({ parties, points: 3, firstVersion: true });
  const m = t.mediator.actor;
  for (const d of t.parties) {
    t.world.do(m, 'addPerson', { names: { en: `Envoy of ${d.party.shortName}` }, partyId: d.id });
    t.world.do(d.negotiator.actor, 'draftAmendment', { partyId: d.id, kind: 'replace', pointId: t.pointId(0), texts: { en: `${d.party.shortName} wording` } });
    t.world.do(d.negotiator.actor, 'draftAmendment', { partyId: d.id, kind: 'insert', afterPointId: t.pointId(1), texts: { en: `${d.party.shortName} point` }, proposeTo: 'parties' });
  }
  t.world.do(m, 'scheduleRound', { title: { en: 'Kremlin talks' }, startsAt: '2025-12-02T21:00:00+03:00', durationMinutes: 300 });
  return t;
}

describe('replaying the log', () => {
  it('rebuilds the live state exactly, and every event passes the schema and the chain', () => {
    const succeeded = new Map<Op, number>();
    const refused = new Map<Op, number>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), fc.integer({ min: 1, max: 3 }), (steps, parties) => {
        const t = startingTable(parties);
        for (const s of steps) {
          const { actor, command } = interpret(t, s);
          const outcome = t.world.attempt(actor, command);
          const tally = outcome.ok ? succeeded : refused;
          tally.set(s.op, (tally.get(s.op) ?? 0) + 1);
        }
        const { log, state } = t.world;
        expect(replay(log)).toStrictEqual(state);
        expect(verifyChain(log)).toBeNull();
        for (const e of log) {
          const body = EventBody.safeParse(e);
          expect(body.error, `${e.type} #${e.seq}`).toBeUndefined();
          // Parsing changes nothing: what was recorded was already normalized.
          expect(body.data).toStrictEqual({ type: e.type, payload: e.payload });
          expect(RecordedEvent.safeParse(e).success).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
    // The property is only as good as the commands that went through: every kind must have
    // succeeded sometimes, and refusals must not dominate.
    for (const op of ops) expect(succeeded.get(op) ?? 0, `${op} never succeeded`).toBeGreaterThan(0);
    const ok = [...succeeded.values()].reduce((x, y) => x + y, 0);
    const no = [...refused.values()].reduce((x, y) => x + y, 0);
    expect(ok / (ok + no)).toBeGreaterThan(0.3);
    if (process.env.PARLEY_STATS) console.table(ops.map((op) => ({ op, ok: succeeded.get(op) ?? 0, refused: refused.get(op) ?? 0 })));
  });

  it('a replay of a prefix of the log is the state at that point', () => {
    const t = table({ parties: 2, points: 2 });
    const cut = t.world.log.length;
    const snapshot = structuredClone(t.world.state);
    t.world.do(t.mediator.actor, 'removePoint', { pointId: t.pointId(0) });
    t.world.do(t.mediator.actor, 'createVersion', {});
    expect(replay(t.world.log.slice(0, cut))).toStrictEqual(snapshot);
  });
});
