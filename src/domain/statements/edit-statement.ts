import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id, Localized, PositionLevel, Text, type Statement, type Visibility } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { getPerson, getPoint, requireNegotiation } from '../record/lookup.ts';
import { assertCurrent } from '../record/stale-write.ts';
import type { NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';

/** Each field left out stays as it is; the quote, its language, date and source never change. */
export const EditStatementInput = z.object({
  statementId: Id,
  personId: Id.nullable().optional(),
  speakerAsNamed: Text.optional(),
  /** The whole set of translations: a language left out is removed. */
  translations: Localized.optional(),
  pointIds: z.array(Id).optional(),
  stance: PositionLevel.nullable().optional(),
  /** The statement's revision the editor saw; someone else's edit since then is a conflict, not an overwrite. */
  basedOn: z.number().int().nonnegative().optional(),
});
export type EditStatementInput = z.input<typeof EditStatementInput>;

export function getStatement(state: NegotiationState, id: string): Statement {
  const s = state.statements.get(id);
  if (!s) throw new ParleyError('not_found', `No statement with id ${id} in this negotiation.`, { id });
  return s;
}

/** A statement is read as its report is: the one the reviewer chose when importing it. */
export function statementVisibility(state: NegotiationState, s: Statement): Visibility {
  return (s.reportId ? state.reports.get(s.reportId)?.visibility : undefined) ?? 'public';
}

/** Corrects what review decides about a statement: who said it, what it concerns, its stance, its translations. */
export function editStatement(state: NegotiationState, ctx: CommandContext, raw: EditStatementInput): PendingEvent[] {
  const input = EditStatementInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'record_statement');
  const current = getStatement(state, input.statementId);
  assertCurrent(state, current.id, input.basedOn, () => current);
  const personId = input.personId === undefined ? current.personId : input.personId;
  const person = personId ? getPerson(state, personId) : null;
  const pointIds = input.pointIds === undefined ? current.pointIds : [...new Set(input.pointIds)];
  if (input.pointIds) pointIds.forEach((p) => getPoint(state, p));
  const translations = input.translations === undefined
    ? current.translations
    : Object.fromEntries(Object.entries(input.translations).filter(([l, v]) => l !== current.lang && v.trim() !== ''));
  const statement: Statement = {
    ...current, personId, partyId: person?.partyId ?? null, speakerAsNamed: input.speakerAsNamed ?? current.speakerAsNamed,
    translations, pointIds, stance: input.stance === undefined ? current.stance : input.stance,
  };
  if (JSON.stringify(statement) === JSON.stringify(current)) throw new ParleyError('invalid_input', 'Nothing to change: the statement already says that.');
  return [{ type: 'statement.edited', payload: { statement }, visibility: statementVisibility(state, current), partyId: null }];
}
