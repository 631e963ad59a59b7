/**
 * Where agreement stands: per point and for the whole text. Pure, so the rule can be read
 * and tested on its own:
 *
 * - blocked:   some party holds a red line on the point;
 * - contested: no red line, but some party rejects it;
 * - agreed:    every party at the table accepts it;
 * - close:     nobody rejects, but not everyone has accepted yet (discussion or wording
 *              still open, or a party has not said).
 *
 * A party with no visible position counts as "not yet accepted": silence is not consent.
 * The whole is agreed only when every point is ("nothing is agreed until everything is
 * agreed"); otherwise it takes the worst status of its points.
 */
import type { PositionLevel } from '../model.ts';

export type PointStatus = 'agreed' | 'close' | 'contested' | 'blocked';
export const pointStatuses: readonly PointStatus[] = ['agreed', 'close', 'contested', 'blocked'];

/** A rough 0..1 reading of how far a party is from yes, for charts of agreement over time. */
export const levelScore: Readonly<Record<PositionLevel, number>> = {
  accept: 1, discuss: 0.75, wording: 0.5, reject: 0.15, redline: 0,
};

export interface PointAgreement {
  status: PointStatus;
  /** Parties whose position the viewer cannot see or who have not taken one. */
  missing: string[];
  /** Mean of levelScore over parties; missing parties count as 0.5 (undecided). */
  score: number;
}

export function pointAgreement(partyIds: readonly string[], levels: ReadonlyMap<string, PositionLevel>): PointAgreement {
  const missing = partyIds.filter((p) => !levels.has(p));
  const held = partyIds.flatMap((p) => { const l = levels.get(p); return l ? [l] : []; });
  const status: PointStatus = held.includes('redline') ? 'blocked'
    : held.includes('reject') ? 'contested'
    : missing.length === 0 && held.every((l) => l === 'accept') && partyIds.length > 0 ? 'agreed'
    : 'close';
  const score = partyIds.length === 0 ? 0
    : (held.reduce((s, l) => s + levelScore[l], 0) + missing.length * 0.5) / partyIds.length;
  return { status, missing, score };
}

export interface OverallAgreement {
  status: PointStatus;
  counts: Record<PointStatus, number>;
  total: number;
}

const severity: Readonly<Record<PointStatus, number>> = { agreed: 0, close: 1, contested: 2, blocked: 3 };

export function overallAgreement(statuses: readonly PointStatus[]): OverallAgreement {
  const counts: Record<PointStatus, number> = { agreed: 0, close: 0, contested: 0, blocked: 0 };
  let worst: PointStatus = 'agreed';
  for (const s of statuses) {
    counts[s]++;
    if (severity[s] > severity[worst]) worst = s;
  }
  // An empty text is not an agreement.
  return { status: statuses.length === 0 ? 'close' : worst, counts, total: statuses.length };
}

/** "12 agreed · 5 close · 7 contested · 4 blocked" */
export function summarize(o: OverallAgreement): string {
  return pointStatuses.map((s) => `${o.counts[s]} ${s}`).join(' · ');
}
