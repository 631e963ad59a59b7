/**
 * The agreement map as one viewer sees it: points × parties, each cell the latest position
 * that viewer may see. Status is computed from what the viewer sees, so a delegation's
 * map never hints at another party's private red line.
 */
import type { Position, PositionLevel } from '../model.ts';
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

export function agreementMap(state: NegotiationState, viewer: Actor): AgreementMap {
  const parties = [...state.parties.keys()];
  // Latest *visible* position: a party's later private change must not hide its earlier shared one.
  const latest = new Map<string, Position>();
  for (const p of state.positions) {
    if (p.pointId && canSee(viewer, p)) latest.set(`${p.partyId}:${p.pointId}`, p);
  }
  const rows = activePoints(state).map((point) => {
    const levels = new Map<string, PositionLevel>();
    const cells: AgreementRow['cells'] = {};
    for (const party of parties) {
      const p = latest.get(`${party}:${point.id}`);
      cells[party] = p ? { id: p.id, level: p.level, reason: p.reason, visibility: p.visibility, at: p.at } : null;
      if (p) levels.set(party, p.level);
    }
    return { pointId: point.id, number: point.number, cells, ...pointAgreement(parties, levels) };
  });
  return { parties, rows, overall: overallAgreement(rows.map((r) => r.status)) };
}
