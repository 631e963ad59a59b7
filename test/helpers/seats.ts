/**
 * For the security suites: a negotiation whose every seat (the mediator, and per party a
 * principal, a negotiator, an advisor and an observer) is held by a real account that
 * reaches the server the way a client does, with an API token or a session cookie.
 * Commands run through `execute` as the member (policy table and row-level security).
 */
import { randomUUID } from 'node:crypto';
import type { Command } from '../../src/domain/commands.ts';
import type { Localized, Role } from '../../src/domain/model.ts';
import type { Actor } from '../../src/domain/policy/actor.ts';
import type { RecordedEvent } from '../../src/domain/record/events.ts';
import type { Scope } from '../../src/server/auth/request-auth.ts';
import type { Database } from '../../src/store/database.ts';
import { execute } from '../../src/store/execute.ts';
import { addAccount, issueToken, openSession } from './auth.ts';

export type MemberActor = Extract<Actor, { kind: 'member' }>;
export const partyRoles = ['principal', 'negotiator', 'advisor', 'observer'] as const;
export type PartyRole = (typeof partyRoles)[number];

export interface Seat {
  /** 'mediator', 'A.principal', ... */
  key: string;
  memberId: string;
  partyId: string | null;
  role: Role;
  accountId: string;
  actor: MemberActor;
  /** The credential as request headers: `authorization` for a token, `cookie` for a session. */
  headers: Record<string, string>;
  via: 'token' | 'session';
  /** Set for seats that hold an API token. */
  token: string | null;
}

export interface SeatedParty {
  id: string;
  /** 'A', 'B', ... */
  label: string;
  seats: Record<PartyRole, Seat>;
}

export interface SeatedNegotiation {
  negotiationId: string;
  mediator: Seat;
  parties: SeatedParty[];
  /** Every seat: the mediator first, then party by party in role order. */
  seats: Seat[];
  run(as: Seat | 'system', command: Command): Promise<RecordedEvent[]>;
}

export interface SeatOptions {
  negotiationId?: string;
  parties?: number;
  title?: Localized;
  description?: Localized;
  /** How each seat authenticates; default: an API token. */
  via?: (role: Role) => 'token' | 'session';
  /** Display name of a party seat's member; default "<label> <role>". */
  memberName?: (label: string, role: PartyRole) => string;
  /** A party's name; default "Party <label>". */
  partyName?: (label: string) => string;
  scopes?: readonly Scope[];
  /** The negotiation's languages, the first its drafting language; default English only. */
  languages?: readonly string[];
}

/** The id of the entity an event of `type` carries under `key` (e.g. 'party.added', 'party'). */
export function idFrom(events: readonly RecordedEvent[], type: RecordedEvent['type'], key: string): string {
  const e = events.find((x) => x.type === type);
  const v = e ? (e.payload as unknown as Record<string, { id?: unknown } | undefined>)[key]?.id : undefined;
  if (typeof v !== 'string') throw new Error(`no ${type} event with ${key}.id among ${events.map((x) => x.type).join(', ')}`);
  return v;
}

async function credential(db: Database, accountId: string, via: 'token' | 'session', scopes: readonly Scope[]): Promise<Pick<Seat, 'headers' | 'via' | 'token'>> {
  if (via === 'session') {
    const s = await openSession(db, accountId);
    return { headers: { cookie: s.cookie }, via, token: null };
  }
  const { token } = await issueToken(db, accountId, { scopes });
  return { headers: { authorization: `Bearer ${token}` }, via, token };
}

export async function seatedNegotiation(db: Database, options: SeatOptions = {}): Promise<SeatedNegotiation> {
  const negotiationId = options.negotiationId ?? randomUUID();
  const via = options.via ?? (() => 'token');
  const scopes = options.scopes ?? ['read', 'write'];
  const run = (as: Seat | 'system', command: Command) =>
    execute(db, { negotiationId, as: as === 'system' ? 'system' : { memberId: as.memberId }, command });

  const mediatorAccount = await addAccount(db, 'Mediator');
  const created = await run('system', {
    name: 'createNegotiation',
    input: {
      title: options.title ?? { en: 'Security negotiation' }, description: options.description ?? {}, languages: [...(options.languages ?? ['en'])], draftingLanguage: options.languages?.[0] ?? 'en',
      mediator: { displayName: 'Mediator', accountId: mediatorAccount },
    },
  });
  const mediatorId = idFrom(created, 'member.added', 'member');
  const mediator: Seat = {
    key: 'mediator', memberId: mediatorId, partyId: null, role: 'mediator', accountId: mediatorAccount,
    actor: { kind: 'member', memberId: mediatorId, partyId: null, role: 'mediator' },
    ...await credential(db, mediatorAccount, via('mediator'), scopes),
  };
  const parties: SeatedParty[] = [];
  for (let i = 0; i < (options.parties ?? 2); i++) {
    const label = String.fromCharCode(65 + i);
    const added = await run(mediator, { name: 'addParty', input: { name: { en: options.partyName?.(label) ?? `Party ${label}` }, shortName: label } });
    const partyId = idFrom(added, 'party.added', 'party');
    const seats = {} as Record<PartyRole, Seat>;
    for (const role of partyRoles) {
      const accountId = await addAccount(db, `${label} ${role}`);
      const displayName = options.memberName?.(label, role) ?? `${label} ${role}`;
      const events = await run(mediator, { name: 'addMember', input: { displayName, partyId, role, accountId } });
      const memberId = idFrom(events, 'member.added', 'member');
      seats[role] = {
        key: `${label}.${role}`, memberId, partyId, role, accountId, actor: { kind: 'member', memberId, partyId, role },
        ...await credential(db, accountId, via(role), scopes),
      };
    }
    parties.push({ id: partyId, label, seats });
  }
  return { negotiationId, mediator, parties, seats: [mediator, ...parties.flatMap((p) => partyRoles.map((r) => p.seats[r]))], run };
}

/** An account that is a member of nothing, with a token: what a stranger holds. */
export async function strangerHeaders(db: Database): Promise<{ accountId: string; headers: Record<string, string> }> {
  const accountId = await addAccount(db, 'Stranger');
  const { token } = await issueToken(db, accountId, { scopes: ['read', 'write'] });
  return { accountId, headers: { authorization: `Bearer ${token}` } };
}

/** The negotiation's head seq, read as the operator. */
export async function headSeq(db: Database, negotiationId: string): Promise<number> {
  const rows = await db.query<{ last_seq: number }>('SELECT last_seq FROM negotiation_heads WHERE negotiation_id = $1', [negotiationId]);
  return rows[0]?.last_seq ?? 0;
}
