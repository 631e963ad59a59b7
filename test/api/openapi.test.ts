import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/server/openapi-document.ts';
import { allRoutes } from '../../src/server/routes/index.ts';

describe('the OpenAPI document', () => {
  it('is committed and up to date (run `npm run openapi` after changing a route)', () => {
    const committed = readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8').trimEnd();
    expect(committed).toBe(openApiDocument());
  });

  it('documents every route once, with a unique operationId', () => {
    const doc = JSON.parse(openApiDocument()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ops).toHaveLength(allRoutes.length);
    expect(new Set(ops).size).toBe(ops.length);
  });
});
