/**
 * The workspace's reads and writes. Keys start with ['n', id, 'workspace'] so the live
 * channel refreshes them with everything else, and no other page's cache shapes collide.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { api, getAll } from '../../api/client.ts';
import { AmendmentOut, PositionOut, ReadoutOut, RoundOut, Written, page } from '../../api/schemas.ts';
import { nKey } from '../../negotiation/queries.ts';
import { NoteOut } from '../../../../src/protocol/notes.schema.ts';

export const base = (id: string) => `/api/negotiations/${id}`;
export const wsKey = (id: string, ...rest: unknown[]) => nKey(id, 'workspace', ...rest);

export const usePositions = (id: string) =>
  useQuery({ queryKey: wsKey(id, 'positions'), queryFn: () => getAll(`${base(id)}/positions`, page(PositionOut)) });

export const useAmendments = (id: string) =>
  useQuery({ queryKey: wsKey(id, 'amendments'), queryFn: () => getAll(`${base(id)}/amendments`, page(AmendmentOut)) });

export const useNotes = (id: string) =>
  useQuery({ queryKey: wsKey(id, 'notes'), queryFn: () => getAll(`${base(id)}/notes`, page(NoteOut)) });

export const useRounds = (id: string) =>
  useQuery({ queryKey: wsKey(id, 'rounds'), queryFn: () => getAll(`${base(id)}/rounds`, page(RoundOut)) });

/** The readouts of every round I may see (a negotiation has few rounds). */
export function useReadouts(id: string, roundIds: readonly string[]) {
  return useQueries({
    queries: roundIds.map((rid) => ({
      queryKey: wsKey(id, 'readouts', rid),
      queryFn: () => getAll(`${base(id)}/rounds/${rid}/readouts`, page(ReadoutOut)),
    })),
  });
}

export const setPosition = (id: string, body: unknown) => api.post(`${base(id)}/positions`, Written, body);
export const writeNote = (id: string, body: unknown) => api.post(`${base(id)}/notes`, Written, body);
export const editNote = (id: string, noteId: string, body: unknown) => api.put(`${base(id)}/notes/${noteId}`, Written, body);
export const deleteNote = (id: string, noteId: string, basedOn: number) => api.delete(`${base(id)}/notes/${noteId}?basedOn=${basedOn}`);
export const draftAmendment = (id: string, body: unknown) => api.post(`${base(id)}/amendments`, Written, body);
export const proposeAmendment = (id: string, amendmentId: string, visibility: 'mediator' | 'parties') =>
  api.post(`${base(id)}/amendments/${amendmentId}/propose`, Written, { visibility });
export const withdrawAmendment = (id: string, amendmentId: string) => api.post(`${base(id)}/amendments/${amendmentId}/withdraw`, Written, {});
