import { z } from 'zod';
import { ParleyError } from '../../errors.ts';
import { Id } from '../../model.ts';
import type { CommandContext } from '../../record/context.ts';
import type { PendingEvent } from '../../record/events.ts';
import { getParty, getPoint, requireNegotiation } from '../../record/lookup.ts';
import { assertCurrent } from '../../record/stale-write.ts';
import type { NegotiationState } from '../../record/state.ts';
import { authorize } from '../../policy/permissions.ts';
import { SpaceIssue, spaceRevisionKey, type SettlementSpace } from './settlement-records.ts';

export const SaveSpaceInput = z.object({
  partyIds: z.array(Id).min(2, { error: 'a settlement needs at least two parties' }).max(16),
  /** An issue without an id is new; the id is kept for the rest so scores stay attached. */
  issues: z.array(SpaceIssue.extend({ id: Id.optional(), pointIds: SpaceIssue.shape.pointIds.default([]) }))
    .min(1, { error: 'a settlement needs at least one issue' }).max(100),
  basedOn: z.number().int().nonnegative().optional(),
});
export type SaveSpaceInput = z.input<typeof SaveSpaceInput>;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

/**
 * The mediator's issue space, saved whole: the editor shows the whole space, so saving it
 * whole (with a stale-write check) is what the mediator means. Parties see it: they cannot
 * score issues they cannot read.
 */
export function saveSettlementSpace(state: NegotiationState, ctx: CommandContext, raw: SaveSpaceInput): PendingEvent[] {
  const input = SaveSpaceInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'manage_settlement');
  assertCurrent(state, spaceRevisionKey, input.basedOn, () => state.settlement.space);

  input.partyIds.forEach((p) => getParty(state, p));
  const twiceParty = duplicates(input.partyIds);
  if (twiceParty.length > 0) throw new ParleyError('invalid_input', 'A party is listed twice in the settlement.');
  const issues = input.issues.map((issue) => {
    issue.pointIds.forEach((p) => getPoint(state, p));
    if (issue.divisible && issue.options.length > 0) {
      throw new ParleyError('invalid_input', `"${issue.label}" is divisible: it is shared out between the parties and has no options.`);
    }
    if (!issue.divisible && issue.options.length < 2) {
      throw new ParleyError('invalid_input', `"${issue.label}" needs at least two options to choose between (or mark it divisible).`);
    }
    const twiceKey = duplicates(issue.options.map((o) => o.key));
    if (twiceKey.length > 0) throw new ParleyError('invalid_input', `"${issue.label}" has the option key "${twiceKey[0] ?? ''}" twice.`);
    const twiceLabel = duplicates(issue.options.map((o) => o.label.trim().toLocaleLowerCase()));
    if (twiceLabel.length > 0) throw new ParleyError('invalid_input', `"${issue.label}" has two options called "${twiceLabel[0] ?? ''}".`);
    return { ...issue, id: issue.id ?? ctx.newId() };
  });
  const twiceIssue = duplicates(issues.map((i) => i.label.trim().toLocaleLowerCase()));
  if (twiceIssue.length > 0) throw new ParleyError('invalid_input', `Two issues are called "${twiceIssue[0] ?? ''}"; give each issue its own name.`);
  const twiceId = duplicates(issues.map((i) => i.id));
  if (twiceId.length > 0) throw new ParleyError('invalid_input', 'Two issues have the same id.');

  const baseline = state.settlement.baselineId === null ? null : state.settlement.packages.get(state.settlement.baselineId);
  const space: SettlementSpace = {
    partyIds: input.partyIds,
    issues,
    savedBy: ctx.actor.kind === 'member' ? ctx.actor.memberId : null,
    savedAt: ctx.now,
  };
  const events: PendingEvent[] = [{ type: 'settlement.space.saved', payload: { space }, visibility: 'parties', partyId: null }];
  // A baseline that no longer fits the space (an issue or option it names is gone) stops being one.
  if (baseline && !packageFits(space, baseline.package)) {
    events.push({ type: 'settlement.baseline.set', payload: { packageId: null, at: ctx.now }, visibility: 'parties', partyId: null });
  }
  return events;
}

/** Whether a package names every issue of the space with one of its options (or shares for its parties). */
export function packageFits(space: SettlementSpace, pkg: Readonly<Record<string, string | Readonly<Record<string, number>>>>): boolean {
  if (Object.keys(pkg).length !== space.issues.length) return false;
  return space.issues.every((issue) => {
    const value = pkg[issue.id];
    if (value === undefined) return false;
    if (issue.divisible) return typeof value === 'object' && space.partyIds.every((p) => typeof value[p] === 'number');
    return typeof value === 'string' && issue.options.some((o) => o.key === value);
  });
}
