/**
 * How `parley serve` serves the web app: the built files, index.html for any page path (deep
 * links), problem+json (never the app) for unknown API paths, a strict CSP without any
 * third-party origin, long caching for hashed assets only, and a plain message when the app
 * was never built.
 */
import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { freshDatabase, type TestDatabase } from '../helpers/databases.ts';

describe('serving the web app', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let unbuilt: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Parley</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    t = await freshDatabase('pglite');
    app = await buildApp({ db: t.db, webDist: `${dir}/` });
    unbuilt = await buildApp({ db: t.db, webDist: join(dir, 'missing') + '/' });
  });
  afterAll(async () => {
    await app.close();
    await unbuilt.close();
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a deep link with the app, uncached, under a same-origin CSP', async () => {
    for (const url of ['/', '/n/d5d1f4a1-2c48-4223-9000-000000000001/points/x', '/sign-in?next=%2F', '/invitations/accept']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type']).toMatch(/text\/html/);
      expect(r.body).toContain('<div id="root">');
      expect(r.headers['cache-control']).toBe('no-cache');
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/https?:/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('caches hashed assets for a year', async () => {
    const r = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toContain('immutable');
  });

  it('a missing asset or API path is a 404 problem, never the app', async () => {
    for (const url of ['/assets/nope.js', '/api/nope', '/api/negotiations/x/nope']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.json<{ code: string }>().code).toBe('not_found');
    }
    const post = await app.inject({ method: 'POST', url: '/somewhere', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('says plainly how to build the app when it was never built', async () => {
    const r = await unbuilt.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(503);
    expect(r.body).toContain('npm run build:web');
    const api = await unbuilt.inject({ method: 'GET', url: '/api/health' });
    expect(api.statusCode).toBe(200);
  });
});
