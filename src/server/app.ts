/**
 * The HTTP server: cookies, authentication, the declared routes, their OpenAPI document,
 * and the live channel. Routes stay thin: authenticate, parse, one store call, present.
 */
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../store/database.ts';
import { authPlugin } from './auth/auth.plugin.ts';
import { livePlugin } from './live/live.plugin.ts';
import { buildOpenApi } from './openapi.ts';
import { sendProblem } from './problem.ts';
import { allRoutes } from './routes/index.ts';
import { webPlugin } from './web/web.plugin.ts';
import { registerRoutes } from './route.ts';

export const API_VERSION = '0.2.0';

export interface AppOptions {
  db: Database;
  /** Mark cookies Secure: on whenever the server is reached over TLS (directly or via a proxy). */
  secureCookies?: boolean;
  /** true: log to stdout; or a stream to log to (tests capture it to prove no secret is ever logged). */
  logger?: boolean | { stream: { write(line: string): void }; level?: string };
  /** Trust X-Forwarded-* from these proxy addresses ("loopback", "10.0.0.0/8,..."); off by default. */
  trustProxy?: false | string;
  /** Where the built web app is (default web/dist); tests may point elsewhere. */
  webDist?: string;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? {
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      ...(typeof opts.logger === 'object' ? { stream: opts.logger.stream, level: opts.logger.level ?? 'info' } : {}),
    } : false,
    bodyLimit: 5 * 1024 * 1024,
    // Only behind a proxy we were told about: otherwise X-Forwarded-For would let any client
    // pick the address the sign-in throttle counts against.
    trustProxy: opts.trustProxy ?? false,
    // A URL Fastify cannot route (bad percent-encoding, an over-long id) is refused before any
    // error handler runs; it gets problem+json like every other refusal.
    frameworkErrors: (error, request, reply) => void sendProblem(request, reply, error),
  });
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  await app.register(cookie);
  await app.register(authPlugin, { db: opts.db, secureCookies: opts.secureCookies ?? false });
  registerRoutes(app, allRoutes, { db: opts.db });
  await app.register(livePlugin, { db: opts.db });
  const openapi = buildOpenApi(allRoutes, API_VERSION);
  app.get('/api/openapi.json', () => openapi);
  // Last: it owns the not-found handler (the app's pages for a browser, problem+json for the API).
  await app.register(webPlugin, opts.webDist ? { dist: opts.webDist } : {});
  return app;
}
