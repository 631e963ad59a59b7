/**
 * `parley admin create` as a person runs it, on a PGlite data directory; then the account
 * signs in through the app on that directory. And the demo's accounts, one per seat.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/demo-accounts.ts';
import { buildDemo } from '../../src/demo/build-demo.ts';
import { describeDemo } from '../../src/cli/commands/demo.command.ts';
import { members } from '../../src/demo/scenario.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openPgliteDatabase } from '../../src/store/pglite-database.ts';
import { cliEnv, expectOneLineError, parleyBin, repoRoot, runCli, tempDir, type CliResult } from '../helpers/cli.ts';
import { backends, freshDatabase } from '../helpers/databases.ts';
import { makeApp, signIn } from './support.ts';

/** runCli with something on stdin. */
function runWithStdin(args: readonly string[], stdin: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [parleyBin, ...args], { cwd: repoRoot, env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('parley admin create', () => {
  let work: { path: string; remove(): void };
  let data: string;
  beforeAll(async () => {
    work = tempDir('parley-admin-');
    data = join(work.path, 'data');
    const db = await openPgliteDatabase(data);
    await migrate(db);
    await db.close();
  });
  afterAll(() => work.remove());

  async function canSignIn(email: string, password: string): Promise<number> {
    const db = await openPgliteDatabase(data);
    try {
      const app = await makeApp(db);
      try {
        return (await signIn(app, email, password)).statusCode;
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
    }
  }

  it('generates a strong password and prints it once', async () => {
    const r = await runCli(['admin', 'create', '--email', 'root@example.org', '--name', 'Root', '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    const m = /^Password \(shown only this once; change it after signing in\): (\S+)$/m.exec(r.stdout);
    expect(m?.[1]).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    expect(r.stdout).toMatch(/^Created administrator root@example\.org \([0-9a-f-]{36}\)\.$/m);
    expect(await canSignIn('root@example.org', m![1]!)).toBe(200);
    const db = await openPgliteDatabase(data);
    try {
      const [row] = await db.query<{ is_admin: boolean; password_hash: string }>("SELECT is_admin, password_hash FROM accounts WHERE email = 'root@example.org'");
      expect(row!.is_admin).toBe(true);
      expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    } finally {
      await db.close();
    }
  });

  it('takes the password from stdin, and prints no password then', async () => {
    const r = await runWithStdin(['admin', 'create', '--email', 'ops@example.org', '--password-stdin', '--json', '--data', data], 'an operator passphrase\n');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { account: { email: string; isAdmin: boolean }; password?: string };
    expect(out.account).toMatchObject({ email: 'ops@example.org', isAdmin: true });
    expect(out.password).toBeUndefined();
    expect(r.stdout).not.toContain('an operator passphrase');
    expect(await canSignIn('ops@example.org', 'an operator passphrase')).toBe(200);
  });

  it('refuses a weak password, a taken email and a bad address in one line each', async () => {
    const weak = await runWithStdin(['admin', 'create', '--email', 'weak@example.org', '--password-stdin', '--data', data], 'short\n');
    expect(expectOneLineError(weak)).toMatch(/at least 12 characters/);
    expect(weak.code).toBe(2);
    const taken = await runCli(['admin', 'create', '--email', 'ROOT@example.org', '--data', data]);
    expect(expectOneLineError(taken)).toMatch(/already an account for ROOT@example\.org/);
    const bad = await runCli(['admin', 'create', '--email', 'not-an-address', '--data', data]);
    expect(expectOneLineError(bad)).toMatch(/not an email address/);
  });
});

describe.each(backends)('demo accounts on %s', (backend) => {
  it('one account per seat, linked to its member, all with the printed demo password', async () => {
    const t = await freshDatabase(backend);
    try {
      const result = await buildDemo(t.db);
      expect(result.password).toBe(DEMO_PASSWORD);
      const emails = result.members.map((m) => m.email);
      expect(emails).toContain('mediator@demo.parley');
      for (const m of members) expect(emails).toContain(demoEmail(m.key));
      expect(new Set(emails).size).toBe(members.length + 1);
      const linked = await t.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM members m JOIN accounts a ON a.id::text = m.account_id WHERE m.negotiation_id = $1', [result.negotiationId]);
      expect(linked[0]!.n).toBe(members.length + 1);
      const listing = describeDemo(result).join('\n');
      expect(listing).toContain(`"${DEMO_PASSWORD}"`);
      expect(listing).toMatch(/ushakov@demo\.parley/);
      // Building again changes nothing and still lists the accounts.
      const again = await buildDemo(t.db);
      expect(again.created).toBe(false);
      expect(again.members.map((m) => m.email)).toEqual(emails);
      const app = await makeApp(t.db);
      try {
        const res = await signIn(app, 'ushakov@demo.parley', DEMO_PASSWORD);
        expect(res.statusCode, res.body).toBe(200);
        const cookie = /^parley_session=[^;]+/.exec(String(res.headers['set-cookie']))![0];
        const view = await app.inject({ method: 'GET', url: `/api/negotiations/${result.negotiationId}`, headers: { cookie } });
        expect(view.statusCode, view.body).toBe(200);
        expect(view.json()).toMatchObject({ membership: { role: 'negotiator' } });
      } finally {
        await app.close();
      }
    } finally {
      await t.dispose();
    }
  });
});
