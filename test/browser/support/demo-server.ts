/**
 * The app as `npm start` runs it (the demo loaded, the built web app served), on a free
 * port of 127.0.0.1, over a fresh embedded database.
 */
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { buildDemo, type DemoResult } from '../../../src/demo/build-demo.ts';
import { buildApp } from '../../../src/server/app.ts';
import { WEB_DIST } from '../../../src/server/web/web.plugin.ts';
import type { Database } from '../../../src/store/database.ts';
import { freshDatabase } from '../../helpers/databases.ts';

export interface DemoServer {
  url: string;
  db: Database;
  demo: DemoResult;
  app: FastifyInstance;
  close: () => Promise<void>;
}

/** PARLEY_WEB_DIST points at another build (a developer building to a private folder). */
const webDist = process.env.PARLEY_WEB_DIST?.replace(/\/?$/, '/') ?? WEB_DIST;

export async function startDemoServer(): Promise<DemoServer> {
  if (!existsSync(`${webDist}index.html`)) throw new Error(`${webDist}index.html is missing: the test command builds the web app (npm run build:web)`);
  const fresh = await freshDatabase('pglite');
  const db = fresh.db;
  const demo = await buildDemo(db);
  const app = await buildApp({ db, logger: false, webDist });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url, db, demo, app,
    close: async () => {
      await app.close();
      await fresh.dispose();
    },
  };
}
