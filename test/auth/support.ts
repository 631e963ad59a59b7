/**
 * Accounts through the real code paths (password policy, argon2id, sign-in over HTTP),
 * for the auth suites. Each test gets a fresh database and a fresh app on it.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../../src/domain/model.ts';
import type { RecordedEvent } from '../../src/domain/record/events.ts';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import type { AccountRow } from '../../src/store/accounts/accounts.store.ts';
import { registerAccount } from '../../src/store/accounts/register.ts';
import type { Database } from '../../src/store/database.ts';
import { execute } from '../../src/store/execute.ts';

export const PASSWORD = 'correct horse battery staple';

export function makeApp(db: Database, options: Omit<AppOptions, 'db'> = {}): Promise<FastifyInstance> {
  return buildApp({ db, ...options });
}

export function makeAccount(db: Database, email: string, options: { password?: string; isAdmin?: boolean; displayName?: string } = {}): Promise<AccountRow> {
  return registerAccount(db, { email, displayName: options.displayName ?? email.split('@')[0], password: options.password ?? PASSWORD, isAdmin: options.isAdmin ?? false }, 'test');
}

export interface Session {
  /** The Cookie header value to send. */
  cookie: string;
  secret: string;
  csrf: string;
  accountId: string;
}

/** The parley_session Set-Cookie header of a response, or null. */
export function sessionSetCookie(res: LightMyRequestResponse): string | null {
  const raw = res.headers['set-cookie'];
  const all = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return all.find((c) => c.startsWith('parley_session=')) ?? null;
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD, extra: { totp?: string; ip?: string } = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST', url: '/api/auth/sign-in', payload: { email, password, ...(extra.totp ? { totp: extra.totp } : {}) },
    ...(extra.ip ? { remoteAddress: extra.ip } : {}),
  });
}

/** Signs in and returns what a browser would hold afterwards; fails the test if sign-in fails. */
export async function sessionFor(app: FastifyInstance, email: string, password = PASSWORD, extra: { totp?: string; ip?: string } = {}): Promise<Session> {
  const res = await signIn(app, email, password, extra);
  expect(res.statusCode, res.body).toBe(200);
  const set = sessionSetCookie(res)!;
  const secret = /^parley_session=([^;]*)/.exec(set)![1]!;
  const body = res.json<{ csrfToken: string; account: { id: string } }>();
  return { cookie: `parley_session=${secret}`, secret, csrf: body.csrfToken, accountId: body.account.id };
}

/** A cookie-authenticated request with the CSRF header, as the web app makes it. */
export function asSession(s: Session, withCsrf = true): Record<string, string> {
  return withCsrf ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : { cookie: s.cookie };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export interface Seat { memberId: string; accountId: string; email: string; partyId: string | null; role: Role }
export interface TestNegotiation {
  negotiationId: string;
  partyA: string;
  partyB: string;
  mediator: Seat;
  principalA: Seat;
  negotiatorA: Seat;
  principalB: Seat;
}

function memberIdOf(events: readonly RecordedEvent[]): string {
  const e = events.find((x) => x.type === 'member.added');
  if (e?.type !== 'member.added') throw new Error('no member.added event');
  return e.payload.member.id;
}

function partyIdOf(events: readonly RecordedEvent[]): string {
  const e = events.find((x) => x.type === 'party.added');
  if (e?.type !== 'party.added') throw new Error('no party.added event');
  return e.payload.party.id;
}

/** A negotiation with two parties whose seats are held by real accounts (password PASSWORD). */
export async function negotiationWithAccounts(db: Database, tag = randomUUID().slice(0, 8)): Promise<TestNegotiation> {
  const negotiationId = randomUUID();
  const mediatorAccount = await makeAccount(db, `mediator-${tag}@test.parley`);
  const created = await execute(db, {
    negotiationId, as: 'system',
    command: { name: 'createNegotiation', input: { title: { en: 'Accounts test' }, languages: ['en'], draftingLanguage: 'en', mediator: { displayName: 'Mediator', accountId: mediatorAccount.id } } },
  });
  const mediator: Seat = { memberId: memberIdOf(created), accountId: mediatorAccount.id, email: mediatorAccount.email, partyId: null, role: 'mediator' };
  const asMediator = { memberId: mediator.memberId };
  const party = async (name: string) => partyIdOf(await execute(db, { negotiationId, as: asMediator, command: { name: 'addParty', input: { name: { en: name }, shortName: name } } }));
  const partyA = await party('A');
  const partyB = await party('B');
  const seat = async (partyId: string, role: Role, label: string): Promise<Seat> => {
    const account = await makeAccount(db, `${label}-${tag}@test.parley`);
    const events = await execute(db, { negotiationId, as: asMediator, command: { name: 'addMember', input: { displayName: label, partyId, role, accountId: account.id } } });
    return { memberId: memberIdOf(events), accountId: account.id, email: account.email, partyId, role };
  };
  return {
    negotiationId, partyA, partyB, mediator,
    principalA: await seat(partyA, 'principal', 'principal-a'),
    negotiatorA: await seat(partyA, 'negotiator', 'negotiator-a'),
    principalB: await seat(partyB, 'principal', 'principal-b'),
  };
}
