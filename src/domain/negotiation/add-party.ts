import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Localized } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { requireNegotiation } from '../record/lookup.ts';
import type { NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';

export const AddPartyInput = z.object({
  name: Localized.refine((t) => Object.keys(t).length > 0, { error: 'needs a name in at least one language' }),
  shortName: z.string().trim().min(1).max(32),
  broker: z.boolean().default(false),
});
export type AddPartyInput = z.input<typeof AddPartyInput>;

export function addParty(state: NegotiationState, ctx: CommandContext, raw: AddPartyInput): PendingEvent[] {
  const input = AddPartyInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'manage_parties');
  const clash = [...state.parties.values()].find((p) => p.shortName.toLowerCase() === input.shortName.toLowerCase());
  if (clash) throw new ParleyError('already_exists', `A party called ${input.shortName} is already at the table.`);
  return [{
    type: 'party.added',
    payload: { party: { id: ctx.newId(), name: input.name, shortName: input.shortName, broker: input.broker } },
    visibility: 'parties',
    partyId: null,
  }];
}
