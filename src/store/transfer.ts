/**
 * A whole negotiation as one JSON file: its log, nothing else, since everything else is a
 * projection of it. Import re-verifies every hash and rebuilds the read models, so the
 * round trip is exact (hashes included) and a tampered file is refused.
 */
import { z } from 'zod';
import { ParleyError } from '../domain/errors.ts';
import { RecordedEvent } from '../domain/record/events.ts';
import { verifyChain } from '../domain/record/hash-event.ts';
import type { Database, Tx } from './database.ts';
import { assertIntact, insertEvents, readEvents, verifyNegotiation, writeHead } from './event-log.ts';
import { project } from './projection.ts';
import { forgetState } from './state-loader.ts';

export const EXPORT_FORMAT = 'parley.negotiation';

export const NegotiationExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(1),
  negotiationId: z.uuid(),
  exportedAt: z.iso.datetime(),
  head: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }),
  events: z.array(RecordedEvent),
});
export type NegotiationExport = z.infer<typeof NegotiationExport>;

export async function exportNegotiation(db: Database, negotiationId: string, now = new Date()): Promise<NegotiationExport> {
  return db.transaction(async (tx) => {
    const verified = await verifyNegotiation(tx, negotiationId);
    if (verified.events === 0) throw new ParleyError('negotiation_not_found', `No negotiation with id ${negotiationId}.`);
    assertIntact(verified);
    const events = await readEvents(tx, negotiationId);
    const last = events.at(-1)!;
    return { format: EXPORT_FORMAT, formatVersion: 1, negotiationId, exportedAt: now.toISOString(), head: { seq: last.seq, hash: last.hash }, events };
  });
}

/** Checks a parsed file; throws `invalid_import` naming the first problem. */
export function parseExport(data: unknown): NegotiationExport {
  const parsed = NegotiationExport.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ParleyError('invalid_import', `This is not a Parley negotiation export${where}: ${issue?.message ?? 'unknown problem'}.`);
  }
  const file = parsed.data;
  if (file.events.length === 0) throw new ParleyError('invalid_import', 'The export holds no events.');
  if (file.events.some((e) => e.negotiationId !== file.negotiationId)) {
    throw new ParleyError('invalid_import', 'The export mixes events of several negotiations.');
  }
  // The chain is checked on the events as written in the file, not as the schema read them:
  // a field slipped into a payload changes its hash and is refused rather than dropped.
  const raw = (data as { events: RecordedEvent[] }).events;
  const broken = verifyChain(raw) ?? verifyChain(file.events);
  if (broken) throw new ParleyError('invalid_import', `The export's record is broken at event ${broken.seq}: ${broken.reason}. Nothing was imported.`, { seq: broken.seq });
  const last = file.events.at(-1)!;
  if (last.seq !== file.head.seq || last.hash !== file.head.hash) {
    throw new ParleyError('invalid_import', 'The export is incomplete: its last event is not the head it declares. Nothing was imported.');
  }
  if (file.events[0]?.type !== 'negotiation.created') throw new ParleyError('invalid_import', 'The export does not start with the creation of the negotiation.');
  return file;
}

export async function importNegotiation(db: Database, file: NegotiationExport): Promise<{ negotiationId: string; events: number }> {
  await db.transaction((tx) => importInTransaction(tx, file));
  forgetState(db, file.negotiationId);
  return { negotiationId: file.negotiationId, events: file.events.length };
}

/** Writes a checked export; the caller's transaction makes a multi-negotiation restore all or nothing. */
export async function importInTransaction(tx: Tx, file: NegotiationExport): Promise<void> {
    const exists = await tx.query('SELECT 1 FROM negotiation_heads WHERE negotiation_id = $1 UNION SELECT 1 FROM events WHERE negotiation_id = $1', [file.negotiationId]);
    if (exists.length > 0) throw new ParleyError('already_exists', `Negotiation ${file.negotiationId} is already in this database; nothing was imported.`);
    await insertEvents(tx, file.events);
    for (const e of file.events) await project(tx, e);
    await writeHead(tx, file.negotiationId, { lastSeq: file.head.seq, lastHash: file.head.hash }, true);
}
