/**
 * Row-level security of the tables the accounts work added (0002_accounts.sql), in the
 * manner of rls.test.ts: raw SQL with no filter, run as parley_app with each viewer set.
 *   invitations  the mediator's office and the inviting party ('mediator' visibility, owned
 *                by the seat's party): exactly the domain's canSee;
 *   access_log   the mediator's office sees its negotiation's whole log, others their own lines;
 *   accounts, sessions, api_tokens, account_log, rate_limits: never readable by parley_app.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, newInvitationToken } from '../../src/domain/accounts/secrets.ts';
import { publicViewer, type Actor } from '../../src/domain/policy/actor.ts';
import { canSee } from '../../src/domain/policy/visibility.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Tx } from '../../src/store/database.ts';
import { actAs } from '../../src/store/viewer.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { failsAs as failsAsRole, selectAllAs as selectAllRows } from '../helpers/rls.ts';
import { seatedNegotiation, type SeatedNegotiation } from '../helpers/seats.ts';

type Row = Record<string, unknown> & { negotiation_id: string; id: string };

describe.each(backends)('row-level security of invitations, the access log and account tables on %s', (backend) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let n: SeatedNegotiation;
  let other: SeatedNegotiation;
  const viewers = new Map<string, { actor: Actor; negotiationId: string | null }>();
  const all = new Map<string, Row[]>();

  const selectAllAs = (who: Actor, negotiationId: string | null, table: string) => selectAllRows<Row>(t.db, who, negotiationId, table);
  const failsAs = (who: Actor, negotiationId: string, fn: (tx: Tx) => Promise<unknown>) => failsAsRole(t.db, who, negotiationId, fn);

  beforeAll(async () => {
    t = await freshDatabase(backend);
    app = await buildApp({ db: t.db });
    n = await seatedNegotiation(t.db, { parties: 2 });
    other = await seatedNegotiation(t.db, { parties: 1 });
    const [A, B] = [n.parties[0]!, n.parties[1]!];
    const invite = async (headers: Record<string, string>, negotiationId: string, partyId: string | null, displayName: string) => {
      const res = await app.inject({
        method: 'POST', url: `/api/negotiations/${negotiationId}/invitations`, headers,
        payload: { partyId, role: partyId === null ? 'mediator' : 'advisor', displayName },
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await invite(n.mediator.headers, n.negotiationId, null, "A second seat in the mediator's office");
    await invite(n.mediator.headers, n.negotiationId, B.id, 'An advisor for B');
    await invite(A.seats.principal.headers, n.negotiationId, A.id, 'An advisor for A');
    await invite(B.seats.principal.headers, n.negotiationId, B.id, 'Another advisor for B');
    await invite(other.mediator.headers, other.negotiationId, other.parties[0]!.id, 'Elsewhere');

    // Access-log lines of several members: reads of a confidential version.
    await n.run(n.mediator, { name: 'addPoint', input: { texts: { en: 'A point.' } } });
    const [v] = (await n.run(n.mediator, { name: 'createVersion', input: { visibility: 'parties' } })).flatMap((e) => (e.type === 'version.created' ? [e.payload.version.id] : []));
    for (const s of [n.mediator, A.seats.observer, A.seats.negotiator, B.seats.advisor]) {
      const res = await app.inject({ method: 'GET', url: `/api/negotiations/${n.negotiationId}/versions/${v!}`, headers: s.headers });
      expect(res.statusCode, res.body).toBe(200);
    }

    for (const s of n.seats) viewers.set(s.key, { actor: s.actor, negotiationId: n.negotiationId });
    viewers.set('other mediator', { actor: other.mediator.actor, negotiationId: other.negotiationId });
    viewers.set('public', { actor: publicViewer, negotiationId: null });
    for (const table of ['invitations', 'access_log']) {
      all.set(table, (await t.db.query<{ row: Row }>(`SELECT to_jsonb(x) AS row FROM ${table} x`)).map((r) => r.row));
    }
  });

  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  it('the world holds invitations of every owner and access-log lines of several members', () => {
    const invitations = all.get('invitations')!.filter((r) => r.negotiation_id === n.negotiationId);
    expect(new Set(invitations.map((r) => r.party_id))).toEqual(new Set([null, n.parties[0]!.id, n.parties[1]!.id]));
    expect(new Set(all.get('access_log')!.filter((r) => r.negotiation_id === n.negotiationId).map((r) => r.member_id)).size).toBeGreaterThanOrEqual(4);
  });

  it('invitations: every viewer gets exactly the rows canSee allows at mediator visibility', async () => {
    const mismatches: string[] = [];
    for (const [name, v] of viewers) {
      const seen = new Set((await selectAllAs(v.actor, v.negotiationId, 'invitations')).map((r) => r.id));
      for (const row of all.get('invitations')!) {
        const expected = row.negotiation_id === v.negotiationId && canSee(v.actor, { visibility: 'mediator', partyId: row.party_id as string | null });
        if (seen.has(row.id) !== expected) mismatches.push(`${name} ${expected ? 'misses' : 'sees'} invitation ${String(row.display_name)}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Not vacuous: the mediator sees its negotiation's four, a party member its own party's.
    expect((await selectAllAs(n.mediator.actor, n.negotiationId, 'invitations')).length).toBe(4);
    expect((await selectAllAs(n.parties[1]!.seats.observer.actor, n.negotiationId, 'invitations')).length).toBe(2);
  });

  it("access log: the mediator's office reads its negotiation's, every other member only its own lines", async () => {
    const mismatches: string[] = [];
    for (const [name, v] of viewers) {
      const seen = new Set((await selectAllAs(v.actor, v.negotiationId, 'access_log')).map((r) => r.id));
      const member = v.actor.kind === 'member' ? v.actor : null;
      for (const row of all.get('access_log')!) {
        const expected = member !== null && row.negotiation_id === v.negotiationId && (member.role === 'mediator' || row.member_id === member.memberId);
        if (seen.has(row.id) !== expected) mismatches.push(`${name} ${expected ? 'misses' : 'sees'} ${String(row.action)} by ${String(row.member_id)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect((await selectAllAs(n.parties[0]!.seats.observer.actor, n.negotiationId, 'access_log')).length).toBe(1);
  });

  it("refuses invitations for another party's seats, changes to invitations it may not see, and any rewrite of the access log", async () => {
    const A = n.parties[0]!;
    const B = n.parties[1]!;
    const principalA = A.seats.principal.actor;
    const insertInvitation = (negotiationId: string, partyId: string | null, tokenHash = hashSecret(newInvitationToken())) => (tx: Tx) => tx.query(
      `INSERT INTO invitations (negotiation_id, id, token_hash, party_id, role, display_name, invited_by, created_at, expires_at)
       VALUES ($1, gen_random_uuid(), $4, $2, $5, 'forged', $3, now(), now() + interval '1 day')`,
      [negotiationId, partyId, principalA.memberId, tokenHash, partyId === null ? 'mediator' : 'observer']);
    expect(await failsAs(principalA, n.negotiationId, insertInvitation(n.negotiationId, B.id))).toMatch(/row-level security/);
    expect(await failsAs(principalA, n.negotiationId, insertInvitation(other.negotiationId, A.id))).toMatch(/row-level security/);
    expect(await failsAs(principalA, n.negotiationId, insertInvitation(n.negotiationId, A.id))).toBe('no error');
    // A row of no party passes parley_may_write (as for every table, the domain decides who
    // writes those). A seat in the mediator's office forged that way still opens nothing:
    // accepting runs addMember as the inviter, whom the policy table refuses.
    const forged = newInvitationToken();
    expect(await failsAs(principalA, n.negotiationId, insertInvitation(n.negotiationId, null, hashSecret(forged)))).toBe('no error');
    const accepted = await app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: forged, account: { email: 'forger@test.parley', displayName: 'Forger', password: 'a long enough passphrase' } } });
    expect(accepted.statusCode, accepted.body).toBe(410);
    expect(await t.db.query("SELECT 1 FROM members WHERE negotiation_id = $1 AND role = 'mediator'", [n.negotiationId])).toHaveLength(1);
    expect(await t.db.query("SELECT 1 FROM accounts WHERE email = 'forger@test.parley'")).toHaveLength(0);

    // B's invitations are invisible to A, so an UPDATE finds nothing to change.
    const revoked = await t.db.transaction(async (tx) => {
      await actAs(tx, n.negotiationId, principalA);
      return tx.query('UPDATE invitations SET revoked_at = now() WHERE party_id = $1 RETURNING id', [B.id]);
    });
    expect(revoked).toEqual([]);
    expect((await t.db.query('SELECT 1 FROM invitations WHERE party_id = $1 AND revoked_at IS NOT NULL', [B.id])).length).toBe(0);
    // Moving a visible invitation to another party's seat is refused.
    expect(await failsAs(principalA, n.negotiationId, (tx) => tx.query('UPDATE invitations SET party_id = $2 WHERE party_id = $1', [A.id, B.id]))).toMatch(/row-level security/);

    expect(await failsAs(n.mediator.actor, n.negotiationId, (tx) => tx.query(
      "INSERT INTO access_log (negotiation_id, id, at, action) VALUES ($1, gen_random_uuid(), now(), 'forged')", [other.negotiationId]))).toMatch(/row-level security/);
    expect(await failsAs(n.mediator.actor, n.negotiationId, (tx) => tx.query("UPDATE access_log SET action = 'forged'"))).toMatch(/permission denied/);
    expect(await failsAs(n.mediator.actor, n.negotiationId, (tx) => tx.query('DELETE FROM access_log'))).toMatch(/permission denied/);
    expect(await failsAs(n.mediator.actor, n.negotiationId, (tx) => tx.query('DELETE FROM invitations'))).toMatch(/permission denied/);
  });

  it('the account tables are closed to parley_app: no row of them, whoever is looking', async () => {
    for (const table of ['accounts', 'sessions', 'api_tokens', 'account_log', 'rate_limits']) {
      for (const [name, v] of [['mediator', viewers.get('mediator')!], ['public', viewers.get('public')!]] as const) {
        const error = await failsAs(v.actor, v.negotiationId ?? '', (tx) => tx.query(`SELECT * FROM ${table}`));
        expect(error, `${name} reading ${table}`).toMatch(/permission denied/);
      }
    }
    const grants = await t.db.query<{ table_name: string }>(
      `SELECT DISTINCT table_name FROM information_schema.role_table_grants
       WHERE grantee = 'parley_app' AND table_name IN ('accounts', 'sessions', 'api_tokens', 'account_log', 'rate_limits')`);
    expect(grants).toEqual([]);
  });
});
