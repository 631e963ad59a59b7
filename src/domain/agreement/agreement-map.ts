/**
 * The agreement map as one viewer sees it: points × parties, each cell the latest position
 * that viewer may see. Status is computed from what the viewer sees, so a delegation's
 * map never hints at another party's private red line.
 */
import type { Point, Position, PositionLevel } from '../model.ts';
import type { Actor } from '../policy/actor.ts';
import { canSee } from '../policy/visibility.ts';
import { activePoints, type NegotiationState } from '../record/state.ts';
import { overallAgreement, pointAgreement, type OverallAgreement, type PointAgreement } from './agreement-status.ts';

export interface AgreementRow extends PointAgreement {
  pointId: string;
  number: string;
  cells: Record<string, Pick<Position, 'id' | 'level' | 'reason' | 'visibility' | 'at'> | null>;
}

export interface AgreementMap {
  parties: string[];
  rows: AgreementRow[];
  overall: OverallAgreement;
}

/**
 * The map from what a viewer may see: the parties, the points in order, and positions
 * already filtered by visibility (by `canSee` or by row-level security), oldest first.
 */
export function buildAgreementMap(partyIds: readonly string[], points: readonly Pick<Point, 'id' | 'number'>[], visiblePositions: readonly Position[]): AgreementMap {
  const latest = new Map<string, Position>();
  for (const p of visiblePositions) if (p.pointId) latest.set(`${p.partyId}:${p.pointId}`, p);
  const rows = points.map((point) => {
    const levels = new Map<string, PositionLevel>();
    const cells: AgreementRow['cells'] = {};
    for (const party of partyIds) {
      const p = latest.get(`${party}:${point.id}`);
      cells[party] = p ? { id: p.id, level: p.level, reason: p.reason, visibility: p.visibility, at: p.at } : null;
      if (p) levels.set(party, p.level);
    }
    return { pointId: point.id, number: point.number, cells, ...pointAgreement(partyIds, levels) };
  });
  return { parties: [...partyIds], rows, overall: overallAgreement(rows.map((r) => r.status)) };
}

export function agreementMap(state: NegotiationState, viewer: Actor): AgreementMap {
  // Latest *visible* position: a party's later private change must not hide its earlier shared one.
  const visible = state.positions.filter((p) => canSee(viewer, p));
  return buildAgreementMap([...state.parties.keys()], activePoints(state), visible);
}
