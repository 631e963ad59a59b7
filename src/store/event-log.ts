/**
 * The append-only, hash-chained log (ARCHITECTURE §3). Appends happen with the head row
 * locked, in the same transaction as the read models they feed.
 */
import { ParleyError } from '../domain/errors.ts';
import type { PendingEvent, RecordedEvent } from '../domain/record/events.ts';
import { GENESIS_HASH, hashEvent, verifyChain, type ChainBreak } from '../domain/record/hash-event.ts';
import type { Queryable, Tx } from './database.ts';

export interface Head { lastSeq: number; lastHash: string }

/** Locks the negotiation's head for the rest of the transaction; null for a new negotiation. */
export async function lockHead(tx: Tx, negotiationId: string): Promise<Head | null> {
  const rows = await tx.query<{ last_seq: number; last_hash: string }>(
    'SELECT last_seq, last_hash FROM negotiation_heads WHERE negotiation_id = $1 FOR UPDATE', [negotiationId]);
  const r = rows[0];
  return r ? { lastSeq: r.last_seq, lastHash: r.last_hash } : null;
}

export function chainEvents(negotiationId: string, head: Head, pending: readonly PendingEvent[], actor: string, at: string): RecordedEvent[] {
  let prevHash = head.lastHash;
  let seq = head.lastSeq;
  return pending.map((p) => {
    seq++;
    const base = { negotiationId, seq, at, actor, type: p.type, payload: p.payload, visibility: p.visibility, partyId: p.partyId, prevHash } as Omit<RecordedEvent, 'hash'>;
    const hash = hashEvent(base);
    prevHash = hash;
    return { ...base, hash } as RecordedEvent;
  });
}

export async function insertEvents(tx: Tx, events: readonly RecordedEvent[]): Promise<void> {
  for (const e of events) {
    await tx.query(
      `INSERT INTO events (negotiation_id, seq, at, actor, type, payload, visibility, party_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)`,
      [e.negotiationId, e.seq, e.at, e.actor, e.type, JSON.stringify(e.payload), e.visibility, e.partyId, e.prevHash, e.hash],
    );
  }
}

export async function writeHead(tx: Tx, negotiationId: string, head: Head, isNew: boolean): Promise<void> {
  if (isNew) {
    await tx.query('INSERT INTO negotiation_heads (negotiation_id, last_seq, last_hash) VALUES ($1, $2, $3)', [negotiationId, head.lastSeq, head.lastHash]);
  } else {
    await tx.query('UPDATE negotiation_heads SET last_seq = $2, last_hash = $3 WHERE negotiation_id = $1', [negotiationId, head.lastSeq, head.lastHash]);
  }
}

interface EventRow {
  negotiation_id: string; seq: number; at: Date | string; actor: string; type: string; payload: unknown;
  visibility: string; party_id: string | null; prev_hash: string; hash: string;
}

function toIso(at: Date | string): string {
  return at instanceof Date ? at.toISOString() : new Date(at).toISOString();
}

export function rowToEvent(r: EventRow): RecordedEvent {
  return {
    negotiationId: r.negotiation_id, seq: r.seq, at: toIso(r.at), actor: r.actor, type: r.type, payload: r.payload,
    visibility: r.visibility, partyId: r.party_id, prevHash: r.prev_hash, hash: r.hash,
  } as RecordedEvent;
}

/** Events in seq order; under parley_app only those the viewer may see come back. */
export async function readEvents(q: Queryable, negotiationId: string, afterSeq = 0, limit?: number): Promise<RecordedEvent[]> {
  const rows = await q.query<EventRow>(
    `SELECT * FROM events WHERE negotiation_id = $1 AND seq > $2 ORDER BY seq${limit ? ' LIMIT ' + String(Math.trunc(limit)) : ''}`,
    [negotiationId, afterSeq]);
  return rows.map(rowToEvent);
}

export async function listNegotiationIds(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    'SELECT negotiation_id AS id FROM negotiation_heads UNION SELECT DISTINCT negotiation_id FROM events ORDER BY 1');
  return rows.map((r) => r.id);
}

export interface VerifyResult { negotiationId: string; events: number; head: Head | null; broken: ChainBreak | null }

/**
 * Recomputes the chain. Beyond each link, the head row must point at the last event: that
 * catches a log cut short at its end, which no link alone can show.
 */
export async function verifyNegotiation(q: Queryable, negotiationId: string): Promise<VerifyResult> {
  const events = await readEvents(q, negotiationId);
  const headRows = await q.query<{ last_seq: number; last_hash: string }>('SELECT last_seq, last_hash FROM negotiation_heads WHERE negotiation_id = $1', [negotiationId]);
  const head = headRows[0] ? { lastSeq: headRows[0].last_seq, lastHash: headRows[0].last_hash } : null;
  let broken = verifyChain(events);
  if (!broken) {
    const last = events.at(-1);
    const lastSeq = last?.seq ?? 0;
    const lastHash = last?.hash ?? GENESIS_HASH;
    if (!head) broken = { seq: lastSeq + 1, reason: 'the negotiation has events but no head' };
    else if (head.lastSeq > lastSeq) broken = { seq: lastSeq + 1, reason: `events ${lastSeq + 1}..${head.lastSeq} are missing from the end of the log` };
    else if (head.lastSeq < lastSeq) broken = { seq: head.lastSeq + 1, reason: 'the log continues past its recorded head' };
    else if (head.lastHash !== lastHash) broken = { seq: lastSeq, reason: 'the last event does not match the recorded head hash' };
  }
  return { negotiationId, events: events.length, head, broken };
}

export function assertIntact(result: VerifyResult): void {
  if (result.broken) {
    throw new ParleyError('chain_broken', `The record of negotiation ${result.negotiationId} is broken at event ${result.broken.seq}: ${result.broken.reason}.`, { seq: result.broken.seq });
  }
}
