/**
 * Where the CLI keeps what `parley login` got: the server, an API token and the email it
 * belongs to, in one JSON file only its owner can read (0600 in a 0700 directory). Scripts
 * that should leave no file behind (CI) set PARLEY_SERVER and PARLEY_TOKEN instead; the
 * environment then wins over the file.
 */
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import { normalizeServerUrl, ParleyClient } from './client.ts';

export const StoredCredentials = z.object({
  server: z.string(),
  token: z.string().min(1),
  email: z.string().nullable(),
  /** The token's id on the server, so logout can revoke it. */
  tokenId: z.string().nullable().default(null),
  tokenName: z.string().nullable().default(null),
  scopes: z.array(z.string()).default([]),
  createdAt: z.string().nullable().default(null),
});
export type StoredCredentials = z.infer<typeof StoredCredentials>;

export interface ResolvedCredentials {
  server: string;
  token: string;
  email: string | null;
  tokenId: string | null;
  /** Where they came from, for whoami and for advice in messages. */
  source: { kind: 'file'; path: string } | { kind: 'env' };
}

type Env = Readonly<Record<string, string | undefined>>;

const set = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** $PARLEY_CONFIG, else $XDG_CONFIG_HOME/parley/credentials.json, else ~/.config/parley/credentials.json. */
export function credentialsPath(env: Env = process.env): string {
  const explicit = set(env.PARLEY_CONFIG);
  if (explicit) return explicit;
  return join(set(env.XDG_CONFIG_HOME) ?? join(homedir(), '.config'), 'parley', 'credentials.json');
}

function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

/** The stored credentials, or null when there is no file. A damaged file is an error that says what to do. */
export async function readCredentialsFile(path: string): Promise<StoredCredentials | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw new ParleyError('invalid_input', `${path} is a directory, not a credentials file; point PARLEY_CONFIG at a file.`);
    if (code === 'EACCES' || code === 'EPERM') throw new ParleyError('invalid_input', `cannot read the credentials file ${path}: permission denied.`);
    throw e;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = StoredCredentials.safeParse(data);
  if (!parsed.success) throw new ParleyError('invalid_input', `${path} is not a Parley credentials file; delete it and run parley login again.`);
  return parsed.data;
}

/**
 * Writes the file whole or not at all: a new file created 0600 next to it, then renamed
 * over it, so no moment exists where the token sits in a file others can read, and a crash
 * leaves the old file or the new one, never half of one.
 */
export async function writeCredentialsFile(path: string, credentials: StoredCredentials): Promise<void> {
  const dir = dirname(path);
  const existed = await stat(dir).then(() => true, () => false);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // The default directory is ours to keep private; a directory someone named in PARLEY_CONFIG is left as it is.
  if (!existed || path === credentialsPath({ ...process.env, PARLEY_CONFIG: undefined })) await chmod(dir, 0o700);
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(JSON.stringify(credentials, null, 2) + '\n', 'utf8');
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

export async function removeCredentialsFile(path: string): Promise<boolean> {
  try {
    await rm(path);
    return true;
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return false;
    throw e;
  }
}

/** The credentials to use: PARLEY_SERVER + PARLEY_TOKEN when set, else the file; null when neither. */
export async function findCredentials(env: Env = process.env): Promise<ResolvedCredentials | null> {
  const server = set(env.PARLEY_SERVER);
  const token = set(env.PARLEY_TOKEN);
  if (token !== undefined) {
    if (server === undefined) throw new ParleyError('invalid_input', 'PARLEY_TOKEN is set but PARLEY_SERVER is not: set both (or neither, to use parley login).');
    return { server: normalizeServerUrl(server), token, email: null, tokenId: null, source: { kind: 'env' } };
  }
  const path = credentialsPath(env);
  const stored = await readCredentialsFile(path);
  if (!stored) return null;
  return { server: stored.server, token: stored.token, email: stored.email, tokenId: stored.tokenId, source: { kind: 'file', path } };
}

export function signInHint(source: ResolvedCredentials['source']): string {
  return source.kind === 'env' ? 'PARLEY_TOKEN was refused; issue a new API token and set it' : 'run parley login';
}

/** A client signed in as whoever the credentials say, or the one-line "not signed in" error. */
export async function signedInClient(env: Env = process.env): Promise<{ client: ParleyClient; credentials: ResolvedCredentials }> {
  const credentials = await findCredentials(env);
  if (!credentials) throw new ParleyError('unauthenticated', 'not signed in: run parley login (or set PARLEY_SERVER and PARLEY_TOKEN)');
  const client = new ParleyClient(credentials.server, { token: credentials.token, signInHint: signInHint(credentials.source) });
  return { client, credentials };
}
