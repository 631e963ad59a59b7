/**
 * Leak tracing's reads and writes. The mediator's fingerprint and copies live under the
 * negotiation's keys, so the live channel refreshes them. A recipient's copy does not: every
 * fetch of it is recorded in the access log, so it is fetched once per page and language,
 * never again because something else in the negotiation changed.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { nKey } from '../../negotiation/queries.ts';
import { ApproveVariantsBody, FingerprintOverview, IssuedCopy, PrintCopy, TraceBody, TraceReport, TraceSuspect } from '../../../../src/protocol/tracing.schema.ts';

export type { ApprovedVariantView, FingerprintOverview, IssuedCopy, PrintCopy, TraceReport, TraceSuspect, VariantSuggestionView } from '../../../../src/protocol/tracing.schema.ts';
export type ApproveVariantsInput = z.input<typeof ApproveVariantsBody>;
export type TraceInput = z.input<typeof TraceBody>;

const base = (id: string) => `/api/negotiations/${id}`;
const q = (lang: string) => `lang=${encodeURIComponent(lang)}`;

export const tracingKey = (id: string, ...rest: unknown[]) => nKey(id, 'tracing', ...rest);

export const useFingerprint = (id: string, versionId: string, lang: string, enabled = true) =>
  useQuery({
    queryKey: tracingKey(id, 'fingerprint', versionId, lang),
    queryFn: () => api.get(`${base(id)}/versions/${versionId}/fingerprint?${q(lang)}`, FingerprintOverview),
    enabled,
  });

function useTracingWrite<I>(id: string, send: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: tracingKey(id) }),
  });
}

export const useApproveVariants = (id: string, versionId: string) =>
  useTracingWrite(id, (input: ApproveVariantsInput) => api.post(`${base(id)}/versions/${versionId}/variants`, null, input));

export const useRevokeVariant = (id: string) =>
  useTracingWrite(id, (variantId: string) => api.delete(`${base(id)}/variants/${variantId}`));

const CopyList = z.object({ items: z.array(IssuedCopy) });

export const useCopies = (id: string) =>
  useQuery({ queryKey: tracingKey(id, 'copies'), queryFn: async () => (await api.get(`${base(id)}/copies`, CopyList)).items });

/**
 * The report as sent: a recipient whose copy carried none of the slots read has no reachable
 * threshold (infinite), which JSON writes as null; read back as Infinity, shown as a dash.
 */
const TraceReportIn = TraceReport.extend({
  suspects: z.array(TraceSuspect.extend({ threshold: z.number().nullable().transform((v) => v ?? Infinity) })),
});

/** Tracing records nothing in the negotiation; the report is the mutation's own result. */
export const useTrace = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TraceInput) => api.post(`${base(id)}/trace`, TraceReportIn, input),
    // Copies are issued without an event on the live channel: the list is read again with each trace.
    onSuccess: () => client.invalidateQueries({ queryKey: tracingKey(id, 'copies') }),
  });
};

export type CopyDoc = { kind: 'version' | 'readout'; docId: string };

const copyPath = (id: string, doc: CopyDoc, lang: string) =>
  doc.kind === 'version'
    ? `${base(id)}/versions/${doc.docId}/copy?${q(lang)}`
    : `${base(id)}/readouts/${doc.docId}/export?format=view&${q(lang)}`;

/** My own copy of a version or readout, as the print/copy view shows it. */
export const useCopy = (id: string, doc: CopyDoc, lang: string) =>
  useQuery({
    queryKey: ['copy', id, doc.kind, doc.docId, lang],
    queryFn: () => api.get(copyPath(id, doc, lang), PrintCopy),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });

export type FileFormat = 'md' | 'txt' | 'docx' | 'pdf';

/** A download of my copy; the server issues and records it when the link is followed. */
export const exportHref = (id: string, doc: CopyDoc, format: FileFormat, lang: string) =>
  doc.kind === 'version'
    ? `${base(id)}/versions/${doc.docId}/export?format=${format}&${q(lang)}`
    : `${base(id)}/readouts/${doc.docId}/export?format=${format}&${q(lang)}`;

/** The app's address of the print/copy view. */
export const copyViewPath = (id: string, doc: CopyDoc, lang: string) =>
  `/n/${id}/${doc.kind === 'version' ? 'versions' : 'readouts'}/${doc.docId}/copy?${q(lang)}`;
