/**
 * The one fact worth showing under an event's line in the record: what was named, said or
 * decided. Read from the payload through the domain's own event schema, so a payload that
 * does not match shows no detail rather than a wrong one.
 */
import { EventBody } from '../../../../src/domain/record/events.ts';
import type { EventOut } from '../../api/schemas.ts';

type Level = 'accept' | 'discuss' | 'wording' | 'reject' | 'redline';

export type EventDetail =
  | { kind: 'texts'; texts: Record<string, string> }
  | { kind: 'text'; value: string; lang: string | null }
  | { kind: 'position'; level: Level; reason: string; pointId: string | null; amendmentId: string | null; partyId: string }
  | { kind: 'point'; pointId: string; number: string | null }
  | { kind: 'party'; partyId: string };

export function eventDetail(e: Pick<EventOut, 'type' | 'payload'>): EventDetail | null {
  const parsed = EventBody.safeParse({ type: e.type, payload: e.payload });
  if (!parsed.success) return null;
  const b = parsed.data;
  switch (b.type) {
    case 'negotiation.created': return { kind: 'texts', texts: b.payload.negotiation.title };
    case 'negotiation.updated': return { kind: 'texts', texts: b.payload.title };
    case 'party.added': return { kind: 'texts', texts: b.payload.party.name };
    case 'person.added':
    case 'person.updated': return { kind: 'texts', texts: b.payload.person.names };
    case 'member.added':
    case 'member.updated': return { kind: 'text', value: b.payload.member.displayName, lang: null };
    case 'section.added': return { kind: 'texts', texts: b.payload.section.title };
    case 'point.added': return { kind: 'point', pointId: b.payload.point.id, number: b.payload.point.number };
    case 'point.edited':
    case 'point.moved': return { kind: 'point', pointId: b.payload.pointId, number: b.payload.number };
    case 'point.removed':
    case 'point.translation_confirmed': return { kind: 'point', pointId: b.payload.pointId, number: null };
    case 'version.created': return { kind: 'text', value: b.payload.version.label, lang: null };
    case 'version.imported': return { kind: 'text', value: b.payload.import.source.name, lang: null };
    case 'version.initialed': return { kind: 'party', partyId: b.payload.partyId };
    case 'amendment.drafted':
    case 'amendment.proposed': return b.payload.amendment.justification ? { kind: 'text', value: b.payload.amendment.justification, lang: null } : null;
    case 'amendment.rejected': return b.payload.reason ? { kind: 'text', value: b.payload.reason, lang: null } : null;
    case 'amendment.withdrawn':
    case 'amendment.accepted': return null;
    case 'position.set': {
      const p = b.payload.position;
      return { kind: 'position', level: p.level, reason: p.reason, pointId: p.pointId, amendmentId: p.amendmentId, partyId: p.partyId };
    }
    case 'round.scheduled':
    case 'round.updated': return { kind: 'texts', texts: b.payload.round.title };
    case 'readout.written': return { kind: 'texts', texts: b.payload.readout.text };
    case 'statement.recorded':
    case 'statement.edited': return { kind: 'text', value: b.payload.statement.quote, lang: b.payload.statement.lang };
    case 'report.imported': return { kind: 'text', value: b.payload.report.title || b.payload.report.url || b.payload.report.date, lang: null };
    case 'note.written':
    case 'note.edited':
    case 'note.deleted': return null;
    case 'settlement.space.saved': return { kind: 'text', value: b.payload.space.issues.map((i) => i.label).join(' · '), lang: null };
    // The scores themselves are never shown in the record, even to their own party: the settlement page shows them to it.
    case 'settlement.scores.sealed': return null;
    case 'settlement.scores.submitted': return { kind: 'party', partyId: b.payload.submission.partyId };
    case 'settlement.package.recorded':
    case 'settlement.package.shared': return b.payload.package.label ? { kind: 'text', value: b.payload.package.label, lang: null } : null;
    case 'settlement.baseline.set': return null;
    case 'fingerprint.variants.approved': return { kind: 'text', value: b.payload.variants.map((v) => `${v.original} / ${v.alternative}`).join(' · '), lang: b.payload.variants[0]?.lang ?? null };
    case 'fingerprint.variant.revoked': return null;
  }
}

/** The first characters of a SHA-256, enough to compare by eye. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/** What an access-log entry names in its detail (a version's label), if anything. */
export function accessLabel(detail: unknown): string | null {
  if (typeof detail !== 'object' || detail === null) return null;
  const label = (detail as Record<string, unknown>).label;
  return typeof label === 'string' && label.trim() ? label : null;
}
