import { describe, expect, it } from 'vitest';
import type { Role, Visibility } from '../model.ts';
import { testId } from '../testing/factory.ts';
import type { Actor } from './actor.ts';
import { publicViewer, systemActor } from './actor.ts';
import { canSee, visibilityRank } from './visibility.ts';

const A = testId(901);
const B = testId(902);

const member = (role: Role, partyId: string | null): Actor => ({ kind: 'member', memberId: testId(900), partyId, role });
const partyRoles = ['principal', 'negotiator', 'advisor', 'observer'] as const;

/**
 * ARCHITECTURE §2, written out: for an item owned by party A (or by nobody: the mediator's
 * office / the negotiation as a whole), who sees it.
 */
type Viewer = 'own party' | 'other party' | 'mediator' | 'public' | 'system';
const expected: Record<Visibility, { ownedByA: Record<Viewer, boolean>; ownedByNobody: Record<Exclude<Viewer, 'own party'>, boolean> }> = {
  party: {
    ownedByA: { 'own party': true, 'other party': false, mediator: false, public: false, system: true },
    ownedByNobody: { 'other party': false, mediator: true, public: false, system: true },
  },
  mediator: {
    ownedByA: { 'own party': true, 'other party': false, mediator: true, public: false, system: true },
    ownedByNobody: { 'other party': false, mediator: true, public: false, system: true },
  },
  parties: {
    ownedByA: { 'own party': true, 'other party': true, mediator: true, public: false, system: true },
    ownedByNobody: { 'other party': true, mediator: true, public: false, system: true },
  },
  public: {
    ownedByA: { 'own party': true, 'other party': true, mediator: true, public: true, system: true },
    ownedByNobody: { 'other party': true, mediator: true, public: true, system: true },
  },
};

function viewers(kind: Viewer): Actor[] {
  switch (kind) {
    case 'own party': return partyRoles.map((r) => member(r, A));
    case 'other party': return partyRoles.map((r) => member(r, B));
    case 'mediator': return [member('mediator', null)];
    case 'public': return [publicViewer];
    case 'system': return [systemActor];
  }
}

describe('canSee', () => {
  for (const visibility of ['party', 'mediator', 'parties', 'public'] as const) {
    for (const [kind, sees] of Object.entries(expected[visibility].ownedByA) as [Viewer, boolean][]) {
      it(`${visibility} item of party A, viewed by ${kind}: ${sees ? 'visible' : 'hidden'}`, () => {
        for (const v of viewers(kind)) expect(canSee(v, { visibility, partyId: A })).toBe(sees);
      });
    }
    for (const [kind, sees] of Object.entries(expected[visibility].ownedByNobody) as [Viewer, boolean][]) {
      it(`${visibility} item of no party, viewed by ${kind}: ${sees ? 'visible' : 'hidden'}`, () => {
        for (const v of viewers(kind)) expect(canSee(v, { visibility, partyId: null })).toBe(sees);
      });
    }
  }

  it('a party member without a party does not "own" items of no party', () => {
    expect(canSee(member('observer', null), { visibility: 'party', partyId: null })).toBe(false);
    expect(canSee(member('observer', null), { visibility: 'mediator', partyId: null })).toBe(false);
  });

  it('every role of the owning party sees its own party-only items', () => {
    for (const r of partyRoles) expect(canSee(member(r, A), { visibility: 'party', partyId: A })).toBe(true);
  });
});

describe('visibilityRank', () => {
  it('orders visibilities from narrowest to widest', () => {
    const order = (['public', 'party', 'parties', 'mediator'] as const).slice().sort((x, y) => visibilityRank[x] - visibilityRank[y]);
    expect(order).toEqual(['party', 'mediator', 'parties', 'public']);
  });

  it('a wider visibility is seen by everyone who sees a narrower one', () => {
    const all: Actor[] = [...viewers('own party'), ...viewers('other party'), ...viewers('mediator'), publicViewer, systemActor];
    const vis = ['party', 'mediator', 'parties', 'public'] as const;
    for (const narrow of vis) {
      for (const wide of vis.filter((w) => visibilityRank[w] > visibilityRank[narrow])) {
        for (const v of all) {
          if (canSee(v, { visibility: narrow, partyId: A })) expect(canSee(v, { visibility: wide, partyId: A })).toBe(true);
        }
      }
    }
  });
});
