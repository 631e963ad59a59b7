/**
 * The storage contract, run unchanged on every backend of this run (PGlite always,
 * PostgreSQL when scripts/test.mjs found a server): migrations, the shape of the schema,
 * the log's append discipline, atomicity of command execution, export/import and
 * backup/restore, including between backends.
 */
import { writeFileSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDemo } from '../../src/demo/build-demo.ts';
import { ParleyError } from '../../src/domain/errors.ts';
import { sha256Hex } from '../../src/domain/record/hash-event.ts';
import { backup, restore } from '../../src/store/backup.ts';
import { listNegotiationIds, readEvents, verifyNegotiation } from '../../src/store/event-log.ts';
import { execute } from '../../src/store/execute.ts';
import { loadMigrations, migrate } from '../../src/store/migrate.ts';
import { openPostgresDatabase } from '../../src/store/pg-database.ts';
import { exportNegotiation, importNegotiation, parseExport } from '../../src/store/transfer.ts';
import { tempDir } from '../helpers/cli.ts';
import { backends, freshDatabase, type BackendName, type TestDatabase } from '../helpers/databases.ts';
import { amendmentIdOf, smallNegotiation, statementCommand } from '../helpers/scenario.ts';
import { rowCounts, snapshotNegotiation } from '../helpers/snapshot.ts';
import { tamperedPayload } from '../helpers/tamper.ts';

/** Each pair (from, to) of this run's backends, the cross-backend pairs included. */
const pairs: [BackendName, BackendName][] = backends.flatMap((a) => backends.map((b): [BackendName, BackendName] => [a, b]));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof ParleyError ? e.code : `not a ParleyError: ${String(e)}`;
  }
  return 'no error';
}

/** Tables that belong to no negotiation: bookkeeping and accounts (ARCHITECTURE §4). */
// visits (0004) is keyed by account first: a person's bookmark across negotiations, no negotiation data.
const accountLevel = new Set(['schema_migrations', 'accounts', 'sessions', 'api_tokens', 'account_log', 'rate_limits', 'visits']);

