/**
 * Agreement over time, as one viewer may see it: at each checkpoint (a version was created,
 * a round began, now) the status counts of the points, from the positions each party had
 * taken by then. It reuses the map's rule (`buildAgreementMap`), so a bar in the chart and
 * the map agree on what "blocked" means.
 *
 * The positions given must already be what the viewer may see (by `canSee` or row-level
 * security): a party's private red line must not show up as a blocked bar for the others.
 */
import { z } from 'zod';
import { Id, Localized, type Position } from '../model.ts';
import { buildAgreementMap } from './agreement-map.ts';
import { pointStatuses, type PointStatus } from './agreement-status.ts';

export const CheckpointKind = z.enum(['version', 'round', 'now']);
export type CheckpointKind = z.infer<typeof CheckpointKind>;

export interface Checkpoint {
  kind: CheckpointKind;
  /** The version's or round's id; null for "now". */
  id: string | null;
  at: string;
  /** A version's label (one string in whatever language it was written in). */
  label: string | null;
  /** A round's title. */
  title: Record<string, string> | null;
  /** The points in the text at that moment (a version's own points); the current points when absent. */
  pointIds?: readonly string[];
}

export const AgreementHistoryPoint = z.object({
  kind: CheckpointKind,
  id: Id.nullable(),
  at: z.iso.datetime(),
  label: z.string().nullable(),
  title: Localized.nullable(),
  counts: z.object({ agreed: z.number().int(), close: z.number().int(), contested: z.number().int(), blocked: z.number().int() }),
  total: z.number().int(),
});
export type AgreementHistoryPoint = z.infer<typeof AgreementHistoryPoint>;
export const AgreementHistory = z.object({ parties: z.array(Id), checkpoints: z.array(AgreementHistoryPoint) });
export type AgreementHistory = z.infer<typeof AgreementHistory>;

const kindOrder: Readonly<Record<CheckpointKind, number>> = { version: 0, round: 1, now: 2 };

/**
 * Status counts per checkpoint, in time order. A position counts at a checkpoint when it was
 * taken at or before it; positions on amendments are not positions on the text and are left out.
 */
export function agreementHistory(
  partyIds: readonly string[],
  points: readonly { id: string }[],
  visiblePositions: readonly Pick<Position, 'id' | 'partyId' | 'pointId' | 'level' | 'reason' | 'visibility' | 'at'>[],
  checkpoints: readonly Checkpoint[],
): AgreementHistory {
  // Oldest first (stable for equal times, which keep the log's order), so the last one wins.
  const onPoints = visiblePositions.filter((p) => p.pointId !== null)
    .map((p, i) => ({ p, i, t: Date.parse(p.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i);
  const current = points.map((p) => ({ id: p.id, number: '' }));
  const ordered = [...checkpoints].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || kindOrder[a.kind] - kindOrder[b.kind]);
  return {
    parties: [...partyIds],
    checkpoints: ordered.map((c) => {
      const until = Date.parse(c.at);
      const asOf = onPoints.filter((x) => x.t <= until).map((x) => x.p as Position);
      const pts = c.pointIds ? c.pointIds.map((id) => ({ id, number: '' })) : current;
      const { overall } = buildAgreementMap(partyIds, pts, asOf);
      const counts = Object.fromEntries(pointStatuses.map((s) => [s, overall.counts[s]])) as Record<PointStatus, number>;
      return { kind: c.kind, id: c.id, at: c.at, label: c.label, title: c.title, counts, total: overall.total };
    }),
  };
}
