import type { FastifyInstance } from 'fastify';
import type { Database } from '../../store/database.ts';

export function healthRoutes(app: FastifyInstance, opts: { db: Database }, done: () => void): void {
  app.get('/api/health', async (_request, reply) => {
    try {
      await opts.db.query('SELECT 1');
      return { status: 'ok', storage: opts.db.kind };
    } catch {
      return reply.code(503).type('application/problem+json').send({
        type: 'https://parley.dev/problems/storage_unavailable', title: 'storage unavailable', status: 503,
        code: 'storage_unavailable', detail: 'The database does not answer; check that it is running.',
      });
    }
  });
  done();
}
