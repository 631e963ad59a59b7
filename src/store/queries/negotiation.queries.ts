/**
 * Read models mapped back to the domain's shapes, under row-level security (see read-as.ts).
 * One function per thing a screen or a script asks for.
 */
import type { Amendment, Member, Party, Person, Point, Position, Readout, Round, Section, Version, VersionImport, VersionPoint } from '../../domain/model.ts';
import type { Tx } from '../database.ts';
import { iso } from './read-as.ts';

type Row = Record<string, unknown>;
const s = (v: unknown) => v as string;
const sn = (v: unknown) => (v ?? null) as string | null;

export async function getNegotiationRow(tx: Tx, id: string) {
  const [r] = await tx.query<Row>('SELECT * FROM negotiations WHERE negotiation_id = $1', [id]);
  if (!r) return null;
  return {
    id: s(r.negotiation_id), title: r.title as Record<string, string>, description: r.description as Record<string, string>,
    languages: r.languages as string[], draftingLanguage: s(r.drafting_language), createdAt: iso(r.created_at as Date)!,
  };
}

export async function listParties(tx: Tx, n: string): Promise<Party[]> {
  const rows = await tx.query<Row>('SELECT * FROM parties WHERE negotiation_id = $1 ORDER BY short_name', [n]);
  return rows.map((r) => ({ id: s(r.id), name: r.name as Record<string, string>, shortName: s(r.short_name), broker: r.broker as boolean }));
}

export async function listPersons(tx: Tx, n: string): Promise<(Person & { revision: number })[]> {
  const rows = await tx.query<Row>('SELECT p.*, COALESCE((SELECT max(seq) FROM events e WHERE e.negotiation_id = p.negotiation_id AND e.type LIKE \'person.%\' AND e.payload->\'person\'->>\'id\' = p.id::text), 0) AS revision FROM persons p WHERE p.negotiation_id = $1 ORDER BY p.names->>\'en\', p.id', [n]);
  return rows.map((r) => ({ id: s(r.id), names: r.names as Record<string, string>, aliases: r.aliases as string[], title: r.title as Record<string, string>, partyId: sn(r.party_id), revision: Number(r.revision) }));
}

export async function listMembers(tx: Tx, n: string): Promise<Member[]> {
  const rows = await tx.query<Row>('SELECT * FROM members WHERE negotiation_id = $1 ORDER BY role, display_name', [n]);
  return rows.map((r) => ({ id: s(r.id), displayName: s(r.display_name), partyId: sn(r.party_id), role: r.role as Member['role'], personId: sn(r.person_id), accountId: sn(r.account_id), active: r.active as boolean }));
}

export async function listSections(tx: Tx, n: string): Promise<Section[]> {
  const rows = await tx.query<Row>('SELECT * FROM sections WHERE negotiation_id = $1 ORDER BY ord', [n]);
  return rows.map((r) => ({ id: s(r.id), title: r.title as Record<string, string>, order: r.ord as number }));
}

// A point's revision is the last event that names it (payload.pointId or payload.point.id).
// One pass over the negotiation's events, grouped, rather than one scan of the log per point:
// the correlated form took seconds on a 500-point text with a few thousand positions.
const pointSql = `SELECT p.*, COALESCE(r.revision, 0) AS revision FROM points p
                  LEFT JOIN (SELECT pid, max(seq) AS revision FROM (
                      SELECT e.payload->>'pointId' AS pid, e.seq FROM events e WHERE e.negotiation_id = $1 AND e.payload ? 'pointId'
                      UNION ALL
                      SELECT e.payload->'point'->>'id', e.seq FROM events e WHERE e.negotiation_id = $1 AND e.payload ? 'point'
                    ) named GROUP BY pid) r ON r.pid = p.id::text
                  WHERE p.negotiation_id = $1`;

function toPoint(r: Row): Point & { revision: number } {
  return {
    id: s(r.id), number: s(r.number), sectionId: sn(r.section_id), order: r.ord as number, texts: r.texts as Record<string, string>,
    tags: r.tags as string[], illustrative: r.illustrative as boolean, removed: r.removed as boolean, revision: Number(r.revision),
  };
}

export async function listPoints(tx: Tx, n: string, includeRemoved = false): Promise<(Point & { revision: number })[]> {
  const rows = await tx.query<Row>(`${pointSql}${includeRemoved ? '' : ' AND NOT p.removed'} ORDER BY p.ord`, [n]);
  return rows.map(toPoint);
}

