import { describe, expect, it } from 'vitest';
import { explainPackage } from './explain.ts';
import { prepareCase } from './prepare-case.ts';
import { fromPackage, utilitiesOf } from './utility.ts';

// Distinctive numbers, so that any of them turning up in an explanation is a leak.
const c = prepareCase({
  parties: ['Alpha', 'Beta', 'Gamma'],
  issues: [{ id: 'land', options: ['x', 'y', 'z'] }, { id: 'security', options: ['p', 'q'] }, { id: 'money', divisible: true }],
  scores: {
    Alpha: { weights: { land: 61.25, security: 17.5, money: 21.25 }, ratings: { land: { x: 93.75, y: 41.5, z: 3.25 }, security: { p: 11.5, q: 87.25 } }, batna: 12.75 },
    Beta: { weights: { land: 13.75, security: 71.5, money: 14.75 }, ratings: { land: { x: 7.5, y: 57.25, z: 97.5 }, security: { p: 96.25, q: 23.5 } }, batna: 17.25 },
    Gamma: { weights: { land: 33.25, security: 33.5, money: 33.25 }, ratings: { land: { x: 26.75, y: 88.5, z: 44.25 }, security: { p: 66.75, q: 36.25 } }, batna: 9.5 },
  },
});
const pkg = fromPackage(c, { land: 'x', security: 'p', money: { Alpha: 0.3, Beta: 0.2, Gamma: 0.5 } });
const baseline = fromPackage(c, { land: 'y', security: 'q', money: { Alpha: 0.5, Beta: 0.5 } });

/** Every number that describes party p's sealed scores or its standing with these packages. */
function secretsOf(p: number): number[] {
  const u = utilitiesOf(c, pkg)[p]!;
  const b = utilitiesOf(c, baseline)[p]!;
  const raw = [...c.weight[p]!, ...c.rating[p]!.flat(), c.batna[p]!, u, b, u - c.batna[p]!, u - b];
  return raw.filter((x) => x !== 0 && x !== 100);
}

function numbersIn(value: unknown): number[] {
  const out: number[] = [];
  JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number') out.push(v);
    return v;
  });
  const sentences = (value as { sentences: string[] }).sentences.join(' ');
  for (const m of sentences.matchAll(/-?\d+(?:\.\d+)?/g)) out.push(Number(m[0]));
  return out;
}

const near = (xs: readonly number[], y: number) => xs.some((x) => Math.abs(x - y) < 0.006);

describe('explanations', () => {
  it('show a party its own gains, over its disagreement value and over the baseline', () => {
    const e = explainPackage(c, pkg, { viewer: 0, baseline });
    const u = utilitiesOf(c, pkg)[0]!;
    expect(e.parties[0]).toEqual({ party: 'Alpha', utility: u, gainOverBatna: u - 12.75, gainOverBaseline: u - utilitiesOf(c, baseline)[0]! });
    expect(e.parties[1]).toEqual({ party: 'Beta', utility: null, gainOverBatna: null, gainOverBaseline: null });
    expect(e.sentences[0]).toMatch(/^You: [\d.]+ of 100, \+[\d.]+ over your disagreement value and [-+][\d.]+ over the baseline\.$/);
  });

  it('never carry another party’s weights, ratings or figures, to a party or to the mediator', () => {
    for (const viewer of [0, 1, 2, 'mediator'] as const) {
      const e = explainPackage(c, pkg, { viewer, baseline });
      const numbers = numbersIn(e);
      for (let p = 0; p < c.parties.length; p += 1) {
        if (p === viewer) continue;
        for (const secret of secretsOf(p)) {
          // A number of the viewer's own may coincide with another party's; only those are allowed.
          if (viewer !== 'mediator' && near(secretsOf(viewer), secret)) continue;
          expect(near(numbers, secret), `viewer ${String(viewer)} sees ${secret} of ${c.parties[p]!}`).toBe(false);
        }
      }
      if (viewer === 'mediator') expect(e.parties.every((s) => s.utility === null && s.gainOverBatna === null)).toBe(true);
    }
  });

  it('show the figures of a party that chose to disclose them', () => {
    const e = explainPackage(c, pkg, { viewer: 'mediator', disclosed: [2] });
    expect(e.parties[2]!.utility).toBeCloseTo(utilitiesOf(c, pkg)[2]!, 12);
    expect(e.parties[0]!.utility).toBeNull();
    expect(e.sentences[0]).toMatch(/^Gamma: [\d.]+ of 100, \+[\d.]+ over its disagreement value\.$/);
  });

  it('say who got its best and who conceded, issue by issue', () => {
    const e = explainPackage(c, pkg, { viewer: 'mediator' });
    // land x: Alpha's best; Beta and Gamma concede. security p: Beta's and Gamma's best; Alpha concedes.
    // money: nobody has all of it, so all concede.
    expect(e.issues).toEqual([
      { issue: 'land', gotBest: ['Alpha'], conceded: ['Beta', 'Gamma'] },
      { issue: 'security', gotBest: ['Beta', 'Gamma'], conceded: ['Alpha'] },
      { issue: 'money', gotBest: [], conceded: ['Alpha', 'Beta', 'Gamma'] },
    ]);
  });

  it('find the trades: A gives ground on one issue, B on another', () => {
    const e = explainPackage(c, pkg, { viewer: 1 });
    expect(e.trades).toEqual([
      { parties: ['Alpha', 'Beta'], issues: ['security', 'land'] },
      { parties: ['Alpha', 'Gamma'], issues: ['security', 'land'] },
    ]);
    expect(e.tradesTotal).toBe(2);
    expect(e.sentences).toContain('Alpha gives ground on security, Beta on land.');
    const few = explainPackage(c, pkg, { viewer: 1, maxTrades: 1 });
    expect(few.trades).toHaveLength(1);
    expect(few.tradesTotal).toBe(2);
    expect(few.sentences.at(-1)).toBe('(1 more trades of the same kind.)');
  });

  it('lists no issue where every party got its best', () => {
    const easy = prepareCase({
      parties: ['A', 'B'],
      issues: [{ id: 'land', options: ['x', 'y'] }],
      scores: { A: { weights: { land: 100 }, ratings: { land: { x: 100, y: 0 } } }, B: { weights: { land: 100 }, ratings: { land: { x: 90, y: 10 } } } },
    });
    const e = explainPackage(easy, fromPackage(easy, { land: 'x' }), { viewer: 0 });
    expect(e.issues).toEqual([]);
    expect(e.trades).toEqual([]);
  });
});
