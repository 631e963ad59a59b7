import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id, Localized, RoundFormat, Visibility, type Round } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import { assertCurrent } from '../record/stale-write.ts';
import type { PendingEvent } from '../record/events.ts';
import { getParty, getPerson, getPoint, getRound, requireNegotiation } from '../record/lookup.ts';
import type { NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';

export const RoundInput = z.object({
  title: Localized,
  startsAt: z.iso.datetime({ offset: true }),
  /** Either when it ended or how long it lasted ("about five hours"); both may be known. */
  endsAt: z.iso.datetime({ offset: true }).nullable().default(null),
  durationMinutes: z.number().int().positive().max(60 * 24 * 60).nullable().default(null),
  place: Localized.default({}),
  format: RoundFormat.default('other'),
  partyIds: z.array(Id).default([]),
  attendeeIds: z.array(Id).default([]),
  confidentiality: z.object({ nonDisclosure: z.boolean().default(false), terms: Localized.default({}) }).default({ nonDisclosure: false, terms: {} }),
  publicReadout: Localized.default({}),
  pointIds: z.array(Id).default([]),
  /** That a round took place is often public even when what was said is not. */
  visibility: Visibility.exclude(['party']).default('parties'),
});
export type RoundInput = z.input<typeof RoundInput>;

/**
 * Instants are stored in UTC so rounds sort the same whatever offset they were entered with.
 * PostgreSQL reads the years 1 to 9999 in this form; year 0, or 10000 reached through an
 * offset, it refuses.
 */
function utc(iso: string): string {
  const d = new Date(iso);
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) throw new ParleyError('invalid_input', `${iso} is outside the years 1 to 9999.`);
  return d.toISOString();
}

function buildRound(state: NegotiationState, id: string, input: z.infer<typeof RoundInput>): Round {
  input.partyIds.forEach((p) => getParty(state, p));
  input.attendeeIds.forEach((p) => getPerson(state, p));
  input.pointIds.forEach((p) => getPoint(state, p));
  const startsAt = utc(input.startsAt);
  const endsAt = input.endsAt ? utc(input.endsAt) : null;
  if (endsAt && endsAt < startsAt) throw new ParleyError('invalid_input', 'A round cannot end before it starts.');
  return { id, ...input, startsAt, endsAt };
}

export function scheduleRound(state: NegotiationState, ctx: CommandContext, raw: RoundInput): PendingEvent[] {
  const input = RoundInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'manage_rounds');
  const round = buildRound(state, ctx.newId(), input);
  return [{ type: 'round.scheduled', payload: { round }, visibility: round.visibility, partyId: null }];
}

export const UpdateRoundInput = RoundInput.extend({ roundId: Id, basedOn: z.number().int().nonnegative().optional() });
export function updateRound(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof UpdateRoundInput>): PendingEvent[] {
  const { roundId, basedOn, ...rest } = UpdateRoundInput.parse(raw);
  authorize(ctx.actor, 'manage_rounds');
  getRound(state, roundId);
  assertCurrent(state, roundId, basedOn, () => state.rounds.get(roundId));
  const round = buildRound(state, roundId, rest);
  return [{ type: 'round.updated', payload: { round }, visibility: round.visibility, partyId: null }];
}
