/**
 * The reference answer, for tests and the benchmark only: every package of a case whose issues
 * all have options, enumerated, and the definitions of concepts.ts applied to all of them, with
 * the Pareto set taken straight from its definition (quadratic). Nothing here is clever, so
 * that the frontier merge and the MILP can be checked against it. Exponential in the number of
 * issues: keep the instances small.
 */
import { ParleyError } from '../errors.ts';
import { meetsFloor, selectByConcept, type ConceptChoice, type ConceptRefs } from './concepts.ts';
import type { PreparedCase, ScoredPackage, SolutionConcept } from './model.ts';
import { optionPackage, utilitiesOf } from './utility.ts';

export interface BruteForceAnswer {
  /** Every package that respects the red lines and clears the floors, in lexicographic order. */
  feasible: ScoredPackage[];
  /** Its Pareto set; of packages with equal utility vectors, the lexicographically smallest. */
  pareto: ScoredPackage[];
  /** How many feasible packages no other feasible package dominates (ties each count). */
  paretoPackages: number;
  concepts: Record<SolutionConcept, ConceptChoice>;
}

/** Every choice vector that respects the red lines, in lexicographic order. */
export function enumeratePackages(c: PreparedCase): ScoredPackage[] {
  if (c.issues.some((i) => i.divisible)) throw new ParleyError('invalid_input', 'The brute force enumerates issues with options only.');
  const out: ScoredPackage[] = [];
  const choice = c.issues.map(() => 0);
  const visit = (i: number): void => {
    if (i === c.issues.length) {
      const pkg = optionPackage([...choice]);
      out.push({ package: pkg, utilities: utilitiesOf(c, pkg) });
      return;
    }
    c.issues[i]!.options.forEach((_, o) => {
      if (!c.allowed[i]![o]) return;
      choice[i] = o;
      visit(i + 1);
    });
  };
  visit(0);
  return out;
}

function dominates(a: readonly number[], b: readonly number[]): boolean {
  return a.every((x, p) => x >= b[p]!) && a.some((x, p) => x > b[p]!);
}

function sameVector(a: readonly number[], b: readonly number[]): boolean {
  return a.every((x, p) => x === b[p]);
}

export function bruteForce(c: PreparedCase, refs: ConceptRefs): BruteForceAnswer {
  const feasible = enumeratePackages(c).filter((s) => meetsFloor(s.utilities, refs.floor));
  const pareto = feasible.filter(
    (s, k) => !feasible.some((t, j) => dominates(t.utilities, s.utilities) || (j < k && sameVector(t.utilities, s.utilities))),
  );
  const paretoPackages = feasible.filter((s) => !feasible.some((t) => dominates(t.utilities, s.utilities))).length;
  const concepts = {
    nash: selectByConcept(feasible, 'nash', refs),
    kalaiSmorodinsky: selectByConcept(feasible, 'kalaiSmorodinsky', refs),
    maximin: selectByConcept(feasible, 'maximin', refs),
    utilitarian: selectByConcept(feasible, 'utilitarian', refs),
  };
  return { feasible, pareto, paretoPackages, concepts };
}
