/**
 * The mediator's package builder as plain data: an option per issue, and for a divisible issue
 * each party's share in percent (adding up to 100), turned into the body of POST
 * .../settlement/packages, where shares are fractions of 1.
 */
import type { RecordPackageInput } from '../../../../src/domain/settlement/commands/record-package.ts';
import type { SettlementOut } from '../../api/schemas.ts';
import { parseScore } from './score-draft.ts';

type Space = NonNullable<SettlementOut['space']>;

export interface PackageDraft {
  label: string;
  /** Issue id -> chosen option key ('' while none is chosen). */
  choices: Record<string, string>;
  /** Divisible issue id -> party id -> share in percent, as typed. */
  shares: Record<string, Record<string, string>>;
  visibility: 'mediator' | 'parties';
}

export type PackageProblem =
  | { kind: 'choice'; issueId: string }
  | { kind: 'share'; issueId: string }
  | { kind: 'sharesSum'; issueId: string; sum: number };

const SUM_TOLERANCE = 1e-6;

/** n whole percentages as even as can be, adding up to 100 (the first ones get the remainder). */
export function evenShares(n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(100 / n);
  const rest = 100 - base * n;
  return Array.from({ length: n }, (_, k) => base + (k < rest ? 1 : 0));
}

export function emptyPackageDraft(space: Space): PackageDraft {
  const even = evenShares(space.partyIds.length);
  return {
    label: '',
    choices: Object.fromEntries(space.issues.filter((i) => !i.divisible).map((i) => [i.id, ''])),
    shares: Object.fromEntries(space.issues.filter((i) => i.divisible).map((i) => [i.id, Object.fromEntries(space.partyIds.map((p, k) => [p, String(even[k])]))])),
    visibility: 'mediator',
  };
}

/** The shares of one divisible issue as typed, added up (empty inputs count as 0). */
export function sharesSum(d: PackageDraft, issueId: string, partyIds: readonly string[]): number {
  const typed = d.shares[issueId] ?? {};
  return partyIds.reduce((sum, p) => sum + (parseScore(typed[p] ?? '') ?? 0), 0);
}

export function packageProblems(d: PackageDraft, space: Space): PackageProblem[] {
  const out: PackageProblem[] = [];
  for (const issue of space.issues) {
    if (!issue.divisible) {
      const choice = d.choices[issue.id] ?? '';
      if (!issue.options.some((o) => o.key === choice)) out.push({ kind: 'choice', issueId: issue.id });
      continue;
    }
    const typed = d.shares[issue.id] ?? {};
    if (space.partyIds.some((p) => (typed[p] ?? '').trim() !== '' && parseScore(typed[p] ?? '') === null)) out.push({ kind: 'share', issueId: issue.id });
    const sum = sharesSum(d, issue.id, space.partyIds);
    if (Math.abs(sum - 100) > SUM_TOLERANCE) out.push({ kind: 'sharesSum', issueId: issue.id, sum });
  }
  return out;
}

/** The body of POST .../settlement/packages; call only when packageProblems is empty. */
export function packageBody(d: PackageDraft, space: Space): RecordPackageInput {
  const pkg: Record<string, string | Record<string, number>> = {};
  for (const issue of space.issues) {
    if (issue.divisible) {
      const typed = d.shares[issue.id] ?? {};
      pkg[issue.id] = Object.fromEntries(space.partyIds.map((p) => [p, (parseScore(typed[p] ?? '') ?? 0) / 100]));
    } else {
      pkg[issue.id] = d.choices[issue.id] ?? '';
    }
  }
  return { label: d.label.trim(), source: 'manual', package: pkg, visibility: d.visibility };
}
