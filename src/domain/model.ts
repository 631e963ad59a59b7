/**
 * The vocabulary of the product (ARCHITECTURE §1) as zod schemas. They live in the domain
 * because events carry them and an imported log is checked against them; the protocol
 * layer re-uses them for what crosses the wire. zod is pure, so the domain stays I/O-free.
 */
import { z } from 'zod';
import { hasForbiddenControls, normalizeText } from './text/normalize.ts';

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** Every text field: NFC on input, no control characters PostgreSQL or a reader would choke on. */
export const Text = z
  .string()
  .transform(normalizeText)
  .refine((s) => !hasForbiddenControls(s), { error: 'contains control characters (such as NUL) that cannot be stored' });
export const NonEmptyText = Text.refine((s) => s.trim().length > 0, { error: 'must not be empty' });

/** A BCP 47 language tag as users type it: "en", "ur", "ar", "ru", "uk", "zh-Hant". */
export const Lang = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'must be a language code such as "en", "ur" or "ru"' });
export type Lang = z.infer<typeof Lang>;

/** Text in several languages, keyed by language code. */
export const Localized = z.record(Lang, Text);
export type Localized = z.infer<typeof Localized>;

export const Visibility = z.enum(['party', 'mediator', 'parties', 'public']);
export type Visibility = z.infer<typeof Visibility>;

/** The five-level scale, from most to least favourable. */
export const PositionLevel = z.enum(['accept', 'discuss', 'wording', 'reject', 'redline']);
export type PositionLevel = z.infer<typeof PositionLevel>;
export const levelsNeedingReason: ReadonlySet<PositionLevel> = new Set(['wording', 'reject', 'redline']);

export const PartyRole = z.enum(['principal', 'negotiator', 'advisor', 'observer']);
export const Role = z.enum(['mediator', ...PartyRole.options]);
export type Role = z.infer<typeof Role>;

export const Negotiation = z.object({
  id: Id,
  title: Localized,
  description: Localized,
  languages: z.array(Lang).min(1),
  draftingLanguage: Lang,
  createdAt: z.iso.datetime(),
});
export type Negotiation = z.infer<typeof Negotiation>;

export const Party = z.object({
  id: Id,
  name: Localized,
  shortName: z.string().max(32),
  broker: z.boolean(),
});
export type Party = z.infer<typeof Party>;

export const Person = z.object({
  id: Id,
  names: Localized,
  aliases: z.array(NonEmptyText),
  title: Localized,
  partyId: Id.nullable(),
});
export type Person = z.infer<typeof Person>;

/** An account's place in a negotiation; accounts themselves arrive with the API. */
export const Member = z.object({
  id: Id,
  displayName: NonEmptyText,
  partyId: Id.nullable(),
  role: Role,
  personId: Id.nullable(),
  accountId: z.string().nullable(),
  active: z.boolean(),
});
export type Member = z.infer<typeof Member>;

export const Section = z.object({
  id: Id,
  title: Localized,
  order: z.number().int(),
});
export type Section = z.infer<typeof Section>;

/** A clause with a stable identity; `number` is only its current label and may change. */
export const Point = z.object({
  id: Id,
  number: z.string().min(1).max(32),
  sectionId: Id.nullable(),
  order: z.number().int(),
  texts: Localized,
  tags: z.array(z.string()),
  /** True where the text stands in for one the sources do not give (the demo's plan). */
  illustrative: z.boolean(),
  removed: z.boolean(),
});
export type Point = z.infer<typeof Point>;

export const VersionPoint = z.object({
  pointId: Id,
  number: z.string(),
  sectionId: Id.nullable(),
  texts: Localized,
  tags: z.array(z.string()),
  illustrative: z.boolean(),
});
export type VersionPoint = z.infer<typeof VersionPoint>;

