import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id, Localized, NonEmptyText } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { getPoint, getSection, requireLanguagesKnown, requireNegotiation } from '../record/lookup.ts';
import { activePoints, type NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';
import { TAG_PATTERN } from './taxonomy.ts';
import { insertionEvents } from './renumber.ts';

export const Tags = z.array(z.string().regex(TAG_PATTERN, { error: 'a tag is a lower-case slug such as "security-sector/ceasefire"' })).default([]);
export const PointTexts = Localized.refine((t) => Object.values(t).some((v) => v.trim() !== ''), { error: 'a point needs its text in at least one language' });

export const AddSectionInput = z.object({ title: Localized });
export function addSection(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof AddSectionInput>): PendingEvent[] {
  const input = AddSectionInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'edit_working_text');
  requireLanguagesKnown(state, input.title);
  return [{
    type: 'section.added',
    payload: { section: { id: ctx.newId(), title: input.title, order: state.sections.size + 1 } },
    visibility: 'parties',
    partyId: null,
  }];
}

export const AddPointInput = z.object({
  texts: PointTexts,
  /** Omitted: the next integer. */
  number: NonEmptyText.pipe(z.string().max(32)).optional(),
  sectionId: Id.nullable().default(null),
  /** Omitted: at the end; null: first. */
  afterPointId: Id.nullable().optional(),
  tags: Tags,
  illustrative: z.boolean().default(false),
});
export type AddPointInput = z.input<typeof AddPointInput>;

export function addPoint(state: NegotiationState, ctx: CommandContext, raw: AddPointInput): PendingEvent[] {
  const input = AddPointInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'edit_working_text');
  requireLanguagesKnown(state, input.texts);
  if (input.sectionId) getSection(state, input.sectionId);
  const ordered = activePoints(state);
  const at = input.afterPointId === undefined
    ? ordered.length
    : input.afterPointId === null ? 0 : ordered.indexOf(getPoint(state, input.afterPointId)) + 1;
  const number = input.number ?? String(at + 1);
  if (input.number && ordered.some((p) => p.number === input.number)) {
    throw new ParleyError('already_exists', `Point ${input.number} already exists; choose another number or leave it empty.`);
  }
  const point = {
    id: ctx.newId(), number, sectionId: input.sectionId, order: at + 1, texts: input.texts,
    tags: input.tags, illustrative: input.illustrative, removed: false,
  };
  const after = [...ordered.slice(0, at), point, ...ordered.slice(at)];
  // The new point is announced first, then every point whose place or number shifted.
  return insertionEvents(after, point);
}
