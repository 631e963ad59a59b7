/**
 * For the live channel's tests: a negotiation whose members have accounts and API tokens,
 * servers listening on a real port, and a WebSocket client that checks every message
 * against the protocol schema and keeps the cursor a real client would keep.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import type { Command } from '../../src/domain/commands.ts';
import type { Role } from '../../src/domain/model.ts';
import type { Actor } from '../../src/domain/policy/actor.ts';
import { canSee } from '../../src/domain/policy/visibility.ts';
import type { RecordedEvent } from '../../src/domain/record/events.ts';
import { LiveServerMessage, type LiveEvent } from '../../src/protocol/live.schema.ts';
import { buildApp } from '../../src/server/app.ts';
import { authPlugin } from '../../src/server/auth/auth.plugin.ts';
import { livePlugin, type LiveOptions } from '../../src/server/live/live.plugin.ts';
import type { Database } from '../../src/store/database.ts';
import { readEvents } from '../../src/store/event-log.ts';
import { execute, type As } from '../../src/store/execute.ts';
import { addAccount, issueToken } from './auth.ts';
import { memberIdOf } from './scenario.ts';

export interface Seat {
  memberId: string;
  partyId: string | null;
  role: Role;
  accountId: string;
  token: string;
  tokenId: string;
  actor: Extract<Actor, { kind: 'member' }>;
}

export interface LiveNegotiation {
  negotiationId: string;
  mediator: Seat;
  /** Per party: a negotiator (who may set positions) and an observer. */
  parties: { id: string; negotiator: Seat; observer: Seat }[];
  pointIds: string[];
  roundId: string;
  run(as: As, command: Command, db?: Database): Promise<RecordedEvent[]>;
}

async function seat(db: Database, memberId: string, partyId: string | null, role: Role, accountId: string): Promise<Seat> {
  const { token, tokenId } = await issueToken(db, accountId, { scopes: ['read', 'write'] });
  return { memberId, partyId, role, accountId, token, tokenId, actor: { kind: 'member', memberId, partyId, role } };
}

/** A mediator, `parties` parties (negotiator and observer each), two points and a round; every member has an account and a token. */
export async function liveNegotiation(db: Database, options: { parties?: number } = {}): Promise<LiveNegotiation> {
  const negotiationId = randomUUID();
  const run = (as: As, command: Command, on: Database = db) => execute(on, { negotiationId, as, command });
  const mediatorAccount = await addAccount(db, 'Mediator');
  const created = await run('system', {
    name: 'createNegotiation',
    input: { title: { en: 'Live negotiation' }, languages: ['en'], draftingLanguage: 'en', mediator: { displayName: 'Mediator', accountId: mediatorAccount } },
  });
  const mediator = await seat(db, memberIdOf(created), null, 'mediator', mediatorAccount);
  const asMediator: As = { memberId: mediator.memberId };
  const parties: LiveNegotiation['parties'] = [];
  for (let i = 0; i < (options.parties ?? 2); i++) {
    const shortName = String.fromCharCode(65 + i);
    const added = await run(asMediator, { name: 'addParty', input: { name: { en: `Party ${shortName}` }, shortName } });
    const partyId = added.find((e) => e.type === 'party.added')!.payload.party.id;
    const member = async (role: Role): Promise<Seat> => {
      const accountId = await addAccount(db, `${shortName} ${role}`);
      const events = await run(asMediator, { name: 'addMember', input: { displayName: `${shortName} ${role}`, partyId, role, accountId } });
      return seat(db, memberIdOf(events), partyId, role, accountId);
    };
    parties.push({ id: partyId, negotiator: await member('negotiator'), observer: await member('observer') });
  }
  const pointIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    const events = await run(asMediator, { name: 'addPoint', input: { texts: { en: `Point ${i + 1}.` } } });
    pointIds.push(events.find((e) => e.type === 'point.added')!.payload.point.id);
  }
  const round = await run(asMediator, { name: 'scheduleRound', input: { title: { en: 'Round 1' }, startsAt: '2025-12-02T10:00:00Z', visibility: 'parties' } });
  const roundId = round.find((e) => e.type === 'round.scheduled')!.payload.round.id;
  return { negotiationId, mediator, parties, pointIds, roundId, run };
}

/**
 * One write of every visibility: each party's private and mediator-shared positions and
 * readouts, the mediator's own private readout, a public statement, a point for everyone.
 */
export async function writeOfEveryKind(n: LiveNegotiation, tag: string, db?: Database): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  const as = (s: Seat): As => ({ memberId: s.memberId });
  for (const [i, p] of n.parties.entries()) {
    out.push(...await n.run(as(p.negotiator), { name: 'setPosition', input: { partyId: p.id, pointId: n.pointIds[0]!, level: 'wording', reason: `${tag}: private to ${i}`, visibility: 'party' } }, db));
    out.push(...await n.run(as(p.negotiator), { name: 'setPosition', input: { partyId: p.id, pointId: n.pointIds[1]!, level: 'discuss', reason: `${tag}: ${i} and the mediator`, visibility: 'mediator' } }, db));
    out.push(...await n.run(as(p.negotiator), { name: 'writeReadout', input: { roundId: n.roundId, text: { en: `${tag}: readout of ${i}` }, visibility: 'party' } }, db));
  }
  out.push(...await n.run(as(n.mediator), { name: 'writeReadout', input: { roundId: n.roundId, text: { en: `${tag}: the mediator's own` }, visibility: 'party' } }, db));
  out.push(...await n.run(as(n.parties[0]!.observer), { name: 'recordStatement', input: { quote: `${tag}: said in public`, lang: 'en', date: '2025-12-03' } }, db));
  out.push(...await n.run(as(n.mediator), { name: 'addPoint', input: { texts: { en: `${tag}: a point for everyone.` } } }, db));
  return out;
}

