import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id, Localized, Visibility } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { getRound } from '../record/lookup.ts';
import type { NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';

/**
 * A private readout: what a delegation (or the mediator's office) recorded of a round.
 * It is written for its author's side and shared only as far as they choose; the public
 * readout lives on the round itself.
 */
export const WriteReadoutInput = z.object({
  roundId: Id,
  text: Localized.refine((t) => Object.values(t).some((v) => v.trim() !== ''), { error: 'a readout needs text' }),
  visibility: Visibility.exclude(['public']).default('party'),
});

export function writeReadout(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof WriteReadoutInput>): PendingEvent[] {
  const input = WriteReadoutInput.parse(raw);
  getRound(state, input.roundId);
  if (ctx.actor.kind !== 'member') throw new ParleyError('action_denied', 'A readout is written by a member of a delegation or of the mediator\'s office.');
  const partyId = ctx.actor.partyId;
  authorize(ctx.actor, 'write_readout', partyId);
  const readout = { id: ctx.newId(), roundId: input.roundId, partyId, text: input.text, visibility: input.visibility, writtenBy: ctx.actor.memberId, at: ctx.now };
  return [{ type: 'readout.written', payload: { readout }, visibility: input.visibility, partyId }];
}