export async function getPoint(tx: Tx, n: string, id: string): Promise<(Point & { revision: number }) | null> {
  const rows = await tx.query<Row>(`${pointSql} AND p.id = $2`, [n, id]);
  return rows[0] ? toPoint(rows[0]) : null;
}

export interface VersionSummary { id: string; seqNo: number; label: string; note: string; createdAt: string; createdBy: string; contentHash: string; visibility: Version['visibility']; pointCount: number; initials: Version['initials'] }

async function initialsOf(tx: Tx, n: string): Promise<Map<string, Version['initials']>> {
  const rows = await tx.query<Row>('SELECT * FROM version_initials WHERE negotiation_id = $1 ORDER BY at', [n]);
  const out = new Map<string, Version['initials']>();
  for (const r of rows) {
    const list = out.get(s(r.version_id)) ?? [];
    list.push({ partyId: s(r.party_id), memberId: s(r.member_id), at: iso(r.at as Date)!, contentHash: s(r.content_hash) });
    out.set(s(r.version_id), list);
  }
  return out;
}

export async function listVersions(tx: Tx, n: string): Promise<VersionSummary[]> {
  const rows = await tx.query<Row>(`SELECT v.*, (SELECT count(*)::int FROM version_points p WHERE p.negotiation_id = v.negotiation_id AND p.version_id = v.id) AS point_count
                                    FROM versions v WHERE v.negotiation_id = $1 ORDER BY v.seq_no`, [n]);
  const initials = await initialsOf(tx, n);
  return rows.map((r) => ({
    id: s(r.id), seqNo: r.seq_no as number, label: s(r.label), note: s(r.note), createdAt: iso(r.created_at as Date)!, createdBy: s(r.created_by),
    contentHash: s(r.content_hash), visibility: r.visibility as Version['visibility'], pointCount: r.point_count as number, initials: initials.get(s(r.id)) ?? [],
  }));
}

export async function getVersion(tx: Tx, n: string, id: string): Promise<Version | null> {
  const [r] = await tx.query<Row>('SELECT * FROM versions WHERE negotiation_id = $1 AND id = $2', [n, id]);
  if (!r) return null;
  const pts = await tx.query<Row>('SELECT * FROM version_points WHERE negotiation_id = $1 AND version_id = $2 ORDER BY ord', [n, id]);
  const points: VersionPoint[] = pts.map((p) => ({ pointId: s(p.point_id), number: s(p.number), sectionId: sn(p.section_id), texts: p.texts as Record<string, string>, tags: p.tags as string[], illustrative: p.illustrative as boolean }));
  return {
    id: s(r.id), seqNo: r.seq_no as number, label: s(r.label), note: s(r.note), createdAt: iso(r.created_at as Date)!, createdBy: s(r.created_by),
    amendmentIds: r.amendment_ids as string[], points, sections: r.sections as Section[], contentHash: s(r.content_hash),
    visibility: r.visibility as Version['visibility'], initials: (await initialsOf(tx, n)).get(id) ?? [],
  };
}

/** The source and point lineage of a version made by importing a document; null for any other version (or one the viewer may not see). */
export async function getVersionImport(tx: Tx, n: string, versionId: string): Promise<VersionImport | null> {
  const [r] = await tx.query<Row>('SELECT * FROM version_imports WHERE negotiation_id = $1 AND version_id = $2', [n, versionId]);
  if (!r) return null;
  return {
    versionId: s(r.version_id), lang: s(r.lang), source: r.source as VersionImport['source'], importedBy: s(r.imported_by),
    at: iso(r.at as Date)!, links: r.links as VersionImport['links'],
  };
}

function toAmendment(r: Row): Amendment & { rejectionReason: string | null } {
  return {
    id: s(r.id), partyId: s(r.party_id), baseVersionId: sn(r.base_version_id), kind: r.kind as Amendment['kind'], pointId: sn(r.point_id),
    texts: r.texts as Record<string, string>, baseTexts: (r.base_texts ?? null) as Record<string, string> | null, afterPointId: sn(r.after_point_id),
    number: sn(r.number), justification: s(r.justification), status: r.status as Amendment['status'], visibility: r.visibility as Amendment['visibility'],
    createdBy: s(r.created_by), createdAt: iso(r.created_at as Date)!, decidedAt: iso((r.decided_at ?? null) as Date | null),
    resultPointId: sn(r.result_point_id), resultVersionId: sn(r.result_version_id), rejectionReason: sn(r.rejection_reason),
  };
}

