import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { AmendmentKind, Id, Localized, NonEmptyText, Text, type Amendment } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { getParty, getPoint, requireLanguagesKnown } from '../record/lookup.ts';
import { latestVersion, type NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';
import { proposeAmendment } from './propose-amendment.ts';

export const DraftAmendmentInput = z.object({
  partyId: Id,
  kind: AmendmentKind,
  pointId: Id.nullable().default(null),
  texts: Localized.default({}),
  afterPointId: Id.nullable().default(null),
  number: NonEmptyText.nullable().default(null),
  justification: Text.default(''),
  /** Draft and propose in one step, at this visibility. */
  proposeTo: z.enum(['mediator', 'parties']).optional(),
});
export type DraftAmendmentInput = z.input<typeof DraftAmendmentInput>;

/** The shape each kind of change needs, checked before anything is recorded. */
function checkShape(state: NegotiationState, a: z.infer<typeof DraftAmendmentInput>): void {
  const hasText = Object.values(a.texts).some((t) => t.trim() !== '');
  switch (a.kind) {
    case 'replace':
      if (!a.pointId) throw new ParleyError('invalid_input', 'A replacement must name the point it replaces.');
      if (!hasText) throw new ParleyError('invalid_input', 'A replacement needs the new text.');
      break;
    case 'insert':
      if (a.pointId) throw new ParleyError('invalid_input', 'An insertion adds a new point: leave the point empty and say where it goes.');
      if (!hasText) throw new ParleyError('invalid_input', 'An insertion needs the text of the new point.');
      break;
    case 'delete':
      if (!a.pointId) throw new ParleyError('invalid_input', 'A deletion must name the point it deletes.');
      break;
    case 'move':
      if (!a.pointId) throw new ParleyError('invalid_input', 'A move must name the point it moves.');
      if (a.afterPointId === a.pointId) throw new ParleyError('invalid_input', 'A point cannot be moved after itself.');
      break;
  }
  if (a.pointId) getPoint(state, a.pointId);
  if (a.afterPointId) getPoint(state, a.afterPointId);
  requireLanguagesKnown(state, a.texts);
}

export function draftAmendment(state: NegotiationState, ctx: CommandContext, raw: DraftAmendmentInput): PendingEvent[] {
  const input = DraftAmendmentInput.parse(raw);
  getParty(state, input.partyId);
  authorize(ctx.actor, 'draft_amendment', input.partyId);
  if (ctx.actor.kind !== 'member' && ctx.actor.kind !== 'system') throw new ParleyError('action_denied', 'Sign in to draft an amendment.');
  checkShape(state, input);
  const amendment: Amendment = {
    id: ctx.newId(), partyId: input.partyId, baseVersionId: latestVersion(state)?.id ?? null, kind: input.kind,
    pointId: input.pointId, texts: input.texts,
    baseTexts: input.kind === 'replace' && input.pointId ? getPoint(state, input.pointId).texts : null, afterPointId: input.afterPointId, number: input.number,
    justification: input.justification, status: 'draft', visibility: 'party',
    createdBy: ctx.actor.kind === 'member' ? ctx.actor.memberId : input.partyId,
    createdAt: ctx.now, decidedAt: null, resultPointId: null, resultVersionId: null,
  };
  const drafted: PendingEvent = { type: 'amendment.drafted', payload: { amendment }, visibility: 'party', partyId: input.partyId };
  if (!input.proposeTo) return [drafted];
  const after = structuredClone(state);
  after.amendments.set(amendment.id, amendment);
  return [drafted, ...proposeAmendment(after, ctx, { amendmentId: amendment.id, visibility: input.proposeTo })];
}
