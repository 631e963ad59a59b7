/**
 * The languages of one version side by side: which languages to show, how complete each is,
 * and, for a point the working text still reads the same, which of its languages wait for a
 * translation. Pure, so the page stays a layout of what this works out.
 */
import type { PointOut, VersionOut } from '../../api/schemas.ts';

type VersionPoint = VersionOut['points'][number];

export interface LanguageCoverage {
  lang: string;
  /** Points with a text in this language. */
  present: number;
  total: number;
}

/** Each language of the negotiation with how many of the version's points have a text in it, the drafting language first. */
export function coverage(points: readonly Pick<VersionPoint, 'texts'>[], languages: readonly string[], drafting: string): LanguageCoverage[] {
  const ordered = [drafting, ...languages.filter((l) => l !== drafting)].filter((l, i, all) => all.indexOf(l) === i);
  return ordered.map((lang) => ({
    lang, total: points.length,
    present: points.filter((p) => (p.texts[lang] ?? '').trim() !== '').length,
  }));
}

/** The languages asked for in the address ("en,ur"), kept to the negotiation's; by default every language the version has text in. */
export function chosenLanguages(param: string | null, cover: readonly LanguageCoverage[]): string[] {
  const known = cover.map((c) => c.lang);
  const asked = (param ?? '').split(',').map((s) => s.trim()).filter((l) => known.includes(l));
  if (asked.length > 0) return known.filter((l) => asked.includes(l));
  const withText = cover.filter((c) => c.present > 0).map((c) => c.lang);
  return withText.length > 0 ? withText : known.slice(0, 1);
}

/**
 * Translation status per point and language, where it applies to this version: only for a
 * point whose texts in the working text are still exactly the version's (otherwise the
 * working text's status says nothing about what the version holds).
 */
export function pendingByPoint(points: readonly Pick<VersionPoint, 'pointId' | 'texts'>[], working: readonly Pick<PointOut, 'id' | 'texts' | 'translationStatus'>[]): Map<string, Set<string>> {
  const byId = new Map(working.map((p) => [p.id, p]));
  const out = new Map<string, Set<string>>();
  for (const p of points) {
    const now = byId.get(p.pointId);
    if (!now || !sameTexts(now.texts, p.texts)) continue;
    const pending = Object.entries(now.translationStatus).filter(([, s]) => s === 'pending').map(([l]) => l);
    if (pending.length > 0) out.set(p.pointId, new Set(pending));
  }
  return out;
}

function sameTexts(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? '') !== (b[k] ?? '')) return false;
  return true;
}
