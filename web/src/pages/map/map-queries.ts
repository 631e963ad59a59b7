/** The map's reads and its one write (the visit mark). Keys start ['n', id] so live events refresh them. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { AgreementHistory } from '../../../../src/domain/agreement/agreement-history.ts';
import { api } from '../../api/client.ts';
import { AgreementOut, EventOut } from '../../api/schemas.ts';
import { nKey } from '../../negotiation/queries.ts';

export type AgreementHistoryData = z.infer<typeof AgreementHistory>;

/** GET/PUT /api/negotiations/:id/visit (src/server/routes/map.routes.ts). */
export const VisitState = z.object({
  visit: z.object({ seenSeq: z.number().int(), seenAt: z.string() }).nullable(),
  headSeq: z.number().int(),
});
export type VisitState = z.infer<typeof VisitState>;

const EventsPage = z.object({ items: z.array(EventOut), nextAfter: z.number().int().nullable(), headSeq: z.number().int() });
export type EventsPage = z.infer<typeof EventsPage>;

/** How many changes the panel reads; past that it says "and more" and links the record. */
export const SINCE_LIMIT = 200;

export const useAgreement = (id: string) =>
  useQuery({ queryKey: nKey(id, 'agreement'), queryFn: () => api.get(`/api/negotiations/${id}/agreement`, AgreementOut) });

export const useAgreementHistory = (id: string) =>
  useQuery({ queryKey: nKey(id, 'agreement', 'history'), queryFn: () => api.get(`/api/negotiations/${id}/agreement/history`, AgreementHistory) });

export const useVisit = (id: string) =>
  useQuery({ queryKey: nKey(id, 'visit'), queryFn: () => api.get(`/api/negotiations/${id}/visit`, VisitState) });

export const useEventsAfter = (id: string, after: number | null) =>
  useQuery({
    queryKey: nKey(id, 'events', 'after', after),
    queryFn: () => api.get(`/api/negotiations/${id}/events?after=${String(after ?? 0)}&limit=${String(SINCE_LIMIT)}`, EventsPage),
    enabled: after !== null,
  });

export const useMarkVisit = (id: string) =>
  useMutation({ mutationFn: (seenSeq: number) => api.put(`/api/negotiations/${id}/visit`, VisitState, { seenSeq }) });
