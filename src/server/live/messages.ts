/**
 * Server-to-client frames of the live channel, each checked against the protocol schema
 * before it leaves, and encoded once: the same bytes go to every subscriber they are for.
 */
import type { RecordedEvent } from '../../domain/record/events.ts';
import { LiveErrorMessage, LiveEventMessage, LiveHeadMessage, LivePingMessage, LiveReadyMessage } from '../../protocol/live.schema.ts';

export type Frame = Buffer;

const encode = (message: unknown): Frame => Buffer.from(JSON.stringify(message), 'utf8');

/** Everything of the recorded event but its place in the hash chain. */
export function eventFrame(e: RecordedEvent): Frame {
  const event = { seq: e.seq, at: e.at, actor: e.actor, type: e.type, payload: e.payload, visibility: e.visibility, partyId: e.partyId };
  return encode(LiveEventMessage.parse({ type: 'event', event }));
}

export const readyFrame = (headSeq: number): Frame => encode(LiveReadyMessage.parse({ type: 'ready', headSeq }));
export const headFrame = (seq: number): Frame => encode(LiveHeadMessage.parse({ type: 'head', seq }));
export const pingFrame = (at: Date): Frame => encode(LivePingMessage.parse({ type: 'ping', at: at.toISOString() }));
export const errorFrame = (code: string, detail: string): Frame => encode(LiveErrorMessage.parse({ type: 'error', code, detail }));

/** A close reason is at most 123 bytes of UTF-8. */
export function closeReason(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= 123) return text;
  let cut = 120;
  // Do not split a UTF-8 sequence: back up to the start of a character.
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return bytes.subarray(0, cut).toString('utf8') + '...';
}
