/**
 * What each role may do: one table, consulted by every use case (and later by every
 * route). Visibility decides what is seen; this decides what is done.
 */
import { ParleyError } from '../errors.ts';
import type { Role } from '../model.ts';
import type { Actor } from './actor.ts';

export type Action =
  | 'manage_negotiation'
  | 'manage_parties'
  | 'manage_persons'
  | 'manage_members'
  | 'edit_working_text'
  | 'create_version'
  | 'initial_version'
  | 'draft_amendment'
  | 'propose_amendment'
  | 'decide_amendment'
  | 'set_position'
  | 'manage_rounds'
  | 'write_readout'
  | 'record_statement'
  | 'write_note'
  | 'manage_settlement'
  | 'submit_scores'
  | 'manage_fingerprints';

interface Rule {
  roles: readonly Role[];
  /** Party roles may act only for their own party; the mediator for any party, or none. */
  ownParty: boolean;
}

const everyone: readonly Role[] = ['mediator', 'principal', 'negotiator', 'advisor', 'observer'];

export const permissionTable: Readonly<Record<Action, Rule>> = {
  manage_negotiation: { roles: ['mediator'], ownParty: false },
  manage_parties: { roles: ['mediator'], ownParty: false },
  manage_persons: { roles: ['mediator', 'principal', 'negotiator'], ownParty: true },
  manage_members: { roles: ['mediator', 'principal'], ownParty: true },
  edit_working_text: { roles: ['mediator'], ownParty: false },
  create_version: { roles: ['mediator'], ownParty: false },
  initial_version: { roles: ['principal'], ownParty: true },
  draft_amendment: { roles: ['principal', 'negotiator', 'advisor'], ownParty: true },
  propose_amendment: { roles: ['principal', 'negotiator'], ownParty: true },
  decide_amendment: { roles: ['mediator'], ownParty: false },
  set_position: { roles: ['principal', 'negotiator'], ownParty: true },
  manage_rounds: { roles: ['mediator'], ownParty: false },
  write_readout: { roles: ['mediator', 'principal', 'negotiator', 'advisor'], ownParty: true },
  record_statement: { roles: everyone, ownParty: false },
  /** A party's private notes: its working members write them, its observers only read them. */
  write_note: { roles: ['principal', 'negotiator', 'advisor'], ownParty: true },
  /** The issue space, the packages seen, the baseline: the mediator's desk. */
  manage_settlement: { roles: ['mediator'], ownParty: false },
  /** Sealed scores commit the party, so only those who speak for it enter them. */
  submit_scores: { roles: ['principal', 'negotiator'], ownParty: true },
  /** Wording variants of confidential versions, the copies issued, leak tracing: the mediator's office alone. */
  manage_fingerprints: { roles: ['mediator'], ownParty: false },
};

/** `forParty`: the party the action is taken for, when it is taken for one. */
export function may(actor: Actor, action: Action, forParty: string | null = null): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'public') return false;
  const rule = permissionTable[action];
  if (!rule.roles.includes(actor.role)) return false;
  if (!rule.ownParty || actor.role === 'mediator') return true;
  return forParty !== null && forParty === actor.partyId;
}

export function authorize(actor: Actor, action: Action, forParty: string | null = null): void {
  if (!may(actor, action, forParty)) {
    const who = actor.kind === 'member' ? `${/^[aeiou]/.test(actor.role) ? 'an' : 'a'} ${actor.role}` : 'an anonymous reader';
    const target = forParty ? ' for that party' : '';
    throw new ParleyError('action_denied', `As ${who} you may not ${action.replaceAll('_', ' ')}${target}.`, { action });
  }
}
