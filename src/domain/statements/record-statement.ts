import { z } from 'zod';
import { Id, Lang, Localized, NonEmptyText, PositionLevel, StatementKind, Text } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { getPerson, getPoint, requireNegotiation } from '../record/lookup.ts';
import type { NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';

export const RecordStatementInput = z.object({
  personId: Id.nullable().default(null),
  /** The speaker as the source names them ("Ushakov", "the official", "انہوں نے"). */
  speakerAsNamed: Text.default(''),
  quote: NonEmptyText,
  lang: Lang,
  translations: Localized.default({}),
  kind: StatementKind.default('speech'),
  source: z.object({
    title: Text.default(''), publisher: Text.default(''), url: Text.default(''),
    line: z.number().int().positive().nullable().default(null),
  }).default({ title: '', publisher: '', url: '', line: null }),
  // There is no year 0 (PostgreSQL refuses it): the year before 1 AD is 1 BC.
  date: z.iso.date().refine((d) => d >= '0001-01-01', { error: 'must be in the year 1 or later' }),
  pointIds: z.array(Id).default([]),
  stance: PositionLevel.nullable().default(null),
});
export type RecordStatementInput = z.input<typeof RecordStatementInput>;

/** Statements are public words: anyone at the table may record one, and everyone sees it. */
export function recordStatement(state: NegotiationState, ctx: CommandContext, raw: RecordStatementInput): PendingEvent[] {
  const input = RecordStatementInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'record_statement');
  const person = input.personId ? getPerson(state, input.personId) : null;
  input.pointIds.forEach((p) => getPoint(state, p));
  const statement = { id: ctx.newId(), ...input, partyId: person?.partyId ?? null };
  return [{ type: 'statement.recorded', payload: { statement }, visibility: 'public', partyId: null }];
}
