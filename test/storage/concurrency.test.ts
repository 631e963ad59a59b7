/**
 * Many writers, one negotiation: the head row lock must serialize appends so that seq stays
 * gapless and every event chains onto the one committed before it. On PostgreSQL the
 * writers are separate pools, as separate app servers would be; on PGlite they share its
 * one connection, where transactions queue.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParleyError } from '../../src/domain/errors.ts';
import type { Command } from '../../src/domain/commands.ts';
import type { RecordedEvent } from '../../src/domain/record/events.ts';
import type { Database } from '../../src/store/database.ts';
import { readEvents, verifyNegotiation } from '../../src/store/event-log.ts';
import { execute } from '../../src/store/execute.ts';
import { openPostgresDatabase } from '../../src/store/pg-database.ts';
import { backends, freshDatabase, type TestDatabase } from '../helpers/databases.ts';
import { smallNegotiation, statementCommand, type SmallNegotiation } from '../helpers/scenario.ts';

const WRITERS = 5;
const COMMANDS_PER_WRITER = 20;

describe.each(backends)('concurrent appends on %s', (backend) => {
  let t: TestDatabase;
  const writers: Database[] = [];
  beforeEach(async () => {
    t = await freshDatabase(backend);
    for (let i = 0; i < WRITERS; i++) writers.push(t.url ? await openPostgresDatabase(t.url, { max: 4 }) : t.db);
  });
  afterEach(async () => {
    for (const w of writers.splice(0)) if (w !== t.db) await w.close();
    await t.dispose();
  });

  /** The i-th command of writer w: a mix of public statements, new points and positions. */
  function commandFor(n: SmallNegotiation, w: number, i: number): { as: { memberId: string }; command: Command } {
    const party = n.parties[w % n.parties.length]!;
    switch (i % 3) {
      case 0:
        return { as: { memberId: party.observer.id }, command: statementCommand(`writer ${w}, statement ${i}`, [n.pointIds[0]!]) };
      case 1:
        return { as: { memberId: n.mediator.id }, command: { name: 'addPoint', input: { texts: { en: `Point added by writer ${w}, command ${i}.` } } } };
      default:
        return {
          as: { memberId: party.negotiator.id },
          command: { name: 'setPosition', input: { partyId: party.id, pointId: n.pointIds[1]!, level: i % 2 === 0 ? 'accept' : 'discuss', visibility: 'party', reason: `writer ${w}, command ${i}` } },
        };
    }
  }

  it(`keeps seq gapless and the chain valid under ${WRITERS}×${COMMANDS_PER_WRITER} concurrent commands`, async () => {
    const n = await smallNegotiation(t.db, { parties: 3, points: 2 });
    const before = (await readEvents(t.db, n.negotiationId)).length;

    const outcomes = await Promise.all(writers.flatMap((db, w) => Array.from({ length: COMMANDS_PER_WRITER }, async (_, i) => {
      const { as, command } = commandFor(n, w, i);
      try {
        return { ok: true as const, events: await execute(db, { negotiationId: n.negotiationId, as, command }) };
      } catch (e) {
        if (e instanceof ParleyError) return { ok: false as const, error: e };
        throw e;
      }
    })));

    const succeeded = outcomes.filter((o) => o.ok);
    const appended: RecordedEvent[] = succeeded.flatMap((o) => o.events);
    // Every command here is valid whatever order the others commit in.
    expect(outcomes.filter((o) => !o.ok).map((o) => o.error.message)).toEqual([]);
    expect(succeeded.length).toBe(WRITERS * COMMANDS_PER_WRITER);

    const log = await readEvents(t.db, n.negotiationId);
    expect(log.length).toBe(before + appended.length);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    // What each writer was told it appended is what the log holds at those seqs.
    expect(new Set(appended.map((e) => e.seq)).size).toBe(appended.length);
    const bySeq = new Map(log.map((e) => [e.seq, e]));
    for (const e of appended) expect(bySeq.get(e.seq)).toEqual(e);
    const verified = await verifyNegotiation(t.db, n.negotiationId);
    expect(verified.broken).toBeNull();
    expect(verified.head).toEqual({ lastSeq: log.length, lastHash: log.at(-1)!.hash });
    // Point numbers were handed out under the lock too: no two points share one.
    const numbers = await t.db.query<{ number: string }>('SELECT number FROM points WHERE negotiation_id = $1 AND NOT removed', [n.negotiationId]);
    expect(new Set(numbers.map((r) => r.number)).size).toBe(numbers.length);
  });

  it('counts only the commands that succeed when some of them are refused', async () => {
    const n = await smallNegotiation(t.db, { parties: 2, points: 1 });
    const before = (await readEvents(t.db, n.negotiationId)).length;
    const [a, b] = n.parties as [SmallNegotiation['parties'][number], SmallNegotiation['parties'][number]];
    // Every other command is refused by the domain: A's negotiator may not set B's position.
    const outcomes = await Promise.all(writers.flatMap((db, w) => Array.from({ length: 10 }, async (_, i) => {
      const forParty = i % 2 === 0 ? a : b;
      try {
        await execute(db, {
          negotiationId: n.negotiationId,
          as: { memberId: a.negotiator.id },
          command: { name: 'setPosition', input: { partyId: forParty.id, pointId: n.pointIds[0]!, level: 'discuss', reason: `writer ${w}, command ${i}`, visibility: 'party' } },
        });
        return 'ok';
      } catch (e) {
        if (e instanceof ParleyError) return e.code;
        throw e;
      }
    })));
    expect(outcomes.filter((o) => o === 'ok').length).toBe(WRITERS * 5);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array.from({ length: WRITERS * 5 }, () => 'action_denied'));
    const log = await readEvents(t.db, n.negotiationId);
    expect(log.length).toBe(before + WRITERS * 5);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect((await verifyNegotiation(t.db, n.negotiationId)).broken).toBeNull();
    const positions = await t.db.query<{ party_id: string; n: number }>('SELECT party_id, count(*)::int AS n FROM positions WHERE negotiation_id = $1 GROUP BY party_id', [n.negotiationId]);
    expect(positions).toEqual([{ party_id: a.id, n: WRITERS * 5 }]);
  });
});
