/**
 * The pieces of the CLI's HTTP side that need no server: reading problems, server
 * addresses, text from a server on a terminal, the credentials file and where it lives,
 * and the password prompt's handling of keys on a terminal in raw mode.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCleartextRemote, normalizeServerUrl, ParleyClient, readProblem, ServerError, terminalSafe } from '../../src/cli/http/client.ts';
import { credentialsPath, findCredentials, readCredentialsFile, removeCredentialsFile, writeCredentialsFile } from '../../src/cli/http/credentials.ts';
import { columns, splitList } from '../../src/cli/http/lookup.ts';
import { readHidden, type Terminal } from '../../src/cli/http/prompt.ts';
import { tempDir } from '../helpers/cli.ts';

let work: { path: string; remove(): void };
beforeAll(() => { work = tempDir('parley-remote-unit-'); });
afterAll(() => { work.remove(); });

describe('server addresses', () => {
  it('keeps scheme, host, port and base path, without a trailing slash', () => {
    expect(normalizeServerUrl('https://parley.example.org/')).toBe('https://parley.example.org');
    expect(normalizeServerUrl(' http://127.0.0.1:3000 ')).toBe('http://127.0.0.1:3000');
    expect(normalizeServerUrl('https://example.org/parley//')).toBe('https://example.org/parley');
  });

  it('refuses what is not an http(s) address, saying what one looks like', () => {
    expect(() => normalizeServerUrl('parley.example.org')).toThrow(/--server expects the address of a Parley server such as https:/);
    expect(() => normalizeServerUrl('ftp://parley.example.org')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => normalizeServerUrl('https://user:pw@parley.example.org')).toThrow(/without a user/);
  });

  it('knows which addresses send secrets in clear over a network', () => {
    expect(isCleartextRemote('https://parley.example.org')).toBe(false);
    expect(isCleartextRemote('http://127.0.0.1:3000')).toBe(false);
    expect(isCleartextRemote('http://localhost:3000')).toBe(false);
    expect(isCleartextRemote('http://[::1]:3000')).toBe(false);
    expect(isCleartextRemote('http://parley.example.org')).toBe(true);
  });
});

describe('problems from the server', () => {
  it('takes the detail of an RFC 9457 problem and keeps its code and extra members', () => {
    const p = readProblem(409, 'Conflict', { type: 'x', title: 'version conflict', status: 409, code: 'version_conflict', detail: 'Someone else changed it.', current: { id: 1 } });
    expect(p).toEqual({ status: 409, code: 'version_conflict', detail: 'Someone else changed it.', extra: { current: { id: 1 } } });
  });

  it('makes one line of what a proxy sent instead', () => {
    expect(readProblem(502, 'Bad Gateway', '<html>nginx</html>').detail).toBe('the server answered 502 Bad Gateway');
    expect(readProblem(500, '', { detail: 'first\n  second' }).detail).toBe('first second');
  });

  it("keeps the HTTP status, which main.ts turns into the exit code (4xx: 2, else 1)", () => {
    const e = new ServerError(418, 'some_future_code', 'x');
    expect([e.status, e.code, e.problemCode]).toEqual([418, 'invalid_input', 'some_future_code']);
    expect(new ServerError(404, 'negotiation_not_found', 'x')).toMatchObject({ status: 404, code: 'negotiation_not_found' });
    expect(new ServerError(500, 'internal', 'x')).toMatchObject({ status: 500, code: 'storage_unavailable' });
  });

  it('words a 401 for the person: sign in again', () => {
    const client = new ParleyClient('http://127.0.0.1:1', { token: 'parley_x' });
    const e = client.problem({ status: 401, headers: new Headers(), body: { code: 'unauthenticated', detail: 'This API token was revoked.' } });
    expect(e.message).toBe('not signed in: run parley login (the server at http://127.0.0.1:1 said: This API token was revoked.)');
    const anonymous = new ParleyClient('http://127.0.0.1:1', { token: null });
    expect(anonymous.problem({ status: 401, headers: new Headers(), body: { detail: 'The email or password is wrong.' } }).message).toBe('The email or password is wrong.');
  });

  it('does not follow a redirect with the token, and says where it points', () => {
    const client = new ParleyClient('http://parley.example.org', { token: 'parley_x' });
    const e = client.problem({ status: 301, headers: new Headers({ location: 'https://parley.example.org/api/auth/me' }), body: null });
    expect(e.message).toMatch(/redirects to https:\/\/parley\.example\.org\/api\/auth\/me; sign in again with --server/);
  });
});

describe('text from a server, on a terminal', () => {
  it('loses escape sequences and bidirectional overrides, keeps every script', () => {
    expect(terminalSafe('a\u001b[2Jb')).toBe('a\uFFFD[2Jb');
    expect(terminalSafe('x\u202Ey')).toBe('x\uFFFDy');
    expect(terminalSafe('قیدیوں کا تبادلہ — обмін')).toBe('قیدیوں کا تبادلہ — обмін');
    expect(terminalSafe('two\nlines', { oneLine: true })).toBe('two lines');
  });

  it('lines columns up by what a reader sees, combining marks included', () => {
    expect(columns([['A', 'B'], ['e\u0301', 'x'], ['ab', 'y']])).toEqual(['A   B', 'e\u0301   x', 'ab  y']);
    expect(splitList(['a,b', ' c ', ''])).toEqual(['a', 'b', 'c']);
  });
});

describe('the credentials file', () => {
  const sample = { server: 'https://parley.example.org', token: 'parley_secret', email: 'a@example.org', tokenId: null, tokenName: null, scopes: ['read'], createdAt: null };

  it('lives at $PARLEY_CONFIG, else under $XDG_CONFIG_HOME, else ~/.config', () => {
    expect(credentialsPath({ PARLEY_CONFIG: '/x/creds.json' })).toBe('/x/creds.json');
    expect(credentialsPath({ XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/parley/credentials.json');
    expect(credentialsPath({})).toMatch(/\/\.config\/parley\/credentials\.json$/);
  });

  it('is written 0600 in a new 0700 directory, whatever the umask, and replaced whole', async () => {
    const path = join(work.path, 'new-dir', 'deeper', 'credentials.json');
    const umask = process.umask(0o000);
    try {
      await writeCredentialsFile(path, sample);
      await writeCredentialsFile(path, { ...sample, token: 'parley_second' });
    } finally {
      process.umask(umask);
    }
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ token: 'parley_second' });
    expect(await readCredentialsFile(path)).toEqual({ ...sample, token: 'parley_second' });
    expect(await removeCredentialsFile(path)).toBe(true);
    expect(await removeCredentialsFile(path)).toBe(false);
    expect(await readCredentialsFile(path)).toBeNull();
  });

  it('is refused, with what to do, when it is not one', async () => {
    const path = join(work.path, 'not-credentials.json');
    writeFileSync(path, JSON.stringify({ hello: 'world' }));
    await expect(readCredentialsFile(path)).rejects.toThrow(/is not a Parley credentials file; delete it and run parley login again/);
    mkdirSync(join(work.path, 'a-dir.json'));
    await expect(readCredentialsFile(join(work.path, 'a-dir.json'))).rejects.toThrow(/is a directory/);
  });

  it('gives way to PARLEY_SERVER and PARLEY_TOKEN; a token without a server is refused', async () => {
    const path = join(work.path, 'env', 'credentials.json');
    await writeCredentialsFile(path, sample);
    expect(await findCredentials({ PARLEY_CONFIG: path })).toMatchObject({ token: 'parley_secret', source: { kind: 'file', path } });
    expect(await findCredentials({ PARLEY_CONFIG: path, PARLEY_SERVER: 'http://127.0.0.1:4000/', PARLEY_TOKEN: 'parley_ci' }))
      .toEqual({ server: 'http://127.0.0.1:4000', token: 'parley_ci', email: null, tokenId: null, source: { kind: 'env' } });
    await expect(findCredentials({ PARLEY_CONFIG: path, PARLEY_TOKEN: 'parley_ci' })).rejects.toThrow(/PARLEY_TOKEN is set but PARLEY_SERVER is not/);
    expect(await findCredentials({ PARLEY_CONFIG: join(work.path, 'none.json'), PARLEY_SERVER: '', PARLEY_TOKEN: '' })).toBeNull();
  });
});

/** A terminal in raw mode, fed keystrokes. */
function fakeTerminal(isTTY = true): { terminal: Terminal; type(keys: string): void; shown(): string; raw(): boolean } {
  const input = new EventEmitter() as EventEmitter & { isTTY: boolean; setRawMode(on: boolean): unknown; setEncoding(): unknown; resume(): unknown; pause(): unknown };
  let raw = false;
  let shown = '';
  input.isTTY = isTTY;
  input.setRawMode = (on: boolean) => { raw = on; return input; };
  input.setEncoding = () => input;
  input.resume = () => input;
  input.pause = () => input;
  const output = { write: (s: string) => { shown += s; return true; } };
  return { terminal: { input, output } as unknown as Terminal, type: (keys) => input.emit('data', keys), shown: () => shown, raw: () => raw };
}

describe('the password prompt', () => {
  it('reads a line in raw mode without echoing it, then restores the terminal', async () => {
    const t = fakeTerminal();
    const answer = readHidden('Password: ', t.terminal);
    expect(t.raw()).toBe(true);
    t.type('secr');
    t.type('et pässwörd\r');
    await expect(answer).resolves.toBe('secret pässwörd');
    expect(t.shown()).toBe('Password: \n');
    expect(t.raw()).toBe(false);
  });

  it('handles backspace, Ctrl-U and arrow keys as a terminal user means them', async () => {
    const t = fakeTerminal();
    const answer = readHidden('Password: ', t.terminal);
    t.type('wrong\u0015rigt\u007fht\u001b[Ax\n');
    await expect(answer).resolves.toBe('rightx');
  });

  it('Ctrl-C cancels', async () => {
    const t = fakeTerminal();
    const answer = readHidden('Password: ', t.terminal);
    t.type('abc\u0003');
    await expect(answer).rejects.toThrow('cancelled.');
    expect(t.raw()).toBe(false);
  });

  it('without a terminal, points to --password-stdin', async () => {
    await expect(readHidden('Password: ', fakeTerminal(false).terminal)).rejects.toThrow(/pipe it in with --password-stdin/);
  });
});
