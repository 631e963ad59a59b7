/**
 * A suggested package explained to one viewer, so a delegate can follow why it is on the
 * table: what it is worth to them (over their disagreement value and over the baseline, on
 * their own 0–100 scale) and which trades (logrolls) made it possible.
 *
 * Confidentiality: scores are sealed, so the explanation carries no other party's weights,
 * ratings or utilities. Of the other parties it says only directions: on an issue, a party
 * "got its best" (the option chosen is among those it values most, of the options no one
 * red-lined; for a divisible issue, the whole of it) or "conceded". Numbers appear for the
 * viewer itself, and for parties that chose to show their satisfaction to others (`disclosed`).
 * A mediator is a viewer with no numbers of its own.
 *
 * A trade is a pair of issues and a pair of parties where A conceded on the first and got its
 * best on the second while B did the opposite: "A gives ground on land, B on security".
 */
import { EPS } from './concepts.ts';
import type { EnginePackage, PreparedCase } from './model.ts';
import { optionPoints, partyUtility } from './utility.ts';

export type Viewer = number | 'mediator';

export interface ExplainOptions {
  viewer: Viewer;
  /** The agreed baseline, when there is one: gains over it are shown too. */
  baseline?: EnginePackage;
  /** Parties who let others see their satisfaction figures. */
  disclosed?: readonly number[];
  /** How many trades to list (all are counted); 12 unless given. */
  maxTrades?: number;
}

export interface PartyStanding {
  party: string;
  /** Null when this viewer may not see the party's figures. */
  utility: number | null;
  gainOverBatna: number | null;
  gainOverBaseline: number | null;
}

export interface IssueDirections {
  issue: string;
  gotBest: string[];
  conceded: string[];
}

export interface Trade {
  /** parties[k] gave ground on issues[k]. */
  parties: [string, string];
  issues: [string, string];
}

export interface Explanation {
  parties: PartyStanding[];
  /** The issues where not every party got its best. */
  issues: IssueDirections[];
  trades: Trade[];
  tradesTotal: number;
  /** The same in sentences, for the CLI and as the default text of the UI. */
  sentences: string[];
}

const DEFAULT_MAX_TRADES = 12;
const fmt = (x: number) => String(Number(x.toFixed(2)) + 0);
const signed = (x: number) => (x > 0 ? `+${fmt(x)}` : fmt(x));

/** gotBest[i][p]: whether party p got its best on issue i in this package. */
function directions(c: PreparedCase, pkg: EnginePackage): boolean[][] {
  return c.issues.map((issue, i) =>
    c.parties.map((_, p) => {
      if (issue.divisible) return pkg.share[i]![p]! >= 1 - EPS;
      const best = Math.max(...issue.options.map((_, o) => (c.allowed[i]![o] ? optionPoints(c, p, i, o) : -Infinity)));
      return optionPoints(c, p, i, pkg.choice[i]!) >= best - EPS * 100;
    }),
  );
}

export function explainPackage(c: PreparedCase, pkg: EnginePackage, opts: ExplainOptions): Explanation {
  const visible = new Set(opts.disclosed ?? []);
  if (opts.viewer !== 'mediator') visible.add(opts.viewer);

  const parties: PartyStanding[] = c.parties.map((party, p) => {
    if (!visible.has(p)) return { party, utility: null, gainOverBatna: null, gainOverBaseline: null };
    const u = partyUtility(c, p, pkg);
    return {
      party,
      utility: u,
      gainOverBatna: u - c.batna[p]!,
      gainOverBaseline: opts.baseline === undefined ? null : u - partyUtility(c, p, opts.baseline),
    };
  });

  const got = directions(c, pkg);
  const issues: IssueDirections[] = [];
  c.issues.forEach((issue, i) => {
    const row = got[i]!;
    if (row.every(Boolean)) return;
    issues.push({ issue: issue.id, gotBest: c.parties.filter((_, p) => row[p]), conceded: c.parties.filter((_, p) => !row[p]) });
  });

  const trades: Trade[] = [];
  let tradesTotal = 0;
  const maxTrades = opts.maxTrades ?? DEFAULT_MAX_TRADES;
  for (let a = 0; a < c.parties.length; a += 1) {
    for (let b = a + 1; b < c.parties.length; b += 1) {
      c.issues.forEach((_, i) => {
        c.issues.forEach((_, j) => {
          if (i === j || got[i]![a] || !got[j]![a] || !got[i]![b] || got[j]![b]) return;
          tradesTotal += 1;
          if (trades.length < maxTrades) trades.push({ parties: [c.parties[a]!, c.parties[b]!], issues: [c.issues[i]!.id, c.issues[j]!.id] });
        });
      });
    }
  }

  const sentences: string[] = [];
  for (const s of parties) {
    if (s.utility === null) continue;
    const who = opts.viewer === c.parties.indexOf(s.party) ? 'You' : s.party;
    const over = `${signed(s.gainOverBatna!)} over ${who === 'You' ? 'your' : 'its'} disagreement value`;
    const base = s.gainOverBaseline === null ? '' : ` and ${signed(s.gainOverBaseline)} over the baseline`;
    sentences.push(`${who}: ${fmt(s.utility)} of 100, ${over}${base}.`);
  }
  for (const d of issues) {
    sentences.push(`${d.issue}: ${d.gotBest.length > 0 ? `${d.gotBest.join(', ')} got ${d.gotBest.length > 1 ? 'their' : 'its'} best; ` : ''}${d.conceded.join(', ')} conceded.`);
  }
  for (const t of trades) sentences.push(`${t.parties[0]} gives ground on ${t.issues[0]}, ${t.parties[1]} on ${t.issues[1]}.`);
  if (tradesTotal > trades.length) sentences.push(`(${tradesTotal - trades.length} more trades of the same kind.)`);
  return { parties, issues, trades, tradesTotal, sentences };
}
