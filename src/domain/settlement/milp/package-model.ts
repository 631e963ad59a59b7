/**
 * The base MILP every concept shares: which package, and each party's gain.
 *
 * - x{i}_{o} binary for each kept option o of issue i (red-lined options get no column, so a
 *   red line cannot be chosen), Σ_o x{i}_{o} = 1; an issue left with one option is a constant.
 * - s{i}_{p} in [0, 1] for party p's share of divisible issue i, Σ_p s{i}_{p} = 1.
 * - g{p} = u_p − ref_p, defined by an equality row, bounded below by floor_p − ref_p (and by
 *   any stricter minimum a concept asks for), so every concept reads gains by name.
 *
 * The package is read back from the solution by taking the largest x of each issue and the
 * shares clamped and renormalized, and its utilities are always recomputed here, exactly, from
 * the case: the solver's objective and g values carry its tolerances and are never reported.
 */
import { ParleyError } from '../../errors.ts';
import type { EnginePackage, PreparedCase, ScoredPackage } from '../model.ts';
import { optionPoints, utilitiesOf } from '../utility.ts';
import { continuous, type Column, type LpModel, type Row } from './lp-model.ts';

export interface PackageModel {
  model: LpModel;
  /** gain[p]: the column holding u_p − ref_p. */
  gain: readonly string[];
  /** Whether some divisible issue gives the model continuous share columns. */
  hasShares: boolean;
  read(values: ReadonlyMap<string, number>): EnginePackage;
}

export interface PackageModelOptions {
  floor: readonly number[];
  ref: readonly number[];
  /** kept[i]: the options of issue i that get a column (undominatedOptions). */
  kept: readonly (readonly number[])[];
  /** A stricter lower bound on some gains (Nash asks g_p ≥ δ of parties that can gain). */
  minGain?: readonly number[];
}

export const optionColumn = (i: number, o: number) => `x${i}_${o}`;
export const shareColumn = (i: number, p: number) => `s${i}_${p}`;
export const gainColumn = (p: number) => `g${p}`;

export function buildPackageModel(c: PreparedCase, opts: PackageModelOptions): PackageModel {
  const n = c.parties.length;
  const columns: Column[] = [];
  const rows: Row[] = [];
  const gainTerms = c.parties.map(() => new Map<string, number>());
  const constant = new Array<number>(n).fill(0);

  c.issues.forEach((issue, i) => {
    if (issue.divisible) {
      const sum = new Map<string, number>();
      for (let p = 0; p < n; p++) {
        const s = shareColumn(i, p);
        columns.push(continuous(s, 0, 1));
        sum.set(s, 1);
        if (c.weight[p]![i]! !== 0) gainTerms[p]!.set(s, -c.weight[p]![i]!);
      }
      rows.push({ name: `share${i}`, terms: sum, op: '=', rhs: 1 });
      return;
    }
    const kept = opts.kept[i]!;
    if (kept.length === 0) {
      throw new ParleyError('invalid_input', `no feasible package: every option of issue "${issue.id}" is someone's red line`);
    }
    if (kept.length === 1) {
      for (let p = 0; p < n; p++) constant[p]! += contribution(c, p, i, kept[0]!);
      return;
    }
    const one = new Map<string, number>();
    for (const o of kept) {
      const x = optionColumn(i, o);
      columns.push({ name: x, kind: 'binary', lower: 0, upper: 1 });
      one.set(x, 1);
      for (let p = 0; p < n; p++) {
        const v = contribution(c, p, i, o);
        if (v !== 0) gainTerms[p]!.set(x, -v);
      }
    }
    rows.push({ name: `one${i}`, terms: one, op: '=', rhs: 1 });
  });

  const gain = c.parties.map((_, p) => gainColumn(p));
  for (let p = 0; p < n; p++) {
    const lower = Math.max(opts.floor[p]! - opts.ref[p]!, opts.minGain?.[p] ?? -Infinity);
    columns.push(continuous(gain[p]!, lower));
    const terms = new Map<string, number>([[gain[p]!, 1], ...gainTerms[p]!]);
    rows.push({ name: `gain${p}`, terms, op: '=', rhs: constant[p]! - opts.ref[p]! });
  }

  const read = (values: ReadonlyMap<string, number>): EnginePackage => ({
    choice: c.issues.map((issue, i) => {
      if (issue.divisible) return -1;
      const kept = opts.kept[i]!;
      let best = kept[0]!;
      for (const o of kept) if ((values.get(optionColumn(i, o)) ?? 0) > (values.get(optionColumn(i, best)) ?? 0)) best = o;
      return best;
    }),
    share: c.issues.map((issue, i) => {
      if (!issue.divisible) return [];
      const raw = c.parties.map((_, p) => Math.min(1, Math.max(0, values.get(shareColumn(i, p)) ?? 0)));
      const total = raw.reduce((a, b) => a + b, 0);
      return total > 0 ? raw.map((v) => v / total) : raw.map(() => 1 / n);
    }),
  });

  return { model: { columns, rows }, gain, hasShares: c.issues.some((issue) => issue.divisible), read };
}

/** Party p's utility from option o of issue i: weight × rating / 100. */
export function contribution(c: PreparedCase, p: number, i: number, o: number): number {
  return optionPoints(c, p, i, o) / 100;
}

/** Every party's utility of a package, by the engine's one definition (utility.ts), never from a solver. */
export function scorePackage(c: PreparedCase, pkg: EnginePackage): ScoredPackage {
  return { package: pkg, utilities: utilitiesOf(c, pkg) };
}
