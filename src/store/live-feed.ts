/**
 * What the live channel reads: for each viewer, the events after its cursor that row-level
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

export type MemberViewer = Extract<Actor, { kind: 'member' }>;

export interface FeedPage {
  /** Visible events with afterSeq < seq <= headSeq, in seq order, at most `limit`. */
  events: RecordedEvent[];
  /** True when the page stopped at `limit`: read on from the last event's seq. */
  more: boolean;
}

export interface FeedRound {
  /** The head the pages were read against (0 if the negotiation has none). */
  headSeq: number;
  /** One page per reader, in the order of the readers. */
  pages: FeedPage[];
  /** The requested members as they are now; a member that no longer exists is absent. */
  seats: Map<string, SeatNow>;
}

export interface FeedReader {
  viewer: MemberViewer;
  afterSeq: number;
}

/**
 * One read for several viewers of a negotiation, in one transaction: for each, `actAs`
 * that viewer and read the events past its cursor, so row-level security, not this code,
 * decides what each gets.
 *
 * The head is read first, unless `head` is given (later pages of the same round): an event
 * at or below it committed with it, so the reads after see every one of them even under
 * READ COMMITTED, whose statements take fresh snapshots. The seats are read after the head
 * for the same reason: a seat change at or below the head is seen.
 */
export async function readFeedRound(
  db: Database,
  negotiationId: string,
  readers: readonly FeedReader[],
  limit: number,
  memberIds: readonly string[],
  head: number | null,
): Promise<FeedRound> {
  const first = readers[0];
  if (!first) return { headSeq: head ?? 0, pages: [], seats: new Map() };
  return db.transaction(async (tx) => {
    await actAs(tx, negotiationId, first.viewer);
    let headSeq = head;
    if (headSeq === null) {
      const heads = await tx.query<{ last_seq: number }>('SELECT last_seq FROM negotiation_heads WHERE negotiation_id = $1', [negotiationId]);
      headSeq = heads[0]?.last_seq ?? 0;
    }
    const seatRows = memberIds.length === 0 ? [] : await tx.query<{ id: string; party_id: string | null; role: Role; account_id: string | null; active: boolean }>(
      'SELECT id, party_id, role, account_id, active FROM members WHERE negotiation_id = $1 AND id = ANY($2::uuid[])', [negotiationId, memberIds]);
    const seats = new Map(seatRows.map((r) => [r.id, { partyId: r.party_id, role: r.role, accountId: r.account_id, active: r.active }]));
    const pages: FeedPage[] = [];
    for (const [i, r] of readers.entries()) {
      if (r.afterSeq >= headSeq) {
        pages.push({ events: [], more: false });
        continue;
      }
      if (i > 0) await actAs(tx, negotiationId, r.viewer);
      const read = await readEvents(tx, negotiationId, r.afterSeq, limit + 1);
      const events = read.filter((e) => e.seq <= headSeq);
      const more = events.length > limit;
      pages.push({ events: more ? events.slice(0, limit) : events, more });
    }
    return { headSeq, pages, seats };
  });
}

/** One viewer's page, with the head read first (a subscriber's own backlog). */
export async function readFeedPage(db: Database, negotiationId: string, viewer: MemberViewer, afterSeq: number, limit: number): Promise<FeedPage & { headSeq: number }> {
  const round = await readFeedRound(db, negotiationId, [{ viewer, afterSeq }], limit, [], null);
  return { headSeq: round.headSeq, ...round.pages[0]! };
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
