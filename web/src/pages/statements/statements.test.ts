import { describe, expect, it } from 'vitest';
import type { StatementOut } from '../../api/schemas.ts';
import { NO_FILTERS, applyDateRange, discrepancies, emptyStatementDraft, filtersFrom, filtersTo, safeHref, serverQuery, statementBody } from './statements.ts';

const s = (date: string, quote: string): StatementOut => ({
  id: quote, personId: null, speakerAsNamed: 'x', partyId: 'ru', quote, lang: 'ur', translations: {}, kind: 'speech',
  source: { title: '', publisher: '', url: '', line: null }, date, pointIds: [], stance: null,
});

describe('filters', () => {
  it('asks the server for person, party and point only', () => {
    expect(serverQuery(NO_FILTERS)).toBe('');
    expect(serverQuery({ ...NO_FILTERS, personId: 'p', pointId: 'q', from: '2025-01-01' })).toBe('?personId=p&pointId=q');
  });
  it('applies the date range inclusively, newest first, stable within a day', () => {
    const list = [s('2025-12-01', 'a'), s('2025-12-03', 'b'), s('2025-12-03', 'c'), s('2025-11-30', 'd')];
    expect(applyDateRange(list, { from: '', to: '' }).map((x) => x.quote)).toEqual(['b', 'c', 'a', 'd']);
    expect(applyDateRange(list, { from: '2025-12-01', to: '2025-12-01' }).map((x) => x.quote)).toEqual(['a']);
    expect(applyDateRange(list, { from: '2025-12-02', to: '' }).map((x) => x.quote)).toEqual(['b', 'c']);
  });
  it('round-trips through the address, ignoring malformed dates', () => {
    const f = { personId: 'p', partyId: '', pointId: 'q', from: '2025-12-01', to: '' };
    expect(filtersFrom(new URLSearchParams(filtersTo(f)))).toEqual(f);
    expect(filtersFrom(new URLSearchParams('from=yesterday'))).toEqual(NO_FILTERS);
  });
});

describe('discrepancies', () => {
  const positions = [
    { partyId: 'ru', pointId: 'guarantees', level: 'wording' as const, visibility: 'mediator' as const },
    { partyId: 'ru', pointId: 'non-aggression', level: 'discuss' as const, visibility: 'parties' as const },
    { partyId: 'ua', pointId: 'donbas', level: 'reject' as const, visibility: 'parties' as const },
  ];
  it('flags each point where the stance differs from the same party\'s visible position', () => {
    const d = discrepancies({ partyId: 'ru', pointIds: ['non-aggression', 'guarantees'], stance: 'discuss' }, positions);
    expect(d).toEqual([{ pointId: 'guarantees', position: positions[0] }]);
  });
  it('says nothing without a stance, a party, or a position the viewer may see', () => {
    expect(discrepancies({ partyId: 'ru', pointIds: ['guarantees'], stance: null }, positions)).toEqual([]);
    expect(discrepancies({ partyId: null, pointIds: ['guarantees'], stance: 'accept' }, positions)).toEqual([]);
    expect(discrepancies({ partyId: 'ru', pointIds: ['donbas'], stance: 'accept' }, positions)).toEqual([]);
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
