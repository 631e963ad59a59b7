/**
 * The `parley` command given what people actually give it: empty, binary, huge and missing
 * files, JSON that is not an export, an export someone edited, ids that do not exist, a
 * data directory another process holds. Each must end in one line on stderr that says what
 * went wrong, a non-zero exit, no stack trace, and nothing written. Then `serve` itself.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION_ID } from '../../src/demo/scenario.ts';
import { listNegotiationIds } from '../../src/store/event-log.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPgliteDatabase } from '../../src/store/pglite-database.ts';
import { exportNegotiation } from '../../src/store/transfer.ts';
import { expectOneLineError, linesOf, runCli, startServer, tempDir, type RunningServer } from '../helpers/cli.ts';
import { freshDatabase } from '../helpers/databases.ts';
import { smallNegotiation } from '../helpers/scenario.ts';
import { alterString } from '../helpers/tamper.ts';

let work: { path: string; remove(): void };
/** A migrated PGlite directory with no negotiation in it (until the control import). */
let data: string;
let exportedId: string;
const file = (name: string) => join(work.path, name);

async function negotiationsIn(dir: string): Promise<string[]> {
  const db = await openPgliteDatabase(dir);
  try {
    return await listNegotiationIds(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  work = tempDir('parley-cli-');
  data = file('data');
  const db = await openPgliteDatabase(data);
  await migrate(db);
  await db.close();

  writeFileSync(file('empty.txt'), '');
  writeFileSync(file('binary.bin'), Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096), Buffer.alloc(64)]));
  writeFileSync(file('huge.txt'), '');
  truncateSync(file('huge.txt'), 50 * 1024 * 1024); // sparse: 50 MB on paper, nothing on disk
  mkdirSync(file('a-directory'));
  writeFileSync(file('malformed.json'), '{"format": "parley.negotiation", "events": [');
  writeFileSync(file('not-an-export.json'), JSON.stringify({ hello: 'world', events: 3 }));

  const source = await freshDatabase('pglite');
  try {
    const n = await smallNegotiation(source.db);
    exportedId = n.negotiationId;
    const exported = await exportNegotiation(source.db, n.negotiationId);
    writeFileSync(file('export.json'), JSON.stringify(exported));
    const event = exported.events[2]!;
    event.hash = alterString(event.hash);
    writeFileSync(file('export-hash-altered.json'), JSON.stringify(exported));
  } finally {
    await source.dispose();
  }
});
afterAll(() => { work.remove(); });

