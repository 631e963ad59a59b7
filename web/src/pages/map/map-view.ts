/**
 * The map's pure logic, kept out of the components so it can be tested alone: filters read
 * from and written to the URL, rows filtered and grouped by section, tag labels, and the
 * "since your last visit" digest of events.
 */
import { taxonomyEntry } from '../../../../src/domain/framework/taxonomy.ts';
import type { AgreementOut, EventOut, PointOut, SectionOut } from '../../api/schemas.ts';
import type { Status } from '../../ui/badges.tsx';

export type Row = AgreementOut['rows'][number];
export const STATUSES: readonly Status[] = ['agreed', 'close', 'contested', 'blocked'];

export interface MapFilters {
  q: string;
  status: Status | null;
  tag: string | null;
  /** Party columns shown; null = all. */
  parties: string[] | null;
}

const isStatus = (s: string | null): s is Status => s !== null && (STATUSES as readonly string[]).includes(s);

/** Filters as the URL holds them (`?q=&status=&tag=&parties=a,b`), so a view can be reloaded and shared. */
export function filtersFromSearch(params: URLSearchParams): MapFilters {
  const status = params.get('status');
  const parties = params.get('parties');
  return {
    q: params.get('q') ?? '',
    status: isStatus(status) ? status : null,
    tag: params.get('tag') || null,
    parties: parties === null ? null : parties.split(',').filter(Boolean),
  };
}

export function filtersToSearch(f: MapFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.status) p.set('status', f.status);
  if (f.tag) p.set('tag', f.tag);
  if (f.parties) p.set('parties', f.parties.join(','));
  return p;
}

export const hasFilters = (f: MapFilters) => Boolean(f.q || f.status || f.tag || f.parties);

/** Case- and accent-insensitive, so "ukraine" finds "Ukraine" and "donbass" needs no diacritics. */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export function matchesPoint(row: Row, point: PointOut | undefined, f: MapFilters, foldedQuery = fold(f.q.trim())): boolean {
  if (f.status && row.status !== f.status) return false;
  if (f.tag && !(point?.tags ?? []).some((t) => t === f.tag || t.startsWith(`${f.tag}/`))) return false;
  if (foldedQuery) {
    const hay = [row.number, ...Object.values(point?.texts ?? {})].map(fold);
    if (!hay.some((h) => h.includes(foldedQuery))) return false;
  }
  return true;
}

export interface SectionGroup {
  /** null for points outside any section. */
  section: SectionOut | null;
  rows: Row[];
}

/** Rows in map order, grouped by section (sections in their order; loose points last). */
export function groupRows(rows: readonly Row[], points: ReadonlyMap<string, PointOut>, sections: readonly SectionOut[]): SectionGroup[] {
  const bySection = new Map<string | null, Row[]>();
  for (const r of rows) {
    const key = points.get(r.pointId)?.sectionId ?? null;
    const list = bySection.get(key);
    if (list) list.push(r); else bySection.set(key, [r]);
  }
  const groups: SectionGroup[] = [...sections].sort((a, b) => a.order - b.order)
    .flatMap((s) => { const list = bySection.get(s.id); return list ? [{ section: s, rows: list }] : []; });
  const known = new Set(sections.map((s) => s.id));
  const loose = [...bySection.entries()].filter(([k]) => k === null || !known.has(k)).flatMap(([, list]) => list);
  if (loose.length > 0) groups.push({ section: null, rows: loose });
  return groups;
}

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
const prettySlug = (slug: string) => capitalize(slug.replace(/-/g, ' '));

/** A tag as a person reads it: PA-X labels for PA-X tags ("Security sector › Ceasefire"), the slug made readable otherwise. */
export function tagLabel(tag: string): string {
  const e = taxonomyEntry(tag);
  const [head = tag, tail] = tag.split('/');
  const parent = e?.parent ? taxonomyEntry(e.parent)?.label : undefined;
  if (e) return parent ? `${parent} › ${e.label}` : e.label;
  const headLabel = taxonomyEntry(head)?.label ?? prettySlug(head);
  return tail ? `${headLabel} › ${prettySlug(tail)}` : headLabel;
}

