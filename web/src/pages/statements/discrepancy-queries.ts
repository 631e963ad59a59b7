/** Discrepancies as the server computes them for me (never from positions I may not see). */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { nKey } from '../../negotiation/queries.ts';
import { DiscrepancyOut } from '../../../../src/protocol/statements.schema.ts';

export type { DiscrepancyOut };

export function useDiscrepancies(id: string, pointId?: string) {
  const q = pointId ? `?pointId=${encodeURIComponent(pointId)}` : '';
  return useQuery({
    queryKey: nKey(id, 'statements', 'discrepancies', pointId ?? null),
    queryFn: async () => (await api.get(`/api/negotiations/${id}/discrepancies${q}`, z.object({ items: z.array(DiscrepancyOut) }))).items,
  });
}
