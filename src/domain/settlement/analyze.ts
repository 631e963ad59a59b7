/**
 * The analysis of a case: the Pareto frontier when it can be enumerated, the four solution
 * concepts over the packages every party prefers to no deal, Adjusted Winner when it applies,
 * and improvements on a baseline. Exact throughout: the frontier merge when every issue has
 * options and the merge fits the cap, the MILP otherwise (docs/settlement.md).
 */
import { ParleyError } from '../errors.ts';
import { adjustedWinner } from './adjusted-winner.ts';
import type { ConceptOutcome, SettlementAnalysis, Suggestion } from './analysis.ts';
import { answerConcepts } from './answer-concepts.ts';
import { EPS } from './concepts.ts';
import { DEFAULT_FRONTIER_CAP } from './frontier.ts';
import { findImprovement } from './improvements.ts';
import type { MilpSolver, Package, PreparedCase, ScoredPackage, SolutionConcept, SolveMethod } from './model.ts';
import { fromPackage, optionPoints, toPackage, toPartyRecord, utilitiesOf } from './utility.ts';

export interface AnalyzeOptions {
  solver?: MilpSolver;
  baseline?: Package;
  frontierCap?: number;
  /** How many frontier packages to keep for plotting (evenly picked); 2000 unless given. */
  frontierPoints?: number;
}

export const DEFAULT_FRONTIER_POINTS = 2000;

const CONCEPTS: readonly SolutionConcept[] = ['nash', 'kalaiSmorodinsky', 'maximin', 'utilitarian'];
const CONCEPT_NAMES: Record<SolutionConcept, string> = {
  nash: 'Nash',
  kalaiSmorodinsky: 'Kalai–Smorodinsky',
  maximin: 'maximin',
  utilitarian: 'utilitarian',
};

const fmt = (x: number) => String(Number(x.toFixed(2)));

/** The most party p can get from any package that respects the red lines. */
function bestFor(c: PreparedCase, p: number): number {
  let points = 0;
  c.issues.forEach((issue, i) => {
    points += issue.divisible
      ? c.weight[p]![i]! * 100
      : Math.max(...issue.options.map((_, o) => (c.allowed[i]![o] ? optionPoints(c, p, i, o) : -Infinity)));
  });
  return points / 100;
}

function infeasible(c: PreparedCase): ParleyError {
  const short = c.parties
    .map((party, p) => ({ party, best: bestFor(c, p), batna: c.batna[p]! }))
    .filter((x) => x.best < x.batna - EPS);
  const why = short.length > 0
    ? short.map((x) => `${x.party} can get at most ${fmt(x.best)} without crossing a red line, below its ${fmt(x.batna)}`).join('; ')
    : `${c.parties.map((party, p) => `${party} needs ${fmt(c.batna[p]!)}`).join(', ')}; each can reach its own, but no one package reaches them all`;
  return new ParleyError('invalid_input', `no feasible package: no package gives every party at least its disagreement value (${why}).`);
}

/** Up to m of the packages, evenly spaced through the list, first and last included. */
function evenlyPicked<T>(items: readonly T[], m: number): T[] {
  if (items.length <= m) return [...items];
  if (m <= 0) return [];
  if (m === 1) return [items[0]!];
  return Array.from({ length: m }, (_, k) => items[Math.round((k * (items.length - 1)) / (m - 1))]!);
}

function methodNote(concept: SolutionConcept, method: SolveMethod): string | null {
  if (method.exact) return null;
  return `${CONCEPT_NAMES[concept]}: the best package found is within ${method.gap ?? 'an unknown gap'} (in Σ log gain) of the optimum, not proven optimal`;
}

