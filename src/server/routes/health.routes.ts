import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import { defineRoute } from '../route.ts';

export const healthRoutes = [
  defineRoute({
    method: 'GET', url: '/api/health', operationId: 'health', summary: 'Is the server up and its database answering?', tags: ['system'], auth: 'none',
    response: z.object({ status: z.literal('ok'), storage: z.enum(['pglite', 'postgres']) }),
    async handler({ deps }) {
      try {
        await deps.db.query('SELECT 1');
      } catch {
        throw new ParleyError('storage_unavailable', 'The database does not answer; check that it is running.');
      }
      return { status: 'ok' as const, storage: deps.db.kind };
    },
  }),
];
