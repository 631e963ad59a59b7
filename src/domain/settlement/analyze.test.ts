import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsSolver } from '../../solver/highs.ts';
import { ParleyError } from '../errors.ts';
import { analyzeCase, toCaseJson } from './analyze.ts';
import { bruteForce } from './brute-force.ts';
import type { MilpSolver, SolutionConcept } from './model.ts';
import { prepareCase } from './prepare-case.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../test/fixtures/settlement/${name}`, import.meta.url), 'utf8'));
const CONCEPTS: SolutionConcept[] = ['nash', 'kalaiSmorodinsky', 'maximin', 'utilitarian'];

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

describe('analyzeCase', () => {
  it('enumerates the frontier of a case with options and answers every concept as the brute force does', () => {
    const c = prepareCase(fixture('three-party.json'));
    const a = analyzeCase(c);
    const reference = bruteForce(c, { floor: c.batna, ref: c.batna });
    expect(a.frontierSize).toBe(reference.paretoPackages);
    expect(a.frontier).toHaveLength(reference.pareto.length);
    for (const concept of CONCEPTS) {
      const mine = a[concept];
      const theirs = reference.concepts[concept];
      if (!mine.ok || !theirs.ok) throw new Error(`${concept} has no answer`);
      expect(mine.package).toEqual(theirs.best.package);
      expect(mine.method).toEqual({ method: 'frontier-merge', exact: true });
      mine.gains.forEach((g, p) => expect(g).toBeCloseTo(mine.utilities[p]! - c.batna[p]!, 12));
    }
    // The fixture is built so that the four concepts disagree.
    expect(new Set(CONCEPTS.map((k) => JSON.stringify((a[k] as { package: unknown }).package))).size).toBe(4);
    expect(a.adjustedWinner).toEqual({ ok: false, reason: 'it divides goods between exactly two parties; this case has 3' });
  });

  it('gives the MILP’s answers when the frontier outgrows the cap, and they are the enumeration’s', () => {
    for (const name of ['three-party.json', 'red-lines.json']) {
      const c = prepareCase(fixture(name));
      const exact = analyzeCase(c);
      const milp = analyzeCase(c, { solver, frontierCap: 1 });
      expect(milp.frontierSize).toBeNull();
      expect(milp.notes[0]).toBe('the Pareto frontier is too large to enumerate (the merge passed 1 packages); the concepts were solved by MILP');
      for (const concept of CONCEPTS) {
        const e = exact[concept];
        const m = milp[concept];
        if (!e.ok || !m.ok) throw new Error(`${name} ${concept} has no answer`);
        m.utilities.forEach((u, p) => expect(u, `${name} ${concept}`).toBeCloseTo(e.utilities[p]!, 6));
        expect(m.method.method).toMatch(/^milp/);
      }
    }
  });

  it('never suggests a package that crosses a red line', () => {
    const c = prepareCase(fixture('red-lines.json'));
    const a = analyzeCase(c);
    for (const concept of CONCEPTS) {
      const s = a[concept];
      if (!s.ok) throw new Error(s.reason);
      s.package.choice.forEach((o, i) => expect(c.allowed[i]![o], `${concept} on ${c.issues[i]!.id}`).toBe(true));
    }
  });

  it('runs Adjusted Winner and the MILP on the divorce example, and asks for a solver without one', () => {
    const c = prepareCase(fixture('divorce.json'));
    expect(() => analyzeCase(c)).toThrow(/needs the MILP solver \(the case has divisible issues, so its Pareto frontier is continuous\)/);
    const json = toCaseJson(analyzeCase(c, { solver }), c);
    expect(json.frontierSize).toBeNull();
    expect(json.adjustedWinner).toEqual(fixture('divorce.adjusted-winner.json'));
    // With no disagreement values the egalitarian answer is the equitable one; Nash moves
    // along the same edge to where the product X·Y is largest: X (65 − 50t), Y (50 + 40t), t = 1/40.
    // The MILP's answers are checked to 1e-2: its tolerances (milp/) allow a few 1e-4 in utility.
    const close = (got: Record<string, number> | undefined, want: Record<string, number>) => {
      for (const [party, u] of Object.entries(want)) expect(got?.[party], party).toBeCloseTo(u, 2);
    };
    close(json.maximin?.utilities, { X: 56.6667, Y: 56.6667 });
    close(json.nash?.utilities, { X: 63.75, Y: 51 });
    close(json.utilitarian?.utilities, { X: 65, Y: 50 });
  });

  it('refuses a case with no package above every disagreement value, saying why', () => {
    const c = prepareCase(fixture('infeasible.json'));
    let error: unknown;
    try {
      analyzeCase(c);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParleyError);
    expect((error as ParleyError).message).toBe(
      'no feasible package: no package gives every party at least its disagreement value (A needs 80, B needs 80; each can reach its own, but no one package reaches them all).',
    );
    const shortOf = prepareCase({
      parties: ['A', 'B'],
      issues: [{ id: 'x', options: ['a', 'b'] }],
      scores: { A: { weights: { x: 100 }, ratings: { x: { a: 100, b: 40 } }, unacceptable: [], batna: 50 }, B: { weights: { x: 100 }, ratings: { x: { a: 0, b: 100 } }, unacceptable: ['x:a'] } },
    });
    expect(() => analyzeCase(shortOf)).toThrow('no feasible package: no package gives every party at least its disagreement value (A can get at most 40 without crossing a red line, below its 50).');
  });

  it('improves on a baseline and keeps only a few frontier points when asked', () => {
    const c = prepareCase(fixture('three-party.json'));
    const baseline = fixture('three-party-baseline.json') as Record<string, string>;
    const a = analyzeCase(c, { baseline, frontierPoints: 3 });
    expect(a.frontier).toHaveLength(3);
    expect(a.baseline?.utilities).toHaveLength(3);
    const imp = a.improvement;
    if (imp === null || !imp.ok) throw new Error('no improvement');
    imp.utilities.forEach((u, p) => expect(u).toBeGreaterThanOrEqual(a.baseline!.utilities[p]!));
    const json = toCaseJson(a, c);
    expect(Object.keys(json)).toEqual(['frontierSize', 'nash', 'kalaiSmorodinsky', 'maximin', 'utilitarian', 'adjustedWinner', 'notes', 'improvement']);
    expect(json.improvement?.paretoImprovements).toBe(imp.paretoImprovements);
    expect(Object.keys(json.nash!.utilities)).toEqual(['North', 'South', 'Mountain']);
    expect(Object.keys(json.nash!.package)).toEqual(['land', 'security', 'water', 'elections']);
    expect('improvement' in toCaseJson(analyzeCase(c), c)).toBe(false);
  });
});
