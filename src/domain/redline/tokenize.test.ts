import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.ts';

/** What the segmenter gives on the whole text at once, the reference the piecewise, cached tokenizer must equal. */
function direct(text: string, lang?: string): [string, number][] {
  return Array.from(new Intl.Segmenter(lang ? [lang] : undefined, { granularity: 'word' }).segment(text), (s) => [s.segment, s.index]);
}

// Words and the characters that test the cutting rules: marks and joiners after spaces, NBSP,
// BOM, CJK punctuation, apostrophes and points between letters and digits.
const parts = ['peace', 'don’t', "can't", 'e.g', '3.5', '1,000', 'мир', 'Україна', 'امن', 'ذمہ\u200Cداری', '停火', '协议。', '生效，', ' ', '  ', '\n', '\u00A0', '\uFEFF', '\u0301', '\u200D', '\u200C', '\u00AD', '.', ',', '(', ')', '—', '_', '👍🏽', '🇺🇦', 'a', '1'];

describe('tokenize, piece by piece and cached', () => {
  it('gives the same tokens as segmenting the whole text at once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 40 }), fc.constantFrom(undefined, 'en', 'zh', 'ur'), (ps, lang) => {
        const text = ps.join('');
        // Twice: the second run reads the remembered pieces.
        for (let k = 0; k < 2; k++) expect(tokenize(text, lang).map((t) => [t.text, t.start])).toEqual(direct(text, lang));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same tokens on long texts, segmented in runs', () => {
    const text = Array.from({ length: 3000 }, (_, i) => parts[(i * 7) % parts.length]).join(' ');
    expect(tokenize(text).map((t) => [t.text, t.start])).toEqual(direct(text));
  });
});
