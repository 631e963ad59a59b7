/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie,
 * the CSRF header on every write, answers checked against the protocol's zod schemas, and
 * problem+json turned into an ApiError a page can show as it is.
 */
import type { z } from 'zod';

export interface Problem {
  status: number;
  code: string;
  detail: string;
  /** Extra members of the problem document (a version conflict carries `current`). */
  extra: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly extra: Record<string, unknown>;
  constructor(p: Problem) {
    super(p.detail);
    this.name = 'ApiError';
    this.status = p.status;
    this.code = p.code;
    this.extra = p.extra;
  }
}

let csrfToken: string | null = null;
/** Set from sign-in or /api/auth/me; writes carry it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function problemOf(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    const { status: _s, code, detail, type: _t, title: _ti, instance: _i, ...extra } = body;
    return {
      status: res.status,
      code: typeof code === 'string' ? code : 'http_' + String(res.status),
      detail: typeof detail === 'string' ? detail : res.statusText,
      extra,
    };
  }
  return { status: res.status, code: 'http_' + String(res.status), detail: res.statusText || 'The server did not answer as expected.', extra: {} };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<S extends z.ZodType>(method: Method, path: string, schema: S | null, body?: unknown): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? null : JSON.stringify(body) });
  } catch {
    throw new ApiError({ status: 0, code: 'offline', detail: 'The server cannot be reached. Check the connection; nothing was saved.', extra: {} });
  }
  if (!res.ok) throw new ApiError(await problemOf(res));
  if (res.status === 204) return undefined as z.infer<S>;
  const json: unknown = await res.json();
  if (!schema) return json as z.infer<S>;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({ status: 0, code: 'bad_answer', detail: `The server's answer to ${path} was not understood: ${parsed.error.issues[0]?.message ?? ''}`, extra: {} });
  }
  return parsed.data;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S) => request('GET', path, schema),
  post: <S extends z.ZodType>(path: string, schema: S | null, body: unknown = {}) => request('POST', path, schema, body),
  put: <S extends z.ZodType>(path: string, schema: S | null, body: unknown) => request('PUT', path, schema, body),
  patch: <S extends z.ZodType>(path: string, schema: S | null, body: unknown) => request('PATCH', path, schema, body),
  delete: (path: string) => request('DELETE', path, null),
};

/** Every page of a paged list (`{items, nextCursor}`); lists here are bounded by a negotiation. */
export async function getAll<T>(path: string, page: z.ZodType<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const url: string = cursor ? `${path}${sep}limit=500&cursor=${encodeURIComponent(cursor)}` : `${path}${sep}limit=500`;
    const p: { items: T[]; nextCursor: string | null } = await api.get(url, page);
    out.push(...p.items);
    cursor = p.nextCursor;
  } while (cursor);
  return out;
}
