/**
 * The OpenAPI 3.1 document, generated from the route declarations. OpenAPI 3.1 uses JSON
 * Schema 2020-12, which is what zod emits, so schemas go in unchanged.
 */
import { z } from 'zod';
import type { AnyRouteSpec } from './route.ts';

const ProblemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' },
    detail: { type: 'string', description: 'What went wrong and what to do, for a person.' },
    code: { type: 'string', description: 'Stable machine-readable code, e.g. version_conflict.' },
    instance: { type: 'string' },
  },
};

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

function parametersOf(spec: AnyRouteSpec): unknown[] {
  const out: unknown[] = [];
  for (const [where, schema] of [['path', spec.params], ['query', spec.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema as z.ZodType, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s });
    }
  }
  return out;
}

export function buildOpenApi(specs: readonly AnyRouteSpec[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of [...specs].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method))) {
    const path = spec.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = String(spec.status ?? 200);
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = {
      operationId: spec.operationId,
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.auth === 'none' ? { security: [] } : { 'x-required-scope': spec.auth }),
      parameters: parametersOf(spec),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(spec.body as z.ZodType, 'input') } } } } : {}),
      responses: {
        [status]: status === '204' ? { description: 'Done' } : { description: 'OK', content: { 'application/json': { schema: schemaOf(spec.response as z.ZodType, 'output') } } },
        default: { description: 'A problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Parley API', version, description: 'The record and workroom of a confidential multi-party negotiation.' },
    servers: [{ url: '/' }],
    security: [{ session: [] }, { token: [] }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'parley_session', description: 'Writes also need the X-CSRF-Token header from sign-in.' },
        token: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/account/tokens.' },
      },
      schemas: { Problem: ProblemSchema },
    },
    paths,
  };
}
