/**
 * A settlement case as a person or the store hands it over, checked and laid out in arrays
 * for the engine. Everything the schema cannot say is checked here, each failure one
 * ParleyError('invalid_input') naming the party, issue or option to fix, because the person
 * reading it is a mediator with a JSON file, not a developer.
 *
 * Choices made here (docs/settlement.md):
 * - A weight not given counts as 0, so a party need not list the issues it does not care about.
 *   For the same reason an issue the party weights 0 may be left unrated: its ratings cannot
 *   change any utility. An issue it weights above 0 must rate (or rank) every option.
 * - Names are matched after the same NFC normalization and trimming the schema applies to
 *   labels, so a key typed on another keyboard still finds its issue.
 */
import { ParleyError } from '../errors.ts';
import { normalizeText } from '../text/normalize.ts';
import { SettlementCase, type PartyScores, type PreparedCase, type PreparedIssue } from './model.ts';
import { ratingsFromRanks } from './ratings-from-ranks.ts';

/** Weights are typed by people; anything closer to 100 than this is 100. */
const WEIGHT_SUM_TOLERANCE = 1e-6;

const label = (s: string) => normalizeText(s).trim();
const quoted = (s: string) => `"${s}"`;
const list = (items: readonly string[]) => items.map(quoted).join(', ');
/** A number as a person would write it: no float noise, no trailing zeros. */
const num = (x: number) => String(Number(x.toFixed(6)));

function invalid(message: string): never {
  throw new ParleyError('invalid_input', message);
}

function parseCase(input: unknown): SettlementCase {
  const parsed = SettlementCase.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first === undefined || first.path.length === 0 ? 'the top' : first.path.map(String).join('.');
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problem${parsed.error.issues.length > 2 ? 's' : ''})` : '';
  invalid(`The settlement case is not valid at ${where}: ${first?.message ?? 'unreadable'}${more}. It needs "parties", "issues" and "scores" as in docs/settlement.md.`);
}

/** A record keyed by names, re-keyed by their normalized form; two keys that normalize alike are an error. */
function normalizedKeys<T>(record: Readonly<Record<string, T>>, what: (key: string) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const [raw, value] of Object.entries(record)) {
    const key = label(raw);
    if (out.has(key)) invalid(`${what(key)} is given twice (the names differ only in spacing or Unicode form).`);
    out.set(key, value);
  }
  return out;
}

function firstDuplicate(items: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item)) return item;
    seen.add(item);
  }
  return undefined;
}

/** Party p's ratings of one issue's options, from its ratings or its ranking. */
function issueRatings(party: string, issue: PreparedIssue, weight: number, given: ReadonlyMap<string, number> | undefined): number[] {
  if (given === undefined) {
    if (weight === 0) return issue.options.map(() => 0);
    invalid(`Party ${quoted(party)} gives issue ${quoted(issue.id)} a weight of ${num(weight)} but no rating or rank for its options (${list(issue.options)}); rate each option 0–100 or rank them.`);
  }
  const missing = issue.options.filter((o) => !given.has(o));
  if (missing.length > 0) {
    invalid(`Party ${quoted(party)} gives neither a rating nor a rank for option${missing.length > 1 ? 's' : ''} ${list(missing)} of issue ${quoted(issue.id)}; rate or rank every option of an issue.`);
  }
  return issue.options.map((o) => given.get(o)!);
}

function checkOption(party: string, issue: PreparedIssue, option: string, verb: string): void {
  if (!issue.options.includes(option)) {
    invalid(`Party ${quoted(party)} ${verb} ${quoted(option)} under issue ${quoted(issue.id)}, which has no such option (options: ${list(issue.options)}).`);
  }
}

/** Each issue's options as party p rated them directly or through a ranking. */
function givenRatings(party: string, scores: PartyScores, issueById: ReadonlyMap<string, PreparedIssue>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const knownIssue = (id: string, what: string): PreparedIssue => {
    const issue = issueById.get(id);
    if (issue === undefined) invalid(`Party ${quoted(party)} ${what} ${quoted(id)}, which is not an issue of the case (issues: ${list([...issueById.keys()])}).`);
    if (issue.divisible) invalid(`Party ${quoted(party)} ${what} ${quoted(id)}, a divisible issue; a divisible issue takes only a weight, since its value to a party is the party's share.`);
    return issue;
  };
  const ratings = normalizedKeys(scores.ratings, (k) => `Party ${quoted(party)}'s ratings of issue ${quoted(k)}`);
  for (const [id, byOption] of ratings) {
    const issue = knownIssue(id, 'rates options of');
    const values = new Map<string, number>();
    for (const [option, rating] of normalizedKeys(byOption, (k) => `Party ${quoted(party)}'s rating of option ${quoted(k)} of issue ${quoted(id)}`)) {
      checkOption(party, issue, option, 'rates');
      values.set(option, rating);
    }
    out.set(id, values);
  }
  const ranks = normalizedKeys(scores.ranks, (k) => `Party ${quoted(party)}'s ranking of issue ${quoted(k)}`);
  for (const [id, ranking] of ranks) {
    const issue = knownIssue(id, 'ranks options of');
    if (out.has(id)) invalid(`Party ${quoted(party)} gives both ratings and ranks for issue ${quoted(id)}; give one or the other.`);
    const groups = ranking.map((g) => (typeof g === 'string' ? [label(g)] : g.map(label)));
    const flat = groups.flat();
    for (const option of flat) checkOption(party, issue, option, 'ranks');
    const twice = firstDuplicate(flat);
    if (twice !== undefined) invalid(`Party ${quoted(party)} ranks option ${quoted(twice)} of issue ${quoted(id)} more than once; each option takes one place.`);
    out.set(id, ratingsFromRanks(groups));
  }
  return out;
}

