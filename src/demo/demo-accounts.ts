/**
 * One account per demo seat, with a predictable email (`ushakov@demo.parley`,
 * `mediator@demo.parley`) and one shared password that `parley demo` prints. That is fine
 * for a demo on one's own machine and for nothing else: anyone who has read this file
 * can sign in to a server that loaded the demo.
 */
import { randomUUID } from 'node:crypto';
import { emailKey } from '../domain/accounts/email.ts';
import { appendAccountLog } from '../store/accounts/account-log.store.ts';
import { ensureAccounts } from '../store/accounts/accounts.store.ts';
import { hashPassword } from '../store/accounts/passwords.ts';
import type { Database } from '../store/database.ts';
import * as s from './scenario.ts';

export const DEMO_PASSWORD = 'parley-demo-only';
export const DEMO_EMAIL_DOMAIN = 'demo.parley';

export const demoEmail = (key: string): string => `${key}@${DEMO_EMAIL_DOMAIN}`;

/** Creates the demo accounts that are missing; returns each seat's account id by member key ('mediator' included). */
export async function ensureDemoAccounts(db: Database): Promise<Map<string, string>> {
  const seats = [{ key: 'mediator', displayName: "Mediator's office (demo)" }, ...s.members.map((m) => ({ key: m.key, displayName: m.displayName }))];
  // One hash for all: they share the password anyway, and the demo should load fast.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  const { ids } = await db.transaction(async (tx) => {
    const out = await ensureAccounts(tx, seats.map((x) => ({ id: randomUUID(), email: demoEmail(x.key), displayName: x.displayName })), passwordHash, now);
    for (const id of out.created) await appendAccountLog(tx, { accountId: id, action: 'account.created', detail: { via: 'demo' }, ip: null, at: now });
    return out;
  });
  const bySeat = new Map<string, string>();
  for (const x of seats) {
    const id = ids.get(emailKey(demoEmail(x.key)));
    if (id) bySeat.set(x.key, id);
  }
  return bySeat;
}
