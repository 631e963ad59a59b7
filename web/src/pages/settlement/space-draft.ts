/**
 * The issue space editor as plain data: what the inputs hold, how a saved space fills it, and
 * how it becomes the body of PUT .../settlement/space. Kept free of React so the rules (option
 * keys derived from labels, what the server would refuse) are tested alone.
 */
import type { SaveSpaceInput } from '../../../../src/domain/settlement/commands/save-space.ts';
import type { SettlementOut } from '../../api/schemas.ts';

type Space = NonNullable<SettlementOut['space']>;

export interface OptionDraft {
  /** Stable React key while editing. */
  uid: string;
  label: string;
  /** Set once saved: scores refer to the key, so relabelling a saved option must not change it. */
  savedKey: string | null;
}

export interface IssueDraft {
  uid: string;
  /** Absent for an issue not saved yet; the server gives it an id. */
  id: string | null;
  label: string;
  divisible: boolean;
  options: OptionDraft[];
  pointIds: string[];
}

export interface SpaceDraft {
  partyIds: string[];
  issues: IssueDraft[];
}

/** Why a draft cannot be saved yet; `issue` is the index of the issue to fix, when there is one. */
export type SpaceProblem =
  | { kind: 'parties' }
  | { kind: 'noIssues' }
  | { kind: 'issueLabel'; issue: number }
  | { kind: 'issueTwice'; issue: number }
  | { kind: 'options'; issue: number }
  | { kind: 'optionLabel'; issue: number }
  | { kind: 'optionTwice'; issue: number };

const KEY_MAX = 32;

let counter = 0;
/** Local keys for list items being edited (never sent). */
export const newUid = (): string => `d${String((counter += 1))}`;

/**
 * An option key from its label: lower-case ASCII letters, digits, "-" and "_", as the server's
 * OptionKey wants. Accents are dropped (é -> e) through NFKD; a label with no Latin letters
 * (Urdu, Arabic, Cyrillic) gives "option", then the caller makes it unique.
 */
export function keyFromLabel(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '')
    .slice(0, KEY_MAX)
    .replace(/[-_]+$/, '');
  return slug || 'option';
}

/** `key`, or `key-2`, `key-3`… (shortened to fit), the first not in `taken`. */
export function uniqueKey(key: string, taken: ReadonlySet<string>): string {
  if (!taken.has(key)) return key;
  for (let n = 2; ; n += 1) {
    const suffix = `-${String(n)}`;
    const candidate = `${key.slice(0, KEY_MAX - suffix.length).replace(/[-_]+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The key of every option of an issue: saved options keep theirs, new ones derive theirs from
 * the label, unique within the issue (saved keys are claimed first, so a new option never takes
 * a key that existing scores refer to).
 */
export function optionKeys(options: readonly OptionDraft[]): string[] {
  const taken = new Set(options.flatMap((o) => (o.savedKey ? [o.savedKey] : [])));
  return options.map((o) => {
    if (o.savedKey) return o.savedKey;
    const key = uniqueKey(keyFromLabel(o.label), taken);
    taken.add(key);
    return key;
  });
}

export const emptyOption = (): OptionDraft => ({ uid: newUid(), label: '', savedKey: null });

export const emptyIssue = (): IssueDraft => ({ uid: newUid(), id: null, label: '', divisible: false, options: [emptyOption(), emptyOption()], pointIds: [] });

/** The saved space to edit, or a new one with the parties that are not brokers. */
export function draftFromSpace(space: Space | null, parties: readonly { id: string; broker: boolean }[]): SpaceDraft {
  if (!space) return { partyIds: parties.filter((p) => !p.broker).map((p) => p.id), issues: [emptyIssue()] };
  return {
    partyIds: [...space.partyIds],
    issues: space.issues.map((i) => ({
      uid: newUid(),
      id: i.id,
      label: i.label,
      divisible: i.divisible,
      options: i.options.map((o) => ({ uid: newUid(), label: o.label, savedKey: o.key })),
      pointIds: [...i.pointIds],
    })),
  };
}

const same = (s: string) => s.trim().toLocaleLowerCase();

/** Everything the server would refuse, found before sending; an empty list means it can be saved. */
export function spaceProblems(d: SpaceDraft): SpaceProblem[] {
  const out: SpaceProblem[] = [];
  if (d.partyIds.length < 2) out.push({ kind: 'parties' });
  if (d.issues.length === 0) out.push({ kind: 'noIssues' });
  const labels = d.issues.map((i) => same(i.label));
  d.issues.forEach((issue, n) => {
    if (!issue.label.trim()) out.push({ kind: 'issueLabel', issue: n });
    else if (labels.indexOf(labels[n]!) !== n) out.push({ kind: 'issueTwice', issue: n });
    if (issue.divisible) return;
    if (issue.options.length < 2) out.push({ kind: 'options', issue: n });
    if (issue.options.some((o) => !o.label.trim())) out.push({ kind: 'optionLabel', issue: n });
    const optionLabels = issue.options.map((o) => same(o.label)).filter((l) => l !== '');
    if (new Set(optionLabels).size !== optionLabels.length) out.push({ kind: 'optionTwice', issue: n });
  });
  return out;
}

/** The body of PUT .../settlement/space (a divisible issue sends no options). */
export function spaceBody(d: SpaceDraft, basedOn: number | null): SaveSpaceInput {
  return {
    partyIds: d.partyIds,
    issues: d.issues.map((i) => {
      const keys = optionKeys(i.options);
      return {
        ...(i.id ? { id: i.id } : {}),
        label: i.label.trim(),
        divisible: i.divisible,
        options: i.divisible ? [] : i.options.map((o, n) => ({ key: keys[n]!, label: o.label.trim() })),
        pointIds: i.pointIds,
      };
    }),
    ...(basedOn === null ? {} : { basedOn }),
  };
}

/** The item at `from` moved one place up (-1) or down (+1); the list as it was at either end. */
export function move<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}