// Independent processes on independent files: run side by side.
describe.concurrent('parley points with a file it cannot read', () => {
  it('an empty file', async () => {
    const r = await runCli(['points', file('empty.txt')]);
    expect(expectOneLineError(r)).toMatch(/empty\.txt is empty/);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('a binary file', async () => {
    const r = await runCli(['points', file('binary.bin')]);
    expect(expectOneLineError(r)).toMatch(/binary\.bin is not a .*text file/);
    expect(r.code).toBe(2);
  });

  it('a 50 MB file, refused before it is read', async () => {
    const r = await runCli(['points', file('huge.txt')]);
    expect(expectOneLineError(r)).toMatch(/huge\.txt is 50 MB.*limit is 20 MB/);
    expect(r.code).not.toBe(0);
  });

  it('a missing file', async () => {
    const r = await runCli(['points', file('no-such-file.txt')]);
    expect(expectOneLineError(r)).toMatch(/not found.*no-such-file\.txt/i);
    expect(r.code).not.toBe(0);
  });

  it('a directory', async () => {
    const r = await runCli(['points', file('a-directory')]);
    expect(expectOneLineError(r)).toMatch(/a-directory is a directory/);
  });
});

describe('parley import with a file that is not a good export', () => {
  it('malformed JSON', async () => {
    const r = await runCli(['import', file('malformed.json'), '--data', data]);
    expect(expectOneLineError(r)).toMatch(/malformed\.json is not valid JSON/);
    expect(r.code).toBe(2);
    expect(await negotiationsIn(data)).toEqual([]);
  });

  it('valid JSON that is not an export', async () => {
    const r = await runCli(['import', file('not-an-export.json'), '--data', data]);
    expect(expectOneLineError(r)).toMatch(/not a Parley negotiation export/);
    expect(r.code).toBe(2);
    expect(await negotiationsIn(data)).toEqual([]);
  });

  it('an export with one hash altered', async () => {
    const r = await runCli(['import', file('export-hash-altered.json'), '--data', data]);
    expect(expectOneLineError(r)).toMatch(/broken at event 3: .*Nothing was imported/);
    expect(r.code).toBe(2);
    expect(await negotiationsIn(data)).toEqual([]);
  });

  it('(control) the same export unaltered is imported', async () => {
    const r = await runCli(['import', file('export.json'), '--data', data]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(linesOf(r.stdout)).toEqual([expect.stringContaining(`Imported negotiation ${exportedId}`)]);
    expect(await negotiationsIn(data)).toEqual([exportedId]);
  });
});

describe('parley verify and export with a negotiation that is not there', () => {
  const unknown = randomUUID();

  it('verify --negotiation <unknown id>', async () => {
    const r = await runCli(['verify', '--negotiation', unknown, '--data', data]);
    expect(expectOneLineError(r)).toBe(`parley: No negotiation with id ${unknown}.`);
    expect(r.code).toBe(2);
  });

  it('export --negotiation <unknown id>, writing no file', async () => {
    const out = file('unknown-export.json');
    const r = await runCli(['export', '--negotiation', unknown, '--out', out, '--data', data]);
    expect(expectOneLineError(r)).toBe(`parley: No negotiation with id ${unknown}.`);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('export and verify --negotiation <not an id>, without a database error code', async () => {
    const out = file('bad-id-export.json');
    for (const args of [['export', '--negotiation', 'not-a-uuid', '--out', out], ['verify', '--negotiation', 'not-a-uuid']]) {
      const r = await runCli([...args, '--data', data]);
      expect(expectOneLineError(r)).toMatch(/--negotiation expects a negotiation id .*, not "not-a-uuid"\.$/);
      expect(r.code).toBe(2);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe('a PGlite directory held by a running server', () => {
  let busy: string;
  let server: RunningServer | null = null;
  beforeAll(async () => {
    busy = file('busy');
    server = await startServer(['--data', busy, '--port', '0']);
  });
  afterAll(async () => { await server?.stop(); });

  it('a second process is refused with a clear "in use" error and writes nothing', async () => {
    const r = await runCli(['demo', '--data', busy]);
    const line = expectOneLineError(r);
    expect(line).toMatch(/data directory .*busy is in use by another Parley process/);
    expect(line).toContain(`(pid ${String(server!.child.pid)})`);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    await server!.stop();
    server = null;
    expect(await negotiationsIn(busy)).toEqual([]);
  });
});

describe('parley serve --demo', () => {
  let server: RunningServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startServer(['--data', file('served'), '--port', '0', '--demo']);
    // The listing names each seat's account and the shared demo password.
    const m = /^\s*mediator's office\s+mediator\s+.*\s(mediator@demo\.parley)\s+[0-9a-f-]{36}\s*$/m.exec(server.stdout());
    const pw = /password "([^"]+)"/.exec(server.stdout());
    if (!m?.[1] || !pw?.[1]) throw new Error(`no mediator account or demo password in the listing:\n${server.stdout()}`);
    const res = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: m[1], password: pw[1] }) });
    if (res.status !== 200) throw new Error(`demo sign-in failed: ${res.status} ${await res.text()}`);
    cookie = (res.headers.getSetCookie().find((c) => c.startsWith('parley_session=')) ?? '').split(';')[0] ?? '';
  });
  afterAll(async () => { await server.stop(); });

  it('GET /api/health answers ok', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('prints a first administrator, once, on a database with no account', () => {
    expect(server.stdout()).toMatch(/Created the first administrator: admin@parley\.local\n\s+password: \S{23}\s/);
  });

  it("the demo mediator, signed in, reads the demo negotiation and the positions shared with the office", async () => {
    const res = await fetch(`${server.url}/api/negotiations/${DEMO_NEGOTIATION_ID}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: DEMO_NEGOTIATION_ID, membership: { role: 'mediator' } });
    const positions = await fetch(`${server.url}/api/negotiations/${DEMO_NEGOTIATION_ID}/positions`, { headers: { cookie } });
    expect(positions.status).toBe(200);
    const items = (await positions.json() as { items: { visibility: string }[] }).items;
    // The mediator sees what parties shared with the office, never what they kept to themselves.
    const visibilities = new Set(items.map((p) => p.visibility));
    expect(visibilities.has('mediator')).toBe(true);
    expect(visibilities.has('party')).toBe(false);
  });

  it('without signing in, the negotiation is not there to read (401)', async () => {
    const res = await fetch(`${server.url}/api/negotiations/${DEMO_NEGOTIATION_ID}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('an unknown negotiation is a 404 problem', async () => {
    const res = await fetch(`${server.url}/api/negotiations/${randomUUID()}`, { headers: { cookie } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 404, code: expect.stringMatching(/not_found$/) as unknown });
  });

  it('a malformed id is a 400 problem', async () => {
    const res = await fetch(`${server.url}/api/negotiations/not-an-id`, { headers: { cookie } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 400, code: 'invalid_input' });
  });
});
