/**
 * A writer killed with SIGKILL in the middle of a burst (no shutdown, no close, possibly
 * inside a transaction) loses nothing it acknowledged: on reopening, every acknowledged
 * event is there with the hash it was acknowledged with, the chain verifies, and the log
 * takes new appends. On PGlite the dead writer's lockfile is taken over.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import { readEvents, verifyNegotiation } from '../../src/store/event-log.ts';
import { execute } from '../../src/store/execute.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPgliteDatabase } from '../../src/store/pglite-database.ts';
import { cliEnv, repoRoot, tempDir } from '../helpers/cli.ts';
import { backends, freshDatabase, type BackendName, type TestDatabase } from '../helpers/databases.ts';
import { smallNegotiation, statementCommand } from '../helpers/scenario.ts';

const writer = join(repoRoot, 'test', 'helpers', 'crash-writer.ts');
const KILL_AFTER_ACKS = 15;

interface Burst { pid: number; acked: Map<number, string>; signal: NodeJS.Signals | null; stderr: string }

/** Runs the writer, SIGKILLs it once it has acknowledged enough, and collects every acknowledgement it printed. */
function burstAndKill(kind: BackendName, where: string, negotiationId: string, memberId: string): Promise<Burst> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, kind, where, negotiationId, memberId], {
      cwd: repoRoot, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Map<number, string>();
    let pending = '';
    let stderr = '';
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      pending += s;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ack (\d+) ([0-9a-f]{64})$/.exec(line);
        if (m) acked.set(Number(m[1]), m[2]!);
      }
      if (!killed && acked.size >= KILL_AFTER_ACKS) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    const safety = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(safety);
      if (!killed) reject(new Error(`the writer ended before it was killed (${acked.size} acks)\n${stderr}`));
      else resolve({ pid: child.pid!, acked, signal, stderr });
    });
  });
}

async function expectRecovered(db: Database, negotiationId: string, before: number, burst: Burst, memberId: string): Promise<void> {
  expect(burst.signal).toBe('SIGKILL');
  expect(burst.acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  const log = await readEvents(db, negotiationId);
  const bySeq = new Map(log.map((e) => [e.seq, e.hash]));
  const lost = [...burst.acked].filter(([seq, hash]) => bySeq.get(seq) !== hash).map(([seq]) => seq);
  expect(lost, 'acknowledged events missing or different after the crash').toEqual([]);
  const lastAcked = Math.max(...burst.acked.keys());
  expect(Math.min(...burst.acked.keys())).toBe(before + 1);
  // At most the one command in flight committed without being acknowledged.
  expect(log.length).toBeGreaterThanOrEqual(lastAcked);
  expect(log.length).toBeLessThanOrEqual(lastAcked + 1);
  const verified = await verifyNegotiation(db, negotiationId);
  expect(verified.broken).toBeNull();
  expect(verified.head?.lastSeq).toBe(log.length);
  const [next] = await execute(db, { negotiationId, as: { memberId }, command: statementCommand('after the crash') });
  expect(next).toMatchObject({ seq: log.length + 1, prevHash: log.at(-1)!.hash });
  expect((await verifyNegotiation(db, negotiationId)).broken).toBeNull();
}

describe.each(backends)('a writer killed mid-burst on %s', (backend) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('loses no acknowledged event, and the record verifies', async () => {
    if (backend === 'pglite') {
      const dir = tempDir('parley-crash-');
      cleanups.push(() => dir.remove());
      const setup = await openPgliteDatabase(dir.path);
      await migrate(setup);
      const n = await smallNegotiation(setup);
      const before = (await readEvents(setup, n.negotiationId)).length;
      await setup.close();
      expect(existsSync(join(dir.path, 'parley.lock'))).toBe(false);

      const burst = await burstAndKill('pglite', dir.path, n.negotiationId, n.mediator.id);
      // The killed writer could not remove its lock; the next opener takes it over.
      expect(readFileSync(join(dir.path, 'parley.lock'), 'utf8')).toBe(String(burst.pid));
      const db = await openPgliteDatabase(dir.path);
      cleanups.push(() => db.close());
      expect(readFileSync(join(dir.path, 'parley.lock'), 'utf8')).toBe(String(process.pid));
      await expectRecovered(db, n.negotiationId, before, burst, n.mediator.id);
    } else {
      const t: TestDatabase = await freshDatabase(backend);
      cleanups.push(() => t.dispose());
      const n = await smallNegotiation(t.db);
      const before = (await readEvents(t.db, n.negotiationId)).length;
      const burst = await burstAndKill('postgres', t.url!, n.negotiationId, n.mediator.id);
      await expectRecovered(t.db, n.negotiationId, before, burst, n.mediator.id);
    }
  });
});
