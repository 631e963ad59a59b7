/**
 * Test factory for the domain: builds real negotiation states by running use cases through
 * `decide` and folding their events with `evolve`, the same two steps the store takes, but
 * in memory and deterministically. Nothing here reaches a database, the network or the
 * system clock, so unit tests beside the domain code and later integration tests can share
 * one way of saying "a negotiation with two parties and three points".
 *
 * ```ts
 * const t = table({ parties: 2, points: 3 });
 * const ru = t.party(0);
 * t.world.run(ru.negotiator.actor, {
 *   name: 'setPosition',
 *   input: { partyId: ru.id, pointId: t.pointId(0), level: 'accept' },
 * });
 * t.world.state;  // the live state, every event folded in
 * t.world.log;    // the events as a store would keep them: numbered, hash-chained, JSON
 * ```
 *
 * Determinism: ids come from a counter and are shaped like UUIDs (v4 layout, so `z.uuid()`
 * accepts them); the clock starts at a fixed instant and moves one step per successful
 * command. A command that throws leaves the world exactly as it was, ids and clock included.
 */
import { decide, type Command, type InputOf, type UseCaseName } from '../commands.ts';
import { isParleyError, type ErrorCode, type ParleyError } from '../errors.ts';
import type { Member, Party } from '../model.ts';
import { actorLabel, type Actor } from '../policy/actor.ts';
import type { CommandContext } from '../record/context.ts';
import type { EventBody, EventOf, EventType, PendingEvent, RecordedEvent } from '../record/events.ts';
import { evolve } from '../record/evolve.ts';
import { GENESIS_HASH, hashEvent } from '../record/hash-event.ts';
import { emptyState, type NegotiationState } from '../record/state.ts';

// ---------------------------------------------------------------------------------------
// Ids and time

