import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id, PositionLevel, Text, Visibility, levelsNeedingReason, type Position } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { getParty, getPoint, getVisibleAmendment } from '../record/lookup.ts';
import { latestPositions, latestVersion, positionKey, type NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';

export const SetPositionInput = z.object({
  partyId: Id,
  pointId: Id.nullable().default(null),
  amendmentId: Id.nullable().default(null),
  level: PositionLevel,
  reason: Text.default(''),
  /** Positions are the party's own until it chooses to share them. */
  visibility: Visibility.default('party'),
  /** The position the caller saw as current; a stale one is a conflict, not an overwrite. */
  basedOnPositionId: Id.nullable().optional(),
});
export type SetPositionInput = z.input<typeof SetPositionInput>;

export function setPosition(state: NegotiationState, ctx: CommandContext, raw: SetPositionInput): PendingEvent[] {
  const input = SetPositionInput.parse(raw);
  getParty(state, input.partyId);
  authorize(ctx.actor, 'set_position', input.partyId);
  if ((input.pointId === null) === (input.amendmentId === null)) {
    throw new ParleyError('invalid_input', 'A position is taken on one point or on one amendment: give exactly one of them.');
  }
  if (input.pointId) getPoint(state, input.pointId);
  if (input.amendmentId) {
    const a = getVisibleAmendment(state, ctx.actor, input.amendmentId);
    if (a.status === 'draft' && a.partyId !== input.partyId) throw new ParleyError('invalid_transition', 'An amendment still in draft cannot be answered.');
  }
  if (levelsNeedingReason.has(input.level) && input.reason.trim() === '') {
    throw new ParleyError('reason_required', `A "${input.level}" position needs a reason, so the other side knows what would change it.`);
  }
  const key = positionKey({ partyId: input.partyId, pointId: input.pointId, amendmentId: input.amendmentId });
  const previous = latestPositions(state.positions).get(key) ?? null;
  if (input.basedOnPositionId !== undefined && input.basedOnPositionId !== (previous?.id ?? null)) {
    throw new ParleyError('version_conflict', 'Someone else changed this position since you opened it; review it and try again.', { current: previous });
  }
  if (previous && previous.level === input.level && previous.reason === input.reason && previous.visibility === input.visibility) {
    throw new ParleyError('invalid_input', 'Nothing to change: that is already the position.');
  }
  const position: Position = {
    id: ctx.newId(), partyId: input.partyId, pointId: input.pointId, amendmentId: input.amendmentId,
    versionId: latestVersion(state)?.id ?? null, level: input.level, reason: input.reason, visibility: input.visibility,
    setBy: ctx.actor.kind === 'member' ? ctx.actor.memberId : input.partyId, at: ctx.now, previousId: previous?.id ?? null,
  };
  return [{ type: 'position.set', payload: { position }, visibility: input.visibility, partyId: input.partyId }];
}
