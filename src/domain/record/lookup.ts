/** Lookups that turn a missing id into the error a person can act on. */
import { ParleyError, type ErrorCode } from '../errors.ts';
import type { NegotiationState } from './state.ts';
import type { Actor } from '../policy/actor.ts';
import { canSee } from '../policy/visibility.ts';

function find<T>(map: Map<string, T>, id: string, code: ErrorCode, what: string): T {
  const found = map.get(id);
  if (!found) throw new ParleyError(code, `No ${what} with id ${id} in this negotiation.`, { id });
  return found;
}

export const getParty = (s: NegotiationState, id: string) => find(s.parties, id, 'party_not_found', 'party');
export const getPerson = (s: NegotiationState, id: string) => find(s.persons, id, 'person_not_found', 'person');
export const getMember = (s: NegotiationState, id: string) => find(s.members, id, 'member_not_found', 'member');
export const getVersion = (s: NegotiationState, id: string) => find(s.versions, id, 'version_not_found', 'version');
export const getAmendment = (s: NegotiationState, id: string) => find(s.amendments, id, 'amendment_not_found', 'amendment');

/**
 * An amendment the actor may see; one it may not see is reported exactly like one that does
 * not exist, so error codes never reveal another party's drafts.
 */
export function getVisibleAmendment(s: NegotiationState, actor: Actor, id: string) {
  const a = s.amendments.get(id);
  if (!a || !canSee(actor, a)) throw new ParleyError('amendment_not_found', `No amendment with id ${id} in this negotiation.`, { id });
  return a;
}
export const getRound = (s: NegotiationState, id: string) => find(s.rounds, id, 'round_not_found', 'round');
export const getSection = (s: NegotiationState, id: string) => find(s.sections, id, 'not_found', 'section');

export function getPoint(s: NegotiationState, id: string) {
  const p = find(s.points, id, 'point_not_found', 'point');
  if (p.removed) throw new ParleyError('point_not_found', `Point ${p.number} was removed from the working text.`, { id });
  return p;
}

export function requireNegotiation(s: NegotiationState) {
  if (!s.negotiation) throw new ParleyError('negotiation_not_found', 'This negotiation does not exist yet.');
  return s.negotiation;
}

export function requireLanguagesKnown(s: NegotiationState, texts: Record<string, string>): void {
  const n = requireNegotiation(s);
  const unknown = Object.keys(texts).filter((l) => !n.languages.includes(l));
  if (unknown.length > 0) {
    throw new ParleyError('invalid_input', `Language ${unknown.join(', ')} is not one of this negotiation's languages (${n.languages.join(', ')}); add it first.`);
  }
}
