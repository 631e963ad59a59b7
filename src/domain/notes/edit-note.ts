import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { assertCurrent } from '../record/stale-write.ts';
import type { NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';
import { getOwnNote } from './own-note.ts';
import { WriteNoteInput } from './write-note.ts';

export const EditNoteInput = z.object({
  noteId: Id,
  text: WriteNoteInput.shape.text,
  /** The note's revision the writer saw; a colleague's edit since then is a conflict, not an overwrite. */
  basedOn: z.number().int().nonnegative().optional(),
});

/** A new text for one of my party's notes; what it is about stays as it was. */
export function editNote(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof EditNoteInput>): PendingEvent[] {
  const input = EditNoteInput.parse(raw);
  const current = getOwnNote(state, ctx.actor, input.noteId);
  authorize(ctx.actor, 'write_note', current.partyId);
  assertCurrent(state, current.id, input.basedOn, () => current);
  if (current.text === input.text) throw new ParleyError('invalid_input', 'Nothing to change: the note already says that.');
  const note = { ...current, text: input.text, editedBy: ctx.actor.kind === 'member' ? ctx.actor.memberId : null, editedAt: ctx.now };
  return [{ type: 'note.edited', payload: { note }, visibility: 'party', partyId: current.partyId }];
}
