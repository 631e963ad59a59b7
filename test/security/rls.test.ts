/**
 * The row-level security proof (ARCHITECTURE §2): whatever SQL the application runs as
 * parley_app, PostgreSQL itself returns no row the viewer may not see and accepts no row
 * the viewer may not write. The queries here deliberately forget every filter.
 *
 * The world: the demo negotiation (Russia is party A, Ukraine party B) plus private rows of
 * every kind for B, A and the mediator's office, and a second negotiation to look from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo } from '../../src/demo/build-demo.ts';
import { ParleyError } from '../../src/domain/errors.ts';
import type { Role, Visibility } from '../../src/domain/model.ts';
import { publicViewer, type Actor } from '../../src/domain/policy/actor.ts';
import { canSee } from '../../src/domain/policy/visibility.ts';
import { execute, type As } from '../../src/store/execute.ts';
import type { Tx } from '../../src/store/database.ts';
import { actAs } from '../../src/store/viewer.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { failsAs as failsAsRole, selectAllAs as selectAllRows } from '../helpers/rls.ts';
import { smallNegotiation, type SmallNegotiation } from '../helpers/scenario.ts';
import { rowCounts } from '../helpers/snapshot.ts';

/**
 * Which column owns a row and which holds its visibility, table by table, as the first
 * migration's policies define them; a table without a visibility column holds what every
 * member of the negotiation sees.
 */
const confidential: Record<string, { owner: 'party_id' | null; visibility: boolean }> = {
  negotiations: { owner: null, visibility: true },
  events: { owner: 'party_id', visibility: true },
  parties: { owner: null, visibility: false },
  persons: { owner: null, visibility: false },
  members: { owner: null, visibility: false },
  sections: { owner: null, visibility: false },
  points: { owner: null, visibility: false },
  versions: { owner: null, visibility: true },
  version_points: { owner: null, visibility: true },
  version_initials: { owner: 'party_id', visibility: true },
  amendments: { owner: 'party_id', visibility: true },
  positions: { owner: 'party_id', visibility: true },
  rounds: { owner: null, visibility: true },
  readouts: { owner: 'party_id', visibility: true },
  statements: { owner: null, visibility: true },
};
const tables = Object.keys(confidential);

type Row = Record<string, unknown> & { negotiation_id: string };

function ownerOf(table: string, row: Row): string | null {
  const owner = confidential[table]!.owner;
  return owner ? (row[owner] as string | null) : null;
}
function visibilityOf(table: string, row: Row): Visibility {
  return confidential[table]!.visibility ? (row.visibility as Visibility) : 'parties';
}
const key = (row: Row) => JSON.stringify(row);

