/**
 * `parley login`, `logout`, `whoami`: the CLI's own credentials. Login signs in once with
 * the password (a short-lived session), uses that session to issue an API token named
 * after this machine, signs the session out again, and keeps only the token. The token
 * can be seen and revoked under the account like any other, and the password is never
 * stored.
 */
import { hostname, userInfo } from 'node:os';
import type { Command } from 'commander';
import { z } from 'zod';
import { ParleyError } from '../../../domain/errors.ts';
import { MeOut, SessionOut, TokenCreatedOut } from '../../../protocol/accounts.schema.ts';
import { isCleartextRemote, normalizeServerUrl, ParleyClient, ServerError } from '../../http/client.ts';
import {
  credentialsPath, readCredentialsFile, removeCredentialsFile, signedInClient, writeCredentialsFile,
  type StoredCredentials,
} from '../../http/credentials.ts';
import { readHidden, readLine, readStdinSecret } from '../../http/prompt.ts';
import { printJson, printLine } from '../../output.ts';

const SESSION_COOKIE = 'parley_session';
const CSRF_HEADER = 'x-csrf-token';

/** What the token is called on the server, so a person can tell which machine holds it. */
export function machineTokenName(): string {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // Containers may run as a uid with no passwd entry; the host name alone will do.
  }
  return `parley CLI on ${user ? `${user}@` : ''}${hostname() || 'this machine'}`.slice(0, 200);
}

/** The `name=value` of our session cookie among the Set-Cookie headers, for the follow-up calls. */
function sessionCookie(headers: Headers): string | null {
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';', 1)[0]?.trim() ?? '';
    if (pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair;
  }
  return null;
}

interface LoginOptions {
  server?: string;
  email?: string;
  passwordStdin?: boolean;
  totp?: string;
  name?: string;
  expiresInDays?: string;
  json?: boolean;
}

async function signIn(client: ParleyClient, email: string, password: string, totp: string | undefined): Promise<{ session: z.output<typeof SessionOut>; cookie: string }> {
  const body = { email, password, ...(totp === undefined ? {} : { totp }) };
  const response = await client.send('POST', '/api/auth/sign-in', { body });
  const problem = response.status >= 300 ? client.problem(response) : null;
  if (problem?.problemCode === 'totp_required' && totp === undefined) {
    if (!process.stdin.isTTY) throw new ParleyError('totp_required', 'this account signs in with a two-factor code: add --totp CODE (the 6 digits from the authenticator app).');
    return signIn(client, email, password, await readLine('Two-factor code: '));
  }
  if (problem) throw problem;
  const parsed = SessionOut.safeParse(response.body);
  const cookie = sessionCookie(response.headers);
  if (!parsed.success || cookie === null) throw new ServerError(502, 'unexpected_answer', `the server at ${client.server} signed you in but did not answer as a Parley server does; are the CLI and the server the same version?`);
  return { session: parsed.data, cookie };
}

function parseDays(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 366) throw new ParleyError('invalid_input', `--expires-in-days must be a whole number of days from 1 to 366, not "${value}".`);
  return n;
}

/** Best effort: the new token is saved already, and an old one that cannot be revoked now expires by itself. */
async function revokeQuietly(server: string, token: string, tokenId: string): Promise<void> {
  try {
    await new ParleyClient(server, { token, timeoutMs: 5_000 }).send('DELETE', `/api/account/tokens/${encodeURIComponent(tokenId)}`);
  } catch {
    // Unreachable or gone: nothing more to do from here.
  }
}

async function login(opts: LoginOptions): Promise<void> {
  const path = credentialsPath();
  const previous = await readCredentialsFile(path).catch(() => null);
  const serverArg = opts.server ?? (process.env.PARLEY_SERVER?.trim() || previous?.server);
  if (!serverArg) throw new ParleyError('invalid_input', 'give the server to sign in to: parley login --server https://parley.example.org --email you@example.org');
  const server = normalizeServerUrl(serverArg);
  const email = opts.email?.trim() || (previous?.server === server ? previous.email : null);
  if (!email) throw new ParleyError('invalid_input', 'give the email of your account: parley login --email you@example.org');
  const expiresInDays = parseDays(opts.expiresInDays);
  const name = opts.name?.trim() || machineTokenName();

  const password = opts.passwordStdin ? await readStdinSecret() : await readHidden(`Password for ${email} at ${server}: `);

  const anonymous = new ParleyClient(server, { token: null });
  const { session, cookie } = await signIn(anonymous, email, password, opts.totp?.trim());
  const sessionHeaders = { cookie, [CSRF_HEADER]: session.csrfToken };
  let issued: z.output<typeof TokenCreatedOut>;
  try {
    const scopes = session.account.isAdmin ? ['read', 'write', 'admin'] : ['read', 'write'];
    const response = await anonymous.send('POST', '/api/account/tokens', { headers: sessionHeaders, body: { name, scopes, expiresInDays } });
    if (response.status >= 300) throw anonymous.problem(response);
    const parsed = TokenCreatedOut.safeParse(response.body);
    if (!parsed.success) throw new ServerError(502, 'unexpected_answer', `the server at ${server} issued a token this parley cannot read; are the CLI and the server the same version?`);
    issued = parsed.data;
  } finally {
    // The session was only the way to the token: end it, whatever happened. A failure here
    // leaves a session that expires by itself, so it is not worth failing the login for.
    await anonymous.send('POST', '/api/auth/sign-out', { headers: sessionHeaders }).catch(() => undefined);
  }

  const stored: StoredCredentials = {
    server, token: issued.token, email: session.account.email, tokenId: issued.id, tokenName: issued.name, scopes: issued.scopes,
    createdAt: issued.createdAt,
  };
  await writeCredentialsFile(path, stored);

  // Signing in again replaces this machine's token (on this server or another): revoke the
  // one it replaces, if it still works, rather than leave a live token nobody holds.
  if (previous?.tokenId && previous.tokenId !== issued.id) await revokeQuietly(previous.server, previous.token, previous.tokenId);

  // Said after the fact, on success only, so a failing login still ends in exactly one line.
  if (isCleartextRemote(server)) process.stderr.write(`parley: warning: ${server} is not https, so the password and every request with the token cross the network unencrypted.\n`);
  if (opts.json) {
    printJson({ server, account: session.account, token: { id: issued.id, name: issued.name, scopes: issued.scopes, expiresAt: issued.expiresAt }, credentials: path });
    return;
  }
  printLine(`Signed in to ${server} as ${session.account.email}${session.account.isAdmin ? ' (administrator)' : ''}.`);
  printLine(`API token "${issued.name}" (${issued.scopes.join(', ')}${issued.expiresAt ? `, until ${issued.expiresAt.slice(0, 10)}` : ''}) saved in ${path}.`);
}

