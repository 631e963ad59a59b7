/**
 * The notification port under the live channel: `execute` announces each committed command
 * as `${negotiationId}:${lastSeq}` on `parley_events`, running as the unprivileged
 * parley_app role; a rolled-back command announces nothing; unlisten stops delivery.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import { openPostgresDatabase } from '../../src/store/pg-database.ts';
import { EVENTS_CHANNEL, parseAppended } from '../../src/store/notify.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { smallNegotiation, statementCommand } from '../helpers/scenario.ts';

/** Collects payloads and lets a test wait for the n-th one. */
class Inbox {
  readonly payloads: string[] = [];
  private waiters: (() => void)[] = [];
  readonly push = (p: string): void => {
    this.payloads.push(p);
    for (const w of this.waiters.splice(0)) w();
  };
  async count(n: number): Promise<void> {
    while (this.payloads.length < n) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

describe.each(backends)('notifications on %s', (backend) => {
  let t: TestDatabase;
  const extra: Database[] = [];
  beforeEach(async () => {
    t = await freshDatabase(backend);
  });
  afterEach(async () => {
    for (const d of extra.splice(0)) await d.close();
    await t.dispose();
  });

  it('announces each committed command with its new head, and nothing for one that rolled back', async () => {
    const n = await smallNegotiation(t.db, { parties: 1 });
    const inbox = new Inbox();
    const unlisten = await t.db.listen(EVENTS_CHANNEL, inbox.push);
    const observer = { memberId: n.parties[0]!.observer.id };
    const first = await n.run(observer, statementCommand('first'));
    // An observer may not add a point: refused inside the transaction, which rolls back.
    await expect(n.run(observer, { name: 'addPoint', input: { texts: { en: 'refused' } } })).rejects.toMatchObject({ code: 'action_denied' });
    // pg_notify as parley_app inside the command's own transaction: also rolled back.
    await expect(t.db.transaction(async (tx) => {
      await tx.exec('SET LOCAL ROLE parley_app');
      await tx.query(`SELECT pg_notify('${EVENTS_CHANNEL}', $1)`, [`${n.negotiationId}:999`]);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    const second = await n.run(observer, statementCommand('second'));
    await inbox.count(2);
    expect(inbox.payloads).toEqual([`${n.negotiationId}:${first.at(-1)!.seq}`, `${n.negotiationId}:${second.at(-1)!.seq}`]);
    expect(inbox.payloads.map(parseAppended)).toEqual([
      { negotiationId: n.negotiationId, seq: first.at(-1)!.seq },
      { negotiationId: n.negotiationId, seq: second.at(-1)!.seq },
    ]);
    await unlisten();
  });

  it('stops delivering to a listener that unlistened, and goes on for the others', async () => {
    const n = await smallNegotiation(t.db, { parties: 1 });
    const kept = new Inbox();
    const dropped = new Inbox();
    const unlistenKept = await t.db.listen(EVENTS_CHANNEL, kept.push);
    const unlistenDropped = await t.db.listen(EVENTS_CHANNEL, dropped.push);
    const observer = { memberId: n.parties[0]!.observer.id };
    await n.run(observer, statementCommand('both hear this'));
    await kept.count(1);
    await dropped.count(1);
    await unlistenDropped();
    await n.run(observer, statementCommand('only one hears this'));
    await kept.count(2);
    expect(dropped.payloads).toHaveLength(1);
    await unlistenKept();
  });

  it('reaches a listener on another connection pool (another server)', async () => {
    const other = t.url ? await openPostgresDatabase(t.url, { max: 2 }) : t.db;
    if (other !== t.db) extra.push(other);
    const inbox = new Inbox();
    const unlisten = await other.listen(EVENTS_CHANNEL, inbox.push);
    const n = await smallNegotiation(t.db, { parties: 1 });
    const last = await n.run({ memberId: n.mediator.id }, statementCommand('heard elsewhere'));
    const expected = `${n.negotiationId}:${last.at(-1)!.seq}`;
    while (!inbox.payloads.includes(expected)) await inbox.count(inbox.payloads.length + 1);
    // Every command of the negotiation was heard, in commit order.
    const seqs = inbox.payloads.map((p) => parseAppended(p)!.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(seqs.at(-1)).toBe(last.at(-1)!.seq);
    await unlisten();
  });
});

describe('parseAppended', () => {
  it('reads `${negotiationId}:${seq}` and nothing else', () => {
    expect(parseAppended('0b7e1f2a-0000-4000-8000-000000000001:42')).toEqual({ negotiationId: '0b7e1f2a-0000-4000-8000-000000000001', seq: 42 });
    for (const bad of ['', ':1', 'abc', 'abc:', 'abc:0', 'abc:-1', 'abc:1.5', 'abc:x']) expect(parseAppended(bad)).toBeNull();
  });
});
