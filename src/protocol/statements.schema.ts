/**
 * What the statement, report and discrepancy routes take and answer. The import preview's
 * candidates are the quote extractor's results with the negotiation's people resolved and a
 * stance suggested; nothing in a preview is recorded.
 */
import { z } from 'zod';
import { Lang, PositionLevel, Report, ReportFormat, ReportVisibility, Statement, StatementKind, Text, Visibility } from '../domain/model.ts';
import { ImportReportInput, ReportInput } from '../domain/statements/import-report.schema.ts';

export const StatementOut = Statement.extend({
  reportId: z.uuid().nullable(),
  visibility: Visibility,
  revision: z.number().int().describe('send back as basedOn to edit it; a stale value gets 409 version_conflict'),
});
export type StatementOut = z.infer<typeof StatementOut>;

export const ReportSummaryOut = Report.omit({ text: true }).extend({ statements: z.number().int().describe('statements recorded from it that I may see') });
export type ReportSummaryOut = z.infer<typeof ReportSummaryOut>;
export const ReportOut = Report.extend({
  lines: z.array(z.string()).describe('the text as its statements number it (for HTML, the article text, one block a line)'),
});
export type ReportOut = z.infer<typeof ReportOut>;

const StanceHitOut = z.object({ level: PositionLevel, cue: z.string(), negated: z.boolean(), start: z.number().int(), end: z.number().int() });

export const CandidateOut = z.object({
  quote: z.string(),
  /** The speaker as the text names them (a pronoun or role is replaced by the name it stands for). */
  speaker: z.string().nullable(),
  personId: z.uuid().nullable().describe('the person of this negotiation the speaker resolves to'),
  partyId: z.uuid().nullable(),
  kind: StatementKind,
  lang: Lang,
  line: z.number().int().positive(),
  start: z.number().int(),
  end: z.number().int(),
  endLine: z.number().int(),
  cue: z.string().nullable().describe('the reporting word that tied speaker and quote'),
  via: z.string(),
  mention: z.string().nullable(),
  confidence: z.number(),
  stance: StanceHitOut.extend({ hits: z.array(StanceHitOut) }).nullable().describe('suggested from cue words; the reviewer decides'),
  duplicateOf: z.uuid().nullable().describe('a statement already recorded with the same words and speaker'),
});
export type CandidateOut = z.infer<typeof CandidateOut>;

// Text, not NonEmptyText: an empty report gets the preview's own explanation.
export const PreviewReportBody = ReportInput.pick({ format: true }).extend({
  text: Text.describe('the report: plain text or an HTML page, as UTF-8'),
  lang: Lang.optional().describe('the language of the report; detected when absent'),
  name: z.string().max(300).optional().describe('the uploaded file name: .html/.htm is read as HTML unless `format` says otherwise'),
});

export const ReportPreviewOut = z.object({
  lang: Lang,
  format: ReportFormat,
  sha256: z.string(),
  lines: z.array(z.string()),
  alreadyImported: z.uuid().nullable().describe('the report with the same text, if it was imported already'),
  candidates: z.array(CandidateOut),
});
export type ReportPreviewOut = z.infer<typeof ReportPreviewOut>;

export const ImportReportBody = ImportReportInput;
export { ReportVisibility };

export const DiscrepancyOut = z.object({
  partyId: z.uuid(),
  pointId: z.uuid(),
  direction: z.enum(['softer_in_public', 'harder_in_public']),
  position: z.object({ id: z.uuid(), level: PositionLevel, visibility: Visibility, at: z.string(), reason: z.string() }),
  statements: z.array(z.object({ id: z.uuid(), personId: z.uuid().nullable(), stance: PositionLevel, date: z.string(), quote: z.string(), lang: z.string() })),
});
export type DiscrepancyOut = z.infer<typeof DiscrepancyOut>;
