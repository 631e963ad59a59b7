/**
 * My party's notes. Row-level security already limits `notes` to the viewer's own party;
 * the queries say nothing about parties on purpose, so that limit is the only one.
 */
import type { NoteOut } from '../../protocol/notes.schema.ts';
import type { Tx } from '../database.ts';
import { iso } from './read-as.ts';

type Row = Record<string, unknown>;
const sn = (v: unknown) => (v ?? null) as string | null;

function toNote(r: Row): NoteOut {
  return {
    id: r.id as string, partyId: r.party_id as string, pointId: sn(r.point_id), amendmentId: sn(r.amendment_id), roundId: sn(r.round_id),
    text: r.text as string, visibility: 'party', writtenBy: r.written_by as string, at: iso(r.at as Date)!,
    editedBy: sn(r.edited_by), editedAt: iso((r.edited_at ?? null) as Date | null), revision: r.revision as number,
  };
}

export interface NoteFilter { pointId?: string | undefined; amendmentId?: string | undefined; roundId?: string | undefined; general?: boolean | undefined }

/** Newest first; `general` keeps the notes about nothing in particular. */
export async function listNotes(tx: Tx, n: string, filter: NoteFilter = {}): Promise<NoteOut[]> {
  const where = ['negotiation_id = $1'];
  const params: unknown[] = [n];
  for (const [col, v] of [['point_id', filter.pointId], ['amendment_id', filter.amendmentId], ['round_id', filter.roundId]] as const) {
    if (v) { params.push(v); where.push(`${col} = $${params.length}`); }
  }
  if (filter.general) where.push('point_id IS NULL AND amendment_id IS NULL AND round_id IS NULL');
  const rows = await tx.query<Row>(`SELECT * FROM notes WHERE ${where.join(' AND ')} ORDER BY COALESCE(edited_at, at) DESC, id`, params);
  return rows.map(toNote);
}
