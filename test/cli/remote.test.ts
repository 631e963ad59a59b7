/**
 * The `parley` command against a running server, the way a script drives a negotiation:
 * a real server in this process (PGlite, the full API with accounts), and the CLI as child
 * processes with their own credentials files. The mediator signs in, opens a negotiation,
 * seats the parties, writes points and invites a negotiator; the negotiator accepts (over
 * HTTP, as the web app would), signs in on a second "machine" and takes positions; the
 * mediator versions the text and reads the agreement map. Then what goes wrong: each
 * failure is one line on stderr and a non-zero exit.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTotpSecret, totpCode } from '../../src/domain/accounts/totp.ts';
import { buildApp } from '../../src/server/app.ts';
import { setPendingTotpSecret, setTotpEnabled } from '../../src/store/accounts/accounts.store.ts';
import { createAdmin, registerAccount } from '../../src/store/accounts/register.ts';
import { cliEnv, expectOneLineError, linesOf, parleyBin, repoRoot, tempDir, type CliResult } from '../helpers/cli.ts';
import { freshDatabase, type TestDatabase } from '../helpers/databases.ts';

const MEDIATOR = { email: 'mediator@example.org', password: 'correct horse battery staple' };
const NEGOTIATOR = { email: 'negotiator@example.org', password: 'a long negotiator password' };
const GUARDED = { email: 'guarded@example.org', password: 'a password with a second factor' };

let database: TestDatabase;
let app: FastifyInstance;
let server: string;
let work: { path: string; remove(): void };
let guardedSecret: string;

/** Each "machine" has its own credentials file. */
const config = (name: string) => join(work.path, name, 'parley', 'credentials.json');

interface Run { config?: string; stdin?: string; env?: Record<string, string> }

