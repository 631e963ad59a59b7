import { describe, expect, it } from 'vitest';
import { accessLabel, eventDetail, shortHash } from './event-detail.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('eventDetail', () => {
  it('shows a position with its level, reason and point', () => {
    const position = { id: id(1), partyId: id(2), pointId: id(3), amendmentId: null, versionId: null, level: 'wording', reason: 'The wording on timing does not suit us.', visibility: 'party', setBy: id(4), at: '2025-12-02T10:00:00.000Z', previousId: null };
    expect(eventDetail({ type: 'position.set', payload: { position } })).toEqual({
      kind: 'position', level: 'wording', reason: 'The wording on timing does not suit us.', pointId: id(3), amendmentId: null, partyId: id(2),
    });
  });

  it('keeps a quote in its own language', () => {
    const statement = { id: id(1), personId: null, speakerAsNamed: '', partyId: null, quote: 'مفید', lang: 'ur', translations: {}, kind: 'phrase', source: { title: '', publisher: '', url: '', line: null }, date: '2025-12-03', pointIds: [], stance: null };
    expect(eventDetail({ type: 'statement.recorded', payload: { statement } })).toEqual({ kind: 'text', value: 'مفید', lang: 'ur' });
  });

  it('names the point a point event is about', () => {
    expect(eventDetail({ type: 'point.moved', payload: { pointId: id(5), order: 3, number: '7' } })).toEqual({ kind: 'point', pointId: id(5), number: '7' });
    expect(eventDetail({ type: 'point.removed', payload: { pointId: id(5) } })).toEqual({ kind: 'point', pointId: id(5), number: null });
  });

  it('shows nothing for a payload that does not match its type, or an unknown type', () => {
    expect(eventDetail({ type: 'position.set', payload: { position: { level: 'wording' } } })).toBeNull();
    expect(eventDetail({ type: 'something.new', payload: {} })).toBeNull();
    expect(eventDetail({ type: 'amendment.withdrawn', payload: { amendmentId: id(1), at: '2025-12-02T10:00:00.000Z' } })).toBeNull();
  });
});

describe('shortHash', () => {
  it('keeps twelve hex digits', () => {
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaaaaaa');
  });
});

describe('accessLabel', () => {
  it('reads a label from the detail, nothing else', () => {
    expect(accessLabel({ label: 'v3' })).toBe('v3');
    expect(accessLabel({ label: 3 })).toBeNull();
    expect(accessLabel(null)).toBeNull();
    expect(accessLabel('v3')).toBeNull();
  });
});