export const Version = z.object({
  id: Id,
  seqNo: z.number().int().positive(),
  label: NonEmptyText,
  note: Text,
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  amendmentIds: z.array(Id),
  points: z.array(VersionPoint),
  sections: z.array(Section),
  /** SHA-256 of the canonical content; what an initialing party signs. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  visibility: Visibility,
  initials: z.array(z.object({ partyId: Id, memberId: Id, at: z.iso.datetime(), contentHash: z.string() })),
});
export type Version = z.infer<typeof Version>;

/** How a point of the imported document came from the working text before it (align.ts kinds). */
export const LineageKind = z.enum(['unchanged', 'changed', 'renumbered', 'added', 'removed', 'merged', 'split']);
export type LineageKind = z.infer<typeof LineageKind>;

/**
 * One link of point lineage: an old point of the working text and the point of the new
 * version it became. A merge or split has one link per old-new pair; an added point has no
 * old side, a removed one no new side. Numbers are kept as they read at the time.
 */
export const LineageLink = z.object({
  kind: LineageKind,
  oldPointId: Id.nullable(),
  oldNumber: z.string().nullable(),
  newPointId: Id.nullable(),
  newNumber: z.string().nullable(),
  similarity: z.number().min(0).max(1),
});
export type LineageLink = z.infer<typeof LineageLink>;

export const ImportFormat = z.enum(['text', 'markdown', 'docx']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** A document imported as a new version: where it came from and how its points descend from the text before it. */
export const VersionImport = z.object({
  versionId: Id,
  lang: Lang,
  source: z.object({ name: Text, format: ImportFormat, sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  importedBy: z.string(),
  at: z.iso.datetime(),
  links: z.array(LineageLink),
});
export type VersionImport = z.infer<typeof VersionImport>;

export const AmendmentKind = z.enum(['replace', 'insert', 'delete', 'move']);
export type AmendmentKind = z.infer<typeof AmendmentKind>;
export const AmendmentStatus = z.enum(['draft', 'proposed', 'accepted', 'rejected', 'withdrawn']);
export type AmendmentStatus = z.infer<typeof AmendmentStatus>;

export const Amendment = z.object({
  id: Id,
  partyId: Id,
  baseVersionId: Id.nullable(),
  kind: AmendmentKind,
  /** The point replaced, deleted or moved; null for an insert. */
  pointId: Id.nullable(),
  /** New text (replace, insert). */
  texts: Localized,
  /** For a replacement: the point's text it was written against, to detect a stale acceptance. */
  baseTexts: Localized.nullable(),
  /** Where an inserted or moved point goes: after this point, or first when null. */
  afterPointId: Id.nullable(),
  number: z.string().nullable(),
  justification: Text,
  status: AmendmentStatus,
  visibility: Visibility,
  createdBy: Id,
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  /** The point an accepted insert created. */
  resultPointId: Id.nullable(),
  /** The version an accepted amendment went into. */
  resultVersionId: Id.nullable(),
});
export type Amendment = z.infer<typeof Amendment>;

export const Position = z.object({
  id: Id,
  partyId: Id,
  /** What the position is on: a point of the text, or a proposed amendment. Exactly one is set. */
  pointId: Id.nullable(),
  amendmentId: Id.nullable(),
  versionId: Id.nullable(),
  level: PositionLevel,
  reason: Text,
  visibility: Visibility,
  setBy: Id,
  at: z.iso.datetime(),
  /** The position this one replaces, so history reads as a chain. */
  previousId: Id.nullable(),
});
export type Position = z.infer<typeof Position>;

export const RoundFormat = z.enum(['bilateral', 'trilateral', 'plenary', 'proximity', 'shuttle', 'working_group', 'other']);

export const Round = z.object({
  id: Id,
  title: Localized,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime().nullable(),
  durationMinutes: z.number().int().positive().nullable(),
  place: Localized,
  format: RoundFormat,
  partyIds: z.array(Id),
  attendeeIds: z.array(Id),
  confidentiality: z.object({ nonDisclosure: z.boolean(), terms: Localized }),
  publicReadout: Localized,
  pointIds: z.array(Id),
  visibility: Visibility,
});
export type Round = z.infer<typeof Round>;

/** A party's or the mediator's own account of a round, seen as its visibility allows. */
export const Readout = z.object({
  id: Id,
  roundId: Id,
  partyId: Id.nullable(),
  text: Localized,
  visibility: Visibility,
  writtenBy: Id,
  at: z.iso.datetime(),
});
export type Readout = z.infer<typeof Readout>;

/**
 * A party's own working note, alone or on a point, an amendment or a round. It is never
 * shared: its visibility is always `party`, so neither the mediator nor any other party
 * reads it, and there is no way to widen it.
 */
export const Note = z.object({
  id: Id,
  partyId: Id,
  pointId: Id.nullable(),
  amendmentId: Id.nullable(),
  roundId: Id.nullable(),
  text: NonEmptyText,
  visibility: z.literal('party'),
  writtenBy: Id,
  at: z.iso.datetime(),
  editedBy: Id.nullable(),
  editedAt: z.iso.datetime().nullable(),
});
export type Note = z.infer<typeof Note>;

export const StatementKind = z.enum(['speech', 'phrase', 'reported']);
export const Statement = z.object({
  id: Id,
  personId: Id.nullable(),
  speakerAsNamed: Text,
  partyId: Id.nullable(),
  quote: NonEmptyText,
  lang: Lang,
  translations: Localized,
  kind: StatementKind,
  source: z.object({ title: Text, publisher: Text, url: Text, line: z.number().int().positive().nullable() }),
  date: z.iso.date(),
  pointIds: z.array(Id),
  stance: PositionLevel.nullable(),
  /** The imported report it was taken from (absent on statements recorded before reports existed). */
  reportId: Id.nullable().optional(),
});
export type Statement = z.infer<typeof Statement>;

/** Who may read an imported report and the statements taken from it: the world, or the table only. */
export const ReportVisibility = z.enum(['public', 'parties']);
export type ReportVisibility = z.infer<typeof ReportVisibility>;
export const ReportFormat = z.enum(['text', 'html']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/**
 * A news report as it was imported: its full text, kept so every statement taken from it
 * links back to the line it stands on. The source URL is recorded, never fetched.
 */
export const Report = z.object({
  id: Id,
  title: Text,
  publisher: Text,
  url: Text,
  date: z.iso.date(),
  lang: Lang,
  format: ReportFormat,
  /** SHA-256 of `text`: the same report is imported once. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  text: NonEmptyText,
  visibility: ReportVisibility,
  importedBy: Id.nullable(),
  at: z.iso.datetime(),
});
export type Report = z.infer<typeof Report>;
