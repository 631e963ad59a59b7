import { describe, expect, it } from 'vitest';
import { spellingVariants } from './spelling.ts';

const pairs = (text: string) => spellingVariants(text, 'en').map((s) => [s.original, s.alternative]);

describe('English spelling variants', () => {
  it('swaps per cent / percent and toward / towards, keeping capitalisation', () => {
    expect(pairs('A reduction of 50 per cent toward the line.')).toEqual([['per cent', 'percent'], ['toward', 'towards']]);
    expect(pairs('Percent figures; Towards peace; PER CENT.')).toEqual([['Percent', 'Per cent'], ['Towards', 'Toward'], ['PER CENT', 'PERCENT']]);
  });

  it('turns judgement into judgment, never the other way', () => {
    expect(pairs('in the judgement of the Parties')).toEqual([['judgement', 'judgment']]);
    expect(pairs('the judgment of the Court')).toEqual([]);
  });

  it('matches whole words only', () => {
    expect(pairs('percentage, towardness, per centum, Per Cent')).toEqual([]);
  });

  it('offers nothing outside English', () => {
    expect(spellingVariants('vers 50 per cent', 'fr')).toEqual([]);
  });
});
