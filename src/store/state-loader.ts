/**
 * The domain decides against the negotiation folded from its log. Folding from scratch on
 * every command would be O(events); a per-process cache keyed by the head seq makes it
 * O(new events). The cache holds no authority: servers stay stateless because the head
 * row, read under lock, says whether a cached fold is current.
 */
import type { RecordedEvent } from '../domain/record/events.ts';
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

/**
 * The state at `headSeq`. It is the cached object itself, not a copy: use cases never
 * mutate their input, and only committed events are folded into it (those read here, and
 * a command's own through `rememberEvents` after its commit), so no copy is needed.
 * Folding checks seq, so two transactions folding the same events cannot apply one twice.
 */
export async function loadState(db: Database, q: Queryable, negotiationId: string, headSeq: number): Promise<NegotiationState> {
  const cache = cacheOf(db);
  let state = cache.get(negotiationId);
  if (!state || state.seq > headSeq) {
    state = emptyState();
    cache.set(negotiationId, state);
  }
  if (state.seq < headSeq) {
    for (const e of await readEvents(q, negotiationId, state.seq)) {
      if (e.seq > headSeq) break;
      if (e.seq === state.seq + 1) {
        evolve(state, e);
        state.seq = e.seq;
      }
    }
  }
  return state;
}

/** Called after commit only: a rolled-back command must never reach the cache. */
export function rememberEvents(db: Database, negotiationId: string, events: readonly RecordedEvent[]): void {
  const state = cacheOf(db).get(negotiationId);
  if (!state) return;
  for (const e of events) {
    if (e.seq === state.seq + 1) {
      evolve(state, e);
      state.seq = e.seq;
    }
  }
}

export function forgetState(db: Database, negotiationId?: string): void {
  if (negotiationId) cacheOf(db).delete(negotiationId);
  else caches.delete(db);
}
