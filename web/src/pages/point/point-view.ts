/**
 * What the point page derives from the API's answers, kept pure so it is tested without a
 * browser: the order of language columns, the point's number across versions, each party's
 * latest position and history, how a text changed, and which amendment actions a seat has.
 */
import { taxonomyEntry } from '../../../../src/domain/framework/taxonomy.ts';
import type { AmendmentOut, PositionOut, VersionOut } from '../../api/schemas.ts';

type Texts = Record<string, string>;

/** Languages that have text, the drafting language first, then the negotiation's order, then the rest. */
export function orderLanguages(texts: Texts, drafting: string, languages: readonly string[]): string[] {
  const present = Object.keys(texts).filter((l) => texts[l]?.trim());
  const rank = (l: string) => (l === drafting ? -1 : languages.includes(l) ? languages.indexOf(l) : languages.length);
  return present.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Texts as typed in a form, trimmed, without the languages left empty (sending them would store blanks). */
export function cleanTexts(texts: Texts): Texts {
  const out: Texts = {};
  for (const [l, v] of Object.entries(texts)) if (v.trim() !== '') out[l] = v.trim();
  return out;
}

/**
 * The likely language of a short free text (a reason, a justification) among the
 * negotiation's languages, told by its script: enough to give it the right font and
 * direction, where a statistical detector would add megabytes to the web app. Null when
 * the script matches none of them.
 */
export function likelyLanguage(text: string, languages: readonly string[]): string | null {
  const has = (re: RegExp) => re.test(text);
  const first = (...ls: string[]) => ls.find((l) => languages.includes(l)) ?? null;
  if (has(/\p{Script=Arabic}/u)) return has(/[ٹڈڑںےۓھ]/u) ? first('ur', 'ar', 'fa') : first('ar', 'ur', 'fa');
  if (has(/\p{Script=Cyrillic}/u)) return has(/[іїєґ]/iu) ? first('uk', 'ru') : first('ru', 'uk');
  if (has(/\p{Script=Latin}/u)) return languages.find((l) => ['en', 'fr', 'de', 'es', 'it', 'pt', 'tr', 'pl'].includes(l)) ?? null;
  return null;
}

/** A PA-X tag as its label path ("Security sector › Ceasefire"); a negotiation's own slug, humanized. */
export function tagLabel(tag: string): string {
  const human = (slug: string) => {
    const words = slug.replaceAll('-', ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  };
  const [head = tag, issue] = tag.split('/');
  const parent = taxonomyEntry(head)?.label ?? human(head);
  if (!issue) return parent;
  return `${parent} › ${taxonomyEntry(tag)?.label ?? human(issue)}`;
}

export interface NumberInVersion { versionId: string; seqNo: number; label: string; number: string | null }

/** The point's number in each version, oldest first; null where the point was not in it. */
export function numbersAcrossVersions(versions: readonly Pick<VersionOut, 'id' | 'seqNo' | 'label' | 'points'>[], pointId: string): NumberInVersion[] {
  return [...versions]
    .sort((a, b) => a.seqNo - b.seqNo)
    .map((v) => ({ versionId: v.id, seqNo: v.seqNo, label: v.label, number: v.points.find((p) => p.pointId === pointId)?.number ?? null }));
}

export type LanguageChange = 'unchanged' | 'changed' | 'added' | 'removed';

/** How each language's text changed from `before` (an earlier version) to `after` (now). */
export function compareTexts(before: Texts, after: Texts, order: readonly string[]): { lang: string; change: LanguageChange }[] {
  const langs = [...new Set([...order, ...Object.keys(after), ...Object.keys(before)])].filter((l) => before[l]?.trim() || after[l]?.trim());
  return langs.map((lang) => {
    const b = before[lang]?.trim() ? before[lang] : null;
    const a = after[lang]?.trim() ? after[lang] : null;
    const change: LanguageChange = b === null ? 'added' : a === null ? 'removed' : a === b ? 'unchanged' : 'changed';
    return { lang, change };
  });
}

/**
 * The version to compare against first: the most recent one whose text of this point
 * differs from now (that is where something happened), else the most recent one.
 */
export function defaultCompareVersion(versions: readonly Pick<VersionOut, 'id' | 'seqNo' | 'points'>[], pointId: string, now: Texts): string | null {
  const newestFirst = [...versions].sort((a, b) => b.seqNo - a.seqNo);
  const differs = newestFirst.find((v) => {
    const p = v.points.find((x) => x.pointId === pointId);
    return !p || compareTexts(p.texts, now, []).some((c) => c.change !== 'unchanged');
  });
  return (differs ?? newestFirst[0])?.id ?? null;
}

/** Each party's latest position on the point (by seq), null where none is visible to me. */
export function latestByParty(positions: readonly PositionOut[], pointId: string, partyIds: readonly string[]): Map<string, PositionOut | null> {
  const out = new Map<string, PositionOut | null>(partyIds.map((p) => [p, null]));
  for (const p of positions) {
    if (p.pointId !== pointId || p.amendmentId !== null) continue;
    const seen = out.get(p.partyId);
    if (!seen || p.seq > seen.seq) out.set(p.partyId, p);
  }
  return out;
}

export interface HistoryEntry { position: PositionOut; previousLevel: PositionOut['level'] | null; levelChanged: boolean }

/** Position history per party, oldest first, each entry knowing whether the level moved. */
export function historyByParty(history: readonly PositionOut[]): Map<string, HistoryEntry[]> {
  const out = new Map<string, HistoryEntry[]>();
  for (const p of [...history].sort((a, b) => a.seq - b.seq)) {
    const list = out.get(p.partyId) ?? [];
    const prev = list.at(-1)?.position.level ?? null;
    list.push({ position: p, previousLevel: prev, levelChanged: prev !== null && prev !== p.level });
    out.set(p.partyId, list);
  }
  return out;
}

/** The amendments that concern this point: those on it, and an accepted insertion that created it. */
export function amendmentsOfPoint(amendments: readonly AmendmentOut[], pointId: string): AmendmentOut[] {
  const order: Record<AmendmentOut['status'], number> = { proposed: 0, draft: 1, accepted: 2, rejected: 3, withdrawn: 4 };
  return amendments
    .filter((a) => a.pointId === pointId || a.resultPointId === pointId)
    .sort((a, b) => order[a.status] - order[b.status] || b.createdAt.localeCompare(a.createdAt));
}

export type AmendmentAction = 'propose' | 'withdraw' | 'reject' | 'accept';

/**
 * What my seat may do with an amendment, mirroring the server's permission table (the
 * server refuses anyway; this only hides buttons that would be refused).
 */
export function amendmentActions(a: Pick<AmendmentOut, 'status' | 'partyId'>, me: { role: string; partyId: string | null }): AmendmentAction[] {
  if (me.role === 'mediator') return a.status === 'proposed' ? ['accept', 'reject'] : [];
  const ownSpeaker = me.partyId === a.partyId && (me.role === 'principal' || me.role === 'negotiator');
  if (!ownSpeaker) return [];
  if (a.status === 'draft') return ['propose', 'withdraw'];
  if (a.status === 'proposed') return ['withdraw'];
  return [];
}

/** Whether my seat may draft an amendment for its party (advisors draft; principals and negotiators also propose). */
export function mayDraftAmendment(me: { role: string; partyId: string | null }): boolean {
  return me.partyId !== null && ['principal', 'negotiator', 'advisor'].includes(me.role);
}
