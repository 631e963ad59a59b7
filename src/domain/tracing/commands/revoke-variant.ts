import { z } from 'zod';
import { ParleyError } from '../../errors.ts';
import { Id } from '../../model.ts';
import { authorize } from '../../policy/permissions.ts';
import type { CommandContext } from '../../record/context.ts';
import type { PendingEvent } from '../../record/events.ts';
import { requireNegotiation } from '../../record/lookup.ts';
import type { NegotiationState } from '../../record/state.ts';

export const RevokeVariantInput = z.object({ variantId: Id });
export type RevokeVariantInput = z.input<typeof RevokeVariantInput>;

/**
 * Later copies stop carrying the variant. Copies already issued keep it: each copy records the
 * variants it was made with, so a leak of one is still read against them.
 */
export function revokeVariant(state: NegotiationState, ctx: CommandContext, raw: RevokeVariantInput): PendingEvent[] {
  const input = RevokeVariantInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'manage_fingerprints');
  if (!state.fingerprintVariants.has(input.variantId)) throw new ParleyError('not_found', `No approved variant with id ${input.variantId}.`);
  return [{ type: 'fingerprint.variant.revoked', payload: { variantId: input.variantId, at: ctx.now }, visibility: 'mediator', partyId: null }];
}
