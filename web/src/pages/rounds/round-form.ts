/**
 * The round form as plain data: what the inputs hold (strings, checkbox sets), how a saved
 * round fills it for editing, and how it becomes the body of POST/PUT .../rounds. Kept free
 * of React so the rules (times in the viewer's zone, an end after the start) are tested alone.
 */
import type { RoundOut } from '../../api/schemas.ts';

export type RoundFormat = RoundOut['format'];
export const ROUND_FORMATS: readonly RoundFormat[] = ['bilateral', 'trilateral', 'plenary', 'proximity', 'shuttle', 'working_group', 'other'];
export type RoundVisibility = 'mediator' | 'parties' | 'public';

/** One line of a text given in several languages. */
export interface LangRow { lang: string; text: string }

export interface RoundDraft {
  title: LangRow[];
  /** `datetime-local` values, in the viewer's own time zone. */
  startsAt: string;
  endsAt: string;
  durationMinutes: string;
  place: LangRow[];
  format: RoundFormat;
  partyIds: string[];
  attendeeIds: string[];
  nonDisclosure: boolean;
  terms: LangRow[];
  publicReadout: LangRow[];
  pointIds: string[];
  visibility: RoundVisibility;
}

export interface RoundBody {
  title: Record<string, string>;
  startsAt: string;
  endsAt: string | null;
  durationMinutes: number | null;
  place: Record<string, string>;
  format: RoundFormat;
  partyIds: string[];
  attendeeIds: string[];
  confidentiality: { nonDisclosure: boolean; terms: Record<string, string> };
  publicReadout: Record<string, string>;
  pointIds: string[];
  visibility: RoundVisibility;
}

/** Why a draft cannot be sent yet; each names the field to fix. */
export type DraftProblem = 'title' | 'start' | 'end' | 'endBeforeStart' | 'duration';

/** Rows with text, as a Localized record (a language given twice keeps its first text). */
export function toLocalized(rows: readonly LangRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) {
    const text = r.text.trim();
    if (text && r.lang && !(r.lang in out)) out[r.lang] = text;
  }
  return out;
}

/** A Localized record as rows to edit; an empty record gives one empty row in `lang`. */
export function toRows(texts: Record<string, string>, lang: string): LangRow[] {
  const rows = Object.entries(texts).map(([l, text]) => ({ lang: l, text }));
  return rows.length > 0 ? rows : [{ lang, text: '' }];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` value in this browser's time zone. */
export function localInputValue(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (this browser's zone) as an ISO instant, or null if it is not one. */
export function instantOf(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function emptyRoundDraft(lang: string): RoundDraft {
  return {
    title: [{ lang, text: '' }], startsAt: '', endsAt: '', durationMinutes: '', place: [{ lang, text: '' }],
    format: 'bilateral', partyIds: [], attendeeIds: [], nonDisclosure: false, terms: [{ lang, text: '' }],
    publicReadout: [{ lang, text: '' }], pointIds: [], visibility: 'parties',
  };
}

export function draftFromRound(r: RoundOut, lang: string): RoundDraft {
  return {
    title: toRows(r.title, lang),
    startsAt: localInputValue(r.startsAt),
    endsAt: localInputValue(r.endsAt),
    durationMinutes: r.durationMinutes === null ? '' : String(r.durationMinutes),
    place: toRows(r.place, lang),
    format: r.format,
    partyIds: [...r.partyIds],
    attendeeIds: [...r.attendeeIds],
    nonDisclosure: r.confidentiality.nonDisclosure,
    terms: toRows(r.confidentiality.terms, lang),
    publicReadout: toRows(r.publicReadout, lang),
    pointIds: [...r.pointIds],
    visibility: r.visibility === 'party' ? 'mediator' : r.visibility,
  };
}

/** The body to send, or the first thing a person must fix before it can be sent. */
export function roundBody(d: RoundDraft): { ok: true; body: RoundBody } | { ok: false; problem: DraftProblem } {
  const title = toLocalized(d.title);
  if (Object.keys(title).length === 0) return { ok: false, problem: 'title' };
  const startsAt = instantOf(d.startsAt);
  if (!startsAt) return { ok: false, problem: 'start' };
  const endsAt = d.endsAt.trim() ? instantOf(d.endsAt) : null;
  if (d.endsAt.trim() && !endsAt) return { ok: false, problem: 'end' };
  if (endsAt && endsAt < startsAt) return { ok: false, problem: 'endBeforeStart' };
  let durationMinutes: number | null = null;
  if (d.durationMinutes.trim()) {
    const n = Number(d.durationMinutes);
    if (!Number.isInteger(n) || n <= 0) return { ok: false, problem: 'duration' };
    durationMinutes = n;
  }
  return {
    ok: true,
    body: {
      title, startsAt, endsAt, durationMinutes, place: toLocalized(d.place), format: d.format,
      partyIds: d.partyIds, attendeeIds: d.attendeeIds,
      confidentiality: { nonDisclosure: d.nonDisclosure, terms: d.nonDisclosure ? toLocalized(d.terms) : {} },
      publicReadout: toLocalized(d.publicReadout), pointIds: d.pointIds, visibility: d.visibility,
    },
  };
}

/** How long a round lasted: as recorded, or from its start and end. */
export function minutesOf(r: Pick<RoundOut, 'startsAt' | 'endsAt' | 'durationMinutes'>): number | null {
  if (r.durationMinutes !== null) return r.durationMinutes;
  if (!r.endsAt) return null;
  const m = Math.round((Date.parse(r.endsAt) - Date.parse(r.startsAt)) / 60_000);
  return m > 0 ? m : null;
}

/** A day key (yyyy-mm-dd) in this browser's time zone, for grouping. */
export function localDay(iso: string): string {
  return localInputValue(iso).slice(0, 10);
}

/** Rounds grouped by the day they began, newest day first, each day in order of start. */
export function groupByDay<R extends Pick<RoundOut, 'startsAt'>>(rounds: readonly R[]): { day: string; rounds: R[] }[] {
  const sorted = [...rounds].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const days = new Map<string, R[]>();
  for (const r of sorted) {
    const key = localDay(r.startsAt);
    const list = days.get(key);
    if (list) list.push(r);
    else days.set(key, [r]);
  }
  return [...days].map(([day, list]) => ({ day, rounds: list })).reverse();
}

/** Toggle one id in a set kept as an array, preserving order. */
export function toggle(ids: readonly string[], id: string, on: boolean): string[] {
  return on ? (ids.includes(id) ? [...ids] : [...ids, id]) : ids.filter((x) => x !== id);
}
