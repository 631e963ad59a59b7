import { describe, expect, it } from 'vitest';
import type { CandidateOut, ReportPreviewOut } from '../../../../src/protocol/statements.schema.ts';
import { importBody, initialRows, type ReportMeta } from './report-review.ts';

const P = '11111111-1111-4111-8111-111111111111';
const candidate = (over: Partial<CandidateOut>): CandidateOut => ({
  quote: 'مفید، تعمیری اور اہم', speaker: 'اوشاکوف', personId: P, partyId: null, kind: 'phrase', lang: 'ur', line: 4, start: 0, end: 5, endLine: 4,
  cue: 'کہا', via: 'name', mention: null, confidence: 0.9, stance: null, duplicateOf: null, ...over,
});
const preview = (cs: CandidateOut[]): ReportPreviewOut => ({ lang: 'ur', format: 'text', sha256: 'a'.repeat(64), lines: [], alreadyImported: null, candidates: cs });
const meta: ReportMeta = { title: ' Report ', publisher: '', url: '', date: '2025-12-03', lang: '', visibility: 'public' };

describe('report review', () => {
  it('starts with every new quotation accepted, its suggested stance and its person', () => {
    const rows = initialRows(preview([candidate({ stance: { level: 'discuss', cue: 'تعمیری', negated: false, start: 0, end: 1, hits: [] } }), candidate({ duplicateOf: P })]), 'en');
    expect(rows.map((r) => [r.accepted, r.stance, r.personId, r.translationLang])).toEqual([[true, 'discuss', P, 'en'], [false, '', P, 'en']]);
  });

  it('builds one request with the accepted quotations and the report', () => {
    const p = preview([candidate({}), candidate({ quote: 'other', line: 5 })]);
    const rows = initialRows(p, 'en');
    rows[0]!.translation = ' useful ';
    rows[1]!.accepted = false;
    const r = importBody(meta, p, 'TEXT', rows);
    expect(r).toEqual({ ok: true, body: {
      report: { title: 'Report', publisher: '', url: '', date: '2025-12-03', lang: 'ur', format: 'text', text: 'TEXT', visibility: 'public' },
      statements: [{ personId: P, speakerAsNamed: 'اوشاکوف', quote: 'مفید، تعمیری اور اہم', lang: 'ur', kind: 'phrase', line: 4, pointIds: [], stance: null, translations: { en: 'useful' } }],
    } });
  });

  it('needs an accepted quotation, a day and a web link if any', () => {
    const p = preview([candidate({})]);
    const rows = initialRows(p, 'en');
    expect(importBody(meta, p, 'T', rows.map((r) => ({ ...r, accepted: false })))).toEqual({ ok: false, problem: 'none_accepted' });
    expect(importBody({ ...meta, date: '' }, p, 'T', rows)).toEqual({ ok: false, problem: 'date' });
    expect(importBody({ ...meta, url: 'javascript:x' }, p, 'T', rows)).toEqual({ ok: false, problem: 'url' });
  });
});
