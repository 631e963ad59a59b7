/**
 * Routes are data: each is declared once with its zod schemas, and the same declaration
 * registers it in Fastify and documents it in OpenAPI, so the document cannot drift from
 * what the server accepts. Every route reads as one chain: authenticate, parse, one call,
 * present; errors become problem+json in one place (problem.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ParleyError } from '../domain/errors.ts';
import type { Database } from '../store/database.ts';
import { requireAuth, type Auth, type Scope } from './auth/request-auth.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What every handler may use; servers share nothing else. */
export interface RouteDeps {
  db: Database;
}

export interface HandlerContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Null only on routes declared `auth: 'none'`. */
  auth: Auth | null;
  deps: RouteDeps;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  method: Method;
  /** Fastify style, `/api/negotiations/:id`. */
  url: string;
  operationId: string;
  summary: string;
  tags: string[];
  /** `none`: anyone; otherwise the scope a caller must hold. */
  auth: 'none' | Scope;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: 200 | 201 | 202 | 204;
  /** Bytes a request body may have, where the app's default (5 MB) is too small: document uploads. */
  bodyLimit?: number;
  handler: (ctx: HandlerContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R>>;
}

// Heterogeneous specs go into one list; each was type-checked where it was defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRouteSpec = RouteSpec<any, any, any, any>;

export function defineRoute<P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined, R extends z.ZodType = z.ZodType>(
  spec: RouteSpec<P, Q, B, R>,
): RouteSpec<P, Q, B, R> {
  return spec;
}

/** A lone UTF-16 surrogate: JSON can carry one (`"\ud800"`), UTF-8 and PostgreSQL cannot. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/**
 * Refuses input PostgreSQL cannot store in text or jsonb (NUL, lone surrogates) anywhere in
 * the params, query or body, keys included, before any field reaches a query: otherwise
 * the database refuses it and the caller gets a 500. Iterative, for deeply nested bodies.
 */
export function refuseUnstorable(input: { params?: unknown; query?: unknown; body?: unknown }): void {
  // Body fields are named as zod names them ("texts.en"); params and query by where they came.
  const stack: [unknown, string][] = [[input.params, 'params'], [input.query, 'query'], [input.body, '']];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      if (unstorable(value)) throw new ParleyError('invalid_input', `${path || 'body'}: contains a NUL or an unpaired surrogate, which cannot be stored`);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (unstorable(k)) throw new ParleyError('invalid_input', `${path || 'body'}: a key contains a NUL or an unpaired surrogate, which cannot be stored`);
        stack.push([v, path ? `${path}.${k}` : k]);
      }
    }
  }
}

export function registerRoutes(app: FastifyInstance, specs: readonly AnyRouteSpec[], deps: RouteDeps): void {
  for (const spec of specs) {
    app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit === undefined ? {} : { bodyLimit: spec.bodyLimit }),
      handler: async (request, reply) => {
        const auth = spec.auth === 'none' ? request.auth : requireAuth(request, spec.auth);
        refuseUnstorable({ params: request.params, query: request.query, body: request.body });
        const schemas = spec as RouteSpec;
        const params: unknown = schemas.params ? schemas.params.parse(request.params) : undefined;
        const query: unknown = schemas.query ? schemas.query.parse(request.query ?? {}) : undefined;
        const body: unknown = schemas.body ? schemas.body.parse(request.body ?? {}) : undefined;
        const out: unknown = await spec.handler({ params, query, body, auth, deps, request, reply });
        if (spec.status === 204) return reply.code(204).send();
        return reply.code(spec.status ?? 200).send(out);
      },
    });
  }
}

/** A page of a list: `nextCursor` is opaque and null on the last page. */
export const Page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Query of a whole-list route: pages of up to 1,000, all of a typical negotiation in one. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  cursor: z.string().max(200).optional(),
});

/**
 * Pages a list already read under row-level security. Offset cursors are fine at these
 * sizes (a negotiation's points, parties, rounds); the event log pages by seq instead.
 */
export function paginate<T>(items: readonly T[], query: { limit: number; cursor?: string | undefined }): { items: T[]; nextCursor: string | null } {
  const raw = query.cursor ? Number.parseInt(Buffer.from(query.cursor, 'base64url').toString('utf8'), 10) : 0;
  const offset = Number.isSafeInteger(raw) && raw > 0 ? raw : 0;
  const end = offset + query.limit;
  return { items: items.slice(offset, end), nextCursor: end < items.length ? Buffer.from(String(end), 'utf8').toString('base64url') : null };
}

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});
