import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePoints } from '../framework/parse-points.ts';
import { alignPoints, alignTokens, type AlignInputPoint } from './align.ts';

function fixturePoints(name: string): AlignInputPoint[] {
  const text = readFileSync(fileURLToPath(new URL(`../../../test/fixtures/diff/${name}`, import.meta.url)), 'utf8');
  return parsePoints(text).points;
}

/** "old->new kind" lines: the shape a reviewer reads, similarity left to its own assertions. */
function links(oldPoints: readonly AlignInputPoint[], newPoints: readonly AlignInputPoint[], lang?: string): string[] {
  return alignPoints(oldPoints, newPoints, lang === undefined ? {} : { lang }).map((p) => `${p.old ?? '-'}->${p.new ?? '-'} ${p.kind}`);
}

const pts = (...texts: string[]): AlignInputPoint[] => texts.map((text, i) => ({ number: String(i + 1), text }));

describe('alignPoints on hand-written pairs', () => {
  it('English: a changed, a merged, a moved, a split, a removed and an added point', () => {
    expect(links(fixturePoints('en-old.txt'), fixturePoints('en-new.md'))).toEqual([
      '1->1 unchanged',
      '2->2 changed',
      '3->3 merged',
      '4->3 merged',
      '7->4 renumbered',
      '5->5 changed',
      '6->6 split',
      '6->7 split',
      '8->- removed',
      '-->8 added',
    ]);
  });

  it('Russian: a point moved to the front, a rewritten clause, a split, an insertion before the last', () => {
    expect(links(fixturePoints('ru-old.txt'), fixturePoints('ru-new.txt'), 'ru')).toEqual([
      '4->1 renumbered',
      '1->2 renumbered',
      '2->3 changed',
      '3->4 split',
      '3->5 split',
      '-->6 added',
      '5->7 renumbered',
    ]);
  });

  it('Urdu: two points merged, reordered, one removed, one extended', () => {
    expect(links(fixturePoints('ur-old.txt'), fixturePoints('ur-new.txt'), 'ur')).toEqual([
      '1->1 unchanged',
      '3->2 merged',
      '4->2 merged',
      '2->3 renumbered',
      '5->- removed',
      '6->4 changed',
    ]);
  });

  it('reports similarity: 1 for the same text, below 1 for a change, the contained share for merges', () => {
    const pairs = alignPoints(fixturePoints('en-old.txt'), fixturePoints('en-new.md'));
    expect(pairs.find((p) => p.kind === 'unchanged')?.similarity).toBe(1);
    const changed = pairs.filter((p) => p.kind === 'changed');
    for (const p of changed) {
      expect(p.similarity).toBeGreaterThan(0.5);
      expect(p.similarity).toBeLessThan(1);
    }
    expect(pairs.filter((p) => p.kind === 'merged').map((p) => p.similarity)).toEqual([1, 1]);
    expect(pairs.filter((p) => p.kind === 'added' || p.kind === 'removed').every((p) => p.similarity === 0)).toBe(true);
  });

  it('matches by content, not by number: a revision numbered from 1 with a point dropped at the front', () => {
    const old = pts('Ceasefire along the whole line.', 'Exchange of all prisoners.', 'Elections within 100 days.');
    const revised = [{ number: '1', text: 'Exchange of all prisoners.' }, { number: '2', text: 'Elections within 100 days.' }];
    expect(links(old, revised)).toEqual(['1->- removed', '2->1 renumbered', '3->2 renumbered']);
  });

  it('tells apart points with the same words in another order', () => {
    const old = pts('Russia will not attack Ukraine under any circumstances.', 'Ukraine will not attack Russia under any circumstances.');
    const swapped = pts('Ukraine will not attack Russia under any circumstances.', 'Russia will not attack Ukraine under any circumstances.');
    expect(links(old, swapped)).toEqual(['2->1 renumbered', '1->2 renumbered']);
  });

  it('keeps a heavily rewritten point matched when it stays in place between unchanged ones', () => {
    const old = pts('The ceasefire starts at midnight.', 'A joint commission monitors the ceasefire and reports weekly to the parties.', 'This agreement is binding.');
    const revised = pts('The ceasefire starts at midnight.', 'An international mission monitors compliance and reports monthly to the parties.', 'This agreement is binding.');
    const pairs = alignPoints(old, revised);
    expect(pairs.map((p) => `${p.old}->${p.new} ${p.kind}`)).toEqual(['1->1 unchanged', '2->2 changed', '3->3 unchanged']);
    expect(pairs[1]!.similarity).toBeLessThan(0.5);
  });

  it('does not pair unrelated points: everything removed and added', () => {
    expect(links(pts('The ceasefire starts at midnight.'), pts('Elections will be held in spring.'))).toEqual(['1->- removed', '-->1 added']);
  });

  it('treats spacing differences as no change', () => {
    expect(links(pts('Ukraine  agrees\nnot to join NATO.'), pts('Ukraine agrees not to join NATO.'))).toEqual(['1->1 unchanged']);
  });

  it('pairs duplicated points in order', () => {
    expect(links(pts('Same.', 'Other text here.', 'Same.'), pts('Same.', 'Same.'))).toEqual(['1->1 unchanged', '2->- removed', '3->2 renumbered']);
  });

  it('keeps its judgement on a long document, where common words stop being candidates', () => {
    // 400 points built from a fixed word list (a deterministic generator, not random):
    // every point shares "the", "parties" and "shall" with every other.
    const words = Array.from({ length: 900 }, (_, i) => `term${i.toString(36)}`);
    const text = (k: number) => `The parties shall ${Array.from({ length: 14 }, (_, w) => words[(k * 7 + w * 131) % words.length]!).join(' ')} of the parties.`;
    const old = Array.from({ length: 400 }, (_, k) => ({ number: String(k + 1), text: text(k) }));
    const revised = old.map((p) => p.text);
    const moved = revised.splice(10, 1)[0]!.replace('The parties shall', 'Both parties must');
    revised.push(moved);
    revised.splice(149, 2, `${revised[149]!} ${revised[150]!}`); // old 151 and 152 merged
    const [a, b] = [old[300]!.text.slice(0, 60), old[300]!.text.slice(60)];
    revised.splice(revised.indexOf(old[300]!.text), 1, a, b); // old 301 split
    const pairs = alignPoints(old, revised.map((t, k) => ({ number: String(k + 1), text: t })));
    const of = (n: string) => pairs.filter((p) => p.old === n).map((p) => `${p.new} ${p.kind}`);
    expect(of('11')).toEqual(['400 changed']);
    expect(of('151')).toEqual(['150 merged']);
    expect(of('152')).toEqual(['150 merged']);
    expect(of('301')).toEqual(['299 split', '300 split']);
    expect(pairs.filter((p) => p.kind === 'added' || p.kind === 'removed')).toEqual([]);
    expect(pairs.filter((p) => p.kind === 'unchanged')).toHaveLength(10);
    expect(pairs.filter((p) => p.kind === 'renumbered')).toHaveLength(400 - 10 - 1 - 2 - 1);
  });

  it('handles empty sides', () => {
    expect(links([], pts('One.'))).toEqual(['-->1 added']);
    expect(links(pts('One.'), [])).toEqual(['1->- removed']);
    expect(alignPoints([], [])).toEqual([]);
  });

  it('tokenizes any script into folded words', () => {
    expect(alignTokens('Ukraine, NATO!')).toEqual(['ukraine', 'nato']);
    expect(alignTokens('Стороны прекращают огонь.')).toEqual(['стороны', 'прекращают', 'огонь']);
    expect(alignTokens('یوکرین کی خودمختاری', 'ur')).toEqual(['یوکرین', 'کی', 'خودمختاری']);
    expect(alignTokens('双方同意停火', 'zh').length).toBeGreaterThan(1);
  });
});
