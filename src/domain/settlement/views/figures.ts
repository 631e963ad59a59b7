/**
 * Who may see a party's satisfaction figures, and the figures themselves computed one party
 * at a time from its sealed scores. A party's choice of audience is a visibility in the
 * usual sense (none = its own party, mediator, parties), so the one rule of `canSee` decides.
 */
import type { Actor } from '../../policy/actor.ts';
import { canSee } from '../../policy/visibility.ts';
import type { PreparedCase } from '../model.ts';
import { partyUtility } from '../utility.ts';
import { preparePartyAlone } from '../commands/check-party-scores.ts';
import type { PackageById, SealedScores, SettlementSpace, ShareSatisfaction } from '../commands/settlement-records.ts';

export function figuresVisible(viewer: Actor, partyId: string, share: ShareSatisfaction): boolean {
  return canSee(viewer, { visibility: share === 'none' ? 'party' : share, partyId });
}

/** One party's scores as the engine reads them, or null when they no longer fit the space. */
export interface PartyModel { partyId: string; share: ShareSatisfaction; c: PreparedCase }

export function partyModels(space: SettlementSpace, scores: ReadonlyMap<string, SealedScores>): Map<string, PartyModel> {
  const out = new Map<string, PartyModel>();
  for (const partyId of space.partyIds) {
    const sealed = scores.get(partyId);
    if (!sealed) continue;
    try {
      out.set(partyId, { partyId, share: sealed.share, c: preparePartyAlone(space, partyId, sealed.scores) });
    } catch {
      // Scores made for an earlier space that no longer fit it: the party must look again.
    }
  }
  return out;
}

/** What one package is worth to one party (its own 0–100 scale), and whether it crosses the party's red lines. */
export function partyVerdict(space: SettlementSpace, m: PartyModel, pkg: PackageById): { utility: number; crossesRedLine: boolean } {
  const choice: number[] = [];
  const share: number[][] = [];
  let crossesRedLine = false;
  space.issues.forEach((issue, i) => {
    const value = pkg[issue.id];
    if (issue.divisible) {
      const mine = typeof value === 'object' ? (value[m.partyId] ?? 0) : 0;
      choice.push(-1);
      share.push([mine, 1 - mine]);
    } else {
      const o = typeof value === 'string' ? m.c.issues[i]!.options.indexOf(value) : -1;
      if (o < 0) throw new Error(`package does not fit the space at issue ${issue.id}`);
      if (m.c.unacceptableBy[i]![o]!.includes(0)) crossesRedLine = true;
      choice.push(o);
      share.push([]);
    }
  });
  return { utility: partyUtility(m.c, 0, { choice, share }), crossesRedLine };
}
