/**
 * Creating accounts: the first administrator (CLI or first start), demo accounts, and
 * people accepting an invitation. The password policy is checked here, once, whichever
 * door the account comes through.
 */
import { randomUUID } from 'node:crypto';
import { Email } from '../../domain/accounts/email.ts';
import { checkPassword } from '../../domain/accounts/password-policy.ts';
import { generatePassword } from '../../domain/accounts/secrets.ts';
import { ParleyError } from '../../domain/errors.ts';
import { NonEmptyText } from '../../domain/model.ts';
import type { Database, Queryable } from '../database.ts';
import { countAccounts, insertAccount, type AccountRow } from './accounts.store.ts';
import { appendAccountLog } from './account-log.store.ts';
import { hashPassword } from './passwords.ts';

export interface AccountInput { email: string; displayName?: string; password: string; isAdmin?: boolean }

function parseEmail(raw: string): string {
  const r = Email.safeParse(raw);
  if (!r.success) throw new ParleyError('invalid_input', `"${raw}" is not an email address.`, { field: 'email' });
  return r.data;
}

function parseName(raw: string | undefined, email: string): string {
  const r = NonEmptyText.safeParse(raw ?? email.split('@')[0] ?? email);
  if (!r.success || r.data.length > 200) throw new ParleyError('invalid_input', 'The display name must be 1 to 200 characters.', { field: 'displayName' });
  return r.data.trim();
}

/** Checks and hashes outside any transaction: argon2 takes tens of milliseconds. */
export async function prepareAccount(input: AccountInput): Promise<{ email: string; displayName: string; passwordHash: string; isAdmin: boolean }> {
  const email = parseEmail(input.email);
  const displayName = parseName(input.displayName, email);
  checkPassword(input.password, email);
  return { email, displayName, passwordHash: await hashPassword(input.password), isAdmin: input.isAdmin ?? false };
}

export async function insertPreparedAccount(q: Queryable, a: Awaited<ReturnType<typeof prepareAccount>>, now: Date, ip: string | null, via: string): Promise<AccountRow> {
  const account = await insertAccount(q, { id: randomUUID(), ...a, now });
  await appendAccountLog(q, { accountId: account.id, action: 'account.created', detail: { via, isAdmin: account.isAdmin }, ip, at: now });
  return account;
}

export async function registerAccount(db: Database, input: AccountInput, via: string, now = new Date()): Promise<AccountRow> {
  const prepared = await prepareAccount(input);
  return db.transaction((tx) => insertPreparedAccount(tx, prepared, now, null, via));
}

export interface CreatedAdmin { account: AccountRow; password: string; generated: boolean }

/** `parley admin create`: an administrator, with a generated password unless one is given. */
export async function createAdmin(db: Database, input: { email: string; displayName?: string; password?: string }): Promise<CreatedAdmin> {
  const generated = input.password === undefined;
  const password = input.password ?? generatePassword();
  const account = await registerAccount(db, { email: input.email, displayName: input.displayName ?? 'Administrator', password, isAdmin: true }, 'cli');
  return { account, password, generated };
}

// Any constant will do, as long as every server on one database uses the same.
const BOOTSTRAP_LOCK = 0x7061_7263;
export const FIRST_ADMIN_EMAIL = 'admin@parley.local';

/**
 * On a database with no account at all, creates an administrator with a generated
 * password (returned once, never stored in clear). Several servers starting together on
 * one PostgreSQL create one administrator between them: the advisory lock serializes the
 * check and the insert.
 */
export async function createFirstAdminIfNone(db: Database): Promise<CreatedAdmin | null> {
  if ((await countAccounts(db)) > 0) return null;
  const password = generatePassword();
  const prepared = await prepareAccount({ email: FIRST_ADMIN_EMAIL, displayName: 'Administrator', password, isAdmin: true });
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
    if ((await countAccounts(tx)) > 0) return null;
    const account = await insertPreparedAccount(tx, prepared, new Date(), null, 'first start');
    return { account, password, generated: true };
  });
}
