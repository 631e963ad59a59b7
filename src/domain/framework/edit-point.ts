import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id, Lang, NonEmptyText } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import { assertCurrent } from '../record/stale-write.ts';
import type { PendingEvent } from '../record/events.ts';
import { canonicalJson } from '../record/hash-event.ts';
import { getPoint, getSection, requireLanguagesKnown } from '../record/lookup.ts';
import { activePoints, type NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';
import { PointTexts, Tags } from './add-point.ts';
import { renumber } from './renumber.ts';
import { translationStatus } from './translation-status.ts';

export const EditPointInput = z.object({
  pointId: Id,
  texts: PointTexts.optional(),
  // Without the default: an edit that leaves tags out keeps them (zod 4 would apply `[]`).
  tags: Tags.unwrap().optional(),
  number: NonEmptyText.pipe(z.string().max(32)).optional(),
  sectionId: Id.nullable().optional(),
  /** The point's revision the editor saw. */
  basedOn: z.number().int().nonnegative().optional(),
});

export function editPoint(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof EditPointInput>): PendingEvent[] {
  const input = EditPointInput.parse(raw);
  authorize(ctx.actor, 'edit_working_text');
  const p = getPoint(state, input.pointId);
  assertCurrent(state, p.id, input.basedOn, () => p);
  if (input.texts) requireLanguagesKnown(state, input.texts);
  if (input.sectionId) getSection(state, input.sectionId);
  const next = {
    pointId: p.id,
    texts: input.texts ?? p.texts,
    tags: input.tags ?? p.tags,
    number: input.number ?? p.number,
    sectionId: input.sectionId === undefined ? p.sectionId : input.sectionId,
  };
  if (next.number !== p.number && activePoints(state).some((o) => o.number === next.number)) {
    throw new ParleyError('already_exists', `Point ${next.number} already exists.`);
  }
  // Canonical JSON: the same texts given in another key order are no change.
  const same = canonicalJson([next.texts, next.tags, next.number, next.sectionId]) === canonicalJson([p.texts, p.tags, p.number, p.sectionId]);
  if (same) throw new ParleyError('invalid_input', `Nothing to change: point ${p.number} already reads like this.`);
  return [{ type: 'point.edited', payload: next, visibility: 'parties', partyId: null }];
}

export const RemovePointInput = z.object({ pointId: Id });
export function removePoint(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof RemovePointInput>): PendingEvent[] {
  const input = RemovePointInput.parse(raw);
  authorize(ctx.actor, 'edit_working_text');
  const p = getPoint(state, input.pointId);
  return [
    { type: 'point.removed', payload: { pointId: p.id }, visibility: 'parties', partyId: null },
    ...renumber(activePoints(state).filter((o) => o.id !== p.id)),
  ];
}

export const ConfirmTranslationInput = z.object({
  pointId: Id,
  lang: Lang,
  /** The point's revision the mediator read the texts at. */
  basedOn: z.number().int().nonnegative().optional(),
});

/**
 * The mediator has compared a pending language's text with the changed one and finds it still
 * says the same: it becomes current without an edit. Only a pending language can be confirmed,
 * so the log holds no confirmations that confirm nothing.
 */
export function confirmTranslation(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof ConfirmTranslationInput>): PendingEvent[] {
  const input = ConfirmTranslationInput.parse(raw);
  authorize(ctx.actor, 'edit_working_text');
  const p = getPoint(state, input.pointId);
  assertCurrent(state, p.id, input.basedOn, () => p);
  const status = translationStatus(state.textHistory.get(p.id))[input.lang];
  if (status === undefined) throw new ParleyError('invalid_input', `Point ${p.number} has no ${input.lang} text to confirm.`);
  if (status === 'current') throw new ParleyError('invalid_input', `The ${input.lang} text of point ${p.number} is not pending: nothing to confirm.`);
  return [{ type: 'point.translation_confirmed', payload: { pointId: p.id, lang: input.lang }, visibility: 'parties', partyId: null }];
}
