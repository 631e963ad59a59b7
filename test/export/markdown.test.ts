import { describe, expect, it } from 'vitest';
import { escapeMarkdown, redlineMarkdown } from '../../src/export/markdown.ts';
import { buildRedline, fileSlug } from '../../src/export/redline.ts';
import { sampleRedline, v1, v2 } from './fixtures.ts';

describe('redline Markdown', () => {
  it('strikes deletions, marks insertions and signs each change', () => {
    const md = redlineMarkdown(sampleRedline('en')).split('\n');
    expect(md).toContain('1\\. The parties agree to a <ins>complete</ins> ceasefire along the line of contact.');
    expect(md).toContain('~~2~~ <ins>3</ins>\\. ~~Prisoners~~ <ins>All prisoners</ins> are exchanged within ~~thirty~~<ins>sixty</ins> days.');
    expect(md).toContain('~~3~~\\. ~~A buffer zone is established.~~');
    expect(md).toContain('   <sub>Alphaland · 2026-03-07</sub>');
    expect(md).toContain('4\\. Elections are held within one year.');
    // An unchanged point is not signed.
    expect(md[md.indexOf('4\\. Elections are held within one year.') + 1]).toBe('');
  });

  it('keeps Urdu words whole inside the marks', () => {
    expect(redlineMarkdown(sampleRedline('ur'))).toContain('<ins>تمام</ins> قیدیوں کا تبادلہ ~~تیس~~<ins>ساٹھ</ins> دن کے اندر ہوگا۔');
  });

  it('escapes text that would otherwise read as markup, so a text cannot forge a change', () => {
    const forged = { ...v2, points: v2.points.map((p, i) => (i === 0 ? { ...p, texts: { en: 'Text with ~~fake~~ and <ins>forged</ins> *marks*.' } } : p)) };
    const md = redlineMarkdown(buildRedline({ a: v1, b: forged, title: {}, lang: 'en', amendments: [], parties: [], versionsBetween: new Set(), mediatorName: 'M' }));
    expect(md).not.toContain('<ins>forged</ins>');
    expect(md).not.toMatch(/[^\\]~~fake/u);
    expect(escapeMarkdown('a*b_c')).toBe('a\\*b\\_c');
  });

  it('makes file names from labels in any script, with nothing a header could misread', () => {
    expect(fileSlug('Revised draft (v2)')).toBe('Revised-draft-v2');
    expect(fileSlug('نظرثانی شدہ مسودہ')).toBe('نظرثانی-شدہ-مسودہ');
    expect(fileSlug('"; x=1\r\n')).toBe('x-1');
    expect(fileSlug('—')).toBe('version');
    // Vowel marks belong to their letters (Hindi, vocalised Arabic).
    expect(fileSlug('मसौदा')).toBe('मसौदा');
  });
});
