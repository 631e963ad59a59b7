/**
 * The CLI's way to a running Parley server: Node's own fetch, the bearer token, and one
 * translation of every failure into a ParleyError whose message is the server's `detail`
 * (or what stopped the request from arriving), so main.ts prints one line and exits
 * non-zero. Answers are checked against the protocol's zod schemas, lightly: enough to
 * say "this server speaks another version" instead of crashing on a missing field.
 */
import type { z } from 'zod';
import { errorCodes, ParleyError, type ErrorCode } from '../../domain/errors.ts';

/** A server that takes longer than this to answer is reported, not waited on forever. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * An error the server sent (or an answer that never came). It keeps the HTTP status, so
 * main.ts's exit code follows the server's own judgement: 4xx is the caller's input (2),
 * anything else is the server or the network (1).
 */
export class ServerError extends ParleyError {
  /** The HTTP status, or 503 when no answer arrived. */
  readonly httpStatus: number;
  /** The problem's `code` as the server sent it, which may be one this CLI does not know. */
  readonly problemCode: string;

  constructor(httpStatus: number, problemCode: string, message: string, detail?: Record<string, unknown>) {
    super(knownCode(problemCode) ?? codeForStatus(httpStatus), message, detail);
    this.httpStatus = httpStatus;
    this.problemCode = problemCode;
  }

  override get status(): number {
    return this.httpStatus;
  }
}

function knownCode(code: string): ErrorCode | undefined {
  return Object.hasOwn(errorCodes, code) ? (code as ErrorCode) : undefined;
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'action_denied';
  if (status === 404) return 'not_found';
  if (status === 409) return 'already_exists';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'invalid_input';
  return 'storage_unavailable';
}

/** Server text goes to a terminal: one line, no escape sequences a hostile server could use. */
export function terminalSafe(text: string, { oneLine = false } = {}): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => (c === '\r' ? '' : '\uFFFD'));
  return oneLine ? cleaned.replace(/\s*[\n\t]\s*/g, ' ').trim() : cleaned;
}

export interface Problem {
  status: number;
  code: string;
  detail: string;
  extra: Record<string, unknown>;
}

/** Reads an RFC 9457 problem, or makes one out of whatever a proxy in the way sent. */
export function readProblem(status: number, statusText: string, body: unknown): Problem {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const { detail, title, code, type: _type, status: _status, instance: _instance, ...extra } = body as Record<string, unknown>;
    const text = typeof detail === 'string' && detail.trim() !== '' ? detail : typeof title === 'string' ? title : '';
    if (text !== '') return { status, code: typeof code === 'string' ? code : '', detail: terminalSafe(text, { oneLine: true }), extra };
  }
  return { status, code: '', detail: `the server answered ${status}${statusText ? ` ${statusText}` : ''}`, extra: {} };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON; the text itself when the body is not JSON; null when empty. */
  body: unknown;
}

export interface RequestOptions<S extends z.ZodType> {
  body?: unknown;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  /** Checks the answer; without it the body is returned unchecked. */
  schema?: S;
}

export interface ClientOptions {
  /** The bearer token; null for the calls that come before one exists (sign-in). */
  token: string | null;
  /** Said in the 401 message: how to get a token that works. */
  signInHint?: string;
  timeoutMs?: number;
}