/** "issue:option" -> [issue index, option index]; issue ids may themselves hold a colon. */
function redLine(party: string, entry: string, issues: readonly PreparedIssue[]): [number, number] {
  const text = label(entry);
  const example = issues.find((i) => !i.divisible);
  const form = example === undefined ? '"issue:option"' : `"issue:option", e.g. "${example.id}:${example.options[0]!}"`;
  if (!text.includes(':')) invalid(`Party ${quoted(party)} marks ${quoted(text)} unacceptable; write a red line as ${form}.`);
  const matches: [number, number][] = [];
  let namedIssue: number | undefined;
  issues.forEach((issue, i) => {
    if (!text.startsWith(`${issue.id}:`)) return;
    namedIssue ??= i;
    const o = issue.options.indexOf(label(text.slice(issue.id.length + 1)));
    if (!issue.divisible && o >= 0) matches.push([i, o]);
  });
  if (matches.length > 1) invalid(`Party ${quoted(party)}'s red line ${quoted(text)} could name more than one issue's option; rename an issue or option so no id contains another's "id:option".`);
  if (matches.length === 1) return matches[0]!;
  if (namedIssue === undefined) {
    invalid(`Party ${quoted(party)} marks ${quoted(text)} unacceptable, but ${quoted(text.slice(0, text.indexOf(':')))} is not an issue of the case (issues: ${list(issues.map((i) => i.id))}).`);
  }
  const issue = issues[namedIssue]!;
  if (issue.divisible) invalid(`Party ${quoted(party)} marks ${quoted(text)} unacceptable, but ${quoted(issue.id)} is a divisible issue; red lines name options of issues with options.`);
  invalid(`Party ${quoted(party)} marks ${quoted(text)} unacceptable, but issue ${quoted(issue.id)} has no option ${quoted(text.slice(issue.id.length + 1))} (options: ${list(issue.options)}).`);
}

export function prepareCase(input: unknown): PreparedCase {
  const c = parseCase(input);

  const dupParty = firstDuplicate(c.parties);
  if (dupParty !== undefined) invalid(`Party ${quoted(dupParty)} is listed twice; party names must be unique.`);
  const issues: PreparedIssue[] = c.issues.map((i) => ('divisible' in i ? { id: i.id, divisible: true, options: [] } : { id: i.id, divisible: false, options: i.options }));
  const dupIssue = firstDuplicate(issues.map((i) => i.id));
  if (dupIssue !== undefined) invalid(`Issue ${quoted(dupIssue)} is listed twice; issue ids must be unique.`);
  for (const issue of issues) {
    const dupOption = firstDuplicate(issue.options);
    if (dupOption !== undefined) invalid(`Issue ${quoted(issue.id)} lists option ${quoted(dupOption)} twice; options must be unique within an issue.`);
  }
  const issueById = new Map(issues.map((i) => [i.id, i]));

  const scores = normalizedKeys(c.scores, (k) => `The scores of party ${quoted(k)}`);
  for (const name of scores.keys()) {
    if (!c.parties.includes(name)) invalid(`Scores are given for ${quoted(name)}, which is not one of the parties (${list(c.parties)}).`);
  }

  const weight: number[][] = [];
  const rating: number[][][] = [];
  const batna: number[] = [];
  const unacceptableBy: number[][][] = issues.map((i) => i.options.map(() => []));
  c.parties.forEach((party, p) => {
    const s = scores.get(party);
    if (s === undefined) invalid(`No scores for party ${quoted(party)}; every party needs weights over the issues and ratings (or ranks) of their options.`);

    const weights = normalizedKeys(s.weights, (k) => `Party ${quoted(party)}'s weight of issue ${quoted(k)}`);
    for (const id of weights.keys()) {
      if (!issueById.has(id)) invalid(`Party ${quoted(party)} gives a weight to ${quoted(id)}, which is not an issue of the case (issues: ${list(issues.map((i) => i.id))}).`);
    }
    const w = issues.map((i) => weights.get(i.id) ?? 0);
    const sum = w.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > WEIGHT_SUM_TOLERANCE) {
      invalid(`Party ${quoted(party)}'s weights sum to ${num(sum)}, not 100; spread exactly 100 points across the issues (an issue left out counts as 0).`);
    }

    const given = givenRatings(party, s, issueById);
    rating.push(issues.map((issue, i) => (issue.divisible ? [] : issueRatings(party, issue, w[i]!, given.get(issue.id)))));
    weight.push(w);
    batna.push(s.batna);

    for (const entry of s.unacceptable) {
      const [i, o] = redLine(party, entry, issues);
      const by = unacceptableBy[i]![o]!;
      if (!by.includes(p)) by.push(p);
    }
  });

  const allowed = unacceptableBy.map((byOption) => byOption.map((by) => by.length === 0));
  issues.forEach((issue, i) => {
    if (!issue.divisible && allowed[i]!.every((ok) => !ok)) {
      invalid(`no feasible package: every option of issue ${quoted(issue.id)} is someone's red line; a package must choose one of its options.`);
    }
  });

  return { parties: c.parties, issues, weight, rating, allowed, unacceptableBy, batna };
}
