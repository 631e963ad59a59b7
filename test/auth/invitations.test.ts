import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { asSession, makeAccount, makeApp, negotiationWithAccounts, sessionFor, sessionSetCookie, type Session, type TestNegotiation } from './support.ts';

describe.each(backends)('invitations on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let n: TestNegotiation;
  let mediator: Session;
  beforeEach(async () => {
    t = await freshDatabase(backend);
    app = await makeApp(t.db);
    n = await negotiationWithAccounts(t.db);
    mediator = await sessionFor(app, n.mediator.email);
  });
  afterEach(async () => {
    await app.close();
    await t.dispose();
  });

  const url = () => `/api/negotiations/${n.negotiationId}/invitations`;

  async function invite(by: Session, body: Record<string, unknown>) {
    return app.inject({ method: 'POST', url: url(), headers: { ...asSession(by), host: 'parley.example.org' }, payload: body });
  }

  async function inviteOk(by: Session, body: Record<string, unknown> = {}): Promise<{ invitationId: string; token: string; acceptUrl: string }> {
    const res = await invite(by, { partyId: n.partyA, role: 'negotiator', displayName: 'Second negotiator', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  const accept = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/invitations/accept', headers, payload: body });

  const newAccount = (email: string) => ({ email, displayName: 'New Person', password: 'a long enough password' });

  it('issues a one-time link with the token in its fragment, stored hashed, logged in the access log', async () => {
    const inv = await inviteOk(mediator);
    expect(inv.token).toMatch(/^parley_inv_[A-Za-z0-9_-]{43}$/);
    expect(inv.acceptUrl).toBe(`http://parley.example.org/invitations/accept#${inv.token}`);
    const rows = await t.db.query<{ token_hash: string; invited_by: string }>('SELECT token_hash, invited_by FROM invitations');
    expect(rows).toEqual([{ token_hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown, invited_by: n.mediator.memberId }]);
    const log = await t.db.query<{ action: string; member_id: string; target: string }>('SELECT action, member_id, target FROM access_log WHERE negotiation_id = $1', [n.negotiationId]);
    expect(log).toEqual([{ action: 'invitation.created', member_id: n.mediator.memberId, target: inv.invitationId }]);
    // Not a change to the negotiation: no event.
    const events = await t.db.query("SELECT 1 FROM events WHERE negotiation_id = $1 AND type = 'member.added'", [n.negotiationId]);
    expect(events).toHaveLength(4);
  });

  it('accepting with a new account adds the member through an addMember event, and signs the new account in', async () => {
    const inv = await inviteOk(mediator);
    const res = await accept({ token: inv.token, account: newAccount('newcomer@test.parley') });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ negotiationId: string; memberId: string; account: { id: string; email: string }; csrfToken: string }>();
    expect(body.negotiationId).toBe(n.negotiationId);
    expect(body.account.email).toBe('newcomer@test.parley');
    const [event] = await t.db.query<{ actor: string; payload: { member: Record<string, unknown> } }>(
      "SELECT actor, payload FROM events WHERE negotiation_id = $1 AND type = 'member.added' ORDER BY seq DESC LIMIT 1", [n.negotiationId]);
    expect(event!.actor, 'recorded as the inviter').toBe(n.mediator.memberId);
    expect(event!.payload.member).toMatchObject({ id: body.memberId, displayName: 'Second negotiator', partyId: n.partyA, role: 'negotiator', accountId: body.account.id, active: true });
    const [member] = await t.db.query('SELECT account_id, role FROM members WHERE negotiation_id = $1 AND id = $2', [n.negotiationId, body.memberId]);
    expect(member).toEqual({ account_id: body.account.id, role: 'negotiator' });
    const cookie = /^parley_session=([^;]+)/.exec(sessionSetCookie(res)!)![1]!;
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `parley_session=${cookie}` } });
    expect(me.json()).toMatchObject({ account: { email: 'newcomer@test.parley' }, csrfToken: body.csrfToken });
    const listed = (await app.inject({ method: 'GET', url: url(), headers: { cookie: mediator.cookie } })).json<{ items: { state: string; acceptedBy: string }[] }>();
    expect(listed.items[0]).toMatchObject({ state: 'used', acceptedBy: body.account.id });
  });

  it('accepting as a signed-in account joins that account', async () => {
    const joiner = await makeAccount(t.db, 'joiner@test.parley');
    const s = await sessionFor(app, 'joiner@test.parley');
    const inv = await inviteOk(mediator, { partyId: n.partyB, role: 'observer' });
    const noCsrf = await accept({ token: inv.token }, asSession(s, false));
    expect(noCsrf.statusCode).toBe(403);
    const res = await accept({ token: inv.token }, asSession(s));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ account: { id: joiner.id }, csrfToken: null });
    const rows = await t.db.query('SELECT role, party_id FROM members WHERE negotiation_id = $1 AND account_id = $2', [n.negotiationId, joiner.id]);
    expect(rows).toEqual([{ role: 'observer', party_id: n.partyB }]);
  });

  it('a used, revoked, expired or unknown invitation is 410 invitation_invalid', async () => {
    const used = await inviteOk(mediator);
    expect((await accept({ token: used.token, account: newAccount('first@test.parley') })).statusCode).toBe(200);
    const again = await accept({ token: used.token, account: newAccount('second@test.parley') });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: 'invitation_invalid' });
    expect((await t.db.query("SELECT 1 FROM accounts WHERE email = 'second@test.parley'")).length, 'no account made for a dead link').toBe(0);

    const revoked = await inviteOk(mediator);
    expect((await app.inject({ method: 'DELETE', url: `${url()}/${revoked.invitationId}`, headers: asSession(mediator) })).statusCode).toBe(204);
    expect((await accept({ token: revoked.token, account: newAccount('third@test.parley') })).json()).toMatchObject({ status: 410, code: 'invitation_invalid' });

    const expired = await inviteOk(mediator);
    await t.db.query("UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1", [expired.invitationId]);
    const late = await accept({ token: expired.token, account: newAccount('fourth@test.parley') });
    expect(late.statusCode).toBe(410);
    expect(late.json<{ detail: string }>().detail).toMatch(/expired/);

    expect((await accept({ token: `parley_inv_${'A'.repeat(43)}`, account: newAccount('fifth@test.parley') })).statusCode).toBe(410);
    expect((await accept({ token: 'garbage', account: newAccount('sixth@test.parley') })).statusCode).toBe(410);
  });

  it('follows the policy table: mediator for any seat, principal for its own party only, nobody else', async () => {
    const principalA = await sessionFor(app, n.principalA.email);
    const negotiatorA = await sessionFor(app, n.negotiatorA.email);
    expect((await invite(principalA, { partyId: n.partyA, role: 'advisor', displayName: 'Adviser' })).statusCode).toBe(201);
    const otherParty = await invite(principalA, { partyId: n.partyB, role: 'advisor', displayName: 'Adviser' });
    expect(otherParty.statusCode).toBe(403);
    expect(otherParty.json()).toMatchObject({ code: 'action_denied' });
    expect((await invite(principalA, { partyId: null, role: 'mediator', displayName: 'Deputy' })).statusCode).toBe(403);
    expect((await invite(negotiatorA, { partyId: n.partyA, role: 'observer', displayName: 'Obs' })).statusCode).toBe(403);
    expect((await invite(mediator, { partyId: null, role: 'mediator', displayName: 'Deputy mediator' })).statusCode).toBe(201);
    const mismatch = await invite(mediator, { partyId: null, role: 'negotiator', displayName: 'Nobody' });
    expect(mismatch.statusCode).toBe(400);
    expect((await invite(mediator, { partyId: crypto.randomUUID(), role: 'negotiator', displayName: 'Ghost' })).statusCode).toBe(404);
    // An account that is not a member learns nothing about the negotiation.
    await makeAccount(t.db, 'outsider@test.parley');
    const outsider = await sessionFor(app, 'outsider@test.parley');
    expect((await invite(outsider, { partyId: n.partyA, role: 'observer', displayName: 'x' })).json()).toMatchObject({ status: 404, code: 'negotiation_not_found' });
  });

  it('lists by row-level security: the mediator sees all, a principal its own party, a negotiator nothing', async () => {
    const principalA = await sessionFor(app, n.principalA.email);
    const principalB = await sessionFor(app, n.principalB.email);
    await inviteOk(mediator, { partyId: n.partyA });
    await inviteOk(mediator, { partyId: n.partyB });
    await inviteOk(mediator, { partyId: null, role: 'mediator' });
    const list = async (s: Session) => app.inject({ method: 'GET', url: url(), headers: { cookie: s.cookie } });
    expect((await list(mediator)).json<{ items: unknown[] }>().items).toHaveLength(3);
    const a = (await list(principalA)).json<{ items: { partyId: string }[] }>().items;
    expect(a.map((i) => i.partyId)).toEqual([n.partyA]);
    const b = (await list(principalB)).json<{ items: { partyId: string }[] }>().items;
    expect(b.map((i) => i.partyId)).toEqual([n.partyB]);
    expect((await list(await sessionFor(app, n.negotiatorA.email))).statusCode).toBe(403);
    // Revoking another party's invitation is as invisible as it is forbidden.
    const bInvitation = (await list(mediator)).json<{ items: { id: string; partyId: string | null }[] }>().items.find((i) => i.partyId === n.partyB)!;
    expect((await app.inject({ method: 'DELETE', url: `${url()}/${bInvitation.id}`, headers: asSession(principalA) })).statusCode).toBe(404);
  });

  it('an invitation made out to an email is for that address only', async () => {
    const inv = await inviteOk(mediator, { email: 'Intended@Test.Parley' });
    const wrong = await accept({ token: inv.token, account: newAccount('someone-else@test.parley') });
    expect(wrong.statusCode).toBe(403);
    expect((await accept({ token: inv.token, account: newAccount('intended@test.parley') })).statusCode).toBe(200);
  });

  it('someone already a member gets 409, and the invitation stays usable', async () => {
    const principalA = await sessionFor(app, n.principalA.email);
    const inv = await inviteOk(mediator, { partyId: n.partyB, role: 'observer' });
    const dup = await accept({ token: inv.token }, asSession(principalA));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'already_exists' });
    expect((await accept({ token: inv.token, account: newAccount('real@test.parley') })).statusCode).toBe(200);
  });

  it('a new account must meet the password policy and not take an existing email', async () => {
    const inv = await inviteOk(mediator);
    const weak = await accept({ token: inv.token, account: { email: 'weak@test.parley', displayName: 'W', password: 'short' } });
    expect(weak.statusCode).toBe(400);
    const taken = await accept({ token: inv.token, account: newAccount(n.principalA.email) });
    expect(taken.statusCode).toBe(409);
    expect((await accept({ token: inv.token })).statusCode, 'neither signed in nor a new account').toBe(401);
    expect((await accept({ token: inv.token, account: newAccount('fine@test.parley') })).statusCode).toBe(200);
  });
});