async function logout(opts: { local?: boolean; json?: boolean }): Promise<void> {
  const path = credentialsPath();
  const stored = await readCredentialsFile(path);
  if (!stored) {
    if (process.env.PARLEY_TOKEN?.trim()) {
      throw new ParleyError('invalid_input', 'the token in use comes from PARLEY_TOKEN, not from parley login: unset it, and revoke it under your account if it should stop working.');
    }
    if (opts.json) printJson({ signedOut: false, revoked: false, credentials: path });
    else printLine('Not signed in; nothing to do.');
    return;
  }
  let revoked = false;
  if (!opts.local) {
    const client = new ParleyClient(stored.server, { token: stored.token });
    let response;
    try {
      response = stored.tokenId
        ? await client.send('DELETE', `/api/account/tokens/${encodeURIComponent(stored.tokenId)}`)
        : null;
    } catch (e) {
      if (e instanceof ServerError && e.problemCode === 'unreachable') {
        throw new ServerError(503, 'unreachable', `${e.message}; the token still works, so you are still signed in. Run parley logout again once the server answers, or parley logout --local to only forget it here.`);
      }
      throw e;
    }
    // 401: the token had already stopped working (revoked or expired); forgetting it is all that is left.
    if (response && response.status >= 300 && response.status !== 401 && response.status !== 404) throw client.problem(response);
    revoked = response !== null && response.status < 300;
  }
  await removeCredentialsFile(path);
  if (opts.json) printJson({ signedOut: true, revoked, server: stored.server, credentials: path });
  else printLine(`Signed out of ${stored.server}${revoked ? '; the token is revoked' : opts.local ? '; the token was only forgotten here and still works until revoked' : ''}.`);
}

async function whoami(opts: { json?: boolean }): Promise<void> {
  const { client, credentials } = await signedInClient();
  const { data, raw } = await client.get('/api/auth/me', MeOut);
  if (opts.json) {
    printJson({ server: credentials.server, credentials: credentials.source.kind === 'file' ? credentials.source.path : 'PARLEY_TOKEN', ...(raw as object) });
    return;
  }
  const a = data.account;
  printLine(`${a.email} (${a.displayName}${a.isAdmin ? ', administrator' : ''}) at ${credentials.server}`);
  const limited = data.negotiationId ? `, limited to negotiation ${data.negotiationId}` : '';
  printLine(`Signed in with ${credentials.source.kind === 'file' ? `the token in ${credentials.source.path}` : 'PARLEY_TOKEN'} (${data.scopes.join(', ')}${limited}).`);
}

export function registerSessionCommands(program: Command): void {
  program
    .command('login')
    .description('sign in to a Parley server and keep an API token for the other commands')
    .option('--server <url>', 'the server, e.g. https://parley.example.org (default $PARLEY_SERVER, or the last one)')
    .option('--email <email>', 'the email of your account (default: the last one used with this server)')
    .option('--password-stdin', 'read the password from stdin instead of asking on the terminal')
    .option('--totp <code>', 'the 6-digit code from your authenticator app, if the account uses two-factor sign-in')
    .option('--name <name>', 'what to call the token on the server (default: this user and machine)')
    .option('--expires-in-days <n>', 'how long the token lasts (default: the server\'s, 90 days)')
    .option('--json', 'print the result as JSON')
    .action((opts: LoginOptions) => login(opts));

  program
    .command('logout')
    .description('revoke this machine\'s API token on the server and delete the credentials file')
    .option('--local', 'only delete the credentials file (when the server cannot be reached)')
    .option('--json', 'print the result as JSON')
    .action((opts: { local?: boolean; json?: boolean }) => logout(opts));

  program
    .command('whoami')
    .description('show the account and server the other commands act as')
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean }) => whoami(opts));
}
