import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id, NonEmptyText, Role } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { getParty, getPerson, requireNegotiation } from '../record/lookup.ts';
import type { NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';

export const AddMemberInput = z.object({
  displayName: NonEmptyText,
  partyId: Id.nullable(),
  role: Role,
  personId: Id.nullable().default(null),
  accountId: z.string().nullable().default(null),
});
export type AddMemberInput = z.input<typeof AddMemberInput>;

export function addMember(state: NegotiationState, ctx: CommandContext, raw: AddMemberInput): PendingEvent[] {
  const input = AddMemberInput.parse(raw);
  requireNegotiation(state);
  // A member belongs either to the mediator's office (no party) or to one party with a party role.
  if ((input.role === 'mediator') !== (input.partyId === null)) {
    throw new ParleyError('invalid_input', input.role === 'mediator'
      ? "A mediator belongs to the mediator's office, not to a party: leave the party empty."
      : `${/^[aeiou]/.test(input.role) ? 'An' : 'A'} ${input.role} must belong to a party.`);
  }
  if (input.partyId) getParty(state, input.partyId);
  if (input.personId) getPerson(state, input.personId);
  authorize(ctx.actor, 'manage_members', input.partyId);
  if (input.accountId && [...state.members.values()].some((m) => m.accountId === input.accountId && m.active)) {
    throw new ParleyError('already_exists', 'That account is already a member of this negotiation.');
  }
  return [{
    type: 'member.added',
    payload: { member: { id: ctx.newId(), ...input, active: true } },
    visibility: 'parties',
    partyId: null,
  }];
}
