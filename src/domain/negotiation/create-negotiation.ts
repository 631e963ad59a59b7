import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Lang, Localized, NonEmptyText } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import type { NegotiationState } from '../record/state.ts';

export const CreateNegotiationInput = z.object({
  id: z.uuid().optional(),
  title: Localized.refine((t) => Object.values(t).some((v) => v.trim() !== ''), { error: 'needs a title in at least one language' }),
  description: Localized.default({}),
  languages: z.array(Lang).min(1),
  draftingLanguage: Lang,
  /** The mediator's office is created with the negotiation: someone must hold the pen. */
  mediator: z.object({ displayName: NonEmptyText, accountId: z.string().nullable().default(null) }),
});
export type CreateNegotiationInput = z.input<typeof CreateNegotiationInput>;

export function createNegotiation(state: NegotiationState, ctx: CommandContext, raw: CreateNegotiationInput): PendingEvent[] {
  const input = CreateNegotiationInput.parse(raw);
  if (state.negotiation) throw new ParleyError('already_exists', 'This negotiation already exists.');
  // Accounts that may open negotiations arrive with the API; until then only the operator can.
  if (ctx.actor.kind !== 'system') throw new ParleyError('action_denied', 'Only an administrator can open a new negotiation.');
  if (!input.languages.includes(input.draftingLanguage)) {
    throw new ParleyError('invalid_input', `The drafting language ${input.draftingLanguage} must be one of the negotiation's languages.`);
  }
  const id = input.id ?? ctx.newId();
  return [
    {
      type: 'negotiation.created',
      payload: {
        negotiation: {
          id, title: input.title, description: input.description, languages: input.languages,
          draftingLanguage: input.draftingLanguage, createdAt: ctx.now,
        },
      },
      visibility: 'parties',
      partyId: null,
    },
    {
      type: 'member.added',
      payload: {
        member: {
          id: ctx.newId(), displayName: input.mediator.displayName, partyId: null, role: 'mediator',
          personId: null, accountId: input.mediator.accountId, active: true,
        },
      },
      visibility: 'parties',
      partyId: null,
    },
  ];
}
