/**
 * The web app: the files `vite build` wrote to web/dist, and index.html for any other GET
 * that is not under /api, so a deep link (/n/<id>/points/<id>) opens the app at that page.
 * Hashed assets are cached for a year; index.html never, so a new build is seen at once.
 * A strict Content-Security-Policy: everything comes from this origin, nothing from a CDN.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import { WEB_DIST } from './web-dist.ts';

export { WEB_DIST };

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style attributes (chart sizes); no inline <style> or script is used.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function secureHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
}

export const webPlugin = fp(async (app: FastifyInstance, opts: { dist?: string }) => {
  const dist = opts.dist ?? WEB_DIST;
  const built = existsSync(`${dist}index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      setHeaders(res, path) {
        res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/')) secureHeaders(reply);
  });
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (wantsPage && built) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    if (wantsPage) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The web app is not built yet. Run `npm run build:web` (npm start does it for you), then reload.\n');
    }
    return reply.code(404).type('application/problem+json').send({
      type: 'https://parley.dev/problems/not_found', title: 'not found', status: 404, code: 'not_found',
      detail: `There is nothing at ${request.method} ${request.url}.`, instance: request.url,
    });
  });
});
