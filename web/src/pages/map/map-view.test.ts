import { describe, expect, it } from 'vitest';
import type { EventOut, PointOut, SectionOut } from '../../api/schemas.ts';
import { digest, filtersFromSearch, filtersToSearch, groupRows, matchesPoint, tagLabel, tagOptions, type Row } from './map-view.ts';

const S1 = '11111111-1111-4111-8111-111111111111';
const S2 = '22222222-2222-4222-8222-222222222222';
const RU = '33333333-3333-4333-8333-333333333333';
const UA = '44444444-4444-4444-8444-444444444444';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const point = (n: number, over: Partial<PointOut> = {}): PointOut => ({
  id: id(n), number: String(n), sectionId: null, order: n, texts: { en: `Point ${String(n)} text` }, tags: [], illustrative: false, removed: false, revision: 1, flags: {}, translationStatus: {}, ...over,
});
const row = (n: number, status: Row['status'] = 'close'): Row => ({ pointId: id(n), number: String(n), status, missing: [], score: 0.5, cells: {} });
const section = (sid: string, order: number): SectionOut => ({ id: sid, title: { en: `Section ${String(order)}` }, order });
const event = (seq: number, type: string, payload: unknown): EventOut => ({ seq, at: '2025-12-02T10:00:00.000Z', actor: 'm', type, payload, visibility: 'parties', partyId: null, prevHash: '0'.repeat(64), hash: '0'.repeat(64) });

describe('filters in the URL', () => {
  it('round-trip, and ignore what they do not understand', () => {
    const f = { q: 'ceasefire line', status: 'blocked' as const, tag: 'security-sector/ceasefire', parties: [RU, UA] };
    expect(filtersFromSearch(filtersToSearch(f))).toEqual(f);
    expect(filtersToSearch({ q: '', status: null, tag: null, parties: null }).toString()).toBe('');
    expect(filtersFromSearch(new URLSearchParams('status=nonsense&tag='))).toEqual({ q: '', status: null, tag: null, parties: null });
    // Every party unticked is a real choice (no columns), not "all".
    expect(filtersFromSearch(new URLSearchParams('parties=')).parties).toEqual([]);
  });
});

describe('matchesPoint', () => {
  const none = { q: '', status: null, tag: null, parties: null };
  it('filters by status, by tag (an issue matches its category) and by text, ignoring case and accents', () => {
    const p = point(7, { tags: ['security-sector/ceasefire'], texts: { en: 'Ceasefire along the line', ru: 'Прекращение огня' } });
    expect(matchesPoint(row(7, 'blocked'), p, { ...none, status: 'blocked' })).toBe(true);
    expect(matchesPoint(row(7, 'close'), p, { ...none, status: 'blocked' })).toBe(false);
    expect(matchesPoint(row(7), p, { ...none, tag: 'security-sector' })).toBe(true);
    expect(matchesPoint(row(7), p, { ...none, tag: 'security-sector/ceasefire' })).toBe(true);
    expect(matchesPoint(row(7), p, { ...none, tag: 'security' })).toBe(false);
    expect(matchesPoint(row(7), p, { ...none, q: 'CEASEFIRE' })).toBe(true);
    expect(matchesPoint(row(7), p, { ...none, q: 'огня' })).toBe(true);
    expect(matchesPoint(row(7), point(7, { texts: { fr: 'Cessez-le-feu général' } }), { ...none, q: 'general' })).toBe(true);
    expect(matchesPoint(row(7), p, { ...none, q: '7' })).toBe(true);
    expect(matchesPoint(row(7), p, { ...none, q: 'elections' })).toBe(false);
  });
});

describe('groupRows', () => {
  it('groups rows by section in section order, keeping map order inside, loose points last', () => {
    const points = new Map([point(1, { sectionId: S2 }), point(2, { sectionId: S1 }), point(3), point(4, { sectionId: S2 })].map((p) => [p.id, p]));
    const groups = groupRows([row(1), row(2), row(3), row(4)], points, [section(S2, 2), section(S1, 1)]);
    expect(groups.map((g) => [g.section?.id ?? null, g.rows.map((r) => r.number)])).toEqual([[S1, ['2']], [S2, ['1', '4']], [null, ['3']]]);
  });
});

describe('tags', () => {
  it('reads PA-X tags by their labels and makes a negotiation\'s own slugs readable', () => {
    expect(tagLabel('security-sector/ceasefire')).toBe('Security sector › Ceasefire');
    expect(tagLabel('security-sector')).toBe('Security sector');
    expect(tagLabel('alliances/nato-membership')).toBe('Alliances › Nato membership');
    expect(tagLabel('sanctions')).toBe('Sanctions');
  });
  it('offers every tag used plus each issue\'s category, sorted by label', () => {
    const opts = tagOptions([point(1, { tags: ['security-sector/ceasefire', 'sanctions'] }), point(2, { tags: ['sanctions'] })]);
    expect(opts.map((o) => o.tag)).toEqual(['sanctions', 'security-sector', 'security-sector/ceasefire']);
  });
});

describe('digest', () => {
  it("gathers positions per party into one line, and keeps the rest one line per event in order", () => {
    const pos = (seq: number, partyId: string, pointId: string | null) => event(seq, 'position.set', { position: { partyId, pointId } });
    const lines = digest([
      pos(1, RU, id(1)), event(2, 'version.created', { version: { id: S1, label: 'v3' } }), pos(3, RU, id(2)), pos(4, UA, id(1)), pos(5, RU, id(1)),
      event(6, 'point.edited', { pointId: id(2) }), event(7, 'round.scheduled', { round: { id: S2, title: { en: 'Moscow' } } }), pos(8, UA, null),
      event(9, 'member.added', { member: {} }),
    ]);
    expect(lines).toEqual([
      { kind: 'positions', partyId: RU, pointIds: [id(1), id(2)], count: 3 },
      { kind: 'version', versionId: S1, label: 'v3' },
      { kind: 'positions', partyId: UA, pointIds: [id(1)], count: 2 },
      { kind: 'point', action: 'edited', pointId: id(2) },
      { kind: 'round', action: 'scheduled', roundId: S2, title: { en: 'Moscow' } },
      { kind: 'other', type: 'member.added', actor: 'm' },
    ]);
  });
});
