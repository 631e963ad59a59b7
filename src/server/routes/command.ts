/**
 * How a route touches a negotiation: resolve the caller's membership, then read under
 * row-level security as that member, or run the domain command as that member (policy
 * table + row-level security) and answer with what was recorded.
 */
import type { Command } from '../../domain/commands.ts';
import type { RecordedEvent } from '../../domain/record/events.ts';
import { execute } from '../../store/execute.ts';
import type { Written } from '../../protocol/common.schema.ts';
import type { Auth } from '../auth/request-auth.ts';
import type { RouteDeps } from '../route.ts';
import { memberOf, type MemberActor } from '../viewer.ts';
import { readAs } from '../../store/queries/read-as.ts';
import type { Tx } from '../../store/database.ts';

function createdId(e: RecordedEvent): string | null {
  const p = e.payload as Record<string, unknown>;
  for (const key of ['point', 'party', 'person', 'member', 'section', 'version', 'amendment', 'position', 'round', 'readout', 'report', 'statement', 'note', 'package', 'negotiation']) {
    const v = p[key] as { id?: string } | undefined;
    if (v?.id) return v.id;
  }
  for (const key of ['pointId', 'amendmentId', 'versionId', 'noteId']) if (typeof p[key] === 'string') return p[key];
  return null;
}

export function written(events: readonly RecordedEvent[]): Written {
  // A command that yields a version (accepting amendments) is about that version, though its
  // first events are the points it changed.
  const main = events.find((e) => e.type === 'version.created') ?? events[0];
  return { seq: events.at(-1)?.seq ?? 0, id: main ? createdId(main) : null, events: events.map((e) => ({ seq: e.seq, type: e.type })) };
}

/** Reads as the caller's member, under row-level security. */
export async function readAsMember<T>(deps: RouteDeps, auth: Auth, negotiationId: string, fn: (tx: Tx, me: MemberActor) => Promise<T>): Promise<T> {
  const me = await memberOf(deps.db, negotiationId, auth);
  return readAs(deps.db, negotiationId, me, (tx) => fn(tx, me));
}

export async function runAsMember(deps: RouteDeps, auth: Auth, negotiationId: string, command: Command): Promise<Written> {
  const member = await memberOf(deps.db, negotiationId, auth);
  return written(await execute(deps.db, { negotiationId, as: { memberId: member.memberId }, command }));
}
