/** Imported reports: the list (without text) and one report with its lines. */
import { useQuery } from '@tanstack/react-query';
import { api, getAll } from '../../api/client.ts';
import { page } from '../../api/schemas.ts';
import { nKey } from '../../negotiation/queries.ts';
import { ReportOut, ReportSummaryOut } from '../../../../src/protocol/statements.schema.ts';

export const useReports = (id: string) =>
  useQuery({ queryKey: nKey(id, 'statements', 'reports'), queryFn: () => getAll(`/api/negotiations/${id}/reports`, page(ReportSummaryOut)) });

export const useReport = (id: string, reportId: string) =>
  useQuery({ queryKey: nKey(id, 'statements', 'report', reportId), queryFn: () => api.get(`/api/negotiations/${id}/reports/${reportId}`, ReportOut) });
