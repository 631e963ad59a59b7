/**
 * The HTTP server. For now: health and a read-only view of a negotiation; accounts and the
 * full API come next. Routes stay thin: parse, decide who is asking, one store call.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../store/database.ts';
import { sendProblem } from './problem.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { negotiationRoutes } from './routes/negotiation.routes.ts';

export interface AppOptions {
  db: Database;
  /**
   * Until accounts exist, a request from this machine may read as a member (`?as=`): the
   * operator who runs the server can read its data directory anyway. Never enabled for
   * a server listening beyond loopback.
   */
  localViewer: boolean;
  logger?: boolean;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 5 * 1024 * 1024 });
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).type('application/problem+json').send({
      type: 'https://parley.dev/problems/not_found', title: 'not found', status: 404, code: 'not_found',
      detail: `There is nothing at ${request.method} ${request.url}.`, instance: request.url,
    }));
  await app.register(healthRoutes, { db: opts.db });
  await app.register(negotiationRoutes, { db: opts.db, localViewer: opts.localViewer });
  return app;
}