describe.each(backends)('storage on %s', (backend) => {
  let t: TestDatabase;
  beforeEach(async () => { t = await freshDatabase(backend); });
  afterEach(async () => { await t.dispose(); });

  describe('migrations', () => {
    it('are recorded with their checksum, and a second run applies none', async () => {
      const files = loadMigrations();
      expect(files.length).toBeGreaterThan(0);
      expect(await migrate(t.db)).toBe(0);
      expect(await migrate(t.db)).toBe(0);
      const rows = await t.db.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
      expect(rows).toEqual(files.map((m) => ({ version: m.version, name: m.name, checksum: m.checksum })));
      expect(rows[0]?.name).toBe('0001_init.sql');
      expect(rows[0]?.checksum).toBe(sha256Hex(files[0]!.sql));
    });

    it('refuse an applied migration whose file was changed afterwards, and change nothing', async () => {
      const before = await t.db.query('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
      const edited = loadMigrations().map((m, i) => {
        if (i !== 0) return m;
        const sql = `${m.sql}\n-- edited after it was applied\nCREATE TABLE should_not_exist (negotiation_id uuid);\n`;
        return { ...m, sql, checksum: sha256Hex(sql) };
      });
      const error = await migrate(t.db, edited).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ParleyError);
      expect(error).toMatchObject({ code: 'storage_unavailable', message: expect.stringMatching(/0001_init\.sql was changed after it was applied/) as unknown });
      expect(await t.db.query('SELECT version, name, checksum FROM schema_migrations ORDER BY version')).toEqual(before);
      expect(await t.db.query("SELECT to_regclass('should_not_exist') IS NULL AS absent")).toEqual([{ absent: true }]);
    });

    it('apply a new migration once, even when two servers start at the same time', async () => {
      const probe = { version: 9001, name: '9001_probe.sql', sql: 'CREATE TABLE migration_probe (negotiation_id uuid NOT NULL, PRIMARY KEY (negotiation_id));', checksum: '' };
      probe.checksum = sha256Hex(probe.sql);
      const all = [...loadMigrations(), probe];
      // On PostgreSQL a second pool is a second server; PGlite queues both on its one connection.
      const other = t.url ? await openPostgresDatabase(t.url, { max: 1 }) : t.db;
      try {
        const applied = await Promise.all([migrate(t.db, all), migrate(other, all)]);
        expect(applied.sort()).toEqual([0, 1]);
        expect(await migrate(t.db, all)).toBe(0);
      } finally {
        if (other !== t.db) await other.close();
      }
      expect(await t.db.query('SELECT version FROM schema_migrations WHERE version = 9001')).toEqual([{ version: 9001 }]);
    });
  });

  describe('schema', () => {
    it('puts negotiation_id on every table but the account-level ones, first in its primary key', async () => {
      const tables = await t.db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`);
      const names = tables.map((r) => r.table_name);
      expect(names).toEqual(expect.arrayContaining(['events', 'negotiation_heads', 'positions', 'schema_migrations']));
      const withColumn = await t.db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND column_name = 'negotiation_id' ORDER BY table_name`);
      const perNegotiation = names.filter((n) => !accountLevel.has(n));
      expect(withColumn.map((r) => r.table_name).filter((n) => !accountLevel.has(n))).toEqual(perNegotiation);
      const firstKey = await t.db.query<{ table_name: string; first: string }>(
        `SELECT c.relname AS table_name, a.attname AS first
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
         WHERE i.indisprimary AND n.nspname = current_schema() ORDER BY 1`);
      expect(firstKey.filter((r) => !accountLevel.has(r.table_name))).toEqual(perNegotiation.map((n) => ({ table_name: n, first: 'negotiation_id' })));
    });
  });

  describe('the log', () => {
    it('appends with gapless seq and a valid chain, the head pointing at the last event', async () => {
      const n = await smallNegotiation(t.db, { parties: 2, points: 3 });
      const { negotiationId, mediator, parties } = n;
      await n.run({ memberId: mediator.id }, { name: 'createVersion', input: { label: 'v1' } });
      await n.run({ memberId: parties[0]!.negotiator.id }, { name: 'setPosition', input: { partyId: parties[0]!.id, pointId: n.pointIds[0]!, level: 'accept' } });
      await n.run({ memberId: mediator.id }, { name: 'removePoint', input: { pointId: n.pointIds[0]! } });
      const events = await readEvents(t.db, negotiationId);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events[0]?.type).toBe('negotiation.created');
      events.forEach((e, i) => { if (i > 0) expect(e.prevHash).toBe(events[i - 1]!.hash); });
      const verified = await verifyNegotiation(t.db, negotiationId);
      expect(verified).toEqual({ negotiationId, events: events.length, head: { lastSeq: events.length, lastHash: events.at(-1)!.hash }, broken: null });
    });

    it('refuses a command for a negotiation that does not exist, writing nothing', async () => {
      await smallNegotiation(t.db);
      const before = await rowCounts(t.db);
      expect(await codeOf(execute(t.db, { negotiationId: '00000000-0000-4000-8000-00000000dead', as: 'system', command: statementCommand('x') }))).toBe('negotiation_not_found');
      expect(await rowCounts(t.db)).toEqual(before);
    });
  });

  describe('a command is one transaction', () => {
    it('a failure while projecting leaves neither events nor rows, and the next command takes the next seq', async () => {
      const n = await smallNegotiation(t.db);
      await t.db.exec(`
        CREATE FUNCTION test_refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.quote = 'boom' THEN RAISE EXCEPTION 'forced failure in a read model'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER test_refuse_boom BEFORE INSERT ON statements FOR EACH ROW EXECUTE FUNCTION test_refuse_boom();`);
      const before = await snapshotNegotiation(t.db, n.negotiationId);
      await expect(n.run({ memberId: n.mediator.id }, statementCommand('boom'))).rejects.toThrow(/forced failure in a read model/);
      expect(await snapshotNegotiation(t.db, n.negotiationId)).toEqual(before);
      const [next] = await n.run({ memberId: n.mediator.id }, statementCommand('fine'));
      expect(next?.seq).toBe(before.events.length + 1);
      expect(next?.prevHash).toBe(before.events.at(-1)?.hash);
      expect((await verifyNegotiation(t.db, n.negotiationId)).broken).toBeNull();
    });

    it('a command of many events that fails at its last one leaves nothing of the others', async () => {
      const n = await smallNegotiation(t.db, { points: 3 });
      const a = n.parties[0]!;
      await n.run({ memberId: n.mediator.id }, { name: 'createVersion', input: { label: 'v1' } });
      const drafted = await n.run({ memberId: a.negotiator.id }, {
        name: 'draftAmendment',
        input: { partyId: a.id, kind: 'insert', texts: { en: 'A new first point.' }, afterPointId: null, justification: 'test', proposeTo: 'parties' },
      });
      const amendmentId = amendmentIdOf(drafted);
      // The amendment's own row is updated last (amendment.accepted), after the points moved and v2 was frozen.
      await t.db.exec(`
        CREATE FUNCTION test_refuse_accept() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'forced failure at the last event'; END $$;
        CREATE TRIGGER test_refuse_accept BEFORE UPDATE ON amendments FOR EACH ROW
          WHEN (NEW.status = 'accepted') EXECUTE FUNCTION test_refuse_accept();`);
      const before = await snapshotNegotiation(t.db, n.negotiationId);
      await expect(n.run({ memberId: n.mediator.id }, { name: 'acceptAmendments', input: { amendmentIds: [amendmentId], versionLabel: 'v2' } }))
        .rejects.toThrow(/forced failure at the last event/);
      expect(await snapshotNegotiation(t.db, n.negotiationId)).toEqual(before);
      await t.db.exec('DROP TRIGGER test_refuse_accept ON amendments');
      const accepted = await n.run({ memberId: n.mediator.id }, { name: 'acceptAmendments', input: { amendmentIds: [amendmentId], versionLabel: 'v2' } });
      expect(accepted.map((e) => e.type)).toEqual(['point.added', 'point.moved', 'point.moved', 'point.moved', 'version.created', 'amendment.accepted']);
      expect(accepted[0]?.seq).toBe(before.events.length + 1);
      expect((await verifyNegotiation(t.db, n.negotiationId)).broken).toBeNull();
    });

    it('a failure while advancing the head leaves no events behind', async () => {
      const n = await smallNegotiation(t.db);
      await t.db.exec(`
        CREATE FUNCTION test_refuse_head() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'forced failure at the head'; END $$;
        CREATE TRIGGER test_refuse_head BEFORE UPDATE ON negotiation_heads FOR EACH ROW EXECUTE FUNCTION test_refuse_head();`);
      const before = await snapshotNegotiation(t.db, n.negotiationId);
      await expect(n.run({ memberId: n.mediator.id }, statementCommand('never recorded'))).rejects.toThrow(/forced failure at the head/);
      expect(await snapshotNegotiation(t.db, n.negotiationId)).toEqual(before);
    });
  });
});

