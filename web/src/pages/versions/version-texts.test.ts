import { describe, expect, it } from 'vitest';
import { chosenLanguages, coverage, pendingByPoint } from './version-texts.ts';

const points: { pointId: string; texts: Record<string, string> }[] = [
  { pointId: 'a', texts: { en: 'Ceasefire.', ur: 'جنگ بندی۔' } },
  { pointId: 'b', texts: { en: 'Prisoners are exchanged.', ur: '' } },
  { pointId: 'c', texts: { en: 'Elections within a year.' } },
];

describe('the languages of a version side by side', () => {
  it('counts each language\'s texts, drafting language first, blank texts not counted', () => {
    expect(coverage(points, ['ur', 'ru', 'en'], 'en')).toEqual([
      { lang: 'en', present: 3, total: 3 }, { lang: 'ur', present: 1, total: 3 }, { lang: 'ru', present: 0, total: 3 },
    ]);
  });

  it('shows the languages asked for, in the negotiation\'s order, else every language with text', () => {
    const cover = coverage(points, ['en', 'ur', 'ru'], 'en');
    expect(chosenLanguages('ur,en,fr', cover)).toEqual(['en', 'ur']);
    expect(chosenLanguages(null, cover)).toEqual(['en', 'ur']);
    expect(chosenLanguages('', coverage([], ['en', 'ur'], 'ur'))).toEqual(['ur']);
  });

  it('marks pending translations only where the working text still reads as the version', () => {
    const working = [
      { id: 'a', texts: { en: 'Ceasefire.', ur: 'جنگ بندی۔' }, translationStatus: { en: 'current', ur: 'pending' } as Record<string, 'current' | 'pending'> },
      { id: 'b', texts: { en: 'Prisoners are exchanged within 30 days.', ur: '' }, translationStatus: { en: 'current', ur: 'pending' } as Record<string, 'current' | 'pending'> },
    ];
    const pending = pendingByPoint(points, working);
    expect([...pending.keys()]).toEqual(['a']);
    expect([...pending.get('a')!]).toEqual(['ur']);
  });
});
