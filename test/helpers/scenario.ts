/**
 * Small negotiations built through `execute`, the way the server and the demo build them,
 * for integration tests that need a real log in a real database but not the whole demo.
 */
import { randomUUID } from 'node:crypto';
import type { Command } from '../../src/domain/commands.ts';
import type { Role } from '../../src/domain/model.ts';
import type { RecordedEvent } from '../../src/domain/record/events.ts';
import type { Database } from '../../src/store/database.ts';
import { execute, type As } from '../../src/store/execute.ts';

export interface SmallMember { id: string; partyId: string | null; role: Role }
export interface SmallParty { id: string; shortName: string; principal: SmallMember; negotiator: SmallMember; observer: SmallMember }

export interface SmallNegotiation {
  negotiationId: string;
  mediator: SmallMember;
  parties: SmallParty[];
  pointIds: string[];
  /** Runs a command in this negotiation and returns its recorded events. */
  run(as: As, command: Command): Promise<RecordedEvent[]>;
}

function pick<T>(events: readonly RecordedEvent[], f: (e: RecordedEvent) => T | undefined): T {
  for (const e of events) {
    const v = f(e);
    if (v !== undefined) return v;
  }
  throw new Error(`no matching event among ${events.map((e) => e.type).join(', ')}`);
}

export function memberIdOf(events: readonly RecordedEvent[]): string {
  return pick(events, (e) => (e.type === 'member.added' ? e.payload.member.id : undefined));
}

export function amendmentIdOf(events: readonly RecordedEvent[]): string {
  return pick(events, (e) => (e.type === 'amendment.drafted' ? e.payload.amendment.id : undefined));
}

/** A negotiation with a mediator, `parties` parties (principal, negotiator, observer each) and `points` points. */
export async function smallNegotiation(
  db: Database,
  options: { parties?: number; points?: number; negotiationId?: string; title?: string } = {},
): Promise<SmallNegotiation> {
  const negotiationId = options.negotiationId ?? randomUUID();
  const run = (as: As, command: Command) => execute(db, { negotiationId, as, command });
  const created = await run('system', {
    name: 'createNegotiation',
    input: { title: { en: options.title ?? 'Test negotiation' }, languages: ['en', 'ru', 'ur'], draftingLanguage: 'en', mediator: { displayName: 'Mediator' } },
  });
  const mediator: SmallMember = { id: memberIdOf(created), partyId: null, role: 'mediator' };
  const asMediator: As = { memberId: mediator.id };
  const parties: SmallParty[] = [];
  for (let i = 0; i < (options.parties ?? 2); i++) {
    const shortName = String.fromCharCode(65 + i);
    const partyId = pick(await run(asMediator, { name: 'addParty', input: { name: { en: `Party ${shortName}` }, shortName } }),
      (e) => (e.type === 'party.added' ? e.payload.party.id : undefined));
    const seat = async (role: Role): Promise<SmallMember> => ({
      id: memberIdOf(await run(asMediator, { name: 'addMember', input: { displayName: `${shortName} ${role}`, partyId, role } })),
      partyId,
      role,
    });
    parties.push({ id: partyId, shortName, principal: await seat('principal'), negotiator: await seat('negotiator'), observer: await seat('observer') });
  }
  const pointIds: string[] = [];
  for (let i = 0; i < (options.points ?? 2); i++) {
    pointIds.push(pick(await run(asMediator, { name: 'addPoint', input: { texts: { en: `Point ${i + 1}: test text.` } } }),
      (e) => (e.type === 'point.added' ? e.payload.point.id : undefined)));
  }
  return { negotiationId, mediator, parties, pointIds, run };
}

/** A public statement: one command, one event, allowed to every member and the system. */
export function statementCommand(quote: string, pointIds: string[] = []): Command {
  return { name: 'recordStatement', input: { quote, lang: 'en', date: '2025-12-03', pointIds } };
}
