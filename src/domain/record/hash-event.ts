/**
 * The chain: hash = SHA-256(canonical JSON of the event without its hash, prev_hash
 * included). RFC 8785 (JCS) canonical JSON makes the hash independent of key order and
 * of how a database stored the jsonb, so both backends and an export agree byte for byte.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { RecordedEvent } from './events.ts';

/** The first event of every negotiation chains to this. */
export const GENESIS_HASH = '0'.repeat(64);

export function canonicalJson(value: unknown): string {
  const out = canonicalize(value);
  if (out === undefined) throw new TypeError('value cannot be canonicalized');
  return out;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function hashEvent(event: Omit<RecordedEvent, 'hash'>): string {
  const { negotiationId, seq, at, actor, type, payload, visibility, partyId, prevHash } = event;
  return sha256Hex(canonicalJson({ negotiationId, seq, at, actor, type, payload, visibility, partyId, prevHash }));
}

export type ChainBreak = { seq: number; reason: string };

/** Walks a log in order and names the first event that does not follow from the one before. */
export function verifyChain(events: readonly RecordedEvent[]): ChainBreak | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { seq: expectedSeq, reason: `event ${expectedSeq} is missing (found ${e.seq} in its place)` };
    if (e.prevHash !== prev) return { seq: e.seq, reason: 'prev_hash does not match the hash of the event before it' };
    const h = hashEvent(e);
    if (h !== e.hash) return { seq: e.seq, reason: 'content does not match its hash' };
    prev = e.hash;
    expectedSeq++;
  }
  return null;
}
