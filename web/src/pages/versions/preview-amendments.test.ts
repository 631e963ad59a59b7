import { describe, expect, it } from 'vitest';
import type { ComparablePoint } from '../../../../src/domain/versions/compare-versions.ts';
import { previewAmendments } from './preview-amendments.ts';

const working: ComparablePoint[] = [
  { pointId: 'a', number: '1', sectionId: 's1', texts: { en: 'One.', ur: 'ایک' } },
  { pointId: 'b', number: '2', sectionId: 's1', texts: { en: 'Two.' } },
  { pointId: 'c', number: '3', sectionId: 's2', texts: { en: 'Three.' } },
];
const amendment = (over: Partial<Parameters<typeof previewAmendments>[1][number]> & { id: string }) =>
  ({ kind: 'replace' as const, pointId: null, texts: {}, baseTexts: null, afterPointId: null, number: null, ...over });
const read = (r: ReturnType<typeof previewAmendments>) => r.points.map((p) => `${p.number}:${p.pointId}:${p.texts.en}`);

describe('previewAmendments', () => {
  it('replaces the text of the languages given and keeps the others', () => {
    const r = previewAmendments(working, [amendment({ id: 'x', pointId: 'a', texts: { en: 'One, amended.' }, baseTexts: working[0]!.texts })]);
    expect(r.points[0]!.texts).toEqual({ en: 'One, amended.', ur: 'ایک' });
    expect(r.problems.size).toBe(0);
  });

  it('inserts after a point, in its section, and renumbers', () => {
    const r = previewAmendments(working, [amendment({ id: 'x', kind: 'insert', afterPointId: 'b', texts: { en: 'New.' } })]);
    expect(read(r)).toEqual(['1:a:One.', '2:b:Two.', '3:new:x:New.', '4:c:Three.']);
    expect(r.points[2]!.sectionId).toBe('s1');
  });

  it('inserts first when no point is named', () => {
    const r = previewAmendments(working, [amendment({ id: 'x', kind: 'insert', texts: { en: 'New.' } })]);
    expect(read(r)[0]).toBe('1:new:x:New.');
  });

  it('deletes and moves, renumbering what follows', () => {
    const r = previewAmendments(working, [
      amendment({ id: 'x', kind: 'delete', pointId: 'a' }),
      amendment({ id: 'y', kind: 'move', pointId: 'c', afterPointId: null }),
    ]);
    expect(read(r)).toEqual(['1:c:Three.', '2:b:Two.']);
  });

  it('flags a replacement written against text that has changed since', () => {
    const r = previewAmendments(working, [amendment({ id: 'x', pointId: 'b', texts: { en: 'Mine.' }, baseTexts: { en: 'Two (older).' } })]);
    expect(r.problems.get('x')).toBe('stale');
    expect(read(r)).toEqual(['1:a:One.', '2:b:Two.', '3:c:Three.']);
  });

  it('flags an amendment whose point an earlier one in the batch removed, and a second replacement of one point', () => {
    const r = previewAmendments(working, [
      amendment({ id: 'x', kind: 'delete', pointId: 'b' }),
      amendment({ id: 'y', pointId: 'b', texts: { en: 'Mine.' } }),
      amendment({ id: 'z', pointId: 'a', texts: { en: 'First.' }, baseTexts: working[0]!.texts }),
      amendment({ id: 'w', pointId: 'a', texts: { en: 'Second.' }, baseTexts: working[0]!.texts }),
    ]);
    expect(r.problems).toEqual(new Map([['y', 'missing'], ['w', 'stale']]));
    expect(read(r)).toEqual(['1:a:First.', '2:c:Three.']);
  });

  it('keeps numbers the drafters chose (not plain integers)', () => {
    const lettered = [{ ...working[0]!, number: '1a' }, working[1]!];
    const r = previewAmendments(lettered, [amendment({ id: 'x', kind: 'insert', texts: { en: 'New.' }, number: '0' })]);
    expect(r.points.map((p) => p.number)).toEqual(['0', '1a', '2']);
  });
});
