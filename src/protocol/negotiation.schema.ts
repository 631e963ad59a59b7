/** What the negotiation routes answer, built from the domain's own schemas. */
import { z } from 'zod';
import {
  Amendment, ImportFormat, LineageKind, LineageLink, Member, Party, Person, Point, Position, Readout, Round, Section, Version, VersionImport, VersionPoint,
} from '../domain/model.ts';
import { TextFlag, TextFlags } from '../domain/text/text-flag.ts';

const Revision = { revision: z.number().int().describe('send back as basedOn to change it; a stale value gets 409 version_conflict') };

export const NegotiationSummary = z.object({
  id: z.uuid(), title: z.record(z.string(), z.string()), languages: z.array(z.string()), createdAt: z.string(),
  membership: z.object({ memberId: z.uuid(), partyId: z.uuid().nullable(), role: z.string() }),
});
export const NegotiationOverview = NegotiationSummary.extend({
  description: z.record(z.string(), z.string()), draftingLanguage: z.string(), headSeq: z.number().int(),
});
export const PartyOut = Party;
export const PersonOut = Person.extend(Revision);
export const MemberOut = Member;
export const SectionOut = Section;
/** Characters that can make what is seen differ from what is signed, per language (ARCHITECTURE §7). */
const Flags = { flags: TextFlags.describe('per language: bidi controls, invisible characters and mixed-script confusables, with code point, name and positions') };
export const TranslationStatus = z.record(z.string(), z.enum(['current', 'pending']));
export const PointOut = Point.extend(Revision).extend(Flags).extend({
  translationStatus: TranslationStatus.describe('per language: pending when another language changed after this one was last edited or confirmed'),
});
export const VersionSummaryOut = Version.pick({ id: true, seqNo: true, label: true, note: true, createdAt: true, createdBy: true, contentHash: true, visibility: true, initials: true }).extend({ pointCount: z.number().int() });
export const VersionOut = Version.extend({
  points: z.array(VersionPoint.extend(Flags)),
  imported: VersionImport.nullable().describe('for a version made by importing a document: its source and how each point descends from the text before'),
});

/** What importing a document would do, shown before anything is recorded. */
export const ImportPreviewOut = z.object({
  basedOn: z.number().int().describe('the head seq the preview was made at; send it back with the import'),
  lang: z.string(),
  detected: z.string().describe('the language the document reads as ("und" when it cannot be told)'),
  format: ImportFormat,
  sha256: z.string(),
  points: z.number().int(),
  counts: z.record(LineageKind, z.number().int()),
  newSections: z.array(z.string()),
  flags: z.array(TextFlag.extend({ line: z.number().int() })).describe('characters in the document that can make what is seen differ from what is signed (ARCHITECTURE §7); bidi controls and invisible characters are dropped on import, look-alikes are kept and flagged on the version'),
  links: z.array(LineageLink.extend({ oldText: z.string().nullable(), newText: z.string().nullable() })),
});
export const AmendmentOut = Amendment.extend({ rejectionReason: z.string().nullable() }).extend(Flags);
export const PositionOut = Position.extend({ seq: z.number().int() });
export const RoundOut = Round.extend(Revision);
export const ReadoutOut = Readout;
export { StatementOut } from './statements.schema.ts';

export const AgreementOut = z.object({
  parties: z.array(z.uuid()),
  rows: z.array(z.object({
    pointId: z.uuid(), number: z.string(), status: z.enum(['agreed', 'close', 'contested', 'blocked']), missing: z.array(z.uuid()), score: z.number(),
    cells: z.record(z.string(), PositionOut.pick({ id: true, level: true, reason: true, visibility: true, at: true }).nullable()),
  })),
  overall: z.object({ status: z.enum(['agreed', 'close', 'contested', 'blocked']), counts: z.record(z.string(), z.number()), total: z.number().int(), summary: z.string() }),
});

export const EventOut = z.object({
  seq: z.number().int(), at: z.string(), actor: z.string(), type: z.string(), payload: z.unknown(),
  visibility: z.enum(['party', 'mediator', 'parties', 'public']), partyId: z.uuid().nullable(), prevHash: z.string(), hash: z.string(),
});
export const AccessLogEntry = z.object({
  id: z.uuid(), at: z.string(), accountId: z.uuid().nullable(), memberId: z.uuid().nullable(), action: z.string(), target: z.string().nullable(), detail: z.unknown(), ip: z.string().nullable(),
});
