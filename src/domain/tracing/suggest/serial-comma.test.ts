import { describe, expect, it } from 'vitest';
import { serialCommaVariants } from './serial-comma.ts';

const pairs = (text: string) => serialCommaVariants(text, 'en').map((s) => [s.original, s.alternative]);

describe('serial comma', () => {
  it('adds and removes the comma before "and" / "or" in lists of three or more', () => {
    expect(pairs('The talks shall include Russia, Ukraine and the OSCE.')).toEqual([[', Ukraine and', ', Ukraine, and']]);
    expect(pairs('The talks shall include Russia, Ukraine, and the OSCE.')).toEqual([[', Ukraine, and', ', Ukraine and']]);
    expect(pairs('Each Party may appoint an envoy, a deputy or an adviser.')).toEqual([[', a deputy or', ', a deputy, or']]);
    expect(pairs('Observers from Poland, Germany, France and Italy attended.')).toEqual([[', France and', ', France, and']]);
  });

  it('gives a slot whose original is the text and whose alternative differs only by the comma', () => {
    const text = 'The ceasefire covers Donetsk, Luhansk and Zaporizhzhia.';
    const [s] = serialCommaVariants(text, 'en');
    expect(s).toBeDefined();
    expect(text.slice(s!.start, s!.end)).toBe(s!.original);
    expect(s!.alternative.replace(/,/gu, '')).toBe(s!.original.replace(/,/gu, ''));
    expect(s!.note).toBe('serial comma before “and” added');
  });

  it('offers nothing for two items, clauses, introductory phrases or appositives', () => {
    expect(pairs('Russia and Ukraine agree.')).toEqual([]);
    expect(pairs('The Parties met in Moscow, and the talks continued.')).toEqual([]);
    expect(pairs('Upon signature, the Parties and observers shall meet.')).toEqual([]);
    expect(pairs('However, Russia and Ukraine disagree.')).toEqual([]);
    expect(pairs('Yuri Ushakov, an adviser and envoy, said so.')).toEqual([]);
    expect(pairs('If the Parties agree, Russia shall withdraw and Ukraine shall hold elections.')).toEqual([]);
    expect(pairs('The envoys met Russia, the Special Monitoring Mission of the OSCE and Ukraine.')).toEqual([]);
  });

  it('does not cross sentences or read "and/or"', () => {
    expect(pairs('The Parties met in Moscow, Kyiv. Paris and Berlin followed.')).toEqual([]);
    expect(pairs('Russia, Ukraine and/or the OSCE shall meet.')).toEqual([]);
  });

  it('offers nothing outside English', () => {
    expect(serialCommaVariants('Россия, Украина и ОБСЕ.', 'ru')).toEqual([]);
  });
});
