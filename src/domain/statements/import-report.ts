import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { Id, Lang, Localized, NonEmptyText, PositionLevel, ReportFormat, ReportVisibility, StatementKind, Text, type Report, type Statement } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { sha256Hex } from '../record/hash-event.ts';
import { getPerson, getPoint, requireNegotiation } from '../record/lookup.ts';
import type { NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';
import { MAX_REPORT_CHARS, reportLines, squashSpace } from './report-text.ts';

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

/**
 * Records a report and the quotations a reviewer accepted from it, in one command: either the
 * report and every statement are in the log, or nothing is. Each statement must stand on the
 * line it names, so a statement always leads back to words the report really printed.
 */
export function importReport(state: NegotiationState, ctx: CommandContext, raw: ImportReportInput): PendingEvent[] {
  const input = ImportReportInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'record_statement');
  const r = input.report;
  if (r.text.length > MAX_REPORT_CHARS) throw new ParleyError('file_too_large', `The report is longer than the limit of ${MAX_REPORT_CHARS.toLocaleString('en')} characters.`);
  const sha256 = sha256Hex(r.text);
  const already = [...state.reports.values()].find((x) => x.sha256 === sha256);
  if (already) throw new ParleyError('already_exists', `This report was already imported (${already.title || already.date}); its statements are in the feed.`, { reportId: already.id });

  const lines = reportLines(r.text, r.format);
  const report: Report = {
    id: ctx.newId(), title: r.title, publisher: r.publisher, url: r.url, date: r.date, lang: r.lang, format: r.format, sha256, text: r.text,
    visibility: r.visibility, importedBy: ctx.actor.kind === 'member' ? ctx.actor.memberId : null, at: ctx.now,
  };
  const events: PendingEvent[] = [{ type: 'report.imported', payload: { report }, visibility: r.visibility, partyId: null }];
  input.statements.forEach((q, i) => {
    const where = `statements.${i}`;
    if (q.line > lines.length) throw new ParleyError('invalid_input', `${where}.line: the report has ${lines.length} lines, not ${q.line}.`);
    // A quote continued into later lines starts on its line and runs on from there.
    const from = squashSpace(lines.slice(q.line - 1).join(' '));
    if (!from.includes(squashSpace(q.quote))) throw new ParleyError('invalid_input', `${where}.quote: these words are not in the report at line ${q.line}.`);
    const person = q.personId ? getPerson(state, q.personId) : null;
    q.pointIds.forEach((p) => getPoint(state, p));
    const statement: Statement = {
      id: ctx.newId(), personId: q.personId, speakerAsNamed: q.speakerAsNamed, partyId: person?.partyId ?? null, quote: q.quote, lang: q.lang ?? r.lang,
      translations: q.translations, kind: q.kind, source: { title: r.title, publisher: r.publisher, url: r.url, line: q.line }, date: r.date,
      pointIds: [...new Set(q.pointIds)], stance: q.stance, reportId: report.id,
    };
    events.push({ type: 'statement.recorded', payload: { statement }, visibility: r.visibility, partyId: null });
  });
  return events;
}
