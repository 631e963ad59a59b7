/**
 * Figures and packages as a person reads them: satisfaction on a 0–100 scale with at most one
 * decimal, shares as percentages, gains with their sign, all in the UI language's own number
 * conventions (Intl.NumberFormat), and a package as "issue -> option label" or shares.
 */
import type { SettlementOut } from '../../api/schemas.ts';

type Space = NonNullable<SettlementOut['space']>;
export type PackageById = Readonly<Record<string, string | Readonly<Record<string, number>>>>;

export const CONCEPTS = ['nash', 'kalaiSmorodinsky', 'maximin', 'utilitarian', 'adjustedWinner', 'improvement', 'manual'] as const;
export type Concept = (typeof CONCEPTS)[number];

export function formatFigure(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n);
}

/** A gain over no deal or over the baseline: "+12.5", "−3", "0". */
export function formatGain(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(Math.abs(n) < 0.05 ? 0 : n);
}

/** A share of a divisible issue (a fraction of 1) as a percentage. */
export function formatShare(fraction: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

export type PackageLine =
  | { issueId: string; issue: string; kind: 'option'; option: string; known: boolean }
  | { issueId: string; issue: string; kind: 'shares'; shares: { partyId: string; share: number }[] };

/**
 * A package in the order of the issue space. An issue or option the space no longer has
 * (the package predates a change) is kept, marked unknown rather than dropped: an option by
 * its key, an issue with an empty label for the page to name as removed.
 */
export function packageLines(pkg: PackageById, space: Space | null): PackageLine[] {
  const issues = space?.issues ?? [];
  const known = issues.filter((i) => i.id in pkg);
  const unknown = Object.keys(pkg).filter((id) => !issues.some((i) => i.id === id));
  const line = (issueId: string, issue: string, value: PackageById[string], options: Space['issues'][number]['options']): PackageLine => {
    if (typeof value === 'string') {
      const option = options.find((o) => o.key === value);
      return { issueId, issue, kind: 'option', option: option?.label ?? value, known: option !== undefined };
    }
    const order = space?.partyIds ?? Object.keys(value);
    const partyIds = [...order.filter((p) => p in value), ...Object.keys(value).filter((p) => !order.includes(p))];
    return { issueId, issue, kind: 'shares', shares: partyIds.map((p) => ({ partyId: p, share: value[p] ?? 0 })) };
  };
  // An issue the space has lost has no label left to show; its id would mean nothing to a reader.
  return [
    ...known.map((i) => line(i.id, i.label, pkg[i.id]!, i.options)),
    ...unknown.map((id) => line(id, '', pkg[id]!, [])),
  ];
}

/**
 * The engine's notes name issues and parties by id; a reader needs their names. Every id the
 * page knows is replaced by its label (ids are UUIDs, so one never occurs inside another).
 */
export function withLabels(text: string, labels: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [id, label] of labels) out = out.replaceAll(id, label);
  return out;
}
