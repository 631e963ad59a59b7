/**
 * What the tracing routes answer: the mediator's view of a version's fingerprint (slots,
 * approved variants, suggestions), the copies issued, a recipient's own print/copy view, and
 * the report on a leak. Nothing here ever carries a secret or another recipient's bits.
 */
import { z } from 'zod';
import { Id, Lang } from '../domain/model.ts';
import { FingerprintVariant, VariantKind } from '../domain/tracing/fingerprint-records.ts';

export const VariantSuggestionView = z.object({
  pointId: Id,
  pointNumber: z.string(),
  lang: Lang,
  start: z.number().int(),
  end: z.number().int(),
  original: z.string(),
  alternative: z.string(),
  kind: VariantKind,
  note: z.string(),
  /** A few words either side, to read the phrase in place. */
  before: z.string(),
  after: z.string(),
});
export type VariantSuggestionView = z.infer<typeof VariantSuggestionView>;

export const ApprovedVariantView = FingerprintVariant.extend({ pointNumber: z.string(), before: z.string(), after: z.string() });
export type ApprovedVariantView = z.infer<typeof ApprovedVariantView>;

export const CodeParams = z.object({
  /** Recipients so far (accounts holding a copy), at least 2 for the estimate. */
  n: z.number().int(),
  c: z.number().int(),
  epsilon: z.number(),
  /** Slots a coalition of c reading every slot needs (tardosParams). */
  length: z.number().int(),
});

export const FingerprintOverview = z.object({
  versionId: Id,
  label: z.string(),
  /** false for a public version: its copies are plain. */
  fingerprinted: z.boolean(),
  lang: Lang,
  languages: z.array(z.object({ lang: Lang, formatSlots: z.number().int(), wordingSlots: z.number().int(), copies: z.number().int() })),
  variants: z.array(ApprovedVariantView),
  suggestions: z.array(VariantSuggestionView),
  code: CodeParams,
});
export type FingerprintOverview = z.infer<typeof FingerprintOverview>;

export const ApproveVariantsBody = z.object({
  variants: z.array(z.object({
    pointId: Id, lang: Lang, start: z.number().int().nonnegative(), end: z.number().int().positive(),
    original: z.string().min(1).max(200), alternative: z.string().min(1).max(200), kind: VariantKind.optional(),
  })).min(1).max(500),
});

export const CopyFormat = z.enum(['md', 'txt', 'docx', 'pdf', 'json', 'view']);
export type CopyFormat = z.infer<typeof CopyFormat>;

export const IssuedCopy = z.object({
  id: Id,
  docKind: z.enum(['version', 'readout']),
  docId: Id,
  /** The version's label, or the readout's round title. */
  docLabel: z.string(),
  lang: Lang,
  format: z.string(),
  accountId: Id,
  recipient: z.string(),
  recipientName: z.string(),
  party: z.string().nullable(),
  slots: z.number().int(),
  at: z.iso.datetime(),
});
export type IssuedCopy = z.infer<typeof IssuedCopy>;

/** The app's print/copy view: one recipient's copy of a version or readout, in one language. */
export const PrintCopy = z.object({
  copyId: Id.nullable(),
  docKind: z.enum(['version', 'readout']),
  title: z.string(),
  label: z.string(),
  lang: Lang,
  dir: z.enum(['ltr', 'rtl']),
  contentHash: z.string().nullable(),
  /** false when the document is public and the copy is plain. */
  fingerprinted: z.boolean(),
  blocks: z.array(z.object({ section: z.string().nullable(), number: z.string(), text: z.string() })),
});
export type PrintCopy = z.infer<typeof PrintCopy>;

export const TraceBody = z.object({
  text: z.string().min(1, { error: 'paste the leaked text' }).max(500_000),
  versionId: Id.optional(),
  readoutId: Id.optional(),
  epsilon: z.number().gt(0).max(0.1).default(1e-3),
});

export const TraceSuspect = z.object({
  recipient: z.string(),
  accountId: Id,
  recipientName: z.string(),
  party: z.string().nullable(),
  score: z.number(),
  /** null when none of the slots read was in this recipient's copies: there is nothing to accuse them on. */
  threshold: z.number().nullable(),
  accused: z.boolean(),
  /** 1 − the bound on an innocent recipient scoring this much. */
  confidence: z.number(),
  /** Read slots where this recipient's copy shows what the leak shows. */
  slotsMatched: z.number().int(),
  /** Read slots this recipient's copies carried. */
  slotsCompared: z.number().int(),
});
export type TraceSuspect = z.infer<typeof TraceSuspect>;

export const TraceReport = z.object({
  /** The document the leak was read against, or null when it matches none with copies issued. */
  document: z.object({ kind: z.enum(['version', 'readout']), id: Id, label: z.string(), lang: Lang }).nullable(),
  /** Share of the leak's words found in that document. */
  coverage: z.number(),
  slotsRead: z.number().int(),
  wordingSlotsRead: z.number().int(),
  formatSlotsRead: z.number().int(),
  epsilon: z.number(),
  /** Candidate documents the leak was tested against (ε is split between them). */
  candidates: z.number().int(),
  /** 'accused' when someone passes the threshold; 'no_accusation' when the evidence is not enough; 'no_match' when the text is not from a copy. */
  conclusion: z.enum(['accused', 'no_accusation', 'no_match']),
  suspects: z.array(TraceSuspect),
  /** What the leak shows at each slot read, in document order. */
  readings: z.array(z.object({ slotId: z.string(), kind: z.enum(['wording', 'format']), pointNumber: z.string(), form: z.string(), bit: z.union([z.literal(0), z.literal(1)]) })),
});
export type TraceReport = z.infer<typeof TraceReport>;
