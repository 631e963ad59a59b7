/**
 * The domain decides against the negotiation folded from its log. Folding from scratch on
 * every command would be O(events); a per-process cache keyed by the head seq makes it
 * O(new events). The cache holds no authority: servers stay stateless because the head
 * row, read under lock, says whether a cached fold is current.
 */
import { evolve } from '../domain/record/evolve.ts';
import { emptyState, type NegotiationState } from '../domain/record/state.ts';
import type { Database, Queryable } from './database.ts';
import { readEvents } from './event-log.ts';

const caches = new WeakMap<Database, Map<string, NegotiationState>>();

function cacheOf(db: Database): Map<string, NegotiationState> {
  let c = caches.get(db);
  if (!c) { c = new Map(); caches.set(db, c); }
  return c;
}

/** A private copy of the state at `headSeq`, safe to fold new events into. */
export async function loadState(db: Database, q: Queryable, negotiationId: string, headSeq: number): Promise<NegotiationState> {
  const cached = cacheOf(db).get(negotiationId);
  const state = cached && cached.seq <= headSeq ? structuredClone(cached) : emptyState();
  if (state.seq < headSeq) {
    for (const e of await readEvents(q, negotiationId, state.seq)) {
      if (e.seq > headSeq) break;
      evolve(state, e);
      state.seq = e.seq;
    }
  }
  return state;
}

/** Called after commit only: a rolled-back fold must never be remembered. */
export function rememberState(db: Database, negotiationId: string, state: NegotiationState): void {
  cacheOf(db).set(negotiationId, state);
}

export function forgetState(db: Database, negotiationId?: string): void {
  if (negotiationId) cacheOf(db).delete(negotiationId);
  else caches.delete(db);
}
