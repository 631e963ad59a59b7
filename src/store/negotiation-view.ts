/**
 * A negotiation as one viewer may see it, read from the SQL read models under row-level
 * security: whatever this code forgets to filter, PostgreSQL filters. Agreement status is
 * then computed by the domain from the positions that came back.
 */
import { overallAgreement, pointAgreement, type PointAgreement } from '../domain/agreement/agreement-status.ts';
import { ParleyError } from '../domain/errors.ts';
import type { PositionLevel } from '../domain/model.ts';
import type { Actor } from '../domain/policy/actor.ts';
import type { Database } from './database.ts';
import { actAs } from './viewer.ts';

type Row = Record<string, unknown>;

/** Resolves a member id to the actor the record says it is. */
export async function memberActor(db: Database, negotiationId: string, memberId: string): Promise<Actor> {
  const rows = await db.query<{ id: string; party_id: string | null; role: Actor extends { role: infer R } ? R : never; active: boolean }>(
    'SELECT id, party_id, role, active FROM members WHERE negotiation_id = $1 AND id = $2', [negotiationId, memberId]);
  const m = rows[0];
  if (!m?.active) throw new ParleyError('member_not_found', `No active member ${memberId} in negotiation ${negotiationId}.`);
  return { kind: 'member', memberId: m.id, partyId: m.party_id, role: m.role };
}

export async function listNegotiations(db: Database, viewer: Actor): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await actAs(tx, null, viewer);
    return tx.query(`SELECT n.negotiation_id AS id, n.title, n.languages, n.created_at
                     FROM negotiations n ORDER BY n.created_at`);
  });
}

export async function readNegotiationView(db: Database, negotiationId: string, viewer: Actor) {
  return db.transaction(async (tx) => {
    await actAs(tx, negotiationId, viewer);
    const q = (sql: string) => tx.query<Row>(sql, [negotiationId]);
    const [negotiation] = await q('SELECT negotiation_id AS id, title, description, languages, drafting_language, created_at FROM negotiations WHERE negotiation_id = $1');
    if (!negotiation) throw new ParleyError('negotiation_not_found', `No negotiation with id ${negotiationId} that you may see.`);
    const parties = await q('SELECT id, name, short_name, broker FROM parties WHERE negotiation_id = $1 ORDER BY short_name');
    const persons = await q('SELECT id, names, aliases, title, party_id FROM persons WHERE negotiation_id = $1');
    const sections = await q('SELECT id, title, ord FROM sections WHERE negotiation_id = $1 ORDER BY ord');
    const points = await q('SELECT id, number, section_id, texts, tags, illustrative FROM points WHERE negotiation_id = $1 AND NOT removed ORDER BY ord');
    const versions = await q(`SELECT v.id, v.seq_no, v.label, v.note, v.created_at, v.content_hash,
                                     (SELECT count(*)::int FROM version_points p WHERE p.negotiation_id = v.negotiation_id AND p.version_id = v.id) AS points,
                                     COALESCE((SELECT json_agg(i.party_id) FROM version_initials i WHERE i.negotiation_id = v.negotiation_id AND i.version_id = v.id), '[]') AS initialed_by
                              FROM versions v WHERE v.negotiation_id = $1 ORDER BY v.seq_no`);
    const amendments = await q('SELECT id, party_id, kind, point_id, texts, justification, status, visibility, created_at, decided_at FROM amendments WHERE negotiation_id = $1 ORDER BY created_at');
    // Latest visible position per party and target: history stays in the table, the view shows the head.
    const positions = await q(`SELECT DISTINCT ON (party_id, point_id, amendment_id) id, party_id, point_id, amendment_id, level, reason, visibility, at
                               FROM positions WHERE negotiation_id = $1 ORDER BY party_id, point_id, amendment_id, seq DESC`);
    const rounds = await q(`SELECT id, title, starts_at, ends_at, duration_minutes, place, format, party_ids, attendee_ids, non_disclosure,
                                   confidentiality_terms, public_readout, point_ids FROM rounds WHERE negotiation_id = $1 ORDER BY starts_at`);
    const readouts = await q('SELECT id, round_id, party_id, text, visibility, at FROM readouts WHERE negotiation_id = $1 ORDER BY at');
    const statements = await q('SELECT id, person_id, speaker_as_named, quote, lang, translations, kind, source, date, point_ids, stance FROM statements WHERE negotiation_id = $1 ORDER BY date, source');
    const partyIds = parties.map((p) => p.id as string);
    const agreement: (PointAgreement & { pointId: string; number: string })[] = points.map((p) => {
      const levels = new Map<string, PositionLevel>();
      for (const pos of positions) if (pos.point_id === p.id) levels.set(pos.party_id as string, pos.level as PositionLevel);
      return { pointId: p.id as string, number: p.number as string, ...pointAgreement(partyIds, levels) };
    });
    return {
      negotiation, parties, persons, sections, points, versions, amendments, positions, rounds, readouts, statements,
      agreement: { points: agreement, overall: overallAgreement(agreement.map((a) => a.status)) },
    };
  });
}
