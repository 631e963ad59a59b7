/**
 * The live channel, `GET /api/live?negotiation=<id>&after=<seq>` over WebSocket. The
 * server speaks, the client listens; every message is one JSON text frame.
 *
 *   event  one recorded event the subscriber may see, in seq order, each exactly once
 *   ready  the backlog (seq > after) is sent; `headSeq` is the head it was read against
 *   head   the head moved past the last event sent, through events this subscriber may not
 *          see; nothing is missing
 *   ping   heartbeat, so a browser (which cannot see WebSocket pings) notices a dead link
 *   error  why the server is about to close the connection
 *
 * Visible seqs have gaps, so a client keeps one cursor: the largest of `event.seq`,
 * `ready.headSeq` and `head.seq` it received; it resumes with `after=<cursor>` and gets
 * nothing twice and nothing missed.
 */
import { z } from 'zod';
import { Id, Visibility } from '../domain/model.ts';
import { EventBody } from '../domain/record/events.ts';

const Seq = z.number().int().nonnegative();

export const LiveQuery = z.object({
  negotiation: z.uuid({ error: 'must be a negotiation id' }),
  after: z.coerce.number({ error: 'must be a seq number' }).int().nonnegative().max(2_147_483_647).default(0),
});
export type LiveQuery = z.infer<typeof LiveQuery>;

/** A recorded event as a subscriber receives it: the hash chain stays on the server. */
export const LiveEvent = z.intersection(
  EventBody,
  z.object({
    seq: z.number().int().positive(),
    at: z.iso.datetime(),
    actor: z.string().min(1),
    visibility: Visibility,
    partyId: Id.nullable(),
  }),
);
export type LiveEvent = z.infer<typeof LiveEvent>;

export const LiveEventMessage = z.object({ type: z.literal('event'), event: LiveEvent });
export const LiveReadyMessage = z.object({ type: z.literal('ready'), headSeq: Seq });
export const LiveHeadMessage = z.object({ type: z.literal('head'), seq: Seq });
export const LivePingMessage = z.object({ type: z.literal('ping'), at: z.iso.datetime() });
export const LiveErrorMessage = z.object({ type: z.literal('error'), code: z.string().min(1), detail: z.string() });

export const LiveServerMessage = z.discriminatedUnion('type', [
  LiveEventMessage, LiveReadyMessage, LiveHeadMessage, LivePingMessage, LiveErrorMessage,
]);
export type LiveServerMessage = z.infer<typeof LiveServerMessage>;

/**
 * WebSocket close codes, after the HTTP status they stand for where one fits. 1001: the
 * server is shutting down; reconnect elsewhere with the cursor.
 */
export const LiveClose = {
  goingAway: 1001,
  invalidInput: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  notFound: 4404,
  /** No pong to the last ping: the link is dead. */
  timeout: 4408,
  /** The member's seat changed (left, moved party or role): reconnect to see as it now is. */
  seatChanged: 4409,
  /** The client read too slowly and its unsent messages passed the server's limit. */
  tooSlow: 4413,
  internal: 4500,
} as const;
export type LiveCloseCode = (typeof LiveClose)[keyof typeof LiveClose];