export async function listAmendments(tx: Tx, n: string, status?: string): Promise<ReturnType<typeof toAmendment>[]> {
  const rows = await tx.query<Row>(`SELECT * FROM amendments WHERE negotiation_id = $1${status ? ' AND status = $2' : ''} ORDER BY created_at, id`, status ? [n, status] : [n]);
  return rows.map(toAmendment);
}

export async function getAmendment(tx: Tx, n: string, id: string) {
  const rows = await tx.query<Row>('SELECT * FROM amendments WHERE negotiation_id = $1 AND id = $2', [n, id]);
  return rows[0] ? toAmendment(rows[0]) : null;
}

function toPosition(r: Row): Position & { seq: number } {
  return {
    id: s(r.id), partyId: s(r.party_id), pointId: sn(r.point_id), amendmentId: sn(r.amendment_id), versionId: sn(r.version_id),
    level: r.level as Position['level'], reason: s(r.reason), visibility: r.visibility as Position['visibility'], setBy: s(r.set_by),
    at: iso(r.at as Date)!, previousId: sn(r.previous_id), seq: r.seq as number,
  };
}

/** The latest position the viewer may see per party and target. */
export async function latestPositions(tx: Tx, n: string): Promise<ReturnType<typeof toPosition>[]> {
  const rows = await tx.query<Row>(`SELECT DISTINCT ON (party_id, point_id, amendment_id) * FROM positions WHERE negotiation_id = $1
                                    ORDER BY party_id, point_id, amendment_id, seq DESC`, [n]);
  return rows.map(toPosition).sort((a, b) => a.seq - b.seq);
}

export async function positionHistory(tx: Tx, n: string, filter: { pointId?: string; amendmentId?: string; partyId?: string }): Promise<ReturnType<typeof toPosition>[]> {
  const where = ['negotiation_id = $1'];
  const params: unknown[] = [n];
  for (const [col, v] of [['point_id', filter.pointId], ['amendment_id', filter.amendmentId], ['party_id', filter.partyId]] as const) {
    if (v) { params.push(v); where.push(`${col} = $${params.length}`); }
  }
  const rows = await tx.query<Row>(`SELECT * FROM positions WHERE ${where.join(' AND ')} ORDER BY seq`, params);
  return rows.map(toPosition);
}

function toRound(r: Row): Round & { revision: number } {
  return {
    id: s(r.id), title: r.title as Record<string, string>, startsAt: iso(r.starts_at as Date)!, endsAt: iso((r.ends_at ?? null) as Date | null),
    durationMinutes: (r.duration_minutes ?? null) as number | null, place: r.place as Record<string, string>, format: r.format as Round['format'],
    partyIds: r.party_ids as string[], attendeeIds: r.attendee_ids as string[],
    confidentiality: { nonDisclosure: r.non_disclosure as boolean, terms: r.confidentiality_terms as Record<string, string> },
    publicReadout: r.public_readout as Record<string, string>, pointIds: r.point_ids as string[], visibility: r.visibility as Round['visibility'],
    revision: Number(r.revision ?? 0),
  };
}

const roundSql = `SELECT r.*, COALESCE((SELECT max(seq) FROM events e WHERE e.negotiation_id = r.negotiation_id AND e.type LIKE 'round.%'
                    AND e.payload->'round'->>'id' = r.id::text), 0) AS revision FROM rounds r WHERE r.negotiation_id = $1`;

export async function listRounds(tx: Tx, n: string) {
  return (await tx.query<Row>(`${roundSql} ORDER BY r.starts_at`, [n])).map(toRound);
}

export async function getRound(tx: Tx, n: string, id: string) {
  const rows = await tx.query<Row>(`${roundSql} AND r.id = $2`, [n, id]);
  return rows[0] ? toRound(rows[0]) : null;
}

export async function listReadouts(tx: Tx, n: string, roundId: string): Promise<Readout[]> {
  const rows = await tx.query<Row>('SELECT * FROM readouts WHERE negotiation_id = $1 AND round_id = $2 ORDER BY at', [n, roundId]);
  return rows.map((r) => ({ id: s(r.id), roundId: s(r.round_id), partyId: sn(r.party_id), text: r.text as Record<string, string>, visibility: r.visibility as Readout['visibility'], writtenBy: s(r.written_by), at: iso(r.at as Date)! }));
}