/** `node bin/parley.js ...args` with a credentials file of its own, nothing from the developer's environment. */
function parley(args: readonly string[], run: Run = {}): Promise<CliResult> {
  const env = cliEnv({
    PARLEY_CONFIG: run.config ?? config('nobody'), PARLEY_SERVER: '', PARLEY_TOKEN: '', XDG_CONFIG_HOME: '', HOME: work.path, ...run.env,
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [parleyBin, ...args], { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
    child.stdin.end(run.stdin ?? '');
  });
}

/** A command that must succeed and print JSON. */
async function json<T = Record<string, unknown>>(args: readonly string[], run: Run = {}): Promise<T> {
  const r = await parley([...args, '--json'], run);
  if (r.code !== 0) throw new Error(`parley ${args.join(' ')} exited ${String(r.code)}\n--- stderr ---\n${r.stderr}\n--- stdout ---\n${r.stdout}`);
  return JSON.parse(r.stdout) as T;
}

/** A command that must succeed; its readable output. */
async function ok(args: readonly string[], run: Run = {}): Promise<string> {
  const r = await parley(args, run);
  if (r.code !== 0) throw new Error(`parley ${args.join(' ')} exited ${String(r.code)}\n--- stderr ---\n${r.stderr}\n--- stdout ---\n${r.stdout}`);
  return r.stdout;
}

async function http(method: string, path: string, init: { token?: string; cookie?: string; csrf?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.cookie) headers.cookie = init.cookie;
  if (init.csrf) headers['x-csrf-token'] = init.csrf;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(server + path, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null };
}

/** A port nothing listens on: one the system just gave out and took back. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function storedToken(path: string): { server: string; token: string; tokenId: string; email: string } {
  return JSON.parse(readFileSync(path, 'utf8')) as { server: string; token: string; tokenId: string; email: string };
}

beforeAll(async () => {
  work = tempDir('parley-remote-');
  database = await freshDatabase('pglite');
  app = await buildApp({ db: database.db, logger: false });
  server = await app.listen({ port: 0, host: '127.0.0.1' });
  await createAdmin(database.db, { email: MEDIATOR.email, displayName: 'Mediator', password: MEDIATOR.password });
  await registerAccount(database.db, { email: NEGOTIATOR.email, displayName: 'US negotiator', password: NEGOTIATOR.password }, 'test');
  const guarded = await registerAccount(database.db, { email: GUARDED.email, displayName: 'Guarded', password: GUARDED.password }, 'test');
  guardedSecret = newTotpSecret();
  await setPendingTotpSecret(database.db, guarded.id, guardedSecret);
  await setTotpEnabled(database.db, guarded.id, true);
});

afterAll(async () => {
  await app.close();
  await database.dispose();
  work.remove();
});

// Each step runs a few CLI processes; on a loaded two-core machine one can take a while.
describe('a negotiation scripted through the CLI', { timeout: 120_000 }, () => {
  const mediator = { config: '' };
  const negotiator = { config: '' };
  let negotiationId = '';
  let usId = '';
  let ruId = '';
  let invitationToken = '';

  it('login stores a token in a file only its owner can read, and ends the sign-in session', async () => {
    mediator.config = config('mediator');
    const out = await json<{ server: string; account: { email: string; isAdmin: boolean }; token: { id: string; scopes: string[] } }>(
      ['login', '--server', server, '--email', MEDIATOR.email, '--password-stdin', '--name', 'mediator laptop'],
      { config: mediator.config, stdin: `${MEDIATOR.password}\n` });
    expect(out.server).toBe(server);
    expect(out.account).toMatchObject({ email: MEDIATOR.email, isAdmin: true });
    expect(out.token.scopes).toEqual(['read', 'write', 'admin']);

    expect(statSync(mediator.config).mode & 0o777).toBe(0o600);
    expect(statSync(join(mediator.config, '..')).mode & 0o777).toBe(0o700);
    const stored = storedToken(mediator.config);
    expect(stored).toMatchObject({ server, email: MEDIATOR.email, tokenId: out.token.id });
    expect(stored.token).toMatch(/^parley_[A-Za-z0-9_-]{43}$/);
    // No password in the file, and no session left open on the server.
    expect(readFileSync(mediator.config, 'utf8')).not.toContain(MEDIATOR.password);
    const open = await database.db.query('SELECT s.id FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.email = $1 AND s.revoked_at IS NULL', [MEDIATOR.email]);
    expect(open).toEqual([]);
    const [token] = await database.db.query<{ name: string }>('SELECT name FROM api_tokens WHERE id = $1', [out.token.id]);
    expect(token?.name).toBe('mediator laptop');
  });

  it('whoami names the account, the server and the token in use', async () => {
    const me = await json<{ account: { email: string }; via: string; scopes: string[]; server: string }>(['whoami'], mediator);
    expect(me).toMatchObject({ account: { email: MEDIATOR.email }, via: 'token', scopes: ['read', 'write', 'admin'], server });
    const text = await ok(['whoami'], mediator);
    expect(text).toContain(`${MEDIATOR.email} (Mediator, administrator) at ${server}`);
  });

  it('negotiation create, list and show', async () => {
    const created = await json<{ id: string; events: { type: string }[] }>(
      ['negotiation', 'create', '--title', 'Framework for peace', '--languages', 'en,ur', '--drafting', 'en'], mediator);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.events.map((e) => e.type)).toContain('negotiation.created');
    negotiationId = created.id;

    const list = await json<{ items: { id: string; membership: { role: string }; title: Record<string, string> }[] }>(['negotiation', 'list'], mediator);
    expect(list.items.map((n) => [n.id, n.title, n.membership.role])).toEqual([[negotiationId, { en: 'Framework for peace' }, 'mediator']]);
    expect(await ok(['negotiation', 'list'], mediator)).toMatch(new RegExp(`${negotiationId}\\s+mediator\\s+en,ur\\s+Framework for peace`));

    const shown = await json<{ id: string; languages: string[]; draftingLanguage: string }>(['negotiation', 'show', negotiationId], mediator);
    expect(shown).toMatchObject({ id: negotiationId, languages: ['en', 'ur'], draftingLanguage: 'en' });
  });

  it('party add seats the parties; party list shows them', async () => {
    usId = (await json<{ id: string }>(['party', 'add', '--negotiation', negotiationId, '--name', 'United States', '--short', 'US'], mediator)).id;
    ruId = (await json<{ id: string }>(['party', 'add', '--negotiation', negotiationId, '--name', 'Russia', '--short', 'RU'], mediator)).id;
    const parties = await json<{ items: { id: string; shortName: string; name: Record<string, string> }[] }>(['party', 'list', '--negotiation', negotiationId], mediator);
    expect(parties.items.map((p) => [p.id, p.shortName, p.name])).toEqual([[ruId, 'RU', { en: 'Russia' }], [usId, 'US', { en: 'United States' }]]);
  });

  it('point add writes the working text, in any of its languages; point list reads it back', async () => {
    const first = await json<{ id: string }>(
      ['point', 'add', '--negotiation', negotiationId, '--text', 'A ceasefire along the current line of contact.', '--tag', 'security-sector/ceasefire'], mediator);
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    const added = await ok(['point', 'add', '--negotiation', negotiationId, '--text', 'قیدیوں کا تبادلہ', '--lang', 'ur', '--number', '2'], mediator);
    expect(added).toMatch(/^Added point 2 \([0-9a-f-]{36}\)\.\n$/);

    const points = await json<{ items: { id: string; number: string; texts: Record<string, string>; tags: string[] }[] }>(['point', 'list', '--negotiation', negotiationId], mediator);
    expect(points.items.map((p) => [p.number, p.texts, p.tags])).toEqual([
      ['1', { en: 'A ceasefire along the current line of contact.' }, ['security-sector/ceasefire']],
      ['2', { ur: 'قیدیوں کا تبادلہ' }, []],
    ]);
    expect(points.items[0]?.id).toBe(first.id);
    expect(await ok(['point', 'list', '--negotiation', negotiationId], mediator)).toContain('1. A ceasefire along the current line of contact.');
  });

  it('invite prints a one-time invitation for a seat at a party, named by its short name', async () => {
    const invitation = await json<{ invitationId: string; token: string; acceptUrl: string }>(
      ['invite', '--negotiation', negotiationId, '--role', 'negotiator', '--party', 'US', '--name', 'US negotiator', '--email', NEGOTIATOR.email], mediator);
    expect(invitation.token).toMatch(/^parley_inv_/);
    expect(invitation.acceptUrl).toContain(`#${invitation.token}`);
    invitationToken = invitation.token;

    const text = await ok(['invite', '--negotiation', negotiationId, '--role', 'observer', '--party', ruId, '--name', 'RU observer'], mediator);
    expect(text).toMatch(/^Invited RU observer as observer of /);
    expect(text).toMatch(/link: +http:\/\/127\.0\.0\.1:\d+\/invitations\/accept#parley_inv_/);
  });

  it('the invited negotiator accepts over HTTP, then signs in with the CLI on another machine', async () => {
    const signIn = await http('POST', '/api/auth/sign-in', { body: NEGOTIATOR });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const accepted = await http('POST', '/api/invitations/accept', { cookie, csrf: signIn.body!.csrfToken as string, body: { token: invitationToken } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ negotiationId });

    negotiator.config = config('negotiator');
    const out = await json<{ account: { isAdmin: boolean }; token: { scopes: string[] } }>(
      ['login', '--server', server, '--email', NEGOTIATOR.email, '--password-stdin'], { config: negotiator.config, stdin: NEGOTIATOR.password });
    expect(out.account.isAdmin).toBe(false);
    expect(out.token.scopes).toEqual(['read', 'write']);
    const list = await json<{ items: { id: string; membership: { role: string; partyId: string } }[] }>(['negotiation', 'list'], negotiator);
    expect(list.items.map((n) => [n.id, n.membership.role, n.membership.partyId])).toEqual([[negotiationId, 'negotiator', usId]]);
  });

  it("position set records the negotiator's own party's positions, by point number", async () => {
    const rejected = await json<{ id: string; events: { type: string }[] }>(
      ['position', 'set', '--negotiation', negotiationId, '--point', '1', '--level', 'reject', '--reason', 'The line must be the one of 2022.', '--visibility', 'parties'], negotiator);
    expect(rejected.events).toEqual([expect.objectContaining({ type: 'position.set' })]);
    const text = await ok(['position', 'set', '--negotiation', negotiationId, '--party', 'US', '--point', '2', '--level', 'accept', '--visibility', 'mediator'], negotiator);
    expect(text).toMatch(/^Position on point 2: accept, visible to mediator/);

    const positions = await json<{ items: { partyId: string; level: string; reason: string; visibility: string }[] }>(['position', 'list', '--negotiation', negotiationId], negotiator);
    expect(positions.items.map((p) => [p.partyId, p.level, p.visibility])).toEqual(expect.arrayContaining([[usId, 'reject', 'parties'], [usId, 'accept', 'mediator']]));
  });

  it('version create freezes the text; version list shows it', async () => {
    const created = await json<{ id: string }>(['version', 'create', '--negotiation', negotiationId, '--label', 'Moscow draft'], mediator);
    const versions = await json<{ items: { id: string; label: string; seqNo: number; pointCount: number }[] }>(['version', 'list', '--negotiation', negotiationId], negotiator);
    expect(versions.items).toEqual([expect.objectContaining({ id: created.id, label: 'Moscow draft', seqNo: 1, pointCount: 2 })]);
    expect(await ok(['version', 'list', '--negotiation', negotiationId], mediator)).toMatch(/1\s+Moscow draft\s+2\s+parties/);
  });

  it('agreement shows the map as each member may see it', async () => {
    const map = await json<{ parties: string[]; rows: { number: string; status: string; cells: Record<string, { level: string } | null> }[]; overall: { status: string } }>(
      ['agreement', '--negotiation', negotiationId], mediator);
    expect(map.parties.sort()).toEqual([ruId, usId].sort());
    expect(map.rows.map((r) => [r.number, r.cells[usId]?.level ?? null, r.cells[ruId]?.level ?? null])).toEqual([['1', 'reject', null], ['2', 'accept', null]]);
    expect(map.overall.status).not.toBe('agreed');

    const text = linesOf(await ok(['agreement', '--negotiation', negotiationId, '--reasons'], mediator));
    expect(text[0]).toMatch(/^POINT\s+STATUS\s+RU\s+US$/);
    expect(text[1]).toMatch(/^1\s+\w+\s+-\s+reject$/);
    expect(text).toContain('  1 US: The line must be the one of 2022.');
    expect(text.at(-1)).toMatch(/^Overall: /);
  });

  it('version import matches a document to the working text by content (dry run first), and refuses a point it cannot see', async () => {
    const doc = join(work.path, 'revised.txt');
    writeFileSync(doc, '1. Prisoners of war will be exchanged all for all within thirty days of signature.\n2. A ceasefire along the current line of contact, monitored by an international mission.\n');
    // Point 2 has only its Urdu text: an English document cannot speak for it.
    const refused = await parley(['version', 'import', doc, '--negotiation', negotiationId, '--lang', 'en'], mediator);
    expect(expectOneLineError(refused)).toMatch(/Point 2 of the working text has no en text/u);
    const listed = await json<{ items: { id: string; number: string; texts: Record<string, string> }[] }>(['point', 'list', '--negotiation', negotiationId], mediator);
    const second = listed.items.find((p) => p.number === '2')!;
    const edited = await http('PATCH', `/api/negotiations/${negotiationId}/points/${second.id}`, { token: storedToken(mediator.config).token, body: { texts: { ...second.texts, en: 'Prisoners of war will be exchanged all for all.' } } });
    expect(edited.status).toBe(200);

    const dry = await ok(['version', 'import', doc, '--negotiation', negotiationId, '--lang', 'en', '--dry-run'], mediator);
    expect(dry).toMatch(/^Would import 2 points \(en\): /u);
    expect(linesOf(dry)).toEqual(expect.arrayContaining([expect.stringMatching(/^1\s+2\s+(changed|renumbered)\s+0\.\d\d$/u), expect.stringMatching(/^2\s+1\s+(changed|renumbered)\s+0\.\d\d$/u)]));
    const before = await json<{ items: unknown[] }>(['version', 'list', '--negotiation', negotiationId], mediator);

    const out = await json<{ written: { id: string } }>(['version', 'import', doc, '--negotiation', negotiationId, '--lang', 'en', '--label', 'Geneva text'], mediator);
    const versions = await json<{ items: { id: string; label: string }[] }>(['version', 'list', '--negotiation', negotiationId], negotiator);
    expect(versions.items).toHaveLength(before.items.length + 1);
    expect(versions.items.at(-1)).toMatchObject({ id: out.written.id, label: 'Geneva text' });

    const r = await parley(['version', 'import', doc, '--negotiation', negotiationId, '--lang', 'en'], negotiator);
    expect(expectOneLineError(r)).toMatch(/may not/u);
    expect(r.code).not.toBe(0);
  });

  it('logout revokes the token on the server and deletes the file', async () => {
    const { token } = storedToken(negotiator.config);
    const out = await json<{ signedOut: boolean; revoked: boolean }>(['logout'], negotiator);
    expect(out).toMatchObject({ signedOut: true, revoked: true });
    expect(existsSync(negotiator.config)).toBe(false);
    expect((await http('GET', '/api/auth/me', { token })).status).toBe(401);
    const r = await parley(['whoami'], negotiator);
    expect(expectOneLineError(r)).toMatch(/^parley: not signed in: run parley login/);
    expect(await ok(['logout'], negotiator)).toBe('Not signed in; nothing to do.\n');
  });

  it('signing in again replaces the token: the old one is revoked', async () => {
    const before = storedToken(mediator.config);
    await ok(['login', '--password-stdin'], { config: mediator.config, stdin: MEDIATOR.password }); // server and email from the file
    const after = storedToken(mediator.config);
    expect(after.token).not.toBe(before.token);
    expect(after.server).toBe(server);
    expect((await http('GET', '/api/auth/me', { token: before.token })).status).toBe(401);
    expect((await http('GET', '/api/auth/me', { token: after.token })).status).toBe(200);

    // A file still holding the revoked token (a copy on another machine, say) is told to sign in again.
    const stale = config('stale');
    mkdirSync(join(stale, '..'), { recursive: true });
    writeFileSync(stale, JSON.stringify(before));
    const r = await parley(['negotiation', 'list'], { config: stale });
    expect(expectOneLineError(r)).toMatch(new RegExp(`^parley: not signed in: run parley login \\(the server at ${server} said: This API token was revoked on `));
    expect(r.code).toBe(2);
  });

  it('PARLEY_SERVER and PARLEY_TOKEN stand in for the file', async () => {
    const { token } = storedToken(mediator.config);
    const env = { PARLEY_SERVER: server, PARLEY_TOKEN: token };
    const me = await json<{ account: { email: string }; credentials: string }>(['whoami'], { config: config('ci'), env });
    expect(me).toMatchObject({ account: { email: MEDIATOR.email }, credentials: 'PARLEY_TOKEN' });
    expect(existsSync(config('ci'))).toBe(false);

    const refused = await parley(['negotiation', 'list'], { config: config('ci'), env: { ...env, PARLEY_TOKEN: `parley_${'x'.repeat(43)}` } });
    expect(expectOneLineError(refused)).toMatch(/^parley: not signed in: PARLEY_TOKEN was refused/);
    expect(refused.code).toBe(2);
  });

  // One at a time: each is a Node process compiling TypeScript, and the machine may have two cores.
  describe('what goes wrong is one line and a non-zero exit', () => {
    it('a wrong password, leaving no credentials file', async () => {
      const path = config('wrong-password');
      const r = await parley(['login', '--server', server, '--email', MEDIATOR.email, '--password-stdin'], { config: path, stdin: 'not the password at all' });
      expect(expectOneLineError(r)).toBe('parley: The email or password is wrong.');
      expect(r.code).toBe(2);
      expect(existsSync(path)).toBe(false);
    });

    it('no login at all', async () => {
      const r = await parley(['negotiation', 'list'], { config: config('never-signed-in') });
      expect(expectOneLineError(r)).toBe('parley: not signed in: run parley login (or set PARLEY_SERVER and PARLEY_TOKEN)');
      expect(r.code).toBe(2);
    });

    it('an unknown negotiation', async () => {
      const unknown = randomUUID();
      const r = await parley(['negotiation', 'show', unknown], mediator);
      expect(expectOneLineError(r)).toBe(`parley: No negotiation with id ${unknown} that you may see.`);
      expect(r.code).toBe(2);
    });

    it('a negotiation id that is not an id, refused before any request', async () => {
      const r = await parley(['point', 'list', '--negotiation', 'peace-2025'], mediator);
      expect(expectOneLineError(r)).toMatch(/--negotiation expects a negotiation id/);
      expect(r.code).toBe(2);
    });

    it('reject without a reason', async () => {
      const r = await parley(['position', 'set', '--negotiation', negotiationId, '--point', '1', '--level', 'reject'], mediator);
      expect(expectOneLineError(r)).toMatch(/^parley: a "reject" position needs a reason.*--reason/);
      expect(r.code).toBe(2);
    });

    it("the server's own refusal, in its words: a party short name already taken", async () => {
      const r = await parley(['party', 'add', '--negotiation', negotiationId, '--name', 'USA', '--short', 'us'], mediator);
      expect(expectOneLineError(r)).toBe('parley: A party called us is already at the table.');
      expect(r.code).toBe(2);
    });

    it('a party or point that does not exist, named as such', async () => {
      const party = await parley(['position', 'set', '--negotiation', negotiationId, '--party', 'UA', '--point', '1', '--level', 'accept'], mediator);
      expect(expectOneLineError(party)).toBe('parley: --party "UA" names no party of this negotiation; its parties are RU, US.');
      const point = await parley(['position', 'set', '--negotiation', negotiationId, '--party', 'US', '--point', '9', '--level', 'accept'], mediator);
      expect(expectOneLineError(point)).toMatch(/^parley: --point "9" is neither a point id nor the number of a point/);
    });

    it('a server that is not there', async () => {
      const nowhere = `http://127.0.0.1:${await closedPort()}`;
      const r = await parley(['login', '--server', nowhere, '--email', MEDIATOR.email, '--password-stdin'], { config: config('nowhere'), stdin: 'whatever password' });
      expect(expectOneLineError(r)).toMatch(new RegExp(`^parley: cannot reach the Parley server at ${nowhere}: ECONNREFUSED`));
      expect(r.code).toBe(1);
      expect(existsSync(config('nowhere'))).toBe(false);
    });

    it('a server address that is not one', async () => {
      const r = await parley(['login', '--server', 'parley.example.org', '--email', MEDIATOR.email, '--password-stdin'], { config: config('bad-url'), stdin: 'whatever password' });
      expect(expectOneLineError(r)).toMatch(/--server expects the address of a Parley server/);
      expect(r.code).toBe(2);
    });

    it('a password asked for with no terminal to ask on', async () => {
      const r = await parley(['login', '--server', server, '--email', MEDIATOR.email], { config: config('no-tty') });
      expect(expectOneLineError(r)).toBe('parley: no terminal to ask for the password on: pipe it in with --password-stdin.');
      expect(r.code).toBe(2);
    });

    it('logout while the server is away keeps the token (it still works); --local forgets it anyway', async () => {
      const path = config('away');
      mkdirSync(join(path, '..'), { recursive: true });
      const nowhere = `http://127.0.0.1:${await closedPort()}`;
      writeFileSync(path, JSON.stringify({ server: nowhere, token: `parley_${'y'.repeat(43)}`, email: 'a@example.org', tokenId: randomUUID() }));
      const r = await parley(['logout'], { config: path });
      expect(expectOneLineError(r)).toMatch(/^parley: cannot reach the Parley server at .*; the token still works, so you are still signed in\. Run parley logout again once the server answers, or parley logout --local/);
      expect(existsSync(path)).toBe(true);
      expect(await ok(['logout', '--local'], { config: path })).toMatch(/^Signed out of http:\/\/127\.0\.0\.1:\d+; the token was only forgotten here and still works until revoked\.\n$/);
      expect(existsSync(path)).toBe(false);
    });

    it('a damaged credentials file', async () => {
      const path = config('damaged');
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, '{"server": ');
      const r = await parley(['whoami'], { config: path });
      expect(expectOneLineError(r)).toBe(`parley: ${path} is not a Parley credentials file; delete it and run parley login again.`);
    });

    it('two-factor sign-in without a code, then with one', async () => {
      const path = config('guarded');
      const without = await parley(['login', '--server', server, '--email', GUARDED.email, '--password-stdin'], { config: path, stdin: GUARDED.password });
      expect(expectOneLineError(without)).toMatch(/two-factor code: add --totp CODE/);
      expect(existsSync(path)).toBe(false);
      const code = totpCode(guardedSecret, Date.now());
      const withCode = await json<{ account: { email: string } }>(['login', '--server', server, '--email', GUARDED.email, '--password-stdin', '--totp', code], { config: path, stdin: GUARDED.password });
      expect(withCode.account.email).toBe(GUARDED.email);
    });
  });
});
