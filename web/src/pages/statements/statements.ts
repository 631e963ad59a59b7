/**
 * The statements feed as plain data: filters (all applied by the server, kept in the
 * address), and the hand-entry form's draft. Discrepancies come from the server's
 * discrepancy module (see discrepancy-queries.ts), computed under the viewer's visibility.
 */
import type { StatementOut } from '../../api/schemas.ts';
import type { LangRow } from '../rounds/round-form.ts';
import { toLocalized } from '../rounds/round-form.ts';

export interface StatementFilters { personId: string; partyId: string; pointId: string; reportId: string; from: string; to: string }
export const NO_FILTERS: StatementFilters = { personId: '', partyId: '', pointId: '', reportId: '', from: '', to: '' };

/** The query string the API filters by; the dates are inclusive days. */
export function serverQuery(f: StatementFilters): string {
  const q = new URLSearchParams();
  if (f.personId) q.set('personId', f.personId);
  if (f.partyId) q.set('partyId', f.partyId);
  if (f.pointId) q.set('pointId', f.pointId);
  if (f.reportId) q.set('reportId', f.reportId);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  const s = q.toString();
  return s ? `?${s}` : '';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function filtersFrom(params: URLSearchParams): StatementFilters {
  const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
  const id = (v: string | null) => (v && UUID.test(v) ? v : '');
  return {
    personId: id(params.get('person')), partyId: id(params.get('party')), pointId: id(params.get('point')), reportId: id(params.get('report')),
    from: day(params.get('from')), to: day(params.get('to')),
  };
}

export function filtersTo(f: StatementFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.personId) out.person = f.personId;
  if (f.partyId) out.party = f.partyId;
  if (f.pointId) out.point = f.pointId;
  if (f.reportId) out.report = f.reportId;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  return out;
}

export type StatementKind = StatementOut['kind'];
export type Stance = NonNullable<StatementOut['stance']>;

export interface StatementDraft {
  personId: string;
  speakerAsNamed: string;
  quote: string;
  lang: string;
  translations: LangRow[];
  kind: StatementKind;
  date: string;
  sourceTitle: string;
  publisher: string;
  url: string;
  line: string;
  pointIds: string[];
  stance: Stance | '';
}

export function emptyStatementDraft(lang: string, translationLang: string, today: string): StatementDraft {
  return {
    personId: '', speakerAsNamed: '', quote: '', lang, translations: [{ lang: translationLang, text: '' }], kind: 'speech', date: today,
    sourceTitle: '', publisher: '', url: '', line: '', pointIds: [], stance: '',
  };
}

export type StatementProblem = 'speaker' | 'quote' | 'date' | 'line' | 'url';

export function statementBody(d: StatementDraft) {
  if (!d.personId && !d.speakerAsNamed.trim()) return { ok: false as const, problem: 'speaker' as StatementProblem };
  if (!d.quote.trim()) return { ok: false as const, problem: 'quote' as StatementProblem };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) return { ok: false as const, problem: 'date' as StatementProblem };
  let line: number | null = null;
  if (d.line.trim()) {
    const n = Number(d.line);
    if (!Number.isInteger(n) || n <= 0) return { ok: false as const, problem: 'line' as StatementProblem };
    line = n;
  }
  const url = d.url.trim();
  if (url && !/^(https?:\/\/|seed:)\S+$/i.test(url)) return { ok: false as const, problem: 'url' as StatementProblem };
  const translations = toLocalized(d.translations.filter((r) => r.lang !== d.lang));
  return {
    ok: true as const,
    body: {
      personId: d.personId || null, speakerAsNamed: d.speakerAsNamed.trim(), quote: d.quote.trim(), lang: d.lang, translations, kind: d.kind,
      source: { title: d.sourceTitle.trim(), publisher: d.publisher.trim(), url, line }, date: d.date, pointIds: d.pointIds,
      stance: d.stance === '' ? null : d.stance,
    },
  };
}

/** A source link only when it is one a browser can open safely. */
export function safeHref(url: string): string | null {
  return /^https?:\/\/\S+$/i.test(url) ? url : null;
}
