/** Rounds and their readouts, cached under the negotiation so the live channel refreshes them. */
import { useQuery } from '@tanstack/react-query';
import { api, getAll } from '../../api/client.ts';
import { ReadoutOut, RoundOut, page } from '../../api/schemas.ts';
import { nKey } from '../../negotiation/queries.ts';

export const roundsPath = (id: string) => `/api/negotiations/${id}/rounds`;

export const useRounds = (id: string) =>
  useQuery({ queryKey: nKey(id, 'rounds'), queryFn: () => getAll(roundsPath(id), page(RoundOut)) });

export const useRound = (id: string, roundId: string) =>
  useQuery({ queryKey: nKey(id, 'rounds', roundId), queryFn: () => api.get(`${roundsPath(id)}/${roundId}`, RoundOut) });

export const useReadouts = (id: string, roundId: string) =>
  useQuery({ queryKey: nKey(id, 'rounds', roundId, 'readouts'), queryFn: () => getAll(`${roundsPath(id)}/${roundId}/readouts`, page(ReadoutOut)) });
