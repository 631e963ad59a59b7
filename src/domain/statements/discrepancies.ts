/**
 * Where a party's public words and its position part ways, as one viewer may know it: the
 * party says in public that a point is acceptable or open to discussion while its position
 * (that this viewer may see) rejects it or draws a red line on it, or the reverse.
 *
 * Every position passes `canSee` before it is compared, and the position compared is the
 * latest one the viewer may see, not the latest one. So a discrepancy never hints at a
 * position the viewer could not read: the server also reads positions under row-level
 * security, and this filter holds even if a caller hands it more than that.
 */
import type { Position, PositionLevel, Statement, Visibility } from '../model.ts';
import type { Actor } from '../policy/actor.ts';
import { canSee } from '../policy/visibility.ts';

/** Which way a level leans; `wording` (the substance is fine, the text is not) leans neither way. */
export type Lean = 'favourable' | 'neutral' | 'opposed';

export function leanOf(level: PositionLevel): Lean {
  switch (level) {
    case 'accept':
    case 'discuss': return 'favourable';
    case 'wording': return 'neutral';
    case 'reject':
    case 'redline': return 'opposed';
  }
}

/** `softer`: friendlier in public than the position; `harder`: harsher in public. */
export type DiscrepancyDirection = 'softer_in_public' | 'harder_in_public';

export interface StatementSeen extends Pick<Statement, 'id' | 'partyId' | 'personId' | 'pointIds' | 'stance' | 'date' | 'quote' | 'lang'> {
  visibility: Visibility;
}

export interface Discrepancy {
  partyId: string;
  pointId: string;
  direction: DiscrepancyDirection;
  position: Pick<Position, 'id' | 'level' | 'visibility' | 'at' | 'reason'>;
  /** The statements that contradict the position, newest first. */
  statements: { id: string; personId: string | null; stance: PositionLevel; date: string; quote: string; lang: string }[];
}

export interface FindDiscrepanciesInput {
  viewer: Actor;
  statements: readonly StatementSeen[];
  positions: readonly Position[];
  /** Only this point (the point page). */
  pointId?: string | undefined;
}

export function findDiscrepancies({ viewer, statements, positions, pointId }: FindDiscrepanciesInput): Discrepancy[] {
  // Latest visible position per party and point: positions arrive oldest first.
  const latest = new Map<string, Position>();
  for (const p of positions) {
    if (p.pointId === null || (pointId !== undefined && p.pointId !== pointId)) continue;
    if (!canSee(viewer, { visibility: p.visibility, partyId: p.partyId })) continue;
    const key = `${p.partyId}:${p.pointId}`;
    const before = latest.get(key);
    if (!before || before.at <= p.at) latest.set(key, p);
  }
  const found = new Map<string, Discrepancy>();
  for (const s of statements) {
    if (!s.partyId || !s.stance || !canSee(viewer, { visibility: s.visibility, partyId: null })) continue;
    const said = leanOf(s.stance);
    if (said === 'neutral') continue;
    for (const pid of new Set(s.pointIds)) {
      const key = `${s.partyId}:${pid}`;
      const position = latest.get(key);
      if (!position) continue;
      const held = leanOf(position.level);
      if (held === 'neutral' || held === said) continue;
      let d = found.get(key);
      if (!d) {
        d = {
          partyId: s.partyId, pointId: pid, direction: said === 'favourable' ? 'softer_in_public' : 'harder_in_public',
          position: { id: position.id, level: position.level, visibility: position.visibility, at: position.at, reason: position.reason }, statements: [],
        };
        found.set(key, d);
      }
      d.statements.push({ id: s.id, personId: s.personId, stance: s.stance, date: s.date, quote: s.quote, lang: s.lang });
    }
  }
  const out = [...found.values()];
  for (const d of out) d.statements.sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1));
  return out.sort((a, b) => a.pointId.localeCompare(b.pointId) || a.partyId.localeCompare(b.partyId));
}
