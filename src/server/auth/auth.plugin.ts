/**
 * Establishes `request.auth` for every request. Sessions, API tokens and CSRF checks are
 * added by the accounts work; until then no request is authenticated.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../../store/database.ts';

export interface AuthPluginOptions { db: Database; secureCookies: boolean }

export const authPlugin = fp((app: FastifyInstance, _opts: AuthPluginOptions, done: () => void) => {
  app.decorateRequest('auth', null);
  done();
});
