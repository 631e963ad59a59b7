/**
 * What importing a report takes, apart from the command itself so the web app can share the
 * schema without the command's Node-only hashing.
 */
import { z } from 'zod';
import { Id, Lang, Localized, NonEmptyText, PositionLevel, ReportFormat, ReportVisibility, StatementKind, Text } from '../model.ts';

const Day = z.iso.date().refine((d) => d >= '0001-01-01', { error: 'must be in the year 1 or later' });

export const ReportInput = z.object({
  title: Text.pipe(z.string().max(500)).default(''),
  publisher: Text.pipe(z.string().max(300)).default(''),
  /** Where the report was published: stored as given, never fetched. */
  url: Text.pipe(z.string().max(2000)).default(''),
  date: Day,
  lang: Lang,
  format: ReportFormat.default('text'),
  text: NonEmptyText,
  visibility: ReportVisibility.default('public'),
});

/** One quotation the reviewer accepted, as extracted and then corrected. */
export const AcceptedQuote = z.object({
  personId: Id.nullable().default(null),
  speakerAsNamed: Text.default(''),
  quote: NonEmptyText,
  lang: Lang.optional(),
  translations: Localized.default({}),
  kind: StatementKind.default('speech'),
  /** 1-based line of the report's text where the quotation starts. */
  line: z.number().int().positive(),
  pointIds: z.array(Id).default([]),
  stance: PositionLevel.nullable().default(null),
});

export const ImportReportInput = z.object({
  report: ReportInput,
  statements: z.array(AcceptedQuote).min(1, { error: 'accept at least one quotation' }).max(500),
});
export type ImportReportInput = z.input<typeof ImportReportInput>;
