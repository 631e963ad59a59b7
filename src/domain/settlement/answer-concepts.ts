/**
 * One question (a floor and a reference point) answered for several concepts by the exact
 * route the case allows: the frontier merge when every issue has options and the merge fits
 * the cap, the MILP otherwise. Both the analysis (floor = ref = disagreement values) and the
 * improvements on a baseline (floor = ref = the baseline's utilities) go through here, so the
 * choice of route and the checks on its answer are made once.
 */
import { ParleyError } from '../errors.ts';
import type { ConceptOutcome } from './analysis.ts';
import { gainsOf, meetsFloor, selectByConcept, type ConceptRefs } from './concepts.ts';
import { paretoFrontier } from './frontier.ts';
import { solveConceptMilp } from './milp/solve-concept.ts';
import type { MilpSolver, PreparedCase, ScoredPackage, SolutionConcept, SolveMethod } from './model.ts';
import { utilitiesOf } from './utility.ts';

export interface AnswerOptions extends ConceptRefs {
  concepts: readonly SolutionConcept[];
  frontierCap: number;
  solver?: MilpSolver;
}

export interface Answers {
  /** False when no package respects the red lines and clears every floor. */
  feasible: boolean;
  /** The Pareto frontier of the feasible packages, when it was enumerated. */
  frontier: ScoredPackage[] | null;
  /** Why the frontier was not enumerated, when it was not. */
  frontierNote: string | null;
  answers: Partial<Record<SolutionConcept, ConceptOutcome>>;
}

const FRONTIER_METHOD: SolveMethod = { method: 'frontier-merge', exact: true };

/**
 * A solver's package re-scored with utility.ts and checked: a red line crossed or a floor
 * missed is a bug in a model, and an answer that crossed a red line must never be shown.
 */
function checked(c: PreparedCase, best: ScoredPackage, refs: ConceptRefs, concept: SolutionConcept): ScoredPackage {
  const utilities = utilitiesOf(c, best.package);
  const crossed = c.issues.findIndex((issue, i) => !issue.divisible && !c.allowed[i]![best.package.choice[i]!]);
  if (crossed >= 0 || !meetsFloor(utilities, refs.floor)) {
    throw new Error(`The MILP's ${concept} package ${crossed >= 0 ? `crosses a red line on issue "${c.issues[crossed]!.id}"` : 'misses a floor'}; refusing to show it.`);
  }
  return { package: best.package, utilities };
}

export function answerConcepts(c: PreparedCase, opts: AnswerOptions): Answers {
  const refs: ConceptRefs = { floor: opts.floor, ref: opts.ref };
  const suggestion = (best: ScoredPackage, method: SolveMethod): ConceptOutcome => ({
    ok: true,
    package: best.package,
    utilities: best.utilities,
    gains: gainsOf(best.utilities, refs.ref),
    method,
  });

  let frontierNote: string | null;
  if (c.issues.every((i) => !i.divisible)) {
    const frontier = paretoFrontier(c, { floor: refs.floor, cap: opts.frontierCap });
    if (frontier !== null) {
      const answers: Answers['answers'] = {};
      for (const concept of opts.concepts) {
        const choice = selectByConcept(frontier, concept, refs);
        answers[concept] = choice.ok ? suggestion(choice.best, FRONTIER_METHOD) : { ok: false, reason: choice.reason };
      }
      return { feasible: frontier.length > 0, frontier, frontierNote: null, answers };
    }
    frontierNote = `the Pareto frontier is too large to enumerate (the merge passed ${opts.frontierCap} packages); the concepts were solved by MILP`;
  } else {
    frontierNote = 'the case has divisible issues, so its Pareto frontier is continuous; the concepts were solved by MILP';
  }

  const solver = opts.solver;
  if (solver === undefined) {
    throw new ParleyError('invalid_input', `This case needs the MILP solver (${frontierNote.slice(0, frontierNote.indexOf(';'))}), and none was given.`);
  }
  const answers: Answers['answers'] = {};
  let feasible = true;
  for (const concept of opts.concepts) {
    const solved = solveConceptMilp(c, solver, concept, refs);
    if (solved === null) {
      if (concept !== 'nash') feasible = false;
      answers[concept] = {
        ok: false,
        reason: concept === 'nash'
          ? 'no feasible package gives a positive gain to every party that can gain at all, so the Nash product is 0 everywhere'
          : 'no package gives every party at least its floor',
      };
      continue;
    }
    answers[concept] = suggestion(checked(c, solved.best, refs, concept), solved.method);
  }
  return { feasible, frontier: null, frontierNote, answers };
}
