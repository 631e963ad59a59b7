/**
 * The packages a viewer may see, each with the satisfaction figures the viewer may see, red-line
 * flags that name no other party, and the settlement's state of submissions. Pure: the store
 * hands in what the engine role read, and only this answer leaves.
 */
import type { Actor } from '../../policy/actor.ts';
import type { ScoreSubmission, SealedScores, SeenPackage, SettlementSpace } from '../commands/settlement-records.ts';
import { packageFits } from '../commands/save-space.ts';
import type { PackageView } from '../../../protocol/settlement.schema.ts';
import { toCase } from '../commands/to-case.ts';
import { prepareCase } from '../prepare-case.ts';
import { fromPackage } from '../utility.ts';
import { figuresVisible, partyModels, partyVerdict, type PartyModel } from './figures.ts';
import { explanationFor, type PresentContext } from './present-analysis.ts';

export interface SettlementSnapshot {
  space: SettlementSpace;
  spaceSeq: number;
  scores: ReadonlyMap<string, SealedScores>;
  submissions: readonly ScoreSubmission[];
}

export interface PackageFigures {
  satisfaction: Record<string, number | null>;
  crossesMyRedLine: boolean | null;
  crossesARedLine: boolean | null;
}

/** Parties whose scores are missing or no longer fit the space: the analysis waits for them. */
export function waitingFor(snapshot: SettlementSnapshot, models: ReadonlyMap<string, PartyModel> = partyModels(snapshot.space, snapshot.scores)): string[] {
  return snapshot.space.partyIds.filter((p) => !models.has(p));
}

/** Figures are rounded to two decimals: enough to compare packages, and no more than a person reads. */
const round2 = (x: number) => Math.round(x * 100) / 100;

export function packageFigures(snapshot: SettlementSnapshot, models: ReadonlyMap<string, PartyModel>, pkg: SeenPackage['package'], viewer: Actor): PackageFigures {
  const mediator = viewer.kind === 'member' && viewer.role === 'mediator';
  const myParty = viewer.kind === 'member' ? viewer.partyId : null;
  const satisfaction: Record<string, number | null> = {};
  let crossesMine: boolean | null = null;
  let crossesAny = false;
  const fits = packageFits(snapshot.space, pkg);
  for (const partyId of snapshot.space.partyIds) {
    const m = models.get(partyId);
    if (!m || !fits) {
      satisfaction[partyId] = null;
      continue;
    }
    const v = partyVerdict(snapshot.space, m, pkg);
    satisfaction[partyId] = figuresVisible(viewer, partyId, m.share) ? round2(v.utility) : null;
    if (partyId === myParty) crossesMine = v.crossesRedLine;
    crossesAny ||= v.crossesRedLine;
  }
  return { satisfaction, crossesMyRedLine: crossesMine, crossesARedLine: mediator && fits ? crossesAny : null };
}

/**
 * Every package the viewer may see, with the figures and (once every party's scores fit the
 * space) the explanation from the viewer's side.
 */
export function packageViews(snapshot: SettlementSnapshot, packages: readonly SeenPackage[], baselineId: string | null, viewer: Actor): { views: PackageView[]; waiting: string[] } {
  const models = partyModels(snapshot.space, snapshot.scores);
  const waiting = waitingFor(snapshot, models);
  let ctx: PresentContext | null = null;
  if (waiting.length === 0) {
    const c = prepareCase(toCase(snapshot.space, snapshot.scores));
    const baseline = packages.find((p) => p.id === baselineId);
    ctx = {
      c, viewer, shares: new Map([...models.values()].map((m) => [m.partyId, m.share])),
      baseline: baseline && packageFits(snapshot.space, baseline.package) ? fromPackage(c, baseline.package) : undefined,
      partyNames: new Map(), issueNames: new Map(),
    };
  }
  const views = packages.map((p) => ({
    ...p,
    ...packageFigures(snapshot, models, p.package, viewer),
    explanation: ctx && packageFits(snapshot.space, p.package) ? explanationFor(ctx, fromPackage(ctx.c, p.package)) : null,
    isBaseline: p.id === baselineId,
  }));
  return { views, waiting };
}
