/**
 * One party's scores checked against the issue space exactly as the engine will read them, so a
 * submission the engine would refuse is refused when it is made, with the same message, not
 * later when the mediator analyses. The engine checks whole cases; a lone party is checked as
 * one side of a case whose other side is indifferent (all its weight on one issue, every option
 * rated the same, no red lines), which adds no condition of its own.
 */
import { ParleyError } from '../../errors.ts';
import type { PartyScores, PreparedCase, SettlementCaseInput } from '../model.ts';
import { prepareCase } from '../prepare-case.ts';
import type { SettlementSpace } from './settlement-records.ts';
import { caseIssues } from './to-case.ts';

const INDIFFERENT = '\u2063indifferent';

/** The party's scores prepared as the engine reads them, the party at index 0; throws what the engine would. */
export function preparePartyAlone(space: SettlementSpace, partyId: string, scores: PartyScores): PreparedCase {
  const issues = caseIssues(space);
  const first = issues[0];
  if (first === undefined) throw new ParleyError('invalid_input', 'The settlement has no issues yet.');
  const indifferent = {
    weights: { [first.id]: 100 },
    ratings: 'options' in first ? { [first.id]: Object.fromEntries(first.options.map((o) => [o, 0])) } : {},
  };
  const c: SettlementCaseInput = { parties: [partyId, INDIFFERENT], issues, scores: { [partyId]: scores, [INDIFFERENT]: indifferent } };
  try {
    return prepareCase(c);
  } catch (e) {
    throw e instanceof ParleyError ? new ParleyError(e.code, inPlainWords(e.message, space, partyId), e.detail) : e;
  }
}

export function checkPartyScores(space: SettlementSpace, partyId: string, scores: PartyScores): void {
  preparePartyAlone(space, partyId, scores);
}

/** The engine names issues by id and the party by id; a delegate reads labels and "your party". */
function inPlainWords(message: string, space: SettlementSpace, partyId: string): string {
  let out = message.replaceAll(`Party "${partyId}"`, 'Your party').replaceAll(`party "${partyId}"`, 'your party');
  for (const issue of space.issues) out = out.replaceAll(`"${issue.id}`, `"${issue.label}`);
  return out;
}
