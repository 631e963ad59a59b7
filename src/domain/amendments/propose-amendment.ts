import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { getVisibleAmendment } from '../record/lookup.ts';
import type { NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';

export const ProposeAmendmentInput = z.object({
  amendmentId: Id,
  /** To the mediator only (proximity talks) or to everyone at the table. */
  visibility: z.enum(['mediator', 'parties']).default('parties'),
});

export function proposeAmendment(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof ProposeAmendmentInput>): PendingEvent[] {
  const input = ProposeAmendmentInput.parse(raw);
  const a = getVisibleAmendment(state, ctx.actor, input.amendmentId);
  authorize(ctx.actor, 'propose_amendment', a.partyId);
  if (a.status !== 'draft') throw new ParleyError('invalid_transition', `This amendment is ${a.status}; only a draft can be proposed.`);
  const amendment = { ...a, status: 'proposed' as const, visibility: input.visibility };
  return [{ type: 'amendment.proposed', payload: { amendment }, visibility: input.visibility, partyId: a.partyId }];
}

export const WithdrawAmendmentInput = z.object({ amendmentId: Id });

export function withdrawAmendment(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof WithdrawAmendmentInput>): PendingEvent[] {
  const input = WithdrawAmendmentInput.parse(raw);
  const a = getVisibleAmendment(state, ctx.actor, input.amendmentId);
  authorize(ctx.actor, 'propose_amendment', a.partyId);
  if (a.status !== 'draft' && a.status !== 'proposed') {
    throw new ParleyError('invalid_transition', `This amendment is already ${a.status}; it can no longer be withdrawn.`);
  }
  return [{ type: 'amendment.withdrawn', payload: { amendmentId: a.id, at: ctx.now }, visibility: a.visibility, partyId: a.partyId }];
}
