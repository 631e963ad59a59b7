import { z } from 'zod';
import { Id } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { assertCurrent } from '../record/stale-write.ts';
import type { NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';
import { getOwnNote } from './own-note.ts';

export const DeleteNoteInput = z.object({
  noteId: Id,
  basedOn: z.number().int().nonnegative().optional(),
});

/**
 * Deleting is an event like any other: the read model drops the note, the log keeps what
 * it said, as it keeps every past position and version.
 */
export function deleteNote(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof DeleteNoteInput>): PendingEvent[] {
  const input = DeleteNoteInput.parse(raw);
  const note = getOwnNote(state, ctx.actor, input.noteId);
  authorize(ctx.actor, 'write_note', note.partyId);
  assertCurrent(state, note.id, input.basedOn, () => note);
  return [{ type: 'note.deleted', payload: { noteId: note.id, at: ctx.now }, visibility: 'party', partyId: note.partyId }];
}
