import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id, NonEmptyText, type Note } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { getPoint, getRound, getVisibleAmendment } from '../record/lookup.ts';
import type { NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';

export const WriteNoteInput = z.object({
  text: NonEmptyText.refine((s) => s.length <= 20_000, { error: 'a note holds at most 20,000 characters' }),
  /** What the note is about: one point, one amendment, one round, or nothing (a general note). */
  pointId: Id.nullable().default(null),
  amendmentId: Id.nullable().default(null),
  roundId: Id.nullable().default(null),
});
export type WriteNoteInput = z.input<typeof WriteNoteInput>;

/**
 * A delegation's private working note. It belongs to the writer's party and is visible to
 * that party only (the event too), so it can hold what a delegation would never share.
 */
export function writeNote(state: NegotiationState, ctx: CommandContext, raw: WriteNoteInput): PendingEvent[] {
  const input = WriteNoteInput.parse(raw);
  if (ctx.actor.kind !== 'member') throw new ParleyError('action_denied', 'A note is written by a member of a delegation, for that delegation.');
  authorize(ctx.actor, 'write_note', ctx.actor.partyId);
  const partyId = ctx.actor.partyId;
  if (partyId === null) throw new ParleyError('action_denied', 'Notes belong to a party; the mediator\'s office has none.');
  const targets = [input.pointId, input.amendmentId, input.roundId].filter((t) => t !== null);
  if (targets.length > 1) throw new ParleyError('invalid_input', 'A note is about one point, one amendment or one round at most: give only one of them.');
  if (input.pointId) getPoint(state, input.pointId);
  if (input.amendmentId) getVisibleAmendment(state, ctx.actor, input.amendmentId);
  if (input.roundId) getRound(state, input.roundId);
  const note: Note = {
    id: ctx.newId(), partyId, pointId: input.pointId, amendmentId: input.amendmentId, roundId: input.roundId,
    text: input.text, visibility: 'party', writtenBy: ctx.actor.memberId, at: ctx.now, editedBy: null, editedAt: null,
  };
  return [{ type: 'note.written', payload: { note }, visibility: 'party', partyId }];
}
