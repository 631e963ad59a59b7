/**
 * `GET /api/live?negotiation=<id>&after=<seq>`: the negotiation's events as they are
 * recorded, over WebSocket, each subscriber getting exactly those it may see (the message
 * protocol is in src/protocol/live.schema.ts). Authentication is the HTTP one: the session
 * cookie that a browser sends with the upgrade, or `Authorization: Bearer <token>` from
 * other clients. A token in the query string is refused, never used: URLs end up in logs.
 * A refused connection is accepted, told why in an `error` message and closed with a
 * 44xx code, because a browser cannot read the HTTP status of a failed upgrade.
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { WebSocket } from 'ws';
import { SESSION_IDLE_MS } from '../../domain/accounts/lifetimes.ts';
import { ParleyError } from '../../domain/errors.ts';
import { LiveClose, LiveQuery, type LiveCloseCode } from '../../protocol/live.schema.ts';
import type { Database } from '../../store/database.ts';
import { memberOf, type MemberActor } from '../viewer.ts';
import { LiveHub } from './hub.ts';
import { closeReason, errorFrame } from './messages.ts';
import { Subscription, type LiveSocket } from './subscription.ts';

export interface LiveOptions {
  /** Unsent bytes a subscriber may have queued before it is disconnected as too slow. */
  maxBufferedBytes: number;
  heartbeatMs: number;
  /** Events per database read. */
  pageSize: number;
  /** A session unused for this long has ended; checked on every heartbeat. */
  sessionIdleMs: number;
}

export const liveDefaults: LiveOptions = { maxBufferedBytes: 4 * 1024 * 1024, heartbeatMs: 30_000, pageSize: 500, sessionIdleMs: SESSION_IDLE_MS };

export interface LivePluginOptions extends Partial<LiveOptions> {
  db: Database;
}

const OPEN = 1;

function closeCodeFor(status: number): LiveCloseCode {
  switch (status) {
    case 400: return LiveClose.invalidInput;
    case 401: return LiveClose.unauthenticated;
    case 403: return LiveClose.forbidden;
    case 404: return LiveClose.notFound;
    default: return LiveClose.internal;
  }
}

function refuse(socket: LiveSocket, code: LiveCloseCode, errorCode: string, detail: string): void {
  if (socket.readyState !== OPEN) return;
  socket.send(errorFrame(errorCode, detail), { binary: false });
  socket.close(code, closeReason(detail));
}

/**
 * A browser sends the session cookie with a WebSocket upgrade from any site that opens one
 * (cross-site WebSocket hijacking). A cookie-authenticated connection must therefore come
 * from a page of this origin; a client that sends no Origin is not a browser.
 */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

/**
 * Registered as a root plugin (fastify-plugin): an upgrade request that a root hook
 * answers over HTTP (the auth plugin's 401 for a bad token) must still have its socket
 * closed, and only a root hook sees every such response.
 */
export const livePlugin = fp(liveChannel, { name: 'parley-live' });

async function liveChannel(app: FastifyInstance, opts: LivePluginOptions): Promise<void> {
  const { db, ...rest } = opts;
  const options: LiveOptions = { ...liveDefaults, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
  const hub = new LiveHub({ db, pageSize: options.pageSize, heartbeatMs: options.heartbeatMs, sessionIdleMs: options.sessionIdleMs, log: app.log });

  await app.register(websocket, {
    // The channel is one-way: clients have nothing to say beyond control frames.
    options: { maxPayload: 1024 },
    async preClose() {
      await hub.close();
      for (const client of app.websocketServer.clients) client.close(LiveClose.goingAway, 'The server is shutting down.');
      await new Promise<void>((resolve) => {
        app.websocketServer.close(() => resolve());
      });
    },
  });

  // Node hands an upgrade request's socket to us and stops reading it; one answered with an
  // HTTP error (not upgraded) would stay open, half-dead, until the process ends.
  app.addHook('onResponse', (request, _reply, done) => {
    if (request.headers.upgrade?.toLowerCase() === 'websocket') request.raw.socket.destroy();
    done();
  });

  app.route({
    method: 'GET',
    url: '/api/live',
    // A plain GET is told what to do instead of getting a bare 404.
    handler: (request, reply) => reply.code(426).header('upgrade', 'websocket').type('application/problem+json').send({
      type: 'https://parley.dev/problems/upgrade_required', title: 'upgrade required', status: 426, code: 'upgrade_required',
      detail: 'The live channel speaks WebSocket: open ws(s)://<host>/api/live?negotiation=<id>&after=<seq>.', instance: request.url,
    }),
    wsHandler: serve,
  });

  async function serve(socket: WebSocket, request: FastifyRequest): Promise<void> {
    let sub: Subscription | null = null;
    socket.on('close', () => sub?.gone());
    socket.on('pong', () => {
      if (sub) sub.alive = true;
    });

    const query = (request.query ?? {}) as Record<string, unknown>;
    if (Object.hasOwn(query, 'token')) {
      refuse(socket, LiveClose.invalidInput, 'invalid_input', 'Do not put an API token in the URL; send it as "Authorization: Bearer <token>", or sign in for a session cookie.');
      return;
    }
    const parsed = LiveQuery.safeParse(query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      refuse(socket, LiveClose.invalidInput, 'invalid_input', `${issue?.path.join('.') ?? 'query'}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    const { negotiation, after } = parsed.data;
    const auth = request.auth;
    if (!auth) {
      refuse(socket, LiveClose.unauthenticated, 'unauthenticated', 'Sign in first, or send an API token as "Authorization: Bearer <token>".');
      return;
    }
    if (!auth.scopes.includes('read')) {
      refuse(socket, LiveClose.forbidden, 'action_denied', 'This API token does not have the "read" scope; issue one that does.');
      return;
    }
    if (auth.via === 'session' && !sameOrigin(request)) {
      refuse(socket, LiveClose.forbidden, 'action_denied', 'A signed-in live connection must come from a page of this site.');
      return;
    }
    let actor: MemberActor;
    try {
      actor = await memberOf(db, negotiation, auth);
    } catch (e) {
      if (!(e instanceof ParleyError)) throw e;
      refuse(socket, closeCodeFor(e.status), e.code, e.message);
      return;
    }
    if (socket.readyState !== OPEN) return;
    const s = new Subscription(socket, negotiation, actor, { accountId: auth.accountId, sessionId: auth.sessionId, tokenId: auth.tokenId }, after, options.maxBufferedBytes);
    sub = s;
    try {
      await hub.subscribe(s);
    } catch (e) {
      request.log.error({ err: e }, 'live: subscribing failed');
      s.fail(LiveClose.internal, 'internal', 'The live feed is not available right now; try again shortly.');
    }
  }
}
