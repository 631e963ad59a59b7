import { ParleyError } from '../errors.ts';
import type { Report, Statement } from '../model.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { sha256Hex } from '../record/hash-event.ts';
import { getPerson, getPoint, requireNegotiation } from '../record/lookup.ts';
import type { NegotiationState } from '../record/state.ts';
import { authorize } from '../policy/permissions.ts';
import { ImportReportInput } from './import-report.schema.ts';
import { MAX_REPORT_CHARS, reportLines, squashSpace } from './report-text.ts';

export { ImportReportInput };

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
