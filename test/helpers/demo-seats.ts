/** Every demo seat that has an account, as an actor with a fresh API token: who the security suites look from. */
import type { DemoResult } from '../../src/demo/build-demo.ts';
import type { Role } from '../../src/domain/model.ts';
import type { Actor } from '../../src/domain/policy/actor.ts';
import type { Database } from '../../src/store/database.ts';
import { issueToken } from './auth.ts';

export interface DemoSeat { key: string; party: string | null; actor: Extract<Actor, { kind: 'member' }>; token: string }

export async function demoSeats(db: Database, demo: DemoResult): Promise<DemoSeat[]> {
  const X = demo.negotiationId;
  const parties = new Map((await db.query<{ id: string; short_name: string }>('SELECT id, short_name FROM parties WHERE negotiation_id = $1', [X])).map((p) => [p.short_name, p.id]));
  const accounts = new Map((await db.query<{ id: string; account_id: string | null }>('SELECT id, account_id FROM members WHERE negotiation_id = $1', [X])).map((m) => [m.id, m.account_id]));
  const seats: DemoSeat[] = [];
  for (const m of demo.members) {
    const accountId = accounts.get(m.id);
    if (!accountId) continue;
    const partyId = m.party ? parties.get(m.party)! : null;
    seats.push({ key: m.key, party: m.party, actor: { kind: 'member', memberId: m.id, partyId, role: m.role as Role }, token: (await issueToken(db, accountId)).token });
  }
  return seats;
}
