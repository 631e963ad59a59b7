import { API_VERSION } from './app.ts';
import { buildOpenApi } from './openapi.ts';
import { allRoutes } from './routes/index.ts';

/** The committed document's exact text, so a test can tell when it is stale. */
export function openApiDocument(): string {
  return JSON.stringify(buildOpenApi(allRoutes, API_VERSION), null, 2);
}
