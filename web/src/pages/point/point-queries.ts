/**
 * The point page's reads. Keys start with ['n', id] (the live channel refreshes them) and
 * then 'point-page', so this page's shapes never collide with another page's cache entries.
 */
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, getAll } from '../../api/client.ts';
import {
  AgreementOut, AmendmentOut, PointOut, PositionOut, StatementOut, VersionOut, VersionSummaryOut, page,
} from '../../api/schemas.ts';
import { nKey } from '../../negotiation/queries.ts';

const base = (id: string) => `/api/negotiations/${id}`;
const key = (id: string, ...rest: unknown[]) => nKey(id, 'point-page', ...rest);
export const pointPageKey = key;

export const usePoint = (id: string, pointId: string) =>
  useQuery({ queryKey: key(id, 'point', pointId), queryFn: () => api.get(`${base(id)}/points/${pointId}`, PointOut) });

export const useAgreement = (id: string) =>
  useQuery({ queryKey: key(id, 'agreement'), queryFn: () => api.get(`${base(id)}/agreement`, AgreementOut) });

export const useVersionList = (id: string) =>
  useQuery({ queryKey: key(id, 'versions'), queryFn: () => getAll(`${base(id)}/versions`, page(VersionSummaryOut)) });

/**
 * Every version in full. A version is frozen (content-hashed), so once read it is kept:
 * the live channel's refresh would otherwise re-read each one on every event, and each
 * read of a version is an entry in the access log.
 */
export function useVersionDetails(id: string, versionIds: readonly string[]) {
  const qc = useQueryClient();
  return useQueries({
    queries: versionIds.map((vid) => ({
      queryKey: key(id, 'version', vid),
      queryFn: async () => qc.getQueryData<VersionOut>(key(id, 'version', vid)) ?? api.get(`${base(id)}/versions/${vid}`, VersionOut),
      staleTime: Infinity,
    })),
  });
}

export const usePositions = (id: string) =>
  useQuery({ queryKey: key(id, 'positions'), queryFn: () => getAll(`${base(id)}/positions`, page(PositionOut)) });

export const usePositionHistory = (id: string, pointId: string) =>
  useQuery({
    queryKey: key(id, 'position-history', pointId),
    queryFn: () => getAll(`${base(id)}/positions/history?pointId=${encodeURIComponent(pointId)}`, page(PositionOut)),
  });

export const useAmendments = (id: string) =>
  useQuery({ queryKey: key(id, 'amendments'), queryFn: () => getAll(`${base(id)}/amendments`, page(AmendmentOut)) });

export const useStatements = (id: string, pointId: string) =>
  useQuery({
    queryKey: key(id, 'statements', pointId),
    queryFn: () => getAll(`${base(id)}/statements?pointId=${encodeURIComponent(pointId)}`, page(StatementOut)),
  });

export const fetchAmendment = (id: string, amendmentId: string) => api.get(`${base(id)}/amendments/${amendmentId}`, AmendmentOut);
