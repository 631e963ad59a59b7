/**
 * The recorded settlement as an engine case: parties by id, issues by id, options by key.
 * Names go back on at presentation, so the engine never depends on labels people may edit.
 */
import type { CaseIssue, SettlementCaseInput } from '../model.ts';
import type { SealedScores, SettlementSpace } from './settlement-records.ts';

export function caseIssues(space: SettlementSpace): CaseIssue[] {
  return space.issues.map((i) => (i.divisible ? { id: i.id, divisible: true as const } : { id: i.id, options: i.options.map((o) => o.key) }));
}

export function toCase(space: SettlementSpace, scores: ReadonlyMap<string, SealedScores>): SettlementCaseInput {
  return {
    parties: [...space.partyIds],
    issues: caseIssues(space),
    scores: Object.fromEntries(space.partyIds.flatMap((p) => {
      const s = scores.get(p);
      return s ? [[p, s.scores]] : [];
    })),
  };
}
