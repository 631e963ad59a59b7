/**
 * The SQL read models, fed one event at a time. Live appends and replay run this same
 * code, which is why replaying the log rebuilds the tables exactly. Read models may be
 * updated in place; the log never is.
 */
import type { RecordedEvent } from '../domain/record/events.ts';
import type { Version } from '../domain/model.ts';
import type { Tx } from './database.ts';

const j = (v: unknown) => JSON.stringify(v);

async function insertVersion(tx: Tx, n: string, v: Version): Promise<void> {
  await tx.query(
    `INSERT INTO versions (negotiation_id, id, seq_no, label, note, created_at, created_by, amendment_ids, sections, content_hash, visibility)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11)`,
    [n, v.id, v.seqNo, v.label, v.note, v.createdAt, v.createdBy, j(v.amendmentIds), j(v.sections), v.contentHash, v.visibility]);
  let ord = 0;
  for (const p of v.points) {
    ord++;
    await tx.query(
      `INSERT INTO version_points (negotiation_id, version_id, point_id, ord, number, section_id, texts, tags, illustrative, visibility)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
      [n, v.id, p.pointId, ord, p.number, p.sectionId, j(p.texts), j(p.tags), p.illustrative, v.visibility]);
  }
}

export async function project(tx: Tx, e: RecordedEvent): Promise<void> {
  const n = e.negotiationId;
  switch (e.type) {
    case 'negotiation.created': {
      const x = e.payload.negotiation;
      await tx.query(
        `INSERT INTO negotiations (negotiation_id, title, description, languages, drafting_language, created_at, visibility)
         VALUES ($1, $2::jsonb, $3::jsonb, $4::jsonb, $5, $6, $7)`,
        [n, j(x.title), j(x.description), j(x.languages), x.draftingLanguage, x.createdAt, e.visibility]);
      return;
    }
    case 'negotiation.updated': {
      const x = e.payload;
      await tx.query('UPDATE negotiations SET title = $2::jsonb, description = $3::jsonb, languages = $4::jsonb, drafting_language = $5 WHERE negotiation_id = $1',
        [n, j(x.title), j(x.description), j(x.languages), x.draftingLanguage]);
      return;
    }
    case 'party.added': {
      const p = e.payload.party;
      await tx.query('INSERT INTO parties (negotiation_id, id, name, short_name, broker) VALUES ($1, $2, $3::jsonb, $4, $5)',
        [n, p.id, j(p.name), p.shortName, p.broker]);
      return;
    }
    case 'person.added': {
      const p = e.payload.person;
      await tx.query('INSERT INTO persons (negotiation_id, id, names, aliases, title, party_id) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6)',
        [n, p.id, j(p.names), j(p.aliases), j(p.title), p.partyId]);
      return;
    }
    case 'person.updated': {
      const p = e.payload.person;
      await tx.query('UPDATE persons SET names = $3::jsonb, aliases = $4::jsonb, title = $5::jsonb, party_id = $6 WHERE negotiation_id = $1 AND id = $2',
        [n, p.id, j(p.names), j(p.aliases), j(p.title), p.partyId]);
      return;
    }
    case 'member.added': {
      const m = e.payload.member;
      await tx.query(
        'INSERT INTO members (negotiation_id, id, display_name, party_id, role, person_id, account_id, active) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [n, m.id, m.displayName, m.partyId, m.role, m.personId, m.accountId, m.active]);
      return;
    }
    case 'member.updated': {
      const m = e.payload.member;
      await tx.query(
        'UPDATE members SET display_name = $3, party_id = $4, role = $5, person_id = $6, account_id = $7, active = $8 WHERE negotiation_id = $1 AND id = $2',
        [n, m.id, m.displayName, m.partyId, m.role, m.personId, m.accountId, m.active]);
      return;
    }
    case 'section.added': {
      const s = e.payload.section;
      await tx.query('INSERT INTO sections (negotiation_id, id, title, ord) VALUES ($1, $2, $3::jsonb, $4)', [n, s.id, j(s.title), s.order]);
      return;
    }
    case 'point.added': {
      const p = e.payload.point;
      await tx.query(
        `INSERT INTO points (negotiation_id, id, number, section_id, ord, texts, tags, illustrative, removed)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
        [n, p.id, p.number, p.sectionId, p.order, j(p.texts), j(p.tags), p.illustrative, p.removed]);
      return;
    }
    case 'point.edited': {
      const p = e.payload;
      await tx.query('UPDATE points SET texts = $3::jsonb, tags = $4::jsonb, number = $5, section_id = $6 WHERE negotiation_id = $1 AND id = $2',
        [n, p.pointId, j(p.texts), j(p.tags), p.number, p.sectionId]);
      return;
    }
    case 'point.moved':
      await tx.query('UPDATE points SET ord = $3, number = $4 WHERE negotiation_id = $1 AND id = $2', [n, e.payload.pointId, e.payload.order, e.payload.number]);
      return;
    case 'point.removed':
      await tx.query('UPDATE points SET removed = true WHERE negotiation_id = $1 AND id = $2', [n, e.payload.pointId]);
      return;
    // Translation status is read from the log itself (text-history.queries.ts): no row to change.
    case 'point.translation_confirmed':
      return;
    case 'version.created':
      await insertVersion(tx, n, e.payload.version);
      return;
    case 'version.imported': {
      const x = e.payload.import;
      await tx.query(
        `INSERT INTO version_imports (negotiation_id, version_id, lang, source, imported_by, at, links, visibility)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::jsonb, $8)`,
        [n, x.versionId, x.lang, j(x.source), x.importedBy, x.at, j(x.links), e.visibility]);
      return;
    }
    case 'version.initialed': {
      const x = e.payload;
      await tx.query(
        `INSERT INTO version_initials (negotiation_id, version_id, party_id, member_id, content_hash, at, visibility)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [n, x.versionId, x.partyId, x.memberId, x.contentHash, x.at, e.visibility]);
      return;
    }
    case 'amendment.drafted':
    case 'amendment.proposed': {
      const a = e.payload.amendment;
      const params = [n, a.id, a.partyId, a.baseVersionId, a.kind, a.pointId, j(a.texts), a.afterPointId, a.number, a.justification, a.status, a.visibility, a.createdBy, a.createdAt, a.baseTexts === null ? null : j(a.baseTexts)];
      if (e.type === 'amendment.drafted') {
        await tx.query(
          `INSERT INTO amendments (negotiation_id, id, party_id, base_version_id, kind, point_id, texts, after_point_id, number, justification, status, visibility, created_by, created_at, base_texts)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15::jsonb)`, params);
      } else {
        await tx.query(
          `UPDATE amendments SET party_id = $3, base_version_id = $4, kind = $5, point_id = $6, texts = $7::jsonb, after_point_id = $8, number = $9,
                  justification = $10, status = $11, visibility = $12, created_by = $13, created_at = $14, base_texts = $15::jsonb
           WHERE negotiation_id = $1 AND id = $2`, params);
      }
      return;
    }
    case 'amendment.withdrawn':
      await tx.query("UPDATE amendments SET status = 'withdrawn', decided_at = $3 WHERE negotiation_id = $1 AND id = $2", [n, e.payload.amendmentId, e.payload.at]);
      return;
    case 'amendment.rejected':
      await tx.query("UPDATE amendments SET status = 'rejected', decided_at = $3, rejection_reason = $4 WHERE negotiation_id = $1 AND id = $2",
        [n, e.payload.amendmentId, e.payload.at, e.payload.reason]);
      return;
    case 'amendment.accepted':
      await tx.query(
        "UPDATE amendments SET status = 'accepted', decided_at = $3, result_point_id = $4, result_version_id = $5 WHERE negotiation_id = $1 AND id = $2",
        [n, e.payload.amendmentId, e.payload.at, e.payload.resultPointId, e.payload.resultVersionId]);
      return;
    case 'position.set': {
      const p = e.payload.position;
      await tx.query(
        `INSERT INTO positions (negotiation_id, id, party_id, point_id, amendment_id, version_id, level, reason, visibility, set_by, at, previous_id, seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [n, p.id, p.partyId, p.pointId, p.amendmentId, p.versionId, p.level, p.reason, p.visibility, p.setBy, p.at, p.previousId, e.seq]);
      return;
    }
    case 'round.scheduled':
    case 'round.updated': {
      const r = e.payload.round;
      const params = [n, r.id, j(r.title), r.startsAt, r.endsAt, r.durationMinutes, j(r.place), r.format, j(r.partyIds), j(r.attendeeIds),
        r.confidentiality.nonDisclosure, j(r.confidentiality.terms), j(r.publicReadout), j(r.pointIds), r.visibility];
      if (e.type === 'round.scheduled') {
        await tx.query(
          `INSERT INTO rounds (negotiation_id, id, title, starts_at, ends_at, duration_minutes, place, format, party_ids, attendee_ids, non_disclosure,
                               confidentiality_terms, public_readout, point_ids, visibility)
           VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7::jsonb, $8, $9::jsonb, $10::jsonb, $11, $12::jsonb, $13::jsonb, $14::jsonb, $15)`, params);
      } else {
        await tx.query(
          `UPDATE rounds SET title = $3::jsonb, starts_at = $4, ends_at = $5, duration_minutes = $6, place = $7::jsonb, format = $8, party_ids = $9::jsonb,
                  attendee_ids = $10::jsonb, non_disclosure = $11, confidentiality_terms = $12::jsonb, public_readout = $13::jsonb, point_ids = $14::jsonb,
                  visibility = $15
           WHERE negotiation_id = $1 AND id = $2`, params);
      }
      return;
    }
    case 'readout.written': {
      const r = e.payload.readout;
      await tx.query(
        'INSERT INTO readouts (negotiation_id, id, round_id, party_id, text, visibility, written_by, at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)',
        [n, r.id, r.roundId, r.partyId, j(r.text), r.visibility, r.writtenBy, r.at]);
      return;
    }
    case 'statement.recorded': {
      const s = e.payload.statement;
      await tx.query(
        `INSERT INTO statements (negotiation_id, id, person_id, speaker_as_named, party_id, quote, lang, translations, kind, source, date, point_ids, stance, visibility, report_id, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10::jsonb, $11, $12::jsonb, $13, $14, $15, $16)`,
        [n, s.id, s.personId, s.speakerAsNamed, s.partyId, s.quote, s.lang, j(s.translations), s.kind, j(s.source), s.date, j(s.pointIds), s.stance, e.visibility, s.reportId ?? null, e.seq]);
      return;
    }
    case 'statement.edited': {
      const s = e.payload.statement;
      await tx.query(
        `UPDATE statements SET person_id = $3, speaker_as_named = $4, party_id = $5, translations = $6::jsonb, point_ids = $7::jsonb, stance = $8, revision = $9
         WHERE negotiation_id = $1 AND id = $2`,
        [n, s.id, s.personId, s.speakerAsNamed, s.partyId, j(s.translations), j(s.pointIds), s.stance, e.seq]);
      return;
    }
    case 'report.imported': {
      const r = e.payload.report;
      await tx.query(
        `INSERT INTO reports (negotiation_id, id, title, publisher, url, date, lang, format, sha256, text, imported_by, at, visibility)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [n, r.id, r.title, r.publisher, r.url, r.date, r.lang, r.format, r.sha256, r.text, r.importedBy, r.at, r.visibility]);
      return;
    }
    case 'note.written': {
      const x = e.payload.note;
      await tx.query(
        `INSERT INTO notes (negotiation_id, id, party_id, point_id, amendment_id, round_id, text, visibility, written_by, at, edited_by, edited_at, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [n, x.id, x.partyId, x.pointId, x.amendmentId, x.roundId, x.text, x.visibility, x.writtenBy, x.at, x.editedBy, x.editedAt, e.seq]);
      return;
    }
    case 'note.edited': {
      const x = e.payload.note;
      await tx.query('UPDATE notes SET text = $3, edited_by = $4, edited_at = $5, revision = $6 WHERE negotiation_id = $1 AND id = $2',
        [n, x.id, x.text, x.editedBy, x.editedAt, e.seq]);
      return;
    }
    case 'note.deleted':
      await tx.query('DELETE FROM notes WHERE negotiation_id = $1 AND id = $2', [n, e.payload.noteId]);
      return;
    case 'settlement.space.saved': {
      const x = e.payload.space;
      await tx.query(
        `INSERT INTO settlement_spaces (negotiation_id, party_ids, issues, saved_by, saved_at, space_seq)
         VALUES ($1, $2::jsonb, $3::jsonb, $4, $5, $6)
         ON CONFLICT (negotiation_id) DO UPDATE SET party_ids = EXCLUDED.party_ids, issues = EXCLUDED.issues,
           saved_by = EXCLUDED.saved_by, saved_at = EXCLUDED.saved_at, space_seq = EXCLUDED.space_seq`,
        [n, j(x.partyIds), j(x.issues), x.savedBy, x.savedAt, e.seq]);
      return;
    }
    case 'settlement.scores.sealed': {
      const x = e.payload.scores;
      await tx.query(
        `INSERT INTO settlement_scores (negotiation_id, party_id, scores, share, submitted_by, at, revision)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)
         ON CONFLICT (negotiation_id, party_id) DO UPDATE SET scores = EXCLUDED.scores, share = EXCLUDED.share,
           submitted_by = EXCLUDED.submitted_by, at = EXCLUDED.at, revision = EXCLUDED.revision`,
        [n, x.partyId, j(x.scores), x.share, x.submittedBy, x.at, e.seq]);
      return;
    }
    case 'settlement.scores.submitted': {
      const x = e.payload.submission;
      await tx.query(
        `INSERT INTO settlement_submissions (negotiation_id, party_id, share, submitted_by, at, space_seq)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (negotiation_id, party_id) DO UPDATE SET share = EXCLUDED.share, submitted_by = EXCLUDED.submitted_by,
           at = EXCLUDED.at, space_seq = EXCLUDED.space_seq`,
        [n, x.partyId, x.share, x.submittedBy, x.at, x.spaceSeq]);
      return;
    }
    case 'settlement.package.recorded':
    case 'settlement.package.shared': {
      const x = e.payload.package;
      await tx.query(
        `INSERT INTO settlement_packages (negotiation_id, id, label, source, package, visibility, recorded_by, at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)
         ON CONFLICT (negotiation_id, id) DO UPDATE SET visibility = EXCLUDED.visibility`,
        [n, x.id, x.label, x.source, j(x.package), x.visibility, x.recordedBy, x.at]);
      return;
    }
    case 'settlement.baseline.set':
      await tx.query('UPDATE settlement_spaces SET baseline_package_id = $2 WHERE negotiation_id = $1', [n, e.payload.packageId]);
      return;
    case 'fingerprint.variants.approved':
      for (const v of e.payload.variants) {
        await tx.query(
          `INSERT INTO fingerprint_variants (negotiation_id, id, version_id, point_id, lang, start_at, end_at, original, alternative, kind, approved_by, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [n, v.id, v.versionId, v.pointId, v.lang, v.start, v.end, v.original, v.alternative, v.kind, v.approvedBy, v.at]);
      }
      return;
    case 'fingerprint.variant.revoked':
      await tx.query('UPDATE fingerprint_variants SET revoked_at = $3 WHERE negotiation_id = $1 AND id = $2', [n, e.payload.variantId, e.payload.at]);
      return;
  }
}

/** The read-model tables, in an order safe for deleting and rebuilding. */
export const readModelTables = [
  'fingerprint_variants', 'settlement_scores', 'settlement_submissions', 'settlement_packages', 'settlement_spaces', 'notes', 'statements', 'reports', 'readouts', 'rounds', 'positions', 'amendments', 'version_imports', 'version_initials', 'version_points', 'versions',
  'points', 'sections', 'members', 'persons', 'parties', 'negotiations',
] as const;
