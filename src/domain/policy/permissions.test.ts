import { describe, expect, it } from 'vitest';
import { ParleyError } from '../errors.ts';
import type { Role } from '../model.ts';
import { codeOf, errorOf, testId } from '../testing/factory.ts';
import type { Actor } from './actor.ts';
import { actorLabel, publicViewer, systemActor } from './actor.ts';
import { authorize, may, permissionTable, type Action } from './permissions.ts';

const A = testId(901);
const B = testId(902);

/**
 * The rule as a person reads it, written out independently of `permissionTable`:
 * 'any' = for any party (or none), 'own' = only for the member's own party, '-' = never.
 */
type Grant = 'any' | 'own' | '-';
const expected: Record<Action, Record<Role, Grant>> = {
  //                     mediator        principal         negotiator         advisor         observer
  manage_negotiation: { mediator: 'any', principal: '-', negotiator: '-', advisor: '-', observer: '-' },
  manage_parties: { mediator: 'any', principal: '-', negotiator: '-', advisor: '-', observer: '-' },
  manage_persons: { mediator: 'any', principal: 'own', negotiator: 'own', advisor: '-', observer: '-' },
  manage_members: { mediator: 'any', principal: 'own', negotiator: '-', advisor: '-', observer: '-' },
  edit_working_text: { mediator: 'any', principal: '-', negotiator: '-', advisor: '-', observer: '-' },
  create_version: { mediator: 'any', principal: '-', negotiator: '-', advisor: '-', observer: '-' },
  initial_version: { mediator: '-', principal: 'own', negotiator: '-', advisor: '-', observer: '-' },
  draft_amendment: { mediator: '-', principal: 'own', negotiator: 'own', advisor: 'own', observer: '-' },
  propose_amendment: { mediator: '-', principal: 'own', negotiator: 'own', advisor: '-', observer: '-' },
  decide_amendment: { mediator: 'any', principal: '-', negotiator: '-', advisor: '-', observer: '-' },
  set_position: { mediator: '-', principal: 'own', negotiator: 'own', advisor: '-', observer: '-' },
  manage_rounds: { mediator: 'any', principal: '-', negotiator: '-', advisor: '-', observer: '-' },
  write_readout: { mediator: 'any', principal: 'own', negotiator: 'own', advisor: 'own', observer: '-' },
  record_statement: { mediator: 'any', principal: 'any', negotiator: 'any', advisor: 'any', observer: 'any' },
  write_note: { mediator: '-', principal: 'own', negotiator: 'own', advisor: 'own', observer: '-' },
  manage_settlement: { mediator: 'any', principal: '-', negotiator: '-', advisor: '-', observer: '-' },
  submit_scores: { mediator: '-', principal: 'own', negotiator: 'own', advisor: '-', observer: '-' },
  manage_fingerprints: { mediator: 'any', principal: '-', negotiator: '-', advisor: '-', observer: '-' },
};

const actions = Object.keys(expected) as Action[];
const roles: Role[] = ['mediator', 'principal', 'negotiator', 'advisor', 'observer'];

function member(role: Role, partyId: string | null): Actor {
  return { kind: 'member', memberId: testId(900), partyId, role };
}

describe('permissionTable', () => {
  it('covers every action, and only those', () => {
    expect(Object.keys(permissionTable).sort()).toEqual([...actions].sort());
  });
});

describe('may', () => {
  for (const action of actions) {
    for (const role of roles) {
      const grant = expected[action][role];
      const actor = member(role, role === 'mediator' ? null : A);
      it(`${role} ${action}: ${grant}`, () => {
        expect(may(actor, action, A), 'for own party (any party, for the mediator)').toBe(grant !== '-');
        expect(may(actor, action, B), 'for another party').toBe(grant === 'any');
        expect(may(actor, action, null), 'for no party').toBe(grant === 'any');
        expect(may(actor, action), 'party omitted').toBe(grant === 'any');
      });
    }
  }

  it('a party member without a party never acts "for its own party"', () => {
    expect(may(member('principal', null), 'set_position', null)).toBe(false);
    expect(may(member('principal', null), 'set_position', A)).toBe(false);
  });

  it('lets the system do everything', () => {
    for (const action of actions) {
      expect(may(systemActor, action)).toBe(true);
      expect(may(systemActor, action, A)).toBe(true);
    }
  });

  it('lets the public do nothing', () => {
    for (const action of actions) {
      expect(may(publicViewer, action)).toBe(false);
      expect(may(publicViewer, action, A)).toBe(false);
    }
  });
});

describe('authorize', () => {
  it('passes silently when allowed', () => {
    expect(() => authorize(member('negotiator', A), 'set_position', A)).not.toThrow();
  });

  it('throws action_denied naming the role and the action', () => {
    const e = errorOf(() => authorize(member('observer', A), 'set_position', A));
    expect(e).toBeInstanceOf(ParleyError);
    expect(e).toMatchObject({ code: 'action_denied', status: 403, message: 'As an observer you may not set position for that party.', detail: { action: 'set_position' } });
    expect(codeOf(() => authorize(member('negotiator', A), 'set_position', B))).toBe('action_denied');
    expect(errorOf(() => authorize(member('mediator', null), 'set_position', A))).toMatchObject({ message: 'As a mediator you may not set position for that party.' });
    expect(errorOf(() => authorize(publicViewer, 'record_statement'))).toMatchObject({ message: 'As an anonymous reader you may not record statement.' });
  });
});

describe('actorLabel', () => {
  it('names who acted, as the log records it', () => {
    expect(actorLabel(member('advisor', A))).toBe(testId(900));
    expect(actorLabel(systemActor)).toBe('system');
    expect(actorLabel(publicViewer)).toBe('public');
  });
});
