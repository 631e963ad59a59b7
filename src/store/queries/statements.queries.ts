/**
 * Statements, the reports they came from, and what discrepancies are computed from, under
 * row-level security: a report imported for the table only never reaches the public.
 */
import type { Report } from '../../domain/model.ts';
import type { StatementSeen } from '../../domain/statements/discrepancies.ts';
import { reportLines } from '../../domain/statements/report-text.ts';
import type { ReportOut, ReportSummaryOut, StatementOut } from '../../protocol/statements.schema.ts';
import type { Tx } from '../database.ts';
import { iso, isoDate } from './read-as.ts';

type Row = Record<string, unknown>;
const sn = (v: unknown) => (v ?? null) as string | null;

function toStatement(r: Row): StatementOut {
  return {
    id: r.id as string, personId: sn(r.person_id), speakerAsNamed: r.speaker_as_named as string, partyId: sn(r.party_id), quote: r.quote as string, lang: r.lang as string,
    translations: r.translations as Record<string, string>, kind: r.kind as StatementOut['kind'], source: r.source as StatementOut['source'],
    date: isoDate(r.date as Date), pointIds: r.point_ids as string[], stance: (r.stance ?? null) as StatementOut['stance'], reportId: sn(r.report_id),
    visibility: r.visibility as StatementOut['visibility'], revision: r.revision as number,
  };
}

export interface StatementFilter {
  personId?: string | undefined;
  partyId?: string | undefined;
  pointId?: string | undefined;
  reportId?: string | undefined;
  /** Inclusive days (yyyy-mm-dd). */
  from?: string | undefined;
  to?: string | undefined;
}

/** Newest first; within a day, in the order of the report's lines. */
export async function listStatements(tx: Tx, n: string, filter: StatementFilter = {}): Promise<StatementOut[]> {
  const where = ['negotiation_id = $1'];
  const params: unknown[] = [n];
  const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replace('?', `$${params.length}`)); };
  if (filter.personId) add('person_id = ?', filter.personId);
  if (filter.partyId) add('party_id = ?', filter.partyId);
  if (filter.pointId) add('point_ids @> ?::jsonb', JSON.stringify([filter.pointId]));
  if (filter.reportId) add('report_id = ?', filter.reportId);
  if (filter.from) add('date >= ?::date', filter.from);
  if (filter.to) add('date <= ?::date', filter.to);
  const rows = await tx.query<Row>(`SELECT * FROM statements WHERE ${where.join(' AND ')} ORDER BY date DESC, (source->>'line')::numeric NULLS LAST, id`, params);
  return rows.map(toStatement);
}

export async function getStatement(tx: Tx, n: string, id: string): Promise<StatementOut | null> {
  const [r] = await tx.query<Row>('SELECT * FROM statements WHERE negotiation_id = $1 AND id = $2', [n, id]);
  return r ? toStatement(r) : null;
}

/** What discrepancies need of each statement: only those with a party and a stance can contradict anything. */
export async function statementsWithStance(tx: Tx, n: string, pointId?: string): Promise<StatementSeen[]> {
  const rows = await tx.query<Row>(
    `SELECT * FROM statements WHERE negotiation_id = $1 AND party_id IS NOT NULL AND stance IS NOT NULL${pointId ? ' AND point_ids @> $2::jsonb' : ''}`,
    pointId ? [n, JSON.stringify([pointId])] : [n]);
  return rows.map(toStatement);
}

function toReport(r: Row): Report {
  return {
    id: r.id as string, title: r.title as string, publisher: r.publisher as string, url: r.url as string, date: isoDate(r.date as Date), lang: r.lang as string,
    format: r.format as Report['format'], sha256: r.sha256 as string, text: (r.text ?? '') as string, visibility: r.visibility as Report['visibility'],
    importedBy: sn(r.imported_by), at: iso(r.at as Date)!,
  };
}

/** Newest first, without their text. */
export async function listReports(tx: Tx, n: string): Promise<ReportSummaryOut[]> {
  const rows = await tx.query<Row>(
    `SELECT r.negotiation_id, r.id, r.title, r.publisher, r.url, r.date, r.lang, r.format, r.sha256, r.imported_by, r.at, r.visibility,
            (SELECT count(*) FROM statements s WHERE s.negotiation_id = r.negotiation_id AND s.report_id = r.id) AS statements
       FROM reports r WHERE r.negotiation_id = $1 ORDER BY r.date DESC, r.at DESC, r.id`, [n]);
  return rows.map((r) => {
    const { text: _text, ...rest } = toReport(r);
    return { ...rest, statements: Number(r.statements) };
  });
}

export async function getReport(tx: Tx, n: string, id: string): Promise<ReportOut | null> {
  const [r] = await tx.query<Row>('SELECT * FROM reports WHERE negotiation_id = $1 AND id = $2', [n, id]);
  if (!r) return null;
  const report = toReport(r);
  return { ...report, lines: reportLines(report.text, report.format) };
}

export async function findReportByHash(tx: Tx, n: string, sha256: string): Promise<string | null> {
  const [r] = await tx.query<Row>('SELECT id FROM reports WHERE negotiation_id = $1 AND sha256 = $2', [n, sha256]);
  return r ? (r.id as string) : null;
}

/** Statements already recorded, to mark a candidate that repeats one. */
export async function statementKeys(tx: Tx, n: string): Promise<{ id: string; quote: string; personId: string | null }[]> {
  const rows = await tx.query<Row>('SELECT id, quote, person_id FROM statements WHERE negotiation_id = $1', [n]);
  return rows.map((r) => ({ id: r.id as string, quote: r.quote as string, personId: sn(r.person_id) }));
}
