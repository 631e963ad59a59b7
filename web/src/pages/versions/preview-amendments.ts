/**
 * What accepting amendments would make of the working text, before the mediator commits to
 * it. The server is the authority (it applies them in one transaction and refuses all if one
 * no longer applies); this mirrors its rules closely enough to show the result and to warn,
 * before sending, about an amendment the server would refuse: a replacement written against
 * text that has changed since, or a point an earlier amendment in the same batch removed.
 */
import type { ComparablePoint } from '../../../../src/domain/versions/compare-versions.ts';
import type { AmendmentOut } from '../../api/schemas.ts';

export type PreviewProblem = 'stale' | 'missing';

export interface PreviewResult {
  /** The working text as it would read, in order. */
  points: ComparablePoint[];
  /** Amendments that would be refused, and why; the server refuses the whole batch for one. */
  problems: Map<string, PreviewProblem>;
}

type Amendment = Pick<AmendmentOut, 'id' | 'kind' | 'pointId' | 'texts' | 'baseTexts' | 'afterPointId' | 'number'>;

const sameTexts = (a: Record<string, string>, b: Record<string, string>) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

/** Plain 1, 2, 3 numbering follows the order again; drafters' own numbers (7a, IV) are kept. */
function renumber(points: ComparablePoint[]): ComparablePoint[] {
  if (!points.every((p) => /^\d+$/.test(p.number))) return points;
  return points.map((p, i) => ({ ...p, number: String(i + 1) }));
}

export function previewAmendments(working: readonly ComparablePoint[], amendments: readonly Amendment[], newPointId: (a: Amendment) => string = (a) => `new:${a.id}`): PreviewResult {
  let points = [...working];
  const problems = new Map<string, PreviewProblem>();
  const indexOf = (id: string | null) => (id === null ? -1 : points.findIndex((p) => p.pointId === id));
  for (const a of amendments) {
    const at = indexOf(a.pointId);
    const target = at >= 0 ? points[at]! : null;
    if (a.kind !== 'insert' && !target) { problems.set(a.id, 'missing'); continue; }
    if (a.afterPointId !== null && (a.kind === 'insert' || a.kind === 'move') && indexOf(a.afterPointId) < 0) { problems.set(a.id, 'missing'); continue; }
    switch (a.kind) {
      case 'replace':
        if (a.baseTexts && !sameTexts(a.baseTexts, target!.texts)) { problems.set(a.id, 'stale'); continue; }
        points[at] = { ...target!, texts: { ...target!.texts, ...a.texts }, number: a.number ?? target!.number };
        break;
      case 'insert': {
        const place = indexOf(a.afterPointId) + 1;
        const neighbour = points[Math.max(0, place - 1)];
        const added = { pointId: newPointId(a), number: a.number ?? String(place + 1), sectionId: neighbour?.sectionId ?? null, texts: a.texts };
        points = renumber([...points.slice(0, place), added, ...points.slice(place)]);
        break;
      }
      case 'delete':
        points = renumber(points.filter((p) => p.pointId !== a.pointId));
        break;
      case 'move': {
        const rest = points.filter((p) => p.pointId !== a.pointId);
        const place = a.afterPointId === null ? 0 : rest.findIndex((p) => p.pointId === a.afterPointId) + 1;
        points = renumber([...rest.slice(0, place), target!, ...rest.slice(place)]);
        break;
      }
    }
  }
  return { points, problems };
}
