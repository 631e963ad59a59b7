/** The settlement's reads and writes, under the negotiation's keys so the live channel refreshes them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordPackageInput } from '../../../../src/domain/settlement/commands/record-package.ts';
import type { SaveSpaceInput } from '../../../../src/domain/settlement/commands/save-space.ts';
import type { SubmitScoresInput } from '../../../../src/domain/settlement/commands/submit-scores.ts';
import { api } from '../../api/client.ts';
import { AnalysisOut, SettlementOut, Written } from '../../api/schemas.ts';
import { nKey } from '../../negotiation/queries.ts';

const base = (id: string) => `/api/negotiations/${id}/settlement`;

export const settlementKey = (id: string) => nKey(id, 'settlement');

export const useSettlement = (id: string) =>
  useQuery({ queryKey: settlementKey(id), queryFn: () => api.get(base(id), SettlementOut) });

function useWrite<I, O>(id: string, send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: settlementKey(id) }),
  });
}

export const useSaveSpace = (id: string) =>
  useWrite(id, (input: SaveSpaceInput) => api.put(`${base(id)}/space`, Written, input));

export const useSubmitScores = (id: string) =>
  useWrite(id, (input: SubmitScoresInput) => api.put(`${base(id)}/scores`, Written, input));

/** Runs the engine; the suggested packages it records join the history, so the settlement is refreshed too. */
export const useAnalyse = (id: string) =>
  useWrite(id, (input: { visibility: 'mediator' | 'parties' }) => api.post(`${base(id)}/analyses`, AnalysisOut, input));

export const useRecordPackage = (id: string) =>
  useWrite(id, (input: RecordPackageInput) => api.post(`${base(id)}/packages`, Written, input));

export const useSharePackage = (id: string) =>
  useWrite(id, (packageId: string) => api.post(`${base(id)}/packages/${packageId}/share`, Written));

export const useSetBaseline = (id: string) =>
  useWrite(id, (packageId: string | null) => api.put(`${base(id)}/baseline`, Written, { packageId }));
