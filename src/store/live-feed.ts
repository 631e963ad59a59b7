/**
 * What the live channel reads: for one viewer, the events after a cursor that row-level
 * security lets it see, the head they were read against, and whether the members it
 * serves still hold the seats they connected with.
 */
import type { Role } from '../domain/model.ts';
import type { Actor } from '../domain/policy/actor.ts';
import type { RecordedEvent } from '../domain/record/events.ts';
import type { Database } from './database.ts';
import { readEvents } from './event-log.ts';
import { actAs } from './viewer.ts';

export interface SeatNow { partyId: string | null; role: Role; accountId: string | null; active: boolean }

export interface FeedPage {
  /** The negotiation's head when the page was read (0 if it has none yet). */
  headSeq: number;
  /** Visible events with afterSeq < seq <= headSeq, in seq order, at most `limit`. */
  events: RecordedEvent[];
  /** True when the page stopped at `limit`: read on from the last event's seq. */
  more: boolean;
  /** The requested members as they are now; a member that no longer exists is absent. */
  seats: Map<string, SeatNow>;
}

export async function readFeedPage(
  db: Database,
  negotiationId: string,
  viewer: Extract<Actor, { kind: 'member' }>,
  afterSeq: number,
  limit: number,
  memberIds: readonly string[],
): Promise<FeedPage> {
  return db.transaction(async (tx) => {
    await actAs(tx, negotiationId, viewer);
    // The head first: an event at or below it committed with it, so the read below sees
    // every one of them even under READ COMMITTED, whose statements take fresh snapshots.
    const heads = await tx.query<{ last_seq: number }>('SELECT last_seq FROM negotiation_heads WHERE negotiation_id = $1', [negotiationId]);
    const headSeq = heads[0]?.last_seq ?? 0;
    const seatRows = memberIds.length === 0 ? [] : await tx.query<{ id: string; party_id: string | null; role: Role; account_id: string | null; active: boolean }>(
      'SELECT id, party_id, role, account_id, active FROM members WHERE negotiation_id = $1 AND id = ANY($2::uuid[])', [negotiationId, memberIds]);
    const seats = new Map(seatRows.map((r) => [r.id, { partyId: r.party_id, role: r.role, accountId: r.account_id, active: r.active }]));
    if (afterSeq >= headSeq) return { headSeq, events: [], more: false, seats };
    // Row-level security is the filter: only what this viewer may see comes back.
    const read = await readEvents(tx, negotiationId, afterSeq, limit + 1);
    const events = read.filter((e) => e.seq <= headSeq);
    const more = events.length > limit;
    return { headSeq, events: more ? events.slice(0, limit) : events, more, seats };
  });
}

/**
 * Of the given sessions and API tokens, those still good at `now`: not revoked, not expired,
 * and a session used within `sessionIdleMs` (the rule of `sessionIsLive`). An open live
 * connection re-checks its credential with this, so signing out or revoking a token also
 * ends the feeds it opened.
 */
export async function validCredentials(
  db: Database, sessionIds: readonly string[], tokenIds: readonly string[], now: Date, sessionIdleMs: number,
): Promise<Set<string>> {
  const out = new Set<string>();
  if (sessionIds.length > 0) {
    const rows = await db.query<{ id: string }>(
      'SELECT id FROM sessions WHERE id = ANY($1::text[]) AND revoked_at IS NULL AND expires_at > $2 AND last_seen_at > $3',
      [sessionIds, now, new Date(now.getTime() - sessionIdleMs)]);
    for (const r of rows) out.add(r.id);
  }
  if (tokenIds.length > 0) {
    const rows = await db.query<{ id: string }>(
      'SELECT id::text AS id FROM api_tokens WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)',
      [tokenIds, now]);
    for (const r of rows) out.add(r.id);
  }
  return out;
}
