import { z } from 'zod';
import { Id, Localized, NonEmptyText, type Person } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import { assertCurrent } from '../record/stale-write.ts';
import type { PendingEvent } from '../record/events.ts';
import { getParty, getPerson, requireNegotiation } from '../record/lookup.ts';
import type { NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';
import { ParleyError } from '../errors.ts';
import { canonicalJson } from '../record/hash-event.ts';

export const PersonInput = z.object({
  names: Localized.refine((t) => Object.keys(t).length > 0, { error: 'needs a name in at least one script' }),
  aliases: z.array(NonEmptyText).default([]),
  title: Localized.default({}),
  partyId: Id.nullable().default(null),
});
export type PersonInput = z.input<typeof PersonInput>;

/** Aliases are how reports name a person ("Ushakov", "Ушаков", "اوشاکوف"); keep each once. */
function uniqueAliases(p: z.infer<typeof PersonInput>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of p.aliases.map((x) => x.trim())) {
    const key = a.toLocaleLowerCase();
    if (!seen.has(key)) { seen.add(key); out.push(a); }
  }
  return out;
}

export function addPerson(state: NegotiationState, ctx: CommandContext, raw: PersonInput): PendingEvent[] {
  const input = PersonInput.parse(raw);
  requireNegotiation(state);
  if (input.partyId) getParty(state, input.partyId);
  authorize(ctx.actor, 'manage_persons', input.partyId);
  const person: Person = { id: ctx.newId(), ...input, aliases: uniqueAliases(input) };
  return [{ type: 'person.added', payload: { person }, visibility: 'parties', partyId: null }];
}

export const UpdatePersonInput = PersonInput.extend({ personId: Id, basedOn: z.number().int().nonnegative().optional() });
export function updatePerson(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof UpdatePersonInput>): PendingEvent[] {
  const input = UpdatePersonInput.parse(raw);
  const before = getPerson(state, input.personId);
  assertCurrent(state, before.id, input.basedOn, () => before);
  if (input.partyId) getParty(state, input.partyId);
  authorize(ctx.actor, 'manage_persons', before.partyId);
  if (input.partyId !== before.partyId) authorize(ctx.actor, 'manage_persons', input.partyId);
  const person: Person = { id: before.id, names: input.names, title: input.title, partyId: input.partyId, aliases: uniqueAliases(input) };
  // Compared canonically: `before` and `person` list the same fields in a different key order.
  if (canonicalJson(person) === canonicalJson(before)) throw new ParleyError('invalid_input', 'Nothing to change: the person already reads like this.');
  return [{ type: 'person.updated', payload: { person }, visibility: 'parties', partyId: null }];
}
