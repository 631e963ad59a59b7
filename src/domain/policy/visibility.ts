/**
 * Who may see an item (ARCHITECTURE §2). The SQL function `parley_visible` in the first
 * migration states the same rule for row-level security; `test/security` holds them equal.
 */
import type { Visibility } from '../model.ts';
import type { Actor } from './actor.ts';

export interface Owned {
  visibility: Visibility;
  /** The party that owns the item; null for the mediator's office or the negotiation as a whole. */
  partyId: string | null;
}

export function canSee(viewer: Actor, item: Owned): boolean {
  if (item.visibility === 'public') return true;
  switch (viewer.kind) {
    case 'system':
      return true;
    case 'public':
      return false;
    case 'member': {
      const mediator = viewer.role === 'mediator';
      const own = item.partyId !== null && item.partyId === viewer.partyId;
      switch (item.visibility) {
        case 'parties':
          return true;
        case 'mediator':
          return mediator || own || (item.partyId === null && mediator);
        case 'party':
          return own || (item.partyId === null && mediator);
      }
    }
  }
}

/** Visibilities ordered from narrowest to widest, for "at least as open as" checks. */
export const visibilityRank: Record<Visibility, number> = { party: 0, mediator: 1, parties: 2, public: 3 };
