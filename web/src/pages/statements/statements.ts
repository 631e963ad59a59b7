/**
 * The statements feed as plain data: filters (the server filters by person, party and
 * point; the date range is applied here), and where a public statement departs from the
 * party's position as this viewer may see it.
 */
import type { PositionOut, StatementOut } from '../../api/schemas.ts';
import type { LangRow } from '../rounds/round-form.ts';
import { toLocalized } from '../rounds/round-form.ts';

export interface StatementFilters { personId: string; partyId: string; pointId: string; from: string; to: string }
export const NO_FILTERS: StatementFilters = { personId: '', partyId: '', pointId: '', from: '', to: '' };

/** The query string for what the API filters itself. */
export function serverQuery(f: StatementFilters): string {
  const q = new URLSearchParams();
  if (f.personId) q.set('personId', f.personId);
  if (f.partyId) q.set('partyId', f.partyId);
  if (f.pointId) q.set('pointId', f.pointId);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Newest first; within a day, as the server listed them. Dates are inclusive (yyyy-mm-dd). */
export function applyDateRange(list: readonly StatementOut[], f: Pick<StatementFilters, 'from' | 'to'>): StatementOut[] {
  return list
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => (!f.from || s.date >= f.from) && (!f.to || s.date <= f.to))
    .sort((a, b) => (a.s.date === b.s.date ? a.i - b.i : a.s.date < b.s.date ? 1 : -1))
    .map(({ s }) => s);
}

export function filtersFrom(params: URLSearchParams): StatementFilters {
  const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
  return { personId: params.get('person') ?? '', partyId: params.get('party') ?? '', pointId: params.get('point') ?? '', from: day(params.get('from')), to: day(params.get('to')) };
}

export function filtersTo(f: StatementFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.personId) out.person = f.personId;
  if (f.partyId) out.party = f.partyId;
  if (f.pointId) out.point = f.pointId;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  return out;
}

export interface Discrepancy { pointId: string; position: Pick<PositionOut, 'level' | 'visibility' | 'partyId'> }

/**
 * Points where the statement's stance differs from its party's latest position that the
 * viewer may see. The positions come from the server already cut to what the viewer may
 * see, so a party's private position never yields a hint for anyone outside it.
 */
export function discrepancies(s: Pick<StatementOut, 'partyId' | 'pointIds' | 'stance'>, positions: readonly Pick<PositionOut, 'partyId' | 'pointId' | 'level' | 'visibility'>[]): Discrepancy[] {
  if (!s.partyId || !s.stance) return [];
  const out: Discrepancy[] = [];
  for (const pointId of s.pointIds) {
    const p = positions.find((x) => x.partyId === s.partyId && x.pointId === pointId);
    if (p && p.level !== s.stance) out.push({ pointId, position: p });
  }
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
