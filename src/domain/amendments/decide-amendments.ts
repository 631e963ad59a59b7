import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id, NonEmptyText, Text, type Amendment } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { evolve } from '../record/evolve.ts';
import { canonicalJson } from '../record/hash-event.ts';
import { getAmendment, getPoint, getVisibleAmendment } from '../record/lookup.ts';
import { activePoints, type NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';
import { insertionEvents, renumber } from '../framework/renumber.ts';
import { buildVersion } from '../versions/create-version.ts';

export const RejectAmendmentInput = z.object({ amendmentId: Id, reason: NonEmptyText });

export function rejectAmendment(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof RejectAmendmentInput>): PendingEvent[] {
  const input = RejectAmendmentInput.parse(raw);
  authorize(ctx.actor, 'decide_amendment');
  const a = getVisibleAmendment(state, ctx.actor, input.amendmentId);
  if (a.status !== 'proposed') throw new ParleyError('invalid_transition', `Only a proposed amendment can be rejected; this one is ${a.status}.`);
  return [{ type: 'amendment.rejected', payload: { amendmentId: a.id, reason: input.reason, at: ctx.now }, visibility: a.visibility, partyId: a.partyId }];
}

/** The events that carry one amendment into the working text. */
function applyToWorkingText(state: NegotiationState, ctx: CommandContext, a: Amendment): { events: PendingEvent[]; resultPointId: string | null } {
  const ordered = activePoints(state);
  const placeAfter = (id: string | null) => (id === null ? 0 : ordered.findIndex((p) => p.id === id) + 1);
  switch (a.kind) {
    case 'replace': {
      const p = getPoint(state, a.pointId!);
      // A replacement was written against the point's text at the time; if that text has
      // changed since, accepting it would silently overwrite the change.
      if (a.baseTexts && canonicalJson(a.baseTexts) !== canonicalJson(p.texts)) {
        throw new ParleyError('version_conflict', `Point ${p.number} has changed since this amendment was drafted; redraft it on the current text.`, { amendmentId: a.id, pointId: p.id });
      }
      if (a.number !== null && a.number !== p.number && ordered.some((o) => o.number === a.number)) {
        throw new ParleyError('already_exists', `Point ${a.number} already exists.`);
      }
      return {
        events: [{ type: 'point.edited', payload: { pointId: p.id, texts: { ...p.texts, ...a.texts }, tags: p.tags, number: a.number ?? p.number, sectionId: p.sectionId }, visibility: 'parties', partyId: null }],
        resultPointId: p.id,
      };
    }
    case 'insert': {
      if (a.afterPointId) getPoint(state, a.afterPointId);
      const at = placeAfter(a.afterPointId);
      const neighbour = ordered[Math.max(0, at - 1)];
      const point = {
        id: ctx.newId(), number: a.number ?? String(at + 1), sectionId: neighbour?.sectionId ?? null, order: at + 1,
        texts: a.texts, tags: [], illustrative: false, removed: false,
      };
      const after = [...ordered.slice(0, at), point, ...ordered.slice(at)];
      return { events: insertionEvents(after, point), resultPointId: point.id };
    }
    case 'delete': {
      const p = getPoint(state, a.pointId!);
      return {
        events: [{ type: 'point.removed', payload: { pointId: p.id }, visibility: 'parties', partyId: null }, ...renumber(ordered.filter((o) => o.id !== p.id))],
        resultPointId: null,
      };
    }
    case 'move': {
      const p = getPoint(state, a.pointId!);
      if (a.afterPointId) getPoint(state, a.afterPointId);
      const rest = ordered.filter((o) => o.id !== p.id);
      const at = a.afterPointId === null ? 0 : rest.findIndex((o) => o.id === a.afterPointId) + 1;
      return { events: renumber([...rest.slice(0, at), p, ...rest.slice(at)]), resultPointId: p.id };
    }
  }
}

export const AcceptAmendmentsInput = z.object({
  amendmentIds: z.array(Id).min(1),
  /** Accepting yields the next version; the mediator names it. */
  versionLabel: Text.optional(),
  versionNote: Text.default(''),
});
export type AcceptAmendmentsInput = z.input<typeof AcceptAmendmentsInput>;

/**
 * Accepts proposed amendments in the order given, applies each to the working text, and
 * freezes the result as the next version. All or nothing: if one no longer applies (its
 * point was deleted by an earlier one), nothing is recorded.
 */
export function acceptAmendments(state: NegotiationState, ctx: CommandContext, raw: AcceptAmendmentsInput): PendingEvent[] {
  const input = AcceptAmendmentsInput.parse(raw);
  authorize(ctx.actor, 'decide_amendment');
  if (new Set(input.amendmentIds).size !== input.amendmentIds.length) throw new ParleyError('invalid_input', 'The same amendment is listed twice.');
  const work = structuredClone(state);
  const events: PendingEvent[] = [];
  const push = (e: PendingEvent) => { events.push(e); evolve(work, e); };
  const results = new Map<string, string | null>();
  for (const id of input.amendmentIds) {
    const a = getVisibleAmendment(work, ctx.actor, id);
    if (a.status !== 'proposed') throw new ParleyError('invalid_transition', `Only proposed amendments can be accepted; one is ${a.status}.`, { amendmentId: id });
    const applied = applyToWorkingText(work, ctx, a);
    applied.events.forEach(push);
    results.set(id, applied.resultPointId);
  }
  const version = buildVersion(work, ctx, { label: input.versionLabel, note: input.versionNote, visibility: 'parties', amendmentIds: input.amendmentIds });
  push({ type: 'version.created', payload: { version }, visibility: version.visibility, partyId: null });
  for (const id of input.amendmentIds) {
    const a = getAmendment(work, id);
    push({ type: 'amendment.accepted', payload: { amendmentId: id, resultPointId: results.get(id) ?? null, resultVersionId: version.id, at: ctx.now }, visibility: a.visibility, partyId: a.partyId });
  }
  return events;
}
