/**
 * What a package is worth to each party, and the conversions between the engine's arrays and
 * the names people read.
 *
 * The one way to compute a utility: party p's points Σ_i weight[p][i] × rating[p][i][o_i]
 * (an issue with options) or weight[p][i] × 100 × share (a divisible issue), summed in issue
 * order from 0, then divided by 100. Weights and ratings are usually whole numbers, so the
 * points are whole and the sum is exact in floating point; the frontier merge adds the same
 * terms in the same order, so the enumeration, the merge and the MILP's check all agree to the
 * last bit on the same package.
 */
import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import { normalizeText } from '../text/normalize.ts';
import type { EnginePackage, Package, PreparedCase } from './model.ts';

/** A package as a person writes it (a baseline file, a package the mediator proposes). */
export const PackageInput = z.record(z.string(), z.union([z.string(), z.record(z.string(), z.number())]));

/** Shares of a divisible issue may miss 1 by this much (they were typed or rounded). */
const SHARE_SUM_TOLERANCE = 1e-6;

function invalid(message: string): never {
  throw new ParleyError('invalid_input', message);
}

/** Party p's points for option o of issue i (an issue with options). */
export function optionPoints(c: PreparedCase, p: number, i: number, o: number): number {
  return c.weight[p]![i]! * c.rating[p]![i]![o]!;
}

export function partyUtility(c: PreparedCase, p: number, pkg: EnginePackage): number {
  let points = 0;
  c.issues.forEach((issue, i) => {
    points += issue.divisible ? c.weight[p]![i]! * 100 * pkg.share[i]![p]! : optionPoints(c, p, i, pkg.choice[i]!);
  });
  return points / 100;
}

export function utilitiesOf(c: PreparedCase, pkg: EnginePackage): number[] {
  return c.parties.map((_, p) => partyUtility(c, p, pkg));
}

/** The choice vector of a package of issues with options only (shares all empty). */
export function optionPackage(choice: readonly number[]): EnginePackage {
  return { choice, share: choice.map(() => []) };
}

/** Engine package -> issue id -> option name, or party name -> share for a divisible issue. */
export function toPackage(c: PreparedCase, pkg: EnginePackage): Package {
  const out: Package = {};
  c.issues.forEach((issue, i) => {
    out[issue.id] = issue.divisible
      ? Object.fromEntries(c.parties.map((party, p) => [party, pkg.share[i]![p]!]))
      : issue.options[pkg.choice[i]!]!;
  });
  return out;
}

/**
 * A package a person wrote (a baseline) -> engine package. Every issue must be settled: an
 * option of the issue, or shares for known parties that sum to 1 (a party left out gets 0).
 */
export function fromPackage(c: PreparedCase, input: unknown): EnginePackage {
  const parsed = PackageInput.safeParse(input);
  if (!parsed.success) invalid('A package is an object from issue id to an option name, or to {party: share} for a divisible issue.');
  // Keys are matched as the case's labels are: NFC, trimmed.
  const label = (s: string) => normalizeText(s).trim();
  const pkg: Package = Object.fromEntries(Object.entries(parsed.data).map(([id, v]) => [
    label(id),
    typeof v === 'string' ? label(v) : Object.fromEntries(Object.entries(v).map(([party, x]) => [label(party), x])),
  ]));
  for (const id of Object.keys(pkg)) {
    if (!c.issues.some((i) => i.id === id)) invalid(`The package settles "${id}", which is not an issue of the case.`);
  }
  const choice: number[] = [];
  const share: number[][] = [];
  for (const issue of c.issues) {
    const value = pkg[issue.id];
    if (value === undefined) invalid(`The package does not settle issue "${issue.id}"; give ${issue.divisible ? 'each party\'s share' : 'one of its options'}.`);
    if (issue.divisible) {
      if (typeof value === 'string') invalid(`Issue "${issue.id}" is divisible; give each party's share, e.g. {"${c.parties[0]!}": 0.5, "${c.parties[1]!}": 0.5}.`);
      for (const party of Object.keys(value)) {
        if (!c.parties.includes(party)) invalid(`The package gives a share of "${issue.id}" to "${party}", which is not a party of the case.`);
      }
      const shares = c.parties.map((party) => value[party] ?? 0);
      if (shares.some((s) => !Number.isFinite(s) || s < 0 || s > 1)) invalid(`The shares of "${issue.id}" must each be between 0 and 1.`);
      const sum = shares.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) invalid(`The shares of "${issue.id}" sum to ${Number(sum.toFixed(6))}, not 1.`);
      choice.push(-1);
      share.push(shares);
    } else {
      if (typeof value !== 'string') invalid(`Issue "${issue.id}" has options; give one of them (${issue.options.map((o) => `"${o}"`).join(', ')}).`);
      const o = issue.options.indexOf(value);
      if (o < 0) invalid(`Issue "${issue.id}" has no option "${value}" (options: ${issue.options.map((x) => `"${x}"`).join(', ')}).`);
      choice.push(o);
      share.push([]);
    }
  }
  return { choice, share };
}

export function toPartyRecord(c: PreparedCase, values: readonly number[]): Record<string, number> {
  return Object.fromEntries(c.parties.map((party, p) => [party, values[p]!]));
}

export function fromPartyRecord(c: PreparedCase, record: Readonly<Record<string, number>>): number[] {
  return c.parties.map((party) => {
    const v = record[party];
    if (v === undefined) throw new ParleyError('invalid_input', `No value for party "${party}".`);
    return v;
  });
}
