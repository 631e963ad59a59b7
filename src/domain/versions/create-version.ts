import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id, Text, Visibility, type Version } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { actorLabel } from '../policy/actor.ts';
import { authorize } from '../policy/permissions.ts';
import { requireNegotiation } from '../record/lookup.ts';
import { latestVersion, type NegotiationState } from '../record/state.ts';
import { snapshotWorkingText, versionContentHash } from './snapshot.ts';

export const CreateVersionInput = z.object({
  label: Text.optional(),
  note: Text.default(''),
  visibility: Visibility.exclude(['party']).default('parties'),
  amendmentIds: z.array(Id).default([]),
});
export type CreateVersionInput = z.input<typeof CreateVersionInput>;

/** Freezes the working text as the next version. Used directly and by accepting amendments. */
export function buildVersion(state: NegotiationState, ctx: CommandContext, input: z.infer<typeof CreateVersionInput>): Version {
  const content = snapshotWorkingText(state);
  if (content.points.length === 0) throw new ParleyError('invalid_input', 'The working text has no points yet: add points before making a version.');
  const contentHash = versionContentHash(content);
  const previous = latestVersion(state);
  if (previous?.contentHash === contentHash) {
    throw new ParleyError('invalid_input', `The working text has not changed since ${previous.label}: nothing to version.`);
  }
  const seqNo = (previous?.seqNo ?? 0) + 1;
  return {
    id: ctx.newId(), seqNo, label: input.label?.trim() || `v${seqNo}`, note: input.note, createdAt: ctx.now,
    createdBy: actorLabel(ctx.actor), amendmentIds: input.amendmentIds, ...content, contentHash,
    visibility: input.visibility, initials: [],
  };
}

export function createVersion(state: NegotiationState, ctx: CommandContext, raw: CreateVersionInput): PendingEvent[] {
  const input = CreateVersionInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'create_version');
  const version = buildVersion(state, ctx, input);
  return [{ type: 'version.created', payload: { version }, visibility: version.visibility, partyId: null }];
}