/** `https://host[:port][/base]` without a trailing slash, or an input error saying what a server URL looks like. */
export function normalizeServerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ParleyError('invalid_input', `--server expects the address of a Parley server such as https://parley.example.org or http://127.0.0.1:3000, not "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ParleyError('invalid_input', `--server must be an http:// or https:// address, not "${value}".`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ParleyError('invalid_input', `--server is the server's address only, without a user, query or fragment: "${value}".`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** True when requests to this server travel in clear over a network (not loopback). */
export function isCleartextRemote(server: string): boolean {
  const url = new URL(server);
  if (url.protocol === 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return !(host === 'localhost' || host === '::1' || /^127\./.test(host));
}

function unreachable(server: string, e: unknown): ServerError {
  const err = e as Error & { cause?: unknown };
  if (err.name === 'TimeoutError') return new ServerError(504, 'timeout', `the Parley server at ${server} did not answer in time; try again, or check that it is running`);
  // undici hides the system error (ECONNREFUSED, ENOTFOUND, ...) in `cause`, sometimes in an AggregateError.
  let cause = err.cause as (Error & { code?: string; errors?: (Error & { code?: string })[] }) | undefined;
  if (cause?.errors?.[0]) cause = cause.errors[0];
  const why = cause ? [cause.code, cause.message && cause.message !== cause.code ? cause.message : ''].filter(Boolean).join(' ') : err.message;
  return new ServerError(503, 'unreachable', `cannot reach the Parley server at ${server}: ${terminalSafe(why || 'no answer', { oneLine: true })}`);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  const type = response.headers.get('content-type') ?? '';
  if (/json/i.test(type)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export class ParleyClient {
  readonly server: string;
  readonly #token: string | null;
  readonly #signInHint: string;
  readonly #timeoutMs: number;

  constructor(server: string, options: ClientOptions) {
    this.server = normalizeServerUrl(server);
    this.#token = options.token;
    this.#signInHint = options.signInHint ?? 'run parley login';
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  url(path: string, query?: Record<string, string | undefined>): string {
    const url = new URL(this.server + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    return url.toString();
  }

  /** One request, whatever its answer; throws only when no answer arrived. */
  async send(method: string, path: string, options: { body?: unknown; query?: Record<string, string | undefined>; headers?: Record<string, string> } = {}): Promise<RawResponse> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers };
    if (this.#token !== null) headers.authorization = `Bearer ${this.#token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(this.url(path, options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        // A token is never sent on to wherever a redirect points; the person is told instead.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (e) {
      throw unreachable(this.server, e);
    }
    let body: unknown;
    try {
      body = await readBody(response);
    } catch (e) {
      throw unreachable(this.server, e);
    }
    return { status: response.status, headers: response.headers, body };
  }

  /** The error a non-2xx answer stands for, worded for the person at the terminal. */
  problem(response: RawResponse, statusText = ''): ServerError {
    if (response.status >= 300 && response.status < 400) {
      const to = response.headers.get('location') ?? 'another address';
      return new ServerError(502, 'redirect', `the server at ${this.server} redirects to ${terminalSafe(to, { oneLine: true })}; sign in again with --server set to the address the API answers at`);
    }
    const p = readProblem(response.status, statusText, response.body);
    if (response.status === 401 && this.#token !== null) {
      return new ServerError(401, p.code || 'unauthenticated', `not signed in: ${this.#signInHint} (the server at ${this.server} said: ${p.detail})`, p.extra);
    }
    return new ServerError(p.status, p.code, p.detail, p.extra);
  }

  /** A request that must succeed; its body checked against `schema` when one is given. */
  async request<S extends z.ZodType = z.ZodUnknown>(method: string, path: string, options: RequestOptions<S> = {}): Promise<{ data: z.output<S>; raw: unknown; response: RawResponse }> {
    const response = await this.send(method, path, options);
    if (response.status < 200 || response.status >= 300) throw this.problem(response);
    if (!options.schema) return { data: response.body as z.output<S>, raw: response.body, response };
    const parsed = options.schema.safeParse(response.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw new ServerError(502, 'unexpected_answer',
        `the server at ${this.server} answered ${method} ${path} with something this parley does not understand (${where}${issue?.message ?? 'unexpected shape'}); are the CLI and the server the same version?`);
    }
    return { data: parsed.data, raw: response.body, response };
  }

  async get<S extends z.ZodType>(path: string, schema: S, query?: Record<string, string | undefined>): Promise<{ data: z.output<S>; raw: unknown }> {
    return this.request('GET', path, { schema, query });
  }

  async post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<{ data: z.output<S>; raw: unknown }> {
    return this.request('POST', path, { body, schema });
  }
}
