/**
 * The workspace's rules as pure functions: what a position form must hold before it is
 * sent, which visibility it starts from, and how everything my party recorded groups by
 * who can see it. The server decides again; these only spare a round trip and explain.
 */
import type { AmendmentOut, PositionOut, ReadoutOut } from '../../api/schemas.ts';
import type { NoteOut } from '../../../../src/protocol/notes.schema.ts';

export type Level = PositionOut['level'];
export type Visibility = PositionOut['visibility'];

export const LEVELS: readonly Level[] = ['accept', 'discuss', 'wording', 'reject', 'redline'];
export const VISIBILITIES: readonly Visibility[] = ['party', 'mediator', 'parties', 'public'];
/** The scale demands a reason where the other side needs to know what would change it. */
export const LEVELS_NEEDING_REASON: ReadonlySet<Level> = new Set(['wording', 'reject', 'redline']);

export interface PositionDraft { level: Level | null; visibility: Visibility; reason: string }

export type DraftProblem = 'level_missing' | 'reason_required' | 'unchanged';

/** Why the form cannot be sent yet, or null when it can. */
export function positionProblem(draft: PositionDraft, current: Pick<PositionOut, 'level' | 'visibility' | 'reason'> | null): DraftProblem | null {
  if (!draft.level) return 'level_missing';
  if (LEVELS_NEEDING_REASON.has(draft.level) && draft.reason.trim() === '') return 'reason_required';
  if (current && current.level === draft.level && current.visibility === draft.visibility && current.reason === draft.reason.trim()) return 'unchanged';
  return null;
}

/** A new position starts where the last one was shared, or with the mediator when there is none. */
export function defaultVisibility(current: Pick<PositionOut, 'visibility'> | null): Visibility {
  return current?.visibility ?? 'mediator';
}

/** My party's latest position on each point, by point id. */
export function myPositionsByPoint(positions: readonly PositionOut[], partyId: string): Map<string, PositionOut> {
  const out = new Map<string, PositionOut>();
  for (const p of positions) {
    if (p.partyId !== partyId || !p.pointId) continue;
    const seen = out.get(p.pointId);
    if (!seen || seen.seq < p.seq) out.set(p.pointId, p);
  }
  return out;
}

export interface SharedGroups {
  positions: PositionOut[];
  amendments: AmendmentOut[];
  readouts: ReadoutOut[];
  notes: NoteOut[];
}

/**
 * Everything my party has on record, grouped by the widest audience of each item. Only
 * current positions count (an older one that was shared stays in the record, but what a
 * reader sees now is the latest); withdrawn and decided amendments still count, because
 * whoever they were shared with can still read them.
 */
export function groupByAudience(
  partyId: string,
  items: { positions: readonly PositionOut[]; amendments: readonly AmendmentOut[]; readouts: readonly ReadoutOut[]; notes: readonly NoteOut[] },
): Record<Visibility, SharedGroups> {
  const groups = Object.fromEntries(VISIBILITIES.map((v) => [v, { positions: [], amendments: [], readouts: [], notes: [] }])) as unknown as Record<Visibility, SharedGroups>;
  const latest = new Map<string, PositionOut>();
  for (const p of items.positions) {
    if (p.partyId !== partyId) continue;
    const key = p.pointId ?? `a:${p.amendmentId ?? ''}`;
    const seen = latest.get(key);
    if (!seen || seen.seq < p.seq) latest.set(key, p);
  }
  for (const p of [...latest.values()].sort((a, b) => a.seq - b.seq)) groups[p.visibility].positions.push(p);
  for (const a of items.amendments) if (a.partyId === partyId) groups[a.visibility].amendments.push(a);
  for (const r of items.readouts) if (r.partyId === partyId) groups[r.visibility].readouts.push(r);
  for (const n of items.notes) if (n.partyId === partyId) groups.party.notes.push(n);
  return groups;
}

export const countOf = (g: SharedGroups) => g.positions.length + g.amendments.length + g.readouts.length + g.notes.length;

export type AmendmentKind = 'replace' | 'insert' | 'delete';

export interface AmendmentDraft {
  kind: AmendmentKind;
  pointId: string | null;
  afterPointId: string | null;
  texts: Record<string, string>;
  justification: string;
}

export type AmendmentProblem = 'point_missing' | 'text_missing';

export function amendmentProblem(d: AmendmentDraft): AmendmentProblem | null {
  if ((d.kind === 'replace' || d.kind === 'delete') && !d.pointId) return 'point_missing';
  if (d.kind !== 'delete' && !Object.values(d.texts).some((t) => t.trim() !== '')) return 'text_missing';
  return null;
}

/** The body of POST .../amendments for a draft (empty languages left out). */
export function amendmentBody(partyId: string, d: AmendmentDraft, proposeTo: 'mediator' | 'parties' | null) {
  const texts = d.kind === 'delete' ? {} : Object.fromEntries(Object.entries(d.texts).filter(([, t]) => t.trim() !== '').map(([l, t]) => [l, t.trim()]));
  return {
    partyId, kind: d.kind,
    pointId: d.kind === 'insert' ? null : d.pointId,
    afterPointId: d.kind === 'insert' ? d.afterPointId : null,
    texts, justification: d.justification.trim(),
    ...(proposeTo ? { proposeTo } : {}),
  };
}
