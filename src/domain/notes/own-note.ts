import { ParleyError } from '../errors.ts';
import type { Note } from '../model.ts';
import type { Actor } from '../policy/actor.ts';
import { canSee } from '../policy/visibility.ts';
import type { NegotiationState } from '../record/state.ts';

/**
 * A note the actor may see, i.e. one of its own party's. Another party's note is reported
 * exactly like one that does not exist, so an error never reveals that it was written.
 */
export function getOwnNote(state: NegotiationState, actor: Actor, id: string): Note {
  const note = state.notes.get(id);
  if (!note || !canSee(actor, note)) throw new ParleyError('not_found', `No note with id ${id} in this negotiation.`, { id });
  return note;
}
