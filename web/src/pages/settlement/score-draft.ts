/**
 * A delegation's score form as plain data: weights, ratings or a ranking per issue, red lines,
 * the no-deal value and whom it lets see its satisfaction figures; how saved scores fill it and
 * how it becomes the body of PUT .../settlement/scores. The rules mirror the engine's
 * (src/domain/settlement/prepare-case.ts) so a delegate hears about a mistake before sending.
 */
import type { PartyScoresInput } from '../../../../src/domain/settlement/model.ts';
import type { SubmitScoresInput } from '../../../../src/domain/settlement/commands/submit-scores.ts';
import type { ShareSatisfaction } from '../../../../src/domain/settlement/commands/settlement-records.ts';
import { ratingsFromRanks, type Ranking } from '../../../../src/domain/settlement/ratings-from-ranks.ts';
import type { SettlementOut } from '../../api/schemas.ts';

type Space = NonNullable<SettlementOut['space']>;
type SpaceIssue = Space['issues'][number];
type MyScores = NonNullable<SettlementOut['myScores']>;

export type ScoreMode = 'ratings' | 'ranking';

export interface IssueScoreDraft {
  mode: ScoreMode;
  /** Option key -> what the rating input holds. */
  ratings: Record<string, string>;
  /** Option key -> place in the ranking ("1" is best); equal places are a tie. */
  places: Record<string, string>;
}

export interface ScoreDraft {
  /** Issue id -> what the weight input holds. */
  weights: Record<string, string>;
  issues: Record<string, IssueScoreDraft>;
  /** "issueId:optionKey" of the options this party cannot accept. */
  unacceptable: string[];
  batna: string;
  share: ShareSatisfaction;
}

export type ScoreProblem =
  | { kind: 'weightsSum'; sum: number }
  | { kind: 'weight'; issueId: string }
  | { kind: 'ratings'; issueId: string }
  | { kind: 'places'; issueId: string }
  | { kind: 'allRedLines'; issueId: string }
  | { kind: 'batna' };

/** Typed weights closer to 100 than this are 100 (the engine forgives the same). */
const SUM_TOLERANCE = 1e-6;

export const redLineKey = (issueId: string, optionKey: string): string => `${issueId}:${optionKey}`;

/** A 0–100 score typed by a person, or null when the input is empty or out of range. */
export function parseScore(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (s === '' || !/^\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return n >= 0 && n <= 100 ? n : null;
}

/** The weights as typed, added up; empty inputs count as 0 and a malformed one as nothing. */
export function weightSum(d: ScoreDraft, space: Space): number {
  return space.issues.reduce((sum, i) => sum + (parseScore(d.weights[i.id] ?? '') ?? 0), 0);
}

export const weightsComplete = (sum: number): boolean => Math.abs(sum - 100) <= SUM_TOLERANCE;

/** Places ("1" best) as the engine's ranking: best group first, equal places grouped; null if a place is missing. */
export function rankingOf(places: Readonly<Record<string, string>>, keys: readonly string[]): Ranking | null {
  const placed: { key: string; place: number }[] = [];
  for (const key of keys) {
    const place = Number.parseInt(places[key] ?? '', 10);
    if (!Number.isInteger(place) || place < 1) return null;
    placed.push({ key, place });
  }
  const groups = new Map<number, string[]>();
  for (const { key, place } of placed) groups.set(place, [...(groups.get(place) ?? []), key]);
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, group]) => (group.length === 1 ? group[0]! : group));
}

/** The ratings the app derives from a ranking, to show the delegate what its order means. */
export function derivedRatings(issue: IssueScoreDraft, keys: readonly string[]): Map<string, number> | null {
  const ranking = rankingOf(issue.places, keys);
  return ranking ? ratingsFromRanks(ranking) : null;
}

/**
 * Places from ratings, best first, equal ratings sharing a place (dense: 1, 2, 2, 3), so
 * switching from ratings to a ranking keeps the order already given; options without a rating
 * follow in the issue's order.
 */
export function placesFromRatings(ratings: Readonly<Record<string, string>>, keys: readonly string[]): Record<string, string> {
  const rated = keys.flatMap((k) => {
    const v = parseScore(ratings[k] ?? '');
    return v === null ? [] : [{ k, v }];
  });
  const distinct = [...new Set(rated.map((r) => r.v))].sort((a, b) => b - a);
  const out: Record<string, string> = {};
  for (const r of rated) out[r.k] = String(distinct.indexOf(r.v) + 1);
  let next = distinct.length;
  for (const k of keys) if (!(k in out)) out[k] = String((next += 1));
  return out;
}