/** The oracle: what this viewer may see of the whole log after `after`, by the domain's rule. */
export async function expectedFor(db: Database, n: LiveNegotiation, viewer: Seat, after = 0): Promise<number[]> {
  const log = await readEvents(db, n.negotiationId, after);
  return log.filter((e) => canSee(viewer.actor, e)).map((e) => e.seq);
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on a port');
  return `ws://127.0.0.1:${address.port}`;
}

/** An app as `parley serve` builds it, listening on a free port. */
export async function startServer(db: Database): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp({ db });
  return { app, base: await listen(app) };
}

/**
 * The live channel alone with options of the test's choosing (short heartbeats, a small
 * buffer limit), behind the same cookie and auth plugins as the app.
 */
export async function startLiveServer(db: Database, options: Partial<LiveOptions>): Promise<{ app: FastifyInstance; base: string }> {
  const app = Fastify();
  await app.register(cookie);
  await app.register(authPlugin, { db, secureCookies: false });
  await app.register(livePlugin, { db, ...options });
  return { app, base: await listen(app) };
}

export interface Closed { code: number; reason: string }

/** A subscriber: every message parsed by the protocol schema, the cursor kept as the docs say. */
export class LiveClient {
  readonly messages: LiveServerMessage[] = [];
  /** Anything off-protocol: a binary frame, an event repeated or out of order. Tests expect none. */
  readonly problems: string[] = [];
  readonly events: LiveEvent[] = [];
  cursor: number;
  readyCount = 0;
  /** Set when the server refused the upgrade itself with an HTTP status. */
  httpStatus: number | null = null;
  readonly closed: Promise<Closed>;
  readonly opened: Promise<void>;
  private waiters: (() => void)[] = [];
  readonly ws: WebSocket;

  constructor(base: string, negotiationId: string, options: { after?: number; token?: string; headers?: Record<string, string>; query?: string } = {}) {
    this.cursor = options.after ?? 0;
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const query = options.query ?? `negotiation=${negotiationId}&after=${this.cursor}`;
    this.ws = new WebSocket(`${base}/api/live?${query}`, { headers });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    // Refused connections never open; that is for `refusal()` to report, not an unhandled rejection.
    this.opened.catch(() => undefined);
    this.closed = new Promise((resolve) => {
      this.ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString('utf8') });
        this.wake();
      });
    });
    this.ws.on('error', (e) => {
      const status = /Unexpected server response: (\d+)/.exec(e.message)?.[1];
      if (status) this.httpStatus = Number(status);
    });
    this.ws.on('message', (data: Buffer, isBinary) => {
      if (isBinary) this.problems.push('the live channel sent a binary frame');
      const parsed = LiveServerMessage.safeParse(JSON.parse(data.toString('utf8')));
      if (!parsed.success) {
        this.problems.push(`off-protocol message: ${parsed.error.message}`);
        return;
      }
      const m = parsed.data;
      this.messages.push(m);
      switch (m.type) {
        case 'event':
          if (m.event.seq <= this.cursor) this.problems.push(`event ${m.event.seq} arrived after cursor ${this.cursor}: repeated or out of order`);
          this.events.push(m.event);
          this.cursor = m.event.seq;
          break;
        case 'ready':
          this.readyCount++;
          this.cursor = Math.max(this.cursor, m.headSeq);
          break;
        case 'head':
          this.cursor = Math.max(this.cursor, m.seq);
          break;
        case 'ping':
        case 'error':
          break;
      }
      this.wake();
    });
  }

  get seqs(): number[] {
    return this.events.map((e) => e.seq);
  }

  get errors(): { code: string; detail: string }[] {
    return this.messages.flatMap((m) => (m.type === 'error' ? [{ code: m.code, detail: m.detail }] : []));
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves once `done()` holds; fails if the connection closes first. */
  async until(done: () => boolean, what: string): Promise<void> {
    let closed = false;
    void this.closed.then(() => {
      closed = true;
    });
    while (!done()) {
      if (closed || this.ws.readyState === WebSocket.CLOSED) throw new Error(`connection closed while waiting for ${what}; got ${JSON.stringify(this.messages.slice(-3))}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  ready(): Promise<void> {
    return this.until(() => this.readyCount > 0, 'ready');
  }

  /** Until the cursor reaches `seq` (an event or a head at or past it). */
  reach(seq: number): Promise<void> {
    return this.until(() => this.readyCount > 0 && this.cursor >= seq, `seq ${seq}`);
  }

  /**
   * How the server refused this connection: an HTTP status before the upgrade (a bad bearer
   * token fails in the auth plugin), or an `error` message and a 44xx close after it.
   */
  async refusal(): Promise<{ http: number } | { close: number; error: string | null; reason: string }> {
    const closed = await this.closed;
    if (this.httpStatus !== null) return { http: this.httpStatus };
    return { close: closed.code, error: this.errors[0]?.code ?? null, reason: closed.reason };
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    await this.closed;
  }
}