describe.each(pairs)('from %s to %s', (from, to) => {
  // One source per pair, read only by these tests: the demo and a small negotiation.
  let source: TestDatabase;
  let demoId: string;
  let smallId: string;
  let target: TestDatabase;
  const dirs: { remove(): void }[] = [];
  beforeAll(async () => {
    source = await freshDatabase(from);
    demoId = (await buildDemo(source.db)).negotiationId;
    smallId = (await smallNegotiation(source.db, { parties: 3, points: 4 })).negotiationId;
  });
  afterAll(async () => { await source.dispose(); });
  beforeEach(async () => { target = await freshDatabase(to); });
  afterEach(async () => {
    await target.dispose();
    dirs.splice(0).forEach((d) => d.remove());
  });
  const newDir = () => { const d = tempDir('parley-backup-'); dirs.push(d); return join(d.path, 'backup'); };

  describe('export and import', () => {
    it('is exact: the same events, hashes included, and the same read models', async () => {
      const file = await exportNegotiation(source.db, demoId);
      expect(file.head).toEqual({ seq: file.events.length, hash: file.events.at(-1)!.hash });
      // Through JSON text, as the file on disk carries it.
      const parsed = parseExport(JSON.parse(JSON.stringify(file)));
      expect(await importNegotiation(target.db, parsed)).toEqual({ negotiationId: demoId, events: file.events.length });
      const [a, b] = await Promise.all([snapshotNegotiation(source.db, demoId), snapshotNegotiation(target.db, demoId)]);
      expect(b.events).toEqual(a.events);
      expect(b.events).toEqual(file.events);
      expect(b.head).toEqual(a.head);
      expect(b.tables).toEqual(a.tables);
      expect((await verifyNegotiation(target.db, demoId)).broken).toBeNull();
      // The imported negotiation lives on: the next command chains onto the imported head.
      const members = await target.db.query<{ id: string }>("SELECT id FROM members WHERE negotiation_id = $1 AND role = 'mediator'", [demoId]);
      const [next] = await execute(target.db, { negotiationId: demoId, as: { memberId: members[0]!.id }, command: statementCommand('after the import') });
      expect(next).toMatchObject({ seq: file.head.seq + 1, prevHash: file.head.hash });
    });

    it('refuses an export with a field slipped into an event\'s payload, rather than dropping it', async () => {
      const file = JSON.parse(JSON.stringify(await exportNegotiation(source.db, smallId))) as { events: { seq: number; payload: Record<string, unknown> }[] };
      file.events[2]!.payload.smuggled = 'a field the schema does not know';
      expect(() => parseExport(file)).toThrow(/broken at event 3/);
    });

    it('refuses to import a negotiation twice, writing nothing', async () => {
      const file = await exportNegotiation(source.db, smallId);
      await importNegotiation(target.db, file);
      const before = await rowCounts(target.db);
      expect(await codeOf(importNegotiation(target.db, file))).toBe('already_exists');
      expect(await rowCounts(target.db)).toEqual(before);
    });
  });

  describe('backup and restore', () => {
    it('round-trips every negotiation, and restoring twice is a no-op', async () => {
      const dir = newDir();
      const manifest = await backup(source.db, dir);
      const ids = [demoId, smallId].sort();
      expect(manifest.negotiations.map((e) => e.id)).toEqual(ids);
      expect(readdirSync(dir).sort()).toEqual(['manifest.json', ...ids.map((id) => `${id}.json`)].sort());

      expect(await restore(target.db, dir)).toEqual({ restored: ids, skipped: [] });
      for (const id of ids) {
        const [a, b] = await Promise.all([snapshotNegotiation(source.db, id), snapshotNegotiation(target.db, id)]);
        expect(b).toEqual(a);
        expect((await verifyNegotiation(target.db, id)).broken).toBeNull();
      }
      const counts = await rowCounts(target.db);
      expect(await restore(target.db, dir)).toEqual({ restored: [], skipped: ids });
      expect(await rowCounts(target.db)).toEqual(counts);
    });

    it('refuses a tampered backup before writing anything', async () => {
      const dir = newDir();
      const manifest = await backup(source.db, dir);
      // Tamper with the negotiation restored last, so an eager restore would have written the first.
      const last = manifest.negotiations.at(-1)!;
      const file = JSON.parse(readFileSync(join(dir, last.file), 'utf8')) as { events: { payload: unknown }[] };
      file.events[3]!.payload = tamperedPayload(file.events[3]!.payload);
      writeFileSync(join(dir, last.file), JSON.stringify(file));

      const before = await rowCounts(target.db);
      const error = await restore(target.db, dir).then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ code: 'invalid_import', message: expect.stringMatching(/broken at event 4/) as unknown });
      expect(await rowCounts(target.db)).toEqual(before);
      expect(await listNegotiationIds(target.db)).toEqual([]);
    });

    it('refuses a backup whose manifest does not match its files, or that has no manifest', async () => {
      const dir = newDir();
      const manifest = await backup(source.db, dir);
      const [first, ...rest] = manifest.negotiations;
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, negotiations: [...rest, { ...first!, hash: 'f'.repeat(64) }] }));
      expect(await codeOf(restore(target.db, dir))).toBe('invalid_import');
      const empty = newDir();
      expect(existsSync(empty)).toBe(false);
      expect(await codeOf(restore(target.db, empty))).toBe('invalid_import');
      expect(await listNegotiationIds(target.db)).toEqual([]);
      // And a backup never overwrites another one.
      expect(await codeOf(backup(source.db, dir))).toBe('already_exists');
    });
  });
});