const optionKeysOf = (issue: SpaceIssue): string[] => issue.options.map((o) => o.key);

const numberText = (n: number | undefined): string => (n === undefined ? '' : String(Number(n.toFixed(6))));

function placesFromRanking(ranking: Ranking): Record<string, string> {
  const out: Record<string, string> = {};
  ranking.forEach((group, n) => {
    for (const key of typeof group === 'string' ? [group] : group) out[key] = String(n + 1);
  });
  return out;
}

/** My saved scores to edit, or an empty form (every issue rated by number) for a first submission. */
export function draftFromScores(space: Space, mine: MyScores | null): ScoreDraft {
  const s = mine?.scores;
  const issues: Record<string, IssueScoreDraft> = {};
  for (const issue of space.issues) {
    const keys = optionKeysOf(issue);
    const rated = s?.ratings[issue.id];
    const ranked = s?.ranks[issue.id];
    issues[issue.id] = ranked
      ? { mode: 'ranking', ratings: {}, places: placesFromRanking(ranked) }
      : {
          mode: 'ratings',
          ratings: Object.fromEntries(keys.map((k) => [k, numberText(rated?.[k])])),
          places: Object.fromEntries(keys.map((k, n) => [k, String(n + 1)])),
        };
  }
  return {
    weights: Object.fromEntries(space.issues.map((i) => [i.id, numberText(s?.weights[i.id])])),
    issues,
    unacceptable: s ? s.unacceptable.filter((u) => space.issues.some((i) => i.options.some((o) => redLineKey(i.id, o.key) === u))) : [],
    batna: s ? numberText(s.batna) : '0',
    share: mine?.share ?? 'mediator',
  };
}

function issueRatings(issue: SpaceIssue, d: IssueScoreDraft): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const key of optionKeysOf(issue)) {
    const v = parseScore(d.ratings[key] ?? '');
    if (v === null) return null;
    out[key] = v;
  }
  return out;
}

/** Everything that would make the scores unusable, in the order of the form. */
export function scoreProblems(d: ScoreDraft, space: Space): ScoreProblem[] {
  const out: ScoreProblem[] = [];
  for (const issue of space.issues) {
    const text = d.weights[issue.id] ?? '';
    if (text.trim() !== '' && parseScore(text) === null) out.push({ kind: 'weight', issueId: issue.id });
  }
  const sum = weightSum(d, space);
  if (!weightsComplete(sum)) out.push({ kind: 'weightsSum', sum });
  for (const issue of space.issues) {
    if (issue.divisible) continue;
    const weight = parseScore(d.weights[issue.id] ?? '') ?? 0;
    const draft = d.issues[issue.id];
    // An issue weighted 0 cannot change any satisfaction, so it may stay unrated (as in the engine).
    if (weight > 0 && draft) {
      if (draft.mode === 'ratings' && issueRatings(issue, draft) === null) out.push({ kind: 'ratings', issueId: issue.id });
      if (draft.mode === 'ranking' && rankingOf(draft.places, optionKeysOf(issue)) === null) out.push({ kind: 'places', issueId: issue.id });
    }
    if (issue.options.every((o) => d.unacceptable.includes(redLineKey(issue.id, o.key)))) out.push({ kind: 'allRedLines', issueId: issue.id });
  }
  if (parseScore(d.batna) === null) out.push({ kind: 'batna' });
  return out;
}

/** The body of PUT .../settlement/scores; call only when scoreProblems is empty. */
export function scoresBody(d: ScoreDraft, space: Space, basedOn: number | null): SubmitScoresInput {
  const ratings: Record<string, Record<string, number>> = {};
  const ranks: Record<string, (string | string[])[]> = {};
  for (const issue of space.issues) {
    const draft = d.issues[issue.id];
    if (issue.divisible || !draft) continue;
    if (draft.mode === 'ranking') {
      const ranking = rankingOf(draft.places, optionKeysOf(issue));
      if (ranking) ranks[issue.id] = ranking.map((g) => (typeof g === 'string' ? g : [...g]));
    } else {
      const r = issueRatings(issue, draft);
      if (r) ratings[issue.id] = r;
    }
  }
  const scores: PartyScoresInput = {
    weights: Object.fromEntries(space.issues.map((i) => [i.id, parseScore(d.weights[i.id] ?? '') ?? 0])),
    ratings,
    ranks,
    unacceptable: d.unacceptable,
    batna: parseScore(d.batna) ?? 0,
  };
  return { scores, share: d.share, ...(basedOn === null ? {} : { basedOn }) };
}
