/**
 * Credentials are out of reach of the role requests run as: no grant on the account-level
 * tables, and row-level security without a policy behind that.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actAs } from '../../src/store/viewer.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { makeAccount, negotiationWithAccounts } from './support.ts';

const accountTables = ['account_log', 'accounts', 'api_tokens', 'rate_limits', 'sessions'];

describe.each(backends)('account tables on %s', (backend) => {
  let t: TestDatabase;
  beforeEach(async () => { t = await freshDatabase(backend); });
  afterEach(async () => { await t.dispose(); });

  it('parley_app may not read them, whoever it acts for', async () => {
    const n = await negotiationWithAccounts(t.db);
    await makeAccount(t.db, 'someone@test.parley');
    for (const table of accountTables) {
      const err = await t.db.transaction(async (tx) => {
        await actAs(tx, n.negotiationId, { kind: 'member', memberId: n.mediator.memberId, partyId: null, role: 'mediator' });
        await tx.query(`SELECT * FROM ${table}`);
      }).then(() => null, (e: unknown) => e as { code?: string });
      expect(err?.code, table).toBe('42501');
    }
  });

  it('carry row-level security with no policy for the app role, and no grant to it', async () => {
    const rows = await t.db.query<{ relname: string; relrowsecurity: boolean }>(
      `SELECT c.relname, c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relname = ANY($1::text[]) ORDER BY 1`, [accountTables]);
    expect(rows).toEqual(accountTables.map((relname) => ({ relname, relrowsecurity: true })));
    const policies = await t.db.query('SELECT 1 FROM pg_policies WHERE tablename = ANY($1::text[])', [accountTables]);
    expect(policies).toEqual([]);
    const grants = await t.db.query("SELECT 1 FROM information_schema.role_table_grants WHERE grantee = 'parley_app' AND table_name = ANY($1::text[])", [accountTables]);
    expect(grants).toEqual([]);
  });
});
