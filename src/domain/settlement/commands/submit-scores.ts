import { z } from 'zod';
import { ParleyError } from '../../errors.ts';
import type { CommandContext } from '../../record/context.ts';
import type { PendingEvent } from '../../record/events.ts';
import { requireNegotiation } from '../../record/lookup.ts';
import { assertCurrent } from '../../record/stale-write.ts';
import type { NegotiationState } from '../../record/state.ts';
import { authorize } from '../../policy/permissions.ts';
import { PartyScores } from '../model.ts';
import { checkPartyScores } from './check-party-scores.ts';
import { scoresRevisionKey, ShareSatisfaction, type SealedScores } from './settlement-records.ts';

export const SubmitScoresInput = z.object({
  scores: PartyScores,
  share: ShareSatisfaction.default('mediator'),
  basedOn: z.number().int().nonnegative().optional(),
});
export type SubmitScoresInput = z.input<typeof SubmitScoresInput>;

/**
 * A party seals its scores. Two events: the scores themselves, readable by that party alone
 * (not the mediator: the engine reads them through its own database role), and the fact of
 * the submission, which everyone may know.
 */
export function submitSettlementScores(state: NegotiationState, ctx: CommandContext, raw: SubmitScoresInput): PendingEvent[] {
  const input = SubmitScoresInput.parse(raw);
  requireNegotiation(state);
  if (ctx.actor.kind !== 'member' || ctx.actor.partyId === null) {
    throw new ParleyError('action_denied', 'Only a delegation scores the settlement; the mediator sees results, never scores.');
  }
  const partyId = ctx.actor.partyId;
  authorize(ctx.actor, 'submit_scores', partyId);
  const space = state.settlement.space;
  if (!space) throw new ParleyError('invalid_input', 'The mediator has not defined the settlement issues yet.');
  if (!space.partyIds.includes(partyId)) throw new ParleyError('action_denied', 'Your party is not one of the parties of this settlement.');
  assertCurrent(state, scoresRevisionKey(partyId), input.basedOn, () => state.settlement.scores.get(partyId) ?? null);
  checkPartyScores(space, partyId, input.scores);

  const memberId = ctx.actor.memberId;
  const sealed: SealedScores = { partyId, scores: input.scores, share: input.share, submittedBy: memberId, at: ctx.now };
  return [
    { type: 'settlement.scores.sealed', payload: { scores: sealed }, visibility: 'party', partyId },
    {
      type: 'settlement.scores.submitted',
      payload: { submission: { partyId, share: input.share, submittedBy: memberId, at: ctx.now, spaceSeq: state.settlement.spaceSeq } },
      visibility: 'parties',
      partyId,
    },
  ];
}
