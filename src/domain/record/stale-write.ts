import { ParleyError } from '../errors.ts';
import { revisionOf, type NegotiationState } from './state.ts';

/**
 * A write made on a stale view is refused with what the entity is now, never applied over
 * someone else's change. `basedOn` is the revision the client saw; omitted, no check (the
 * CLI and scripts that write blind accept last-writer-wins knowingly).
 */
export function assertCurrent(state: NegotiationState, id: string, basedOn: number | undefined, current: () => unknown): void {
  if (basedOn === undefined) return;
  const rev = revisionOf(state, id);
  if (rev !== basedOn) {
    throw new ParleyError('version_conflict', 'Someone changed this since you opened it; review their change and try again.', { revision: rev, basedOn, current: current() });
  }
}
