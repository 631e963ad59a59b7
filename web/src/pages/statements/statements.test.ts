import { describe, expect, it } from 'vitest';
import { NO_FILTERS, emptyStatementDraft, filtersFrom, filtersTo, safeHref, serverQuery, statementBody } from './statements.ts';

const P = '11111111-1111-4111-8111-111111111111';
const Q = '22222222-2222-4222-8222-222222222222';

describe('filters', () => {
  it('asks the server for every filter, dates included', () => {
    expect(serverQuery(NO_FILTERS)).toBe('');
    expect(serverQuery({ ...NO_FILTERS, personId: P, pointId: Q, from: '2025-01-01' })).toBe(`?personId=${P}&pointId=${Q}&from=2025-01-01`);
    expect(serverQuery({ ...NO_FILTERS, reportId: P, to: '2025-12-31' })).toBe(`?reportId=${P}&to=2025-12-31`);
  });
  it('round-trips through the address, ignoring malformed dates and ids', () => {
    const f = { personId: P, partyId: '', pointId: Q, reportId: P, from: '2025-12-01', to: '' };
    expect(filtersFrom(new URLSearchParams(filtersTo(f)))).toEqual(f);
    expect(filtersFrom(new URLSearchParams('from=yesterday&person=x%27%20OR'))).toEqual(NO_FILTERS);
  });
});

describe('statementBody', () => {
  const d = emptyStatementDraft('ur', 'en', '2025-12-03');
  it('needs a speaker, a quote and a day', () => {
    expect(statementBody(d)).toEqual({ ok: false, problem: 'speaker' });
    expect(statementBody({ ...d, speakerAsNamed: 'اوشاکوف' })).toEqual({ ok: false, problem: 'quote' });
    expect(statementBody({ ...d, personId: 'p', quote: 'q', date: '3 Dec' })).toEqual({ ok: false, problem: 'date' });
    expect(statementBody({ ...d, personId: 'p', quote: 'q', line: '-1' })).toEqual({ ok: false, problem: 'line' });
    expect(statementBody({ ...d, personId: 'p', quote: 'q', url: 'javascript:alert(1)' })).toEqual({ ok: false, problem: 'url' });
  });
  it('builds the body, dropping a translation into the quote\'s own language', () => {
    const r = statementBody({ ...d, personId: 'p', quote: ' مفید ', translations: [{ lang: 'en', text: 'useful' }, { lang: 'ur', text: 'x' }], line: '4', stance: 'discuss' });
    expect(r).toEqual({ ok: true, body: {
      personId: 'p', speakerAsNamed: '', quote: 'مفید', lang: 'ur', translations: { en: 'useful' }, kind: 'speech',
      source: { title: '', publisher: '', url: '', line: 4 }, date: '2025-12-03', pointIds: [], stance: 'discuss',
    } });
  });
  it('links only http(s) sources', () => {
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref('seed:report.txt')).toBeNull();
    expect(safeHref('javascript:alert(1)')).toBeNull();
  });
});
