/** What every page inside a negotiation knows: its id, the overview and my seat in it. */
import { createContext, useContext } from 'react';
import type { NegotiationOverview } from '../api/schemas.ts';

export interface NegotiationContextValue {
  id: string;
  overview: NegotiationOverview;
  /** My seat: party (null for the mediator's office) and role. */
  me: NegotiationOverview['membership'];
  isMediator: boolean;
}

export const NegotiationContext = createContext<NegotiationContextValue | null>(null);

export function useNegotiation(): NegotiationContextValue {
  const v = useContext(NegotiationContext);
  if (!v) throw new Error('useNegotiation is used outside a negotiation page');
  return v;
}
