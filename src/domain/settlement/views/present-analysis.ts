/**
 * The engine's answer as one viewer may read it: every party's figures where that party lets
 * the viewer see them (null elsewhere), explanations from the viewer's side, and notes that
 * name a party only when its figures are visible to the viewer (a note such as "leaves X below
 * its disagreement value" is a figure in words).
 */
import type { Actor } from '../../policy/actor.ts';
import type { SettlementAnalysis, Suggestion as EngineSuggestion } from '../analysis.ts';
import { explainPackage, type Explanation as EngineExplanation } from '../explain.ts';
import type { EnginePackage, PreparedCase } from '../model.ts';
import { toPackage } from '../utility.ts';
import type { PackageById, PackageSource, ShareSatisfaction } from '../commands/settlement-records.ts';
import type { AnalysisOut, Explanation, Figures, Suggestion } from '../../../protocol/settlement.schema.ts';
import { figuresVisible } from './figures.ts';

export type SuggestedConcept = Exclude<PackageSource, 'manual'>;

/** The packages an analysis suggests, in the order they are shown and recorded. */
export function suggestedPackages(c: PreparedCase, a: SettlementAnalysis): { concept: SuggestedConcept; package: PackageById; engine: EnginePackage }[] {
  const out: { concept: SuggestedConcept; package: PackageById; engine: EnginePackage }[] = [];
  const add = (concept: SuggestedConcept, engine: EnginePackage) => out.push({ concept, engine, package: toPackage(c, engine) });
  for (const concept of ['nash', 'kalaiSmorodinsky', 'maximin', 'utilitarian'] as const) {
    const o = a[concept];
    if (o.ok) add(concept, o.package);
  }
  if (a.adjustedWinner.ok) add('adjustedWinner', a.adjustedWinner.package);
  if (a.improvement?.ok) add('improvement', a.improvement.package);
  return out;
}

export interface PresentContext {
  c: PreparedCase;
  viewer: Actor;
  shares: ReadonlyMap<string, ShareSatisfaction>;
  baseline: EnginePackage | undefined;
  /** Party id -> the name a reader knows it by, for notes. */
  partyNames: ReadonlyMap<string, string>;
  issueNames: ReadonlyMap<string, string>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function visibleParties(ctx: PresentContext): boolean[] {
  return ctx.c.parties.map((p) => figuresVisible(ctx.viewer, p, ctx.shares.get(p) ?? 'none'));
}

function figures(ctx: PresentContext, values: readonly (number | null)[]): Figures {
  const visible = visibleParties(ctx);
  return Object.fromEntries(ctx.c.parties.map((p, k) => {
    const v = values[k];
    return [p, visible[k] && v !== null && v !== undefined ? round2(v) : null];
  }));
}

export function explanationFor(ctx: PresentContext, pkg: EnginePackage): Explanation {
  const visible = visibleParties(ctx);
  const me = ctx.viewer.kind === 'member' && ctx.viewer.partyId !== null ? ctx.c.parties.indexOf(ctx.viewer.partyId) : -1;
  const e: EngineExplanation = explainPackage(ctx.c, pkg, {
    viewer: me >= 0 ? me : 'mediator',
    ...(ctx.baseline ? { baseline: ctx.baseline } : {}),
    disclosed: ctx.c.parties.flatMap((_, k) => (visible[k] ? [k] : [])),
  });
  return {
    gainOverBatna: figures(ctx, e.parties.map((s) => s.gainOverBatna)),
    gainOverBaseline: ctx.baseline ? figures(ctx, e.parties.map((s) => s.gainOverBaseline)) : null,
    issues: e.issues.map((d) => ({ issueId: d.issue, best: d.gotBest, conceded: d.conceded })),
    trades: e.trades.map((t) => ({ a: t.parties[0], aGivesOn: t.issues[0], b: t.parties[1], bGivesOn: t.issues[1] })),
  };
}

/** Notes in names; a note about a party whose figures the viewer may not see is left out. */
function readableNotes(ctx: PresentContext, notes: readonly string[]): string[] {
  const visible = visibleParties(ctx);
  const hidden = ctx.c.parties.filter((_, k) => !visible[k]);
  return notes.filter((n) => !hidden.some((p) => n.includes(p))).map((n) => {
    let out = n;
    for (const [id, name] of [...ctx.partyNames, ...ctx.issueNames]) out = out.replaceAll(id, name);
    return out;
  });
}

function suggestionOf(ctx: PresentContext, concept: SuggestedConcept, s: EngineSuggestion | { package: EnginePackage; utilities: readonly number[] }, packageId: string, method: Suggestion['method']): Suggestion {
  return {
    concept, packageId, package: toPackage(ctx.c, s.package),
    satisfaction: figures(ctx, s.utilities), method, explanation: explanationFor(ctx, s.package),
  };
}

/** `ids`: the recorded package id of each suggested package, in `suggestedPackages` order. */
export function presentAnalysis(ctx: PresentContext, a: SettlementAnalysis, ids: readonly string[]): AnalysisOut {
  const suggestions: Suggestion[] = [];
  const unavailable: AnalysisOut['unavailable'] = [];
  let k = 0;
  for (const concept of ['nash', 'kalaiSmorodinsky', 'maximin', 'utilitarian'] as const) {
    const o = a[concept];
    if (o.ok) suggestions.push(suggestionOf(ctx, concept, o, ids[k++]!, o.method));
    else unavailable.push({ concept, code: concept === 'nash' ? 'no-common-gain' : 'other', reason: readableNotes(ctx, [o.reason])[0] ?? 'not available for this case' });
  }
  let adjustedWinner: AnalysisOut['adjustedWinner'] = null;
  if (a.adjustedWinner.ok) {
    const aw = a.adjustedWinner;
    const id = ids[k++]!;
    suggestions.push(suggestionOf(ctx, 'adjustedWinner', aw, id, { method: 'procedure', exact: true }));
    adjustedWinner = {
      packageId: id,
      split: aw.split ? { issueId: ctx.c.issues[aw.split.issue]!.id, shares: Object.fromEntries(ctx.c.parties.map((p, q) => [p, round2(aw.split!.shares[q]!)])) } : null,
      satisfaction: figures(ctx, aw.utilities),
    };
  } else {
    unavailable.push({
      concept: 'adjustedWinner', code: ctx.c.parties.length === 2 ? 'divisible-only' : 'two-parties-only',
      reason: readableNotes(ctx, [a.adjustedWinner.reason])[0] ?? 'not available for this case',
    });
  }
  if (a.improvement) {
    if (a.improvement.ok) suggestions.push(suggestionOf(ctx, 'improvement', a.improvement, ids[k++]!, a.improvement.method));
    else {
      const crosses = ctx.baseline !== undefined && ctx.baseline.choice.some((o, i) => o >= 0 && !ctx.c.allowed[i]![o]);
      unavailable.push({ concept: 'improvement', code: crosses ? 'baseline-crosses-red-line' : 'baseline-optimal', reason: readableNotes(ctx, [a.improvement.reason])[0] ?? 'no improvement' });
    }
  }
  const visible = visibleParties(ctx);
  return {
    frontierSize: a.frontierSize,
    axes: ctx.c.parties.map((p, q) => ({ partyId: p, visible: visible[q]! })),
    frontier: a.frontier.map((f) => figures(ctx, f.utilities)),
    suggestions,
    unavailable,
    adjustedWinner,
    notes: readableNotes(ctx, a.notes),
  };
}