export function analyzeCase(c: PreparedCase, opts: AnalyzeOptions = {}): SettlementAnalysis {
  const frontierCap = opts.frontierCap ?? DEFAULT_FRONTIER_CAP;
  const notes: string[] = [];
  const solved = answerConcepts(c, { floor: c.batna, ref: c.batna, concepts: CONCEPTS, frontierCap, solver: opts.solver });
  if (!solved.feasible) throw infeasible(c);
  if (solved.frontierNote !== null) notes.push(solved.frontierNote);

  const outcome = (concept: SolutionConcept): ConceptOutcome => {
    const answer = solved.answers[concept]!;
    if (!answer.ok) notes.push(`${CONCEPT_NAMES[concept]}: ${answer.reason}`);
    else {
      const note = methodNote(concept, answer.method);
      if (note !== null) notes.push(note);
    }
    return answer;
  };
  const nash = outcome('nash');
  const kalaiSmorodinsky = outcome('kalaiSmorodinsky');
  const maximin = outcome('maximin');
  const utilitarian = outcome('utilitarian');

  const aw = adjustedWinner(c);
  if (!aw.ok) notes.push(`Adjusted Winner: ${aw.reason}`);
  else {
    const below = c.parties.filter((_, p) => aw.utilities[p]! < c.batna[p]! - EPS);
    if (below.length > 0) notes.push(`Adjusted Winner ignores disagreement values; its division leaves ${below.join(' and ')} below theirs`);
  }

  let baseline: ScoredPackage | null = null;
  let improvement: SettlementAnalysis['improvement'] = null;
  if (opts.baseline !== undefined) {
    const pkg = fromPackage(c, opts.baseline);
    baseline = { package: pkg, utilities: utilitiesOf(c, pkg) };
    improvement = findImprovement(c, pkg, { frontierCap, solver: opts.solver });
    if (!improvement.ok) notes.push(`Improvement: ${improvement.reason}`);
  }

  return {
    frontierSize: solved.frontier === null ? null : solved.frontier.reduce((n, s) => n + (s.count ?? 1), 0),
    frontier: solved.frontier === null ? [] : evenlyPicked(solved.frontier, opts.frontierPoints ?? DEFAULT_FRONTIER_POINTS),
    nash,
    kalaiSmorodinsky,
    maximin,
    utilitarian,
    adjustedWinner: aw,
    baseline,
    improvement,
    notes,
  };
}

/** Utilities and shares as the JSON shows them: 4 decimals, never "-0". */
export const round4 = (x: number): number => Math.round(x * 1e4) / 1e4 + 0;

export interface SuggestionJson {
  package: Package;
  utilities: Record<string, number>;
  gains: Record<string, number>;
  method: SolveMethod;
}

export interface CaseJson {
  frontierSize: number | null;
  nash: SuggestionJson | null;
  kalaiSmorodinsky: SuggestionJson | null;
  maximin: SuggestionJson | null;
  utilitarian: SuggestionJson | null;
  adjustedWinner: { allocation: Package; split: { issue: string; shares: Record<string, number> } | null; utilities: Record<string, number> } | null;
  improvement?: (SuggestionJson & { paretoImprovements: number | null }) | null;
  notes: string[];
}

function packageJson(c: PreparedCase, pkg: Suggestion['package']): Package {
  const out = toPackage(c, pkg);
  for (const [id, value] of Object.entries(out)) {
    if (typeof value !== 'string') out[id] = Object.fromEntries(Object.entries(value).map(([party, s]) => [party, round4(s)]));
  }
  return out;
}

function suggestionJson(c: PreparedCase, s: Suggestion): SuggestionJson {
  return {
    package: packageJson(c, s.package),
    utilities: toPartyRecord(c, s.utilities.map(round4)),
    gains: toPartyRecord(c, s.gains.map(round4)),
    method: s.method,
  };
}

/** The analysis in the shape of `parley settle --json`: keys by party name and issue id. */
export function toCaseJson(analysis: SettlementAnalysis, c: PreparedCase): CaseJson {
  const concept = (o: ConceptOutcome) => (o.ok ? suggestionJson(c, o) : null);
  const aw = analysis.adjustedWinner;
  const json: CaseJson = {
    frontierSize: analysis.frontierSize,
    nash: concept(analysis.nash),
    kalaiSmorodinsky: concept(analysis.kalaiSmorodinsky),
    maximin: concept(analysis.maximin),
    utilitarian: concept(analysis.utilitarian),
    adjustedWinner: aw.ok
      ? {
          allocation: packageJson(c, aw.package),
          split: aw.split === null ? null : { issue: c.issues[aw.split.issue]!.id, shares: toPartyRecord(c, aw.split.shares.map(round4)) },
          utilities: toPartyRecord(c, aw.utilities.map(round4)),
        }
      : null,
    notes: [...analysis.notes],
  };
  if (analysis.improvement !== null) {
    const imp = analysis.improvement;
    json.improvement = imp.ok ? { ...suggestionJson(c, imp), paretoImprovements: imp.paretoImprovements } : null;
  }
  return json;
}
