/**
 * Every change to a negotiation is one of these events (ARCHITECTURE §3). The envelope's
 * `visibility` and `partyId` decide who may read the event itself; they mirror the
 * visibility of the row it creates, so the log never reveals more than the read models.
 */
import { z } from 'zod';
import {
  Amendment, Id, Localized, Member, Negotiation, Note, Party, Person, Point, Position, Readout, Report, Round, Section,
  Statement, Text, Version, VersionImport, Visibility,
} from '../model.ts';
import { FingerprintVariant } from '../tracing/fingerprint-records.ts';
import { ScoreSubmission, SealedScores, SeenPackage, SettlementSpace } from '../settlement/commands/settlement-records.ts';

const ev = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.object({ type: z.literal(type), payload });

export const EventBody = z.discriminatedUnion('type', [
  ev('negotiation.created', z.object({ negotiation: Negotiation })),
  ev('negotiation.updated', z.object({ title: Localized, description: Localized, languages: z.array(z.string()), draftingLanguage: z.string() })),
  ev('party.added', z.object({ party: Party })),
  ev('person.added', z.object({ person: Person })),
  ev('person.updated', z.object({ person: Person })),
  ev('member.added', z.object({ member: Member })),
  ev('member.updated', z.object({ member: Member })),
  ev('section.added', z.object({ section: Section })),
  ev('point.added', z.object({ point: Point })),
  ev('point.edited', z.object({ pointId: Id, texts: Localized, tags: z.array(z.string()), number: z.string(), sectionId: Id.nullable() })),
  ev('point.moved', z.object({ pointId: Id, order: z.number().int(), number: z.string() })),
  ev('point.removed', z.object({ pointId: Id })),
  ev('point.translation_confirmed', z.object({ pointId: Id, lang: z.string() })),
  ev('version.created', z.object({ version: Version })),
  ev('version.imported', z.object({ import: VersionImport })),
  ev('version.initialed', z.object({ versionId: Id, partyId: Id, memberId: Id, contentHash: z.string(), at: z.iso.datetime() })),
  ev('amendment.drafted', z.object({ amendment: Amendment })),
  ev('amendment.proposed', z.object({ amendment: Amendment })),
  ev('amendment.withdrawn', z.object({ amendmentId: Id, at: z.iso.datetime() })),
  ev('amendment.rejected', z.object({ amendmentId: Id, reason: Text, at: z.iso.datetime() })),
  ev('amendment.accepted', z.object({ amendmentId: Id, resultPointId: Id.nullable(), resultVersionId: Id.nullable(), at: z.iso.datetime() })),
  ev('position.set', z.object({ position: Position })),
  ev('round.scheduled', z.object({ round: Round })),
  ev('round.updated', z.object({ round: Round })),
  ev('readout.written', z.object({ readout: Readout })),
  ev('statement.recorded', z.object({ statement: Statement })),
  ev('statement.edited', z.object({ statement: Statement })),
  ev('report.imported', z.object({ report: Report })),
  ev('note.written', z.object({ note: Note })),
  ev('note.edited', z.object({ note: Note })),
  ev('note.deleted', z.object({ noteId: Id, at: z.iso.datetime() })),
  ev('settlement.space.saved', z.object({ space: SettlementSpace })),
  ev('settlement.scores.sealed', z.object({ scores: SealedScores })),
  ev('settlement.scores.submitted', z.object({ submission: ScoreSubmission })),
  ev('settlement.package.recorded', z.object({ package: SeenPackage })),
  ev('settlement.package.shared', z.object({ package: SeenPackage, at: z.iso.datetime() })),
  ev('settlement.baseline.set', z.object({ packageId: Id.nullable(), at: z.iso.datetime() })),
  ev('fingerprint.variants.approved', z.object({ variants: z.array(FingerprintVariant) })),
  ev('fingerprint.variant.revoked', z.object({ variantId: Id, at: z.iso.datetime() })),
]);
export type EventBody = z.infer<typeof EventBody>;
export type EventType = EventBody['type'];
export type EventOf<T extends EventType> = Extract<EventBody, { type: T }>;

/** What a use case decides: the fact plus who may read it. */
export type PendingEvent = EventBody & { visibility: Visibility; partyId: string | null };

/** An event as recorded in the log. */
export const RecordedEvent = z.intersection(
  EventBody,
  z.object({
    negotiationId: Id,
    seq: z.number().int().positive(),
    at: z.iso.datetime(),
    actor: z.string().min(1),
    visibility: Visibility,
    partyId: Id.nullable(),
    prevHash: z.string().regex(/^[0-9a-f]{64}$/),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
);
export type RecordedEvent = z.infer<typeof RecordedEvent>;
