/**
 * The review of an imported report as plain data: one row per quotation the server found,
 * what the reviewer decided about it, and the one request that records the accepted ones.
 */
import type { CandidateOut, ReportPreviewOut } from '../../../../src/protocol/statements.schema.ts';
import type { Stance } from './statements.ts';

export interface ReportMeta {
  title: string;
  publisher: string;
  url: string;
  date: string;
  /** '' = let the server detect it. */
  lang: string;
  visibility: 'public' | 'parties';
}

export interface ReviewRow {
  candidate: CandidateOut;
  accepted: boolean;
  personId: string;
  speakerAsNamed: string;
  pointIds: string[];
  stance: Stance | '';
  translationLang: string;
  translation: string;
}

/** Everything found starts accepted, except what the feed already holds. */
export function initialRows(preview: ReportPreviewOut, translationLang: string): ReviewRow[] {
  return preview.candidates.map((c) => ({
    candidate: c, accepted: c.duplicateOf === null, personId: c.personId ?? '', speakerAsNamed: c.mention ?? c.speaker ?? '',
    pointIds: [], stance: c.stance?.level ?? '', translationLang: translationLang === c.lang ? '' : translationLang, translation: '',
  }));
}

export type ReviewProblem = 'none_accepted' | 'date' | 'url';

export function importBody(meta: ReportMeta, preview: ReportPreviewOut, text: string, rows: readonly ReviewRow[]) {
  const accepted = rows.filter((r) => r.accepted);
  if (accepted.length === 0) return { ok: false as const, problem: 'none_accepted' as ReviewProblem };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) return { ok: false as const, problem: 'date' as ReviewProblem };
  const url = meta.url.trim();
  if (url && !/^https?:\/\/\S+$/i.test(url)) return { ok: false as const, problem: 'url' as ReviewProblem };
  return {
    ok: true as const,
    body: {
      report: { title: meta.title.trim(), publisher: meta.publisher.trim(), url, date: meta.date, lang: preview.lang, format: preview.format, text, visibility: meta.visibility },
      statements: accepted.map((r) => ({
        personId: r.personId || null, speakerAsNamed: r.speakerAsNamed.trim(), quote: r.candidate.quote, lang: r.candidate.lang, kind: r.candidate.kind,
        line: r.candidate.line, pointIds: r.pointIds, stance: r.stance === '' ? null : r.stance,
        translations: r.translationLang && r.translation.trim() && r.translationLang !== r.candidate.lang ? { [r.translationLang]: r.translation.trim() } : {},
      })),
    },
  };
}
