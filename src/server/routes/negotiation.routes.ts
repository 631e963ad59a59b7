import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import { publicViewer, systemActor, type Actor } from '../../domain/policy/actor.ts';
import type { Database } from '../../store/database.ts';
import { listNegotiations, memberActor, readNegotiationView } from '../../store/negotiation-view.ts';

const Params = z.object({ id: z.uuid({ error: 'is not a negotiation id' }) });
const Query = z.object({ as: z.uuid({ error: 'must be a member id' }).optional() });

function isLoopback(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
}

export function negotiationRoutes(app: FastifyInstance, opts: { db: Database; localViewer: boolean }, done: () => void): void {
  // Without accounts, only the local operator sees every negotiation; others see public ones.
  app.get('/api/negotiations', async (request) => ({
    items: await listNegotiations(opts.db, opts.localViewer && isLoopback(request.ip) ? systemActor : publicViewer),
  }));

  app.get('/api/negotiations/:id', async (request) => {
    const { id } = Params.parse(request.params);
    const { as } = Query.parse(request.query);
    let viewer: Actor = publicViewer;
    if (as) {
      if (!opts.localViewer || !isLoopback(request.ip)) {
        throw new ParleyError('visibility_denied', 'Reading as a member needs a signed-in account; this server only allows it from its own machine.');
      }
      viewer = await memberActor(opts.db, id, as);
    }
    return readNegotiationView(opts.db, id, viewer);
  });
  done();
}
