import { describe, expect, it } from 'vitest';
import type { PositionLevel } from '../model.ts';
import { levelScore, overallAgreement, pointAgreement, pointStatuses, summarize, type PointStatus } from './agreement-status.ts';

const parties = ['RU', 'US', 'UA'];
const levels = (entries: Record<string, PositionLevel>) => new Map(Object.entries(entries));

describe('pointAgreement', () => {
  it('agreed: every party accepts', () => {
    expect(pointAgreement(parties, levels({ RU: 'accept', US: 'accept', UA: 'accept' }))).toEqual({ status: 'agreed', missing: [], score: 1 });
  });

  it('blocked: any red line, whatever the others say', () => {
    expect(pointAgreement(parties, levels({ RU: 'redline', US: 'accept', UA: 'accept' })).status).toBe('blocked');
    expect(pointAgreement(parties, levels({ RU: 'redline', US: 'reject', UA: 'reject' })).status).toBe('blocked');
    expect(pointAgreement(parties, levels({ RU: 'redline' })).status).toBe('blocked');
  });

  it('contested: a rejection and no red line', () => {
    expect(pointAgreement(parties, levels({ RU: 'reject', US: 'accept', UA: 'accept' })).status).toBe('contested');
    expect(pointAgreement(parties, levels({ UA: 'reject' })).status).toBe('contested');
  });

  it('close: nobody rejects, but not everyone has accepted', () => {
    expect(pointAgreement(parties, levels({ RU: 'discuss', US: 'accept', UA: 'accept' })).status).toBe('close');
    expect(pointAgreement(parties, levels({ RU: 'wording', US: 'accept', UA: 'accept' })).status).toBe('close');
  });

  it('silence is not consent: a missing party keeps a point from being agreed, and is listed', () => {
    const a = pointAgreement(parties, levels({ RU: 'accept', US: 'accept' }));
    expect(a).toEqual({ status: 'close', missing: ['UA'], score: (1 + 1 + 0.5) / 3 });
    expect(pointAgreement(parties, new Map())).toEqual({ status: 'close', missing: parties, score: 0.5 });
  });

  it('ignores positions of parties not at the table', () => {
    expect(pointAgreement(['RU'], levels({ RU: 'accept', XX: 'redline' }))).toEqual({ status: 'agreed', missing: [], score: 1 });
  });

  it('with no parties nothing is agreed', () => {
    expect(pointAgreement([], new Map())).toEqual({ status: 'close', missing: [], score: 0 });
  });

  it('scores the mean distance from yes', () => {
    expect(levelScore).toEqual({ accept: 1, discuss: 0.75, wording: 0.5, reject: 0.15, redline: 0 });
    expect(pointAgreement(parties, levels({ RU: 'redline', US: 'discuss', UA: 'reject' })).score).toBeCloseTo((0 + 0.75 + 0.15) / 3, 10);
  });
});

describe('overallAgreement', () => {
  it('nothing is agreed until everything is agreed', () => {
    expect(overallAgreement(['agreed', 'agreed', 'agreed']).status).toBe('agreed');
    expect(overallAgreement(['agreed', 'agreed', 'close']).status).toBe('close');
  });

  it('takes the worst status of its points', () => {
    const cases: [PointStatus[], PointStatus][] = [
      [['agreed', 'contested', 'close'], 'contested'],
      [['blocked', 'agreed'], 'blocked'],
      [['close', 'contested', 'blocked', 'agreed'], 'blocked'],
      [['close'], 'close'],
    ];
    for (const [statuses, worst] of cases) expect(overallAgreement(statuses).status).toBe(worst);
  });

  it('an empty text is not an agreement', () => {
    expect(overallAgreement([])).toEqual({ status: 'close', counts: { agreed: 0, close: 0, contested: 0, blocked: 0 }, total: 0 });
  });

  it('counts points per status', () => {
    expect(overallAgreement(['agreed', 'close', 'close', 'blocked'])).toEqual({ status: 'blocked', counts: { agreed: 1, close: 2, contested: 0, blocked: 1 }, total: 4 });
  });
});

describe('summarize', () => {
  it('reads like "12 agreed · 5 close · 7 contested · 4 blocked"', () => {
    const statuses: PointStatus[] = [
      ...Array<PointStatus>(12).fill('agreed'), ...Array<PointStatus>(5).fill('close'),
      ...Array<PointStatus>(7).fill('contested'), ...Array<PointStatus>(4).fill('blocked'),
    ];
    expect(summarize(overallAgreement(statuses))).toBe('12 agreed · 5 close · 7 contested · 4 blocked');
    expect(summarize(overallAgreement([]))).toBe('0 agreed · 0 close · 0 contested · 0 blocked');
    expect(pointStatuses).toEqual(['agreed', 'close', 'contested', 'blocked']);
  });
});