/** The n-th test id: `00000000-0000-4000-8000-00000000000a` for n = 10. Valid for `z.uuid()`. */
export function testId(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 2 ** 48) throw new RangeError(`testId: ${n} is not a counter value`);
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Hands out `testId(1)`, `testId(2)`, ... */
export class IdCounter {
  #next: number;
  constructor(start = 1) {
    this.#next = start;
  }
  /** A fresh id; never the same one twice. */
  next(): string {
    return testId(this.#next++);
  }
  /** How many ids have been handed out so far (plus the starting offset). */
  get position(): number {
    return this.#next;
  }
  set position(n: number) {
    this.#next = n;
  }
}

/** The instant the seed's Kremlin round began, a fitting start for a test clock. */
export const DEFAULT_START = '2025-12-02T09:00:00.000Z';

/** A clock that only moves when told to: one `step` per successful command by default. */
export class TestClock {
  #ms: number;
  readonly stepMs: number;
  constructor(start: string = DEFAULT_START, stepMs = 60_000) {
    const ms = Date.parse(start);
    if (Number.isNaN(ms)) throw new RangeError(`TestClock: ${start} is not an instant`);
    this.#ms = ms;
    this.stepMs = stepMs;
  }
  /** The current instant as ISO 8601 UTC with milliseconds, the shape events carry. */
  now(): string {
    return new Date(this.#ms).toISOString();
  }
  /** Moves the clock forward (by one step unless told otherwise) and returns the new instant. */
  advance(ms: number = this.stepMs): string {
    this.#ms += ms;
    return this.now();
  }
  /** Jumps to an instant, e.g. to make "a week later" explicit in a test. */
  set(instant: string): void {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) throw new RangeError(`TestClock: ${instant} is not an instant`);
    this.#ms = ms;
  }
}

// ---------------------------------------------------------------------------------------
// Actors

/** The actor a member acts as. */
export function memberActor(member: Pick<Member, 'id' | 'partyId' | 'role'>): Actor {
  return { kind: 'member', memberId: member.id, partyId: member.partyId, role: member.role };
}

/** A member together with the actor it acts as. */
export interface Seat {
  member: Member;
  actor: Actor;
}

// ---------------------------------------------------------------------------------------
// Errors

/** The outcome of a command that may be refused. */
export type Attempt = { ok: true; events: RecordedEvent[] } | { ok: false; error: ParleyError };

/**
 * The ParleyError code `fn` throws, for `expect(codeOf(() => ...)).toBe('reason_required')`.
 * Returns a descriptive string (never a code) when `fn` succeeds or throws something else,
 * so a failing expectation says what happened instead.
 */
export function codeOf(fn: () => unknown): ErrorCode | `no error` | `not a ParleyError: ${string}` {
  try {
    fn();
  } catch (e) {
    if (isParleyError(e)) return e.code;
    return `not a ParleyError: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
  return 'no error';
}

/** The error `fn` throws, for looking at its message; throws itself when `fn` does not. */
export function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('errorOf: the function did not throw');
}

// ---------------------------------------------------------------------------------------
// Events

/** The first event of `type` in `events`; throws when there is none. */
export function eventOf<E extends EventBody, T extends EventType>(events: readonly E[], type: T): E & EventOf<T> {
  const found = events.find((e): e is E & EventOf<T> => e.type === type);
  if (!found) throw new Error(`eventOf: no ${type} event among ${events.map((e) => e.type).join(', ') || 'none'}`);
  return found;
}

/** Every event of `type` in `events`, in order. */
export function eventsOf<E extends EventBody, T extends EventType>(events: readonly E[], type: T): (E & EventOf<T>)[] {
  return events.filter((e): e is E & EventOf<T> => e.type === type);
}

/** What a database's jsonb keeps of a value: `undefined` fields dropped, no shared references. */
export function viaJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Folds a log into a fresh state, as a replay from an empty database does. `seq` follows
 * the recorded events (plain event bodies count 1, 2, 3, ...).
 */
export function replay(events: readonly (EventBody | RecordedEvent)[]): NegotiationState {
  const state = emptyState();
  events.forEach((e, i) => {
    evolve(state, e);
    state.seq = 'seq' in e ? e.seq : i + 1;
  });
  return state;
}

// ---------------------------------------------------------------------------------------
// The world: state, log, clock and ids

export interface WorldOptions {
  /** First instant of the clock (default `DEFAULT_START`). */
  start?: string;
  /** How far the clock moves per successful command, in ms (default one minute). */
  stepMs?: number;
  /** First counter value for ids (default 1). */
  firstId?: number;
}

/**
 * One negotiation in memory. `run` decides a command against the current state, records the
 * events in `log` (numbered, hash-chained, stored as JSON the way the store keeps them) and
 * folds them into `state`. The live state is folded from the events exactly as decided, the
 * log from their JSON copies, so comparing `replay(log)` with `state` checks both.
 */
export class World {
  state: NegotiationState = emptyState();
  readonly log: RecordedEvent[] = [];
  readonly clock: TestClock;
  readonly ids: IdCounter;

  constructor(options: WorldOptions = {}) {
    this.clock = new TestClock(options.start, options.stepMs);
    this.ids = new IdCounter(options.firstId);
  }

  /** The context a command runs with: the actor, the clock's instant, the id counter. */
  context(actor: Actor): CommandContext {
    return { actor, now: this.clock.now(), newId: () => this.ids.next() };
  }

  /**
   * Decides `command` as `actor` and records what it produced. Throws what the use case
   * throws (a ParleyError, or a ZodError for malformed input) and then changes nothing.
   */
  run(actor: Actor, command: Command): RecordedEvent[] {
    const idsBefore = this.ids.position;
    const ctx = this.context(actor);
    let pending: PendingEvent[];
    try {
      pending = decide(this.state, ctx, command);
    } catch (e) {
      this.ids.position = idsBefore;
      throw e;
    }
    const recorded = pending.map((e) => this.#record(actor, ctx.now, e));
    this.clock.advance();
    return recorded;
  }

  /** `run` with the command spelled as name and input: `w.do(actor, 'addPoint', { texts })`. */
  do<N extends UseCaseName>(actor: Actor, name: N, input: InputOf<N>): RecordedEvent[] {
    return this.run(actor, { name, input } as Command);
  }

  /** `run`, with a refusal (ParleyError) returned instead of thrown. Other errors still throw. */
  attempt(actor: Actor, command: Command): Attempt {
    try {
      return { ok: true, events: this.run(actor, command) };
    } catch (e) {
      if (isParleyError(e)) return { ok: false, error: e };
      throw e;
    }
  }

  /** The negotiation's id; throws before `createNegotiation` ran. */
  get negotiationId(): string {
    const n = this.state.negotiation;
    if (!n) throw new Error('World: no negotiation has been created yet');
    return n.id;
  }

  /** The hash of the last recorded event, or the genesis hash of an empty log. */
  get head(): string {
    return this.log.at(-1)?.hash ?? GENESIS_HASH;
  }

  #record(actor: Actor, at: string, event: PendingEvent): RecordedEvent {
    const negotiationId = this.state.negotiation?.id
      ?? (event.type === 'negotiation.created' ? event.payload.negotiation.id : undefined);
    if (negotiationId === undefined) throw new Error(`World: a ${event.type} event arrived before the negotiation was created`);
    const body = viaJson({ type: event.type, payload: event.payload }) as EventBody;
    const unhashed = {
      ...body, negotiationId, seq: this.log.length + 1, at, actor: actorLabel(actor),
      visibility: event.visibility, partyId: event.partyId, prevHash: this.head,
    };
    const recorded: RecordedEvent = { ...unhashed, hash: hashEvent(unhashed) };
    this.log.push(recorded);
    // Folded with its seq, as the store folds it, so revisions are tracked here too.
    evolve(this.state, recorded);
    this.state.seq = recorded.seq;
    return recorded;
  }
}

export function world(options: WorldOptions = {}): World {
  return new World(options);
}

// ---------------------------------------------------------------------------------------
// A table: a negotiation with its mediator, parties, their members and points

/** A party at the table and one member of each party role. */
export interface Delegation {
  id: string;
  party: Party;
  principal: Seat;
  negotiator: Seat;
  advisor: Seat;
  observer: Seat;
}

export interface TableOptions extends WorldOptions {
  /** Number of parties (default 2). The first four are the seed's; later ones are "Party 5", ... */
  parties?: number;
  /** Number of points in the working text (default 3), numbered 1..n, English text, illustrative. */
  points?: number;
  /** Languages of the negotiation (default en, ru, uk, ur). */
  languages?: string[];
  /** Drafting language (default the first language). */
  draftingLanguage?: string;
  /** Make v1 from the points once they are added (default false). */
  firstVersion?: boolean;
}

export interface Table {
  world: World;
  negotiationId: string;
  mediator: Seat;
  parties: Delegation[];
  /** Ids of the points added, in their original order. */
  pointIds: string[];
  /** The i-th party (0-based); throws when there is none, so tests need no `!`. */
  party(i: number): Delegation;
  /** The id of the i-th point added (0-based). */
  pointId(i: number): string;
}

const SEED_PARTIES: readonly { shortName: string; name: Record<string, string>; broker: boolean }[] = [
  { shortName: 'RU', name: { en: 'Russia', ru: 'Россия' }, broker: false },
  { shortName: 'US', name: { en: 'United States' }, broker: true },
  { shortName: 'UA', name: { en: 'Ukraine', uk: 'Україна' }, broker: false },
  { shortName: 'EU', name: { en: 'European allies' }, broker: false },
];

const PARTY_ROLES = ['principal', 'negotiator', 'advisor', 'observer'] as const;

/**
 * A negotiation set up the way a mediator would: created (with the mediator's member),
 * parties added, one member per party role added, points added; all through real commands
 * run by the mediator, so `world.log` holds the whole history.
 */
export function table(options: TableOptions = {}): Table {
  const w = world(options);
  const languages = options.languages ?? ['en', 'ru', 'uk', 'ur'];
  const created = w.run({ kind: 'system' }, {
    name: 'createNegotiation',
    input: {
      title: { en: 'Peace framework (test)' },
      languages,
      draftingLanguage: options.draftingLanguage ?? languages[0] ?? 'en',
      mediator: { displayName: 'Mediator', accountId: null },
    },
  });
  const mediatorMember = eventOf(created, 'member.added').payload.member;
  const mediator: Seat = { member: mediatorMember, actor: memberActor(mediatorMember) };

  const parties: Delegation[] = [];
  for (let i = 0; i < (options.parties ?? 2); i++) {
    const spec = SEED_PARTIES[i] ?? { shortName: `P${i + 1}`, name: { en: `Party ${i + 1}` }, broker: false };
    const name = Object.fromEntries(Object.entries(spec.name).filter(([lang]) => languages.includes(lang)));
    const party = eventOf(w.run(mediator.actor, {
      name: 'addParty',
      input: { name: Object.keys(name).length > 0 ? name : { [languages[0] ?? 'en']: spec.name.en ?? spec.shortName }, shortName: spec.shortName, broker: spec.broker },
    }), 'party.added').payload.party;
    const seats = Object.fromEntries(PARTY_ROLES.map((role) => {
      const member = eventOf(w.run(mediator.actor, {
        name: 'addMember',
        input: { displayName: `${spec.shortName} ${role}`, partyId: party.id, role },
      }), 'member.added').payload.member;
      return [role, { member, actor: memberActor(member) }];
    })) as Record<(typeof PARTY_ROLES)[number], Seat>;
    parties.push({ id: party.id, party, ...seats });
  }

  const pointIds: string[] = [];
  const textLang = languages[0] ?? 'en';
  for (let i = 0; i < (options.points ?? 3); i++) {
    const point = eventOf(w.run(mediator.actor, {
      name: 'addPoint',
      input: { texts: { [textLang]: `Point ${i + 1}: illustrative text.` }, illustrative: true },
    }), 'point.added').payload.point;
    pointIds.push(point.id);
  }
  if (options.firstVersion) w.run(mediator.actor, { name: 'createVersion', input: { label: 'v1' } });

  return {
    world: w,
    negotiationId: w.negotiationId,
    mediator,
    parties,
    pointIds,
    party(i) {
      const d = parties[i];
      if (!d) throw new Error(`table: there is no party ${i} (the table has ${parties.length})`);
      return d;
    },
    pointId(i) {
      const id = pointIds[i];
      if (id === undefined) throw new Error(`table: there is no point ${i} (the table has ${pointIds.length})`);
      return id;
    },
  };
}
