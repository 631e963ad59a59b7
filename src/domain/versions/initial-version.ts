import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { authorize } from '../policy/permissions.ts';
import { canSee } from '../policy/visibility.ts';
import { getVersion } from '../record/lookup.ts';
import type { NegotiationState } from '../record/state.ts';
import { versionContentHash } from './snapshot.ts';

/**
 * Initialing: a party principal marks a version's text as the one its delegation saw. The
 * initials carry the content hash, so an initialed text cannot later be swapped unnoticed.
 */
export const InitialVersionInput = z.object({ versionId: Id, contentHash: z.string().regex(/^[0-9a-f]{64}$/) });

export function initialVersion(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof InitialVersionInput>): PendingEvent[] {
  const input = InitialVersionInput.parse(raw);
  if (ctx.actor.kind !== 'member' || ctx.actor.partyId === null) {
    throw new ParleyError('action_denied', "Only a party's principal can initial a version.");
  }
  const partyId = ctx.actor.partyId;
  authorize(ctx.actor, 'initial_version', partyId);
  const v = getVersion(state, input.versionId);
  // A version the party may not see does not exist for it: no initials, and no hash in a conflict's detail.
  if (!canSee(ctx.actor, { visibility: v.visibility, partyId: null })) {
    throw new ParleyError('version_not_found', `No version with id ${v.id} in this negotiation.`, { id: v.id });
  }
  if (versionContentHash(v) !== v.contentHash) throw new ParleyError('chain_broken', `The stored text of ${v.label} no longer matches its hash.`);
  if (input.contentHash !== v.contentHash) {
    throw new ParleyError('version_conflict', `The text you reviewed is not ${v.label} as recorded; reload it and initial again.`, { expected: v.contentHash });
  }
  if (v.initials.some((i) => i.partyId === partyId)) throw new ParleyError('already_exists', `Your party has already initialed ${v.label}.`);
  return [{
    type: 'version.initialed',
    payload: { versionId: v.id, partyId, memberId: ctx.actor.memberId, contentHash: v.contentHash, at: ctx.now },
    visibility: v.visibility,
    partyId: null,
  }];
}
