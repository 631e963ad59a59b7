import { describe, expect, it } from 'vitest';
import { ParleyError } from '../errors.ts';
import type { SettlementCaseInput } from './model.ts';
import { prepareCase } from './prepare-case.ts';

function base(): SettlementCaseInput {
  return {
    parties: ['A', 'B'],
    issues: [{ id: 'land', options: ['x', 'y'] }, { id: 'money', divisible: true }],
    scores: {
      A: { weights: { land: 60, money: 40 }, ratings: { land: { x: 100, y: 20 } }, unacceptable: ['land:y'], batna: 10 },
      B: { weights: { land: 30, money: 70 }, ratings: { land: { x: 0, y: 100 } } },
    },
  };
}

function refusal(mutate: (c: SettlementCaseInput) => void): string {
  const c = base();
  mutate(c);
  try {
    prepareCase(c);
  } catch (e) {
    expect(e).toBeInstanceOf(ParleyError);
    expect((e as ParleyError).code).toBe('invalid_input');
    return (e as ParleyError).message;
  }
  throw new Error('the case was accepted');
}

describe('prepareCase', () => {
  it('lays a valid case out in arrays', () => {
    const c = prepareCase(base());
    expect(c.parties).toEqual(['A', 'B']);
    expect(c.issues).toEqual([{ id: 'land', divisible: false, options: ['x', 'y'] }, { id: 'money', divisible: true, options: [] }]);
    expect(c.weight).toEqual([[60, 40], [30, 70]]);
    expect(c.rating).toEqual([[[100, 20], []], [[0, 100], []]]);
    expect(c.allowed).toEqual([[true, false], []]);
    expect(c.unacceptableBy).toEqual([[[], [0]], []]);
    expect(c.batna).toEqual([10, 0]);
  });

  it('counts a missing weight as 0 and lets an issue weighted 0 go unrated', () => {
    const c = prepareCase({
      parties: ['A', 'B'],
      issues: [{ id: 'land', options: ['x', 'y'] }, { id: 'water', options: ['p', 'q'] }],
      scores: {
        A: { weights: { land: 100 }, ratings: { land: { x: 100, y: 0 } } },
        B: { weights: { land: 50, water: 50 }, ratings: { land: { x: 0, y: 100 }, water: { p: 100, q: 0 } } },
      },
    });
    expect(c.weight[0]).toEqual([100, 0]);
    expect(c.rating[0]![1]).toEqual([0, 0]);
  });

  it('matches names after NFC normalization and trimming', () => {
    const c = prepareCase({
      parties: ['Café', 'B'],
      issues: [{ id: 'land', options: ['x', 'y'] }],
      scores: {
        'Cafe\u0301 ': { weights: { ' land': 100 }, ratings: { land: { x: 100, y: 0 } } },
        B: { weights: { land: 100 }, ratings: { land: { x: 0, y: 100 } } },
      },
    });
    expect(c.weight[0]).toEqual([100]);
  });

  it('refuses what the schema refuses, saying where', () => {
    expect(refusal((c) => (c.scores.A!.weights.land = 120))).toMatch(/not valid at scores\.A\.weights\.land: must be between 0 and 100/);
    expect(refusal((c) => (c.parties = ['A']))).toMatch(/at parties: a settlement needs at least two parties/);
  });

  it('refuses duplicate parties, issues and options', () => {
    expect(refusal((c) => (c.parties = ['A', 'B', 'A']))).toMatch(/Party "A" is listed twice/);
    expect(refusal((c) => c.issues.push({ id: 'land', divisible: true }))).toMatch(/Issue "land" is listed twice/);
    expect(refusal((c) => (c.issues[0] = { id: 'land', options: ['x', 'y', 'x'] }))).toMatch(/Issue "land" lists option "x" twice/);
  });

  it('refuses scores missing for a party or given for an unknown one', () => {
    expect(refusal((c) => delete c.scores.B)).toMatch(/No scores for party "B"/);
    expect(refusal((c) => (c.scores.C = { weights: { land: 100 } }))).toMatch(/Scores are given for "C", which is not one of the parties/);
  });

  it('refuses weights for an unknown issue and weights that do not sum to 100, saying the sum', () => {
    expect(refusal((c) => (c.scores.A!.weights = { land: 60, money: 30, mony: 10 }))).toMatch(/Party "A" gives a weight to "mony", which is not an issue/);
    expect(refusal((c) => (c.scores.B!.weights = { land: 30, money: 60 }))).toMatch(/Party "B"'s weights sum to 90, not 100/);
    expect(refusal((c) => (c.scores.B!.weights = { land: 30.5, money: 70 }))).toMatch(/sum to 100\.5, not 100/);
    expect(() => prepareCase({ ...base(), scores: { ...base().scores, B: { ...base().scores.B!, weights: { land: 30.0000001, money: 70 } } } })).not.toThrow();
  });

  it('refuses ratings for an unknown issue or option, and ratings of a divisible issue', () => {
    expect(refusal((c) => (c.scores.B!.ratings = { land: { x: 0, y: 100 }, lnd: { x: 1 } }))).toMatch(/Party "B" rates options of "lnd", which is not an issue/);
    expect(refusal((c) => (c.scores.B!.ratings = { land: { x: 0, y: 100, z: 5 } }))).toMatch(/Party "B" rates "z" under issue "land", which has no such option \(options: "x", "y"\)/);
    expect(refusal((c) => (c.scores.B!.ratings = { land: { x: 0, y: 100 }, money: { all: 100 } }))).toMatch(/Party "B" rates options of "money", a divisible issue/);
  });

  it('refuses an option with neither a rating nor a rank, naming it', () => {
    expect(refusal((c) => (c.scores.B!.ratings = { land: { x: 0 } }))).toMatch(/Party "B" gives neither a rating nor a rank for option "y" of issue "land"/);
    expect(refusal((c) => (c.scores.B!.ratings = {}))).toMatch(/Party "B" gives issue "land" a weight of 30 but no rating or rank for its options \("x", "y"\)/);
    expect(refusal((c) => {
      c.scores.B!.ratings = {};
      c.scores.B!.ranks = { land: ['y'] };
    })).toMatch(/neither a rating nor a rank for option "x" of issue "land"/);
  });

  it('refuses ratings and ranks for the same issue, and bad rankings', () => {
    expect(refusal((c) => (c.scores.B!.ranks = { land: ['y', 'x'] }))).toMatch(/Party "B" gives both ratings and ranks for issue "land"/);
    const rankOnly = (ranks: (string | string[])[]) => (c: SettlementCaseInput) => {
      c.scores.B!.ratings = {};
      c.scores.B!.ranks = { land: ranks };
    };
    expect(refusal(rankOnly(['y', 'z']))).toMatch(/Party "B" ranks "z" under issue "land", which has no such option/);
    expect(refusal(rankOnly(['y', ['x', 'y']]))).toMatch(/ranks option "y" of issue "land" more than once/);
    expect(refusal((c) => (c.scores.B!.ranks = { money: ['B'] }))).toMatch(/Party "B" ranks options of "money", a divisible issue/);
  });

  it('refuses malformed red lines and red lines on unknown or divisible issues', () => {
    expect(refusal((c) => (c.scores.B!.unacceptable = ['land-x']))).toMatch(/Party "B" marks "land-x" unacceptable; write a red line as "issue:option", e.g. "land:x"/);
    expect(refusal((c) => (c.scores.B!.unacceptable = ['sea:x']))).toMatch(/"sea" is not an issue of the case/);
    expect(refusal((c) => (c.scores.B!.unacceptable = ['land:z']))).toMatch(/issue "land" has no option "z" \(options: "x", "y"\)/);
    expect(refusal((c) => (c.scores.B!.unacceptable = ['money:all']))).toMatch(/"money" is a divisible issue; red lines name options/);
  });

  it('finds a red line whose issue id holds a colon', () => {
    const c = prepareCase({
      parties: ['A', 'B'],
      issues: [{ id: 'art:5', options: ['keep', 'drop'] }],
      scores: {
        A: { weights: { 'art:5': 100 }, ratings: { 'art:5': { keep: 100, drop: 0 } }, unacceptable: ['art:5:drop'] },
        B: { weights: { 'art:5': 100 }, ratings: { 'art:5': { keep: 0, drop: 100 } } },
      },
    });
    expect(c.allowed).toEqual([[true, false]]);
  });

  it('refuses a case where every option of an issue is someone’s red line', () => {
    expect(refusal((c) => (c.scores.B!.unacceptable = ['land:x']))).toBe(
      'no feasible package: every option of issue "land" is someone\'s red line; a package must choose one of its options.',
    );
  });
});
