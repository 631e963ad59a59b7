/** The versions area's reads and writes, under the negotiation's keys so the live channel refreshes them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, getAll } from '../../api/client.ts';
import { AmendmentOut, ImportPreviewOut, VersionOut, VersionSummaryOut, Written, page } from '../../api/schemas.ts';
import { nKey } from '../../negotiation/queries.ts';

/** Newest first, as the timeline shows them. */
export const useVersions = (id: string) =>
  useQuery({
    queryKey: nKey(id, 'versions'),
    queryFn: async () => (await getAll(`/api/negotiations/${id}/versions`, page(VersionSummaryOut))).sort((x, y) => y.seqNo - x.seqNo),
  });

/** One version with every point; reading it is recorded in the access log, so only fetched when shown. */
export const useVersion = (id: string, versionId: string | null) =>
  useQuery({
    queryKey: nKey(id, 'versions', versionId),
    queryFn: () => api.get(`/api/negotiations/${id}/versions/${versionId}`, VersionOut),
    enabled: Boolean(versionId),
    // A version never changes once made (its initials live in the list).
    staleTime: Infinity,
  });

export const useAmendments = (id: string) =>
  useQuery({ queryKey: nKey(id, 'amendments'), queryFn: () => getAll(`/api/negotiations/${id}/amendments`, page(AmendmentOut)) });

function useWrite<I>(id: string, send: (input: I) => Promise<Written>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: nKey(id) }),
  });
}

export const useAcceptAmendments = (id: string) =>
  useWrite(id, (input: { amendmentIds: string[]; versionLabel?: string; versionNote: string }) => api.post(`/api/negotiations/${id}/amendments/accept`, Written, input));

export const useCreateVersion = (id: string) =>
  useWrite(id, (input: { label?: string; note: string; visibility: 'mediator' | 'parties' | 'public' }) => api.post(`/api/negotiations/${id}/versions`, Written, input));

export const useInitialVersion = (id: string) =>
  useWrite(id, (input: { versionId: string; contentHash: string }) => api.post(`/api/negotiations/${id}/versions/${input.versionId}/initials`, Written, { contentHash: input.contentHash }));

/** A document as the import routes take it: the file's bytes in base64, its name giving the format. */
export interface ImportDocument { name: string; lang: string; content: string; encoding: 'base64' }
export interface ImportInput extends ImportDocument { label?: string; note: string; visibility: 'mediator' | 'parties' | 'public'; basedOn: number }

/** What importing would do; records nothing, so nothing to refresh. */
export const usePreviewImport = (id: string) =>
  useMutation({ mutationFn: (doc: ImportDocument) => api.post(`/api/negotiations/${id}/versions/import/preview`, ImportPreviewOut, doc) });

export const useImportVersion = (id: string) =>
  useWrite(id, (input: ImportInput) => api.post(`/api/negotiations/${id}/versions/import`, Written, input));

export const exportHref = (id: string, versionId: string, lang: string) =>
  `/api/negotiations/${id}/versions/${versionId}/export?format=md&lang=${encodeURIComponent(lang)}`;
