import { describe, expect, it } from 'vitest';
import { PartyScores } from '../../../../src/domain/settlement/model.ts';
import { derivedRatings, draftFromScores, parseScore, placesFromRatings, rankingOf, redLineKey, scoreProblems, scoresBody, weightSum, weightsComplete } from './score-draft.ts';

const space = {
  partyIds: ['ru', 'ua'], savedAt: '2025-12-01T10:00:00.000Z', savedBy: null, revision: 7,
  issues: [
    { id: 'land', label: 'Land', divisible: false, options: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }, { key: 'c', label: 'C' }, { key: 'd', label: 'D' }], pointIds: [] },
    { id: 'fund', label: 'Fund', divisible: true, options: [], pointIds: [] },
    { id: 'ports', label: 'Ports', divisible: false, options: [{ key: 'open', label: 'Open' }, { key: 'shut', label: 'Shut' }], pointIds: [] },
  ],
};

describe('typed scores', () => {
  it('reads 0–100 with a point or a comma, and nothing else', () => {
    expect(parseScore(' 37 ')).toBe(37);
    expect(parseScore('12,5')).toBe(12.5);
    for (const bad of ['', '-1', '101', 'ten', '1e2', '5.']) expect(parseScore(bad), bad).toBeNull();
  });
  it('adds up the weights, counting empty ones as 0, and accepts exactly 100', () => {
    const d = draftFromScores(space, null);
    expect(weightSum(d, space)).toBe(0);
    d.weights = { land: '33.3', fund: '33.3', ports: '33.4' };
    expect(weightSum(d, space)).toBeCloseTo(100, 10);
    expect(weightsComplete(weightSum(d, space))).toBe(true);
    d.weights.ports = '30';
    expect(weightsComplete(weightSum(d, space))).toBe(false);
  });
});

describe('rankings', () => {
  it('groups equal places, best first, whatever numbers were used', () => {
    expect(rankingOf({ a: '1', b: '2', c: '2', d: '4' }, ['a', 'b', 'c', 'd'])).toEqual(['a', ['b', 'c'], 'd']);
    expect(rankingOf({ a: '3', b: '1' }, ['a', 'b'])).toEqual(['b', 'a']);
    expect(rankingOf({ a: '1' }, ['a', 'b'])).toBeNull();
  });
  it('shows the ratings the app derives: evenly spaced, ties sharing the mean', () => {
    const r = derivedRatings({ mode: 'ranking', ratings: {}, places: { a: '1', b: '2', c: '2', d: '3' } }, ['a', 'b', 'c', 'd']);
    expect(Object.fromEntries(r!)).toEqual({ a: 100, b: 50, c: 50, d: 0 });
  });
  it('keeps the order of ratings already given when switching to a ranking', () => {
    expect(placesFromRatings({ a: '20', b: '90', c: '20', d: '' }, ['a', 'b', 'c', 'd'])).toEqual({ b: '1', a: '2', c: '2', d: '3' });
  });
});

describe('the score form', () => {
  const filled = () => {
    const d = draftFromScores(space, null);
    d.weights = { land: '37', fund: '20', ports: '43' };
    d.issues.land!.ratings = { a: '83', b: '67', c: '0', d: '100' };
    d.issues.ports = { mode: 'ranking', ratings: {}, places: { open: '1', shut: '2' } };
    d.unacceptable = [redLineKey('land', 'c')];
    d.batna = '25';
    d.share = 'parties';
    return d;
  };

  it('names every problem: the sum, a missing rating, a missing place, all options red lines, the no-deal value', () => {
    const d = draftFromScores(space, null);
    d.weights = { land: '50', fund: 'x', ports: '40' };
    d.issues.land!.ratings = { a: '1', b: '2', c: '3', d: '' };
    d.issues.ports = { mode: 'ranking', ratings: {}, places: { open: '1', shut: '' } };
    d.unacceptable = ['ports:open', 'ports:shut'];
    d.batna = '';
    expect(scoreProblems(d, space)).toEqual([
      { kind: 'weight', issueId: 'fund' },
      { kind: 'weightsSum', sum: 90 },
      { kind: 'ratings', issueId: 'land' },
      { kind: 'places', issueId: 'ports' },
      { kind: 'allRedLines', issueId: 'ports' },
      { kind: 'batna' },
    ]);
  });

  it('lets an issue weighted 0 stay unrated', () => {
    const d = filled();
    d.weights = { land: '0', fund: '57', ports: '43' };
    d.issues.land!.ratings = {};
    expect(scoreProblems(d, space)).toEqual([]);
    expect(scoresBody(d, space, null).scores.ratings).toEqual({});
  });

  it('sends ratings, a ranking, red lines, the no-deal value and the sharing choice, as the server reads them', () => {
    const d = filled();
    expect(scoreProblems(d, space)).toEqual([]);
    const body = scoresBody(d, space, 4);
    expect(body).toEqual({
      scores: {
        weights: { land: 37, fund: 20, ports: 43 },
        ratings: { land: { a: 83, b: 67, c: 0, d: 100 } },
        ranks: { ports: ['open', 'shut'] },
        unacceptable: ['land:c'],
        batna: 25,
      },
      share: 'parties',
      basedOn: 4,
    });
    expect(PartyScores.safeParse(body.scores).success).toBe(true);
  });

  it('fills the form from my saved scores, and a saved ranking comes back as places', () => {
    const body = scoresBody(filled(), space, null);
    const saved = PartyScores.parse(body.scores);
    const d = draftFromScores(space, { scores: saved, share: 'parties', at: '2025-12-01T11:00:00.000Z', revision: 4, stale: false });
    expect(d.weights).toEqual({ land: '37', fund: '20', ports: '43' });
    expect(d.issues.land).toMatchObject({ mode: 'ratings', ratings: { a: '83', b: '67', c: '0', d: '100' } });
    expect(d.issues.ports).toMatchObject({ mode: 'ranking', places: { open: '1', shut: '2' } });
    expect(d.unacceptable).toEqual(['land:c']);
    expect([d.batna, d.share]).toEqual(['25', 'parties']);
    expect(scoresBody(d, space, null)).toEqual(body);
  });

  it('drops red lines on options the space no longer has', () => {
    const saved = PartyScores.parse({ weights: { land: 100 }, ratings: { land: { a: 1, b: 2, c: 3, d: 4 } }, unacceptable: ['land:gone', 'land:a'] });
    expect(draftFromScores(space, { scores: saved, share: 'none', at: '2025-12-01T11:00:00.000Z', revision: 1, stale: true }).unacceptable).toEqual(['land:a']);
  });
});
