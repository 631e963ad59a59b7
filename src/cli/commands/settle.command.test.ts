/**
 * `parley settle` as a person runs it: the fixtures of test/fixtures/settlement, a baseline,
 * and every way the input can be wrong, each told in one line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError, repoRoot, runCli, tempDir } from '../../../test/helpers/cli.ts';
import type { CaseJson } from '../../domain/settlement/analyze.ts';

const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'settlement', name);
let work: { path: string; remove(): void };
const file = (name: string) => join(work.path, name);

beforeAll(() => {
  work = tempDir('parley-settle-');
  writeFileSync(file('broken.json'), '{"parties": ["A", "B"]');
  writeFileSync(file('weights.json'), JSON.stringify({
    parties: ['A', 'B'],
    issues: [{ id: 'land', options: ['x', 'y'] }],
    scores: { A: { weights: { land: 90 }, ratings: { land: { x: 100, y: 0 } } }, B: { weights: { land: 100 }, ratings: { land: { x: 0, y: 100 } } } },
  }));
  writeFileSync(file('baseline-bad.json'), JSON.stringify({ land: 'middle line' }));
  writeFileSync(file('baseline-shape.json'), JSON.stringify(['middle line']));
});
afterAll(() => work.remove());

describe('parley settle', () => {
  it('prints Brams and Taylor’s divorce settlement as JSON', async () => {
    const r = await runCli(['settle', fixture('divorce.json'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as CaseJson;
    // Brams and Taylor's published answer, kept once in the fixtures.
    expect(json.adjustedWinner).toEqual(JSON.parse(readFileSync(fixture('divorce.adjusted-winner.json'), 'utf8')));
    expect(json.frontierSize).toBeNull();
    expect(json.maximin?.utilities.X).toBeCloseTo(56.6667, 2);
    expect(json.maximin?.utilities.Y).toBeCloseTo(56.6667, 2);
  });

  it('prints a three-party analysis with a baseline as JSON', async () => {
    const r = await runCli(['settle', fixture('three-party.json'), '--baseline', fixture('three-party-baseline.json'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as CaseJson;
    expect(json.frontierSize).toBeGreaterThan(0);
    expect(json.nash?.method).toEqual({ method: 'frontier-merge', exact: true });
    expect(Object.keys(json.nash!.utilities)).toEqual(['North', 'South', 'Mountain']);
    expect(json.adjustedWinner).toBeNull();
    expect(json.improvement?.paretoImprovements).toBeGreaterThan(0);
    for (const gain of Object.values(json.improvement!.gains)) expect(gain).toBeGreaterThanOrEqual(0);
  });

  it('prints a readable table without --json', async () => {
    const r = await runCli(['settle', fixture('red-lines.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Settlement of 2 parties \(Government, Opposition\) over 3 issues/u);
    expect(r.stdout).toMatch(/Pareto frontier: \d+ packages? that every party prefers to no deal\./u);
    expect(r.stdout).toMatch(/Nash bargaining solution \(frontier-merge, exact\)\n {2}package {2}constitution: amend · amnesty: /u);
    expect(r.stdout).not.toMatch(/constitution: (?:new text|keep)|amnesty: full/u);
    expect(r.stdout).toContain('Adjusted Winner: it needs every issue divisible');
  });

  it('refuses bad input with one line', async () => {
    const cases: Promise<void>[] = [];
    for (const [args, says] of [
      [['settle', file('missing.json')], /File not found/u],
      [['settle', file('broken.json')], /broken\.json is not valid JSON .*; a case needs "parties", "issues" and "scores"/u],
      [['settle', file('weights.json')], /Party "A"'s weights sum to 90, not 100/u],
      [['settle', fixture('infeasible.json')], /^parley: no feasible package: no package gives every party at least its disagreement value/u],
      [['settle', fixture('three-party.json'), '--baseline', file('baseline-bad.json')], /The package does not settle issue "security"/u],
      [['settle', fixture('three-party.json'), '--baseline', file('baseline-shape.json')], /baseline-shape\.json is not a package/u],
      [['settle', fixture('three-party.json'), '--baseline', file('nothing.json')], /File not found/u],
    ] as const) {
      cases.push(runCli(args).then((r) => {
        expect(expectOneLineError(r)).toMatch(says);
        expect(r.code).toBe(2);
      }));
    }
    await Promise.all(cases);
  });
});