/** Every tag used on the points, including each issue's category, sorted by label. */
export function tagOptions(points: readonly PointOut[]): { tag: string; label: string }[] {
  const tags = new Set<string>();
  for (const p of points) for (const t of p.tags) { tags.add(t); const head = t.split('/')[0]; if (head && head !== t) tags.add(head); }
  return [...tags].map((tag) => ({ tag, label: tagLabel(tag) })).sort((a, b) => a.label.localeCompare(b.label));
}

/** One line of the "since your last visit" panel. */
export type Change =
  | { kind: 'positions'; partyId: string; pointIds: string[]; count: number }
  | { kind: 'version'; versionId: string; label: string }
  | { kind: 'point'; action: 'added' | 'edited' | 'moved' | 'removed'; pointId: string }
  | { kind: 'amendment'; action: 'drafted' | 'proposed' | 'withdrawn' | 'rejected' | 'accepted'; amendmentId: string; pointId: string | null }
  | { kind: 'round'; action: 'scheduled' | 'updated'; roundId: string; title: Record<string, string> }
  | { kind: 'readout'; roundId: string }
  | { kind: 'statement' }
  | { kind: 'initialed'; partyId: string }
  | { kind: 'other'; type: string; actor: string };

type Payload = Record<string, unknown>;
const obj = (v: unknown): Payload => (v && typeof v === 'object' ? v as Payload : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The events after my last visit as a short list a person can read: positions gathered per
 * party (one line per party, however many points), the rest one line per event, newest
 * last as they happened. Events are those the server let me see, so nothing here says more
 * than the log already told me.
 */
export function digest(events: readonly EventOut[]): Change[] {
  const out: Change[] = [];
  const positionsOf = new Map<string, Extract<Change, { kind: 'positions' }>>();
  for (const e of events) {
    const p = obj(e.payload);
    const [, action = ''] = e.type.split('.');
    switch (e.type) {
      case 'position.set': {
        const pos = obj(p.position);
        const partyId = str(pos.partyId);
        let line = positionsOf.get(partyId);
        if (!line) { line = { kind: 'positions', partyId, pointIds: [], count: 0 }; positionsOf.set(partyId, line); out.push(line); }
        line.count++;
        const pointId = str(pos.pointId);
        if (pointId && !line.pointIds.includes(pointId)) line.pointIds.push(pointId);
        break;
      }
      case 'version.created': { const v = obj(p.version); out.push({ kind: 'version', versionId: str(v.id), label: str(v.label) }); break; }
      case 'version.initialed': out.push({ kind: 'initialed', partyId: str(p.partyId) }); break;
      case 'point.added': out.push({ kind: 'point', action: 'added', pointId: str(obj(p.point).id) }); break;
      case 'point.edited': case 'point.moved': case 'point.removed':
        out.push({ kind: 'point', action: action as 'edited' | 'moved' | 'removed', pointId: str(p.pointId) }); break;
      case 'amendment.drafted': case 'amendment.proposed': {
        const a = obj(p.amendment);
        out.push({ kind: 'amendment', action: action as 'drafted' | 'proposed', amendmentId: str(a.id), pointId: str(a.pointId) || null }); break;
      }
      case 'amendment.withdrawn': case 'amendment.rejected': case 'amendment.accepted':
        out.push({ kind: 'amendment', action: action as 'withdrawn' | 'rejected' | 'accepted', amendmentId: str(p.amendmentId), pointId: str(p.resultPointId) || null }); break;
      case 'round.scheduled': case 'round.updated': {
        const r = obj(p.round);
        out.push({ kind: 'round', action: action as 'scheduled' | 'updated', roundId: str(r.id), title: obj(r.title) as Record<string, string> }); break;
      }
      case 'readout.written': out.push({ kind: 'readout', roundId: str(obj(p.readout).roundId) }); break;
      case 'statement.recorded': out.push({ kind: 'statement' }); break;
      default: out.push({ kind: 'other', type: e.type, actor: e.actor });
    }
  }
  return out;
}