describe.each(backends)('row-level security on %s', (backend) => {
  let t: TestDatabase;
  let X: string;
  let A: string;
  let B: string;
  let other: SmallNegotiation;
  const viewers = new Map<string, Actor>();
  /** Every confidential row of every negotiation, as the owner (no RLS) sees them. */
  const all = new Map<string, Row[]>();

  const viewer = (name: string): Actor => {
    const v = viewers.get(name);
    if (!v) throw new Error(`no viewer ${name}`);
    return v;
  };

  const selectAllAs = (who: Actor, negotiationId: string | null, table: string) => selectAllRows<Row>(t.db, who, negotiationId, table);
  const failsAs = (who: Actor, negotiationId: string, fn: (tx: Tx) => Promise<unknown>) => failsAsRole(t.db, who, negotiationId, fn);

  beforeAll(async () => {
    t = await freshDatabase(backend);
    const demo = await buildDemo(t.db);
    X = demo.negotiationId;
    const partyIds = new Map((await t.db.query<{ id: string; short_name: string }>('SELECT id, short_name FROM parties WHERE negotiation_id = $1', [X])).map((p) => [p.short_name, p.id]));
    A = partyIds.get('Russia')!;
    B = partyIds.get('Ukraine')!;
    for (const m of demo.members) {
      viewers.set(m.key, { kind: 'member', memberId: m.id, partyId: m.party ? partyIds.get(m.party)! : null, role: m.role as Role });
    }
    const as = (k: string): As => ({ memberId: (viewer(k) as { memberId: string }).memberId });
    const run = (who: string, command: Parameters<typeof execute>[1]['command']) => execute(t.db, { negotiationId: X, as: as(who), command });

    // Private rows of every kind, beyond what the demo holds.
    const [point] = await t.db.query<{ id: string }>('SELECT id FROM points WHERE negotiation_id = $1 AND NOT removed ORDER BY ord LIMIT 1', [X]);
    const [round] = await t.db.query<{ id: string }>('SELECT id FROM rounds WHERE negotiation_id = $1 ORDER BY starts_at DESC LIMIT 1', [X]);
    const replace = (partyId: string) => ({ partyId, kind: 'replace' as const, pointId: point!.id, texts: { en: 'Private wording.' }, justification: 'Our own.' });
    await run('ua-team', { name: 'draftAmendment', input: replace(B) });
    await run('ua-team', { name: 'draftAmendment', input: { ...replace(B), proposeTo: 'mediator' } });
    await run('ushakov', { name: 'draftAmendment', input: replace(A) });
    await run('ua-team', { name: 'writeReadout', input: { roundId: round!.id, text: { en: 'Ukraine only.' }, visibility: 'party' } });
    await run('ua-team', { name: 'writeReadout', input: { roundId: round!.id, text: { en: 'Ukraine and the mediator.' }, visibility: 'mediator' } });
    await run('mediator', { name: 'writeReadout', input: { roundId: round!.id, text: { en: "The mediator's office only." }, visibility: 'party' } });
    await run('ua-team', { name: 'setPosition', input: { partyId: B, pointId: point!.id, level: 'discuss', reason: 'Said in public.', visibility: 'public' } });
    const [v3] = await t.db.query<{ id: string; content_hash: string }>('SELECT id, content_hash FROM versions WHERE negotiation_id = $1 ORDER BY seq_no DESC LIMIT 1', [X]);
    await run('ua-head', { name: 'initialVersion', input: { versionId: v3!.id, contentHash: v3!.content_hash } });
    await run('mediator', { name: 'scheduleRound', input: { title: { en: 'Proximity talks (mediator only)' }, startsAt: '2025-12-10T09:00:00Z', format: 'proximity', visibility: 'mediator' } });
    await run('mediator', { name: 'editPoint', input: { pointId: point!.id, texts: { en: "The mediator's private draft." } } });
    await run('mediator', { name: 'createVersion', input: { label: 'mediator draft', visibility: 'mediator' } });

    other = await smallNegotiation(t.db, { title: 'Another negotiation' });
    const oa = other.parties[0]!;
    await other.run({ memberId: oa.negotiator.id }, { name: 'setPosition', input: { partyId: oa.id, pointId: other.pointIds[0]!, level: 'redline', reason: 'Private to A of the other negotiation.', visibility: 'party' } });
    viewers.set('other', { kind: 'member', memberId: oa.negotiator.id, partyId: oa.id, role: 'negotiator' });
    viewers.set('public', publicViewer);

    for (const table of tables) {
      all.set(table, (await t.db.query<{ row: Row }>(`SELECT to_jsonb(x) AS row FROM ${table} x`)).map((r) => r.row));
    }
  });
  afterAll(async () => { await t.dispose(); });

  it('the world holds private rows of B in every table that can hold them', () => {
    const privateOfB = (table: string, vis: Visibility) => all.get(table)!.filter((r) => r.negotiation_id === X && ownerOf(table, r) === B && visibilityOf(table, r) === vis).length;
    for (const table of ['events', 'amendments', 'positions', 'readouts']) {
      expect(privateOfB(table, 'party'), `${table}: B's party rows`).toBeGreaterThan(0);
      expect(privateOfB(table, 'mediator'), `${table}: B's mediator rows`).toBeGreaterThan(0);
    }
    expect(all.get('version_initials')!.filter((r) => r.party_id === B)).toHaveLength(1);
    for (const table of ['versions', 'version_points', 'rounds', 'readouts']) {
      expect(all.get(table)!.filter((r) => r.negotiation_id === X && ownerOf(table, r) === null && ['mediator', 'party'].includes(visibilityOf(table, r))).length, `${table}: the mediator's own rows`).toBeGreaterThan(0);
    }
  });

  it("party A's members see none of B's private or mediator rows, in any table", async () => {
    for (const name of ['putin', 'ushakov']) {
      for (const table of tables) {
        const seen = await selectAllAs(viewer(name), X, table);
        const leaked = seen.filter((r) => ownerOf(table, r) === B && ['party', 'mediator'].includes(visibilityOf(table, r)));
        expect(leaked, `${name} reading ${table}`).toEqual([]);
        // Not because A sees nothing: its own private rows come back.
        if (['positions', 'amendments', 'readouts', 'events'].includes(table)) {
          expect(seen.filter((r) => ownerOf(table, r) === A && visibilityOf(table, r) === 'party').length, `${name}'s own rows in ${table}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it("the mediator sees the parties' mediator rows but none of their party-private rows", async () => {
    for (const table of tables) {
      const seen = await selectAllAs(viewer('mediator'), X, table);
      expect(seen.filter((r) => ownerOf(table, r) !== null && visibilityOf(table, r) === 'party'), `mediator reading ${table}`).toEqual([]);
      const mediatorRowsOfB = all.get(table)!.filter((r) => r.negotiation_id === X && ownerOf(table, r) === B && visibilityOf(table, r) === 'mediator');
      expect(seen.map(key)).toEqual(expect.arrayContaining(mediatorRowsOfB.map(key)));
    }
  });

  it('a public viewer sees only public rows', async () => {
    for (const table of tables) {
      const seen = await selectAllAs(viewer('public'), X, table);
      expect(seen.filter((r) => visibilityOf(table, r) !== 'public'), `public reading ${table}`).toEqual([]);
    }
    expect((await selectAllAs(viewer('public'), X, 'statements')).length).toBeGreaterThan(0);
  });

  it('a member of another negotiation sees nothing of this one beyond what is public', async () => {
    for (const table of tables) {
      const seen = await selectAllAs(viewer('other'), other.negotiationId, table);
      expect(seen.filter((r) => r.negotiation_id !== other.negotiationId && visibilityOf(table, r) !== 'public'), `other reading ${table}`).toEqual([]);
    }
    // And nobody here sees the other negotiation's private position.
    for (const name of ['mediator', 'ushakov', 'ua-team']) {
      const seen = await selectAllAs(viewer(name), X, 'positions');
      expect(seen.filter((r) => r.negotiation_id === other.negotiationId), name).toEqual([]);
    }
    expect(await selectAllAs(viewer('other'), other.negotiationId, 'negotiation_heads')).toEqual([expect.objectContaining({ negotiation_id: other.negotiationId })]);
    expect(await selectAllAs(viewer('public'), X, 'negotiation_heads')).toEqual([]);
  });

  it('for every viewer and every row, PostgreSQL returns exactly what the domain policy allows', async () => {
    const mismatches: string[] = [];
    for (const [name, who] of viewers) {
      if (name === 'other') continue;
      for (const table of tables) {
        const seen = new Set((await selectAllAs(who, X, table)).map(key));
        for (const row of all.get(table)!) {
          const expected = row.negotiation_id === X
            ? canSee(who, { visibility: visibilityOf(table, row), partyId: ownerOf(table, row) })
            : visibilityOf(table, row) === 'public';
          if (seen.has(key(row)) !== expected) mismatches.push(`${name} ${expected ? 'misses' : 'sees'} ${table} ${key(row).slice(0, 160)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("parley_visible decides every position row as the domain's canSee does, for every kind of viewer", async () => {
    const decisions: { viewer: string; id: string; sql: boolean; domain: boolean }[] = [];
    for (const [name, who] of viewers) {
      if (name === 'other') continue;
      const rows = await t.db.transaction(async (tx) => {
        await actAs(tx, X, who);
        // Back to the owner, keeping the viewer settings: the function is judged on every row, not only on those RLS lets through.
        await tx.exec('RESET ROLE');
        return tx.query<{ id: string; party_id: string; visibility: Visibility; v: boolean | null }>(
          'SELECT id, party_id, visibility, parley_visible(negotiation_id, party_id, visibility) AS v FROM positions WHERE negotiation_id = $1', [X]);
      });
      // NULL (an unset viewer setting) denies, as a policy reads it.
      for (const r of rows) decisions.push({ viewer: name, id: r.id, sql: r.v === true, domain: canSee(who, { visibility: r.visibility, partyId: r.party_id }) });
    }
    const positionsOfX = all.get('positions')!.filter((r) => r.negotiation_id === X).length;
    expect(positionsOfX).toBeGreaterThan(30);
    expect(decisions.length).toBe(positionsOfX * (viewers.size - 1));
    expect(new Set(decisions.map((d) => d.sql)).size).toBe(2);
    expect(decisions.filter((d) => d.sql !== d.domain)).toEqual([]);
  });

  it('refuses writes on behalf of another party, and any change to the log', async () => {
    const before = await rowCounts(t.db);
    const [point] = await t.db.query<{ id: string }>('SELECT id FROM points WHERE negotiation_id = $1 LIMIT 1', [X]);
    const insertPosition = (partyId: string, setBy: string) => (tx: Tx) => tx.query(
      `INSERT INTO positions (negotiation_id, id, party_id, point_id, level, reason, visibility, set_by, at, seq)
       VALUES ($1, gen_random_uuid(), $2, $3, 'accept', 'forged', 'party', $4, now(), 999999)`, [X, partyId, point!.id, setBy]);
    const ushakov = viewer('ushakov') as Extract<Actor, { kind: 'member' }>;
    const mediator = viewer('mediator') as Extract<Actor, { kind: 'member' }>;

    expect(await failsAs(ushakov, X, insertPosition(B, ushakov.memberId))).toMatch(/row-level security/);
    expect(await failsAs(mediator, X, insertPosition(B, mediator.memberId))).toMatch(/row-level security/);
    expect(await failsAs(ushakov, other.negotiationId, insertPosition(A, ushakov.memberId))).toMatch(/row-level security/);
    expect(await failsAs(ushakov, X, (tx) => tx.query(
      `INSERT INTO events (negotiation_id, seq, at, actor, type, payload, visibility, party_id, prev_hash, hash)
       VALUES ($1, 999999, now(), 'forged', 'position.set', '{}'::jsonb, 'party', $2, $3, $3)`, [X, B, '0'.repeat(64)]))).toMatch(/row-level security/);
    // B's shared position is visible to A, which still may not rewrite it.
    expect(await failsAs(ushakov, X, (tx) => tx.query("UPDATE positions SET level = 'accept' WHERE party_id = $1 AND visibility = 'parties'", [B]))).toMatch(/row-level security/);
    expect(await failsAs(ushakov, X, (tx) => tx.query("UPDATE events SET payload = '{}'::jsonb WHERE negotiation_id = $1", [X]))).toMatch(/permission denied/);
    expect(await failsAs(ushakov, X, (tx) => tx.query('DELETE FROM events WHERE negotiation_id = $1', [X]))).toMatch(/permission denied/);
    expect(await failsAs(mediator, X, (tx) => tx.query("UPDATE events SET visibility = 'public' WHERE negotiation_id = $1", [X]))).toMatch(/permission denied/);
    for (const table of tables) {
      expect(await failsAs(mediator, X, (tx) => tx.query(`DELETE FROM ${table} WHERE negotiation_id = $1`, [X])), `DELETE FROM ${table}`).toMatch(/permission denied/);
    }
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it("refuses a command by A's member that sets B's position, writing nothing", async () => {
    const before = await rowCounts(t.db);
    const [point] = await t.db.query<{ id: string }>('SELECT id FROM points WHERE negotiation_id = $1 AND NOT removed LIMIT 1', [X]);
    for (const name of ['ushakov', 'putin', 'mediator']) {
      const who = viewer(name) as Extract<Actor, { kind: 'member' }>;
      const error = await execute(t.db, {
        negotiationId: X, as: { memberId: who.memberId },
        command: { name: 'setPosition', input: { partyId: B, pointId: point!.id, level: 'accept', visibility: 'parties' } },
      }).then(() => null, (e: unknown) => e);
      expect(error, name).toBeInstanceOf(ParleyError);
      expect(error, name).toMatchObject({ code: 'action_denied' });
    }
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('runs requests as a role that owns nothing and cannot bypass row-level security', async () => {
    const role = await t.db.transaction(async (tx) => {
      await actAs(tx, X, viewer('ushakov'));
      return (await tx.query<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean; owns: number }>(
        `SELECT current_user, r.rolsuper, r.rolbypassrls,
                (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid AND c.relkind IN ('r', 'p', 'v', 'm')) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`))[0];
    });
    expect(role).toEqual({ current_user: 'parley_app', rolsuper: false, rolbypassrls: false, owns: 0 });
    const unprotected = await t.db.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r' AND NOT c.relrowsecurity ORDER BY 1`);
    expect(unprotected.map((r) => r.relname)).toEqual(['schema_migrations']);
    const grants = await t.db.query<{ table_name: string; privilege_type: string }>(
      `SELECT table_name, privilege_type FROM information_schema.role_table_grants
       WHERE grantee = 'parley_app' AND privilege_type NOT IN ('SELECT', 'INSERT', 'UPDATE') ORDER BY 1, 2`);
    // A deleted note leaves its read model (its own party's rows only, see 0003_notes.sql); nothing else is ever deleted.
    expect(grants).toEqual([{ table_name: 'notes', privilege_type: 'DELETE' }]);
    const eventGrants = await t.db.query<{ privilege_type: string }>(
      "SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'parley_app' AND table_name = 'events' ORDER BY 1");
    expect(eventGrants.map((g) => g.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });
});
