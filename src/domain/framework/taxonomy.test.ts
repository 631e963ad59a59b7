import { describe, expect, it } from 'vitest';
import { paxTaxonomy, slugify, TAG_PATTERN, taxonomyEntry } from './taxonomy.ts';

describe('paxTaxonomy', () => {
  it('has the 14 PA-X categories, each issue under a known category', () => {
    const categories = paxTaxonomy.filter((e) => e.parent === null);
    expect(categories).toHaveLength(14);
    expect(categories.map((c) => c.paxId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const tags = new Set(categories.map((c) => c.tag));
    for (const e of paxTaxonomy.filter((x) => x.parent !== null)) {
      expect(tags.has(e.parent!), e.tag).toBe(true);
      expect(e.tag.startsWith(`${e.parent!}/`)).toBe(true);
    }
  });

  it('has unique tags and PA-X ids, every tag a valid slug', () => {
    expect(new Set(paxTaxonomy.map((e) => e.tag)).size).toBe(paxTaxonomy.length);
    expect(new Set(paxTaxonomy.map((e) => e.paxId)).size).toBe(paxTaxonomy.length);
    for (const e of paxTaxonomy) expect(TAG_PATTERN.test(e.tag), e.tag).toBe(true);
  });

  it('finds entries by tag', () => {
    expect(taxonomyEntry('security-sector/ceasefire')).toEqual({ tag: 'security-sector/ceasefire', label: 'Ceasefire', paxId: 36, parent: 'security-sector' });
    expect(taxonomyEntry('state-definition/border-delimitation')?.paxId).toBe(98);
    expect(taxonomyEntry('governance/political-institutions')?.label).toBe('Political institutions (new or reformed)');
    expect(taxonomyEntry('no-such-tag')).toBeUndefined();
  });
});

describe('slugify', () => {
  it('makes lower-case slugs, dropping parentheses', () => {
    expect(slugify('Human rights and equality')).toBe('human-rights-and-equality');
    expect(slugify('Political institutions (new or reformed)')).toBe('political-institutions');
    expect(slugify('Children/youth')).toBe('children-youth');
    expect(slugify('  DDR  ')).toBe('ddr');
  });
});

describe('TAG_PATTERN', () => {
  it('accepts a negotiation\u2019s own tags in any script, lower case', () => {
    for (const ok of ['territory', 'security-sector/ceasefire', 'территория', 'نیٹو', 'donbas-2025']) expect(TAG_PATTERN.test(ok), ok).toBe(true);
  });

  it('refuses capitals, spaces, leading dashes and deeper paths', () => {
    for (const bad of ['Territory', 'security sector', '-x', 'a/b/c', 'a/', '/a', '']) expect(TAG_PATTERN.test(bad), bad).toBe(false);
  });
});
