import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from './marks.ts';

const quotes = (par: string): string[] => findQuoteSpans(par).map((s) => par.slice(s.contentStart, s.contentEnd));

describe('findQuoteSpans', () => {
  it('reads every mark style', () => {
    expect(quotes('He said “we are ready” and left.')).toEqual(['we are ready']);
    expect(quotes('Он сказал: «Мы готовы».')).toEqual(['Мы готовы']);
    expect(quotes('Він сказав: „Ми готові“.')).toEqual(['Ми готові']);
    expect(quotes('انہوں نے کہا کہ ’’ہم تیار ہیں‘‘۔')).toEqual(['ہم تیار ہیں']);
    expect(quotes('انہوں نے کہا کہ ‘‘ہم تیار ہیں’’۔')).toEqual(['ہم تیار ہیں']);
    expect(quotes('Han sagde »vi er klar« i går.')).toEqual(['vi er klar']);
    expect(quotes('Il a dit ‹ oui › hier.')).toEqual(['oui']);
    expect(quotes('他说「我们准备好了」。')).toEqual(['我们准备好了']);
    expect(quotes("The headline read 'Talks end' on Monday.")).toEqual(['Talks end']);
  });

  it('keeps a quotation inside a quotation inside its outer one', () => {
    expect(quotes('Он заявил: «Это „красная линия“ для нас».')).toEqual(['Это „красная линия“ для нас']);
  });

  it('tells straight marks apart by what stands around them', () => {
    expect(quotes('He called it "useful" and "frank", then said "not far.')).toEqual(['useful', 'frank', 'not far.']);
  });

  it('runs a double mark left open to the end of the paragraph', () => {
    const spans = findQuoteSpans('Ushakov said: "Not far, that is certain.');
    expect(spans).toHaveLength(1);
    expect(spans[0]!.close).toBeNull();
  });

  it('does not take apostrophes for quotations', () => {
    expect(quotes("Trump's envoy didn't say; the allies' demands stand.")).toEqual([]);
    expect(quotes('Україна п’ятий раз відмовилась.')).toEqual([]);
  });
});
