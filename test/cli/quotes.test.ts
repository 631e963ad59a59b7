/**
 * `parley quotes` as a person runs it, and the extractor's score against the answer keys
 * (the same numbers `npm run eval:quotes` prints): the seed's 13 quotations all found with
 * the right speaker, and no language below the bar on the keyed articles.
 */
import { randomBytes } from 'node:crypto';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, metrics } from '../../scripts/eval-quotes.ts';
import { expectOneLineError, repoRoot, runCli, tempDir } from '../helpers/cli.ts';

const seed = join(repoRoot, 'src', 'demo', 'seed', '000_d5d1f4a12c482239.txt');
const seedPeople = join(repoRoot, 'test', 'fixtures', 'quotes', 'seed-people.json');
let work: { path: string; remove(): void };
const file = (name: string) => join(work.path, name);

beforeAll(() => {
  work = tempDir('parley-quotes-');
  writeFileSync(file('empty.txt'), '');
  writeFileSync(file('binary.bin'), Buffer.concat([Buffer.from('GIF89a'), randomBytes(2048), Buffer.alloc(32)]));
  writeFileSync(file('huge.txt'), '');
  truncateSync(file('huge.txt'), 8 * 1024 * 1024);
  writeFileSync(file('people-bad.json'), JSON.stringify([{ party: 'Russia' }]));
  writeFileSync(file('people-broken.json'), '[{"name": "Putin"');
});
afterAll(() => work.remove());

describe('parley quotes', () => {
  it('prints the seed report’s quotations as JSON, resolved to the people given', async () => {
    const r = await runCli(['quotes', seed, '--people', seedPeople, '--json']);
    expect(r.code).toBe(0);
    const quotes = JSON.parse(r.stdout) as { quote: string; person: string | null; kind: string; line: number; start: number; end: number; lang: string }[];
    expect(quotes).toHaveLength(13);
    expect(quotes.map((q) => q.person)).toEqual([...Array<string>(9).fill('Yuri Ushakov'), ...Array<string>(4).fill('Vladimir Putin')]);
    expect(quotes[0]).toMatchObject({ quote: 'مفید، تعمیری اور اہم', kind: 'phrase', line: 4, lang: 'ur' });
    for (const q of quotes) expect(Object.keys(q)).toEqual(expect.arrayContaining(['quote', 'speaker', 'person', 'kind', 'line', 'start', 'end', 'lang']));
  });

  it('prints a readable table without --json', async () => {
    const r = await runCli(['quotes', seed]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('13 quotations.');
    expect(r.stdout).toMatch(/^4:\d+\tphrase\t/mu);
  });

  it('refuses bad input with one line', async () => {
    const cases: Promise<void>[] = [];
    for (const [args, says] of [
      [['quotes', file('missing.txt')], /not found/u],
      [['quotes', file('empty.txt')], /empty/u],
      [['quotes', file('binary.bin')], /not a UTF-8 text file/u],
      [['quotes', file('huge.txt')], /limit is 5 MB/u],
      [['quotes', seed, '--people', file('people-bad.json')], /not a people list/u],
      [['quotes', seed, '--people', file('people-broken.json')], /not valid JSON/u],
      [['quotes', seed, '--people', file('nobody.json')], /Cannot read the people file/u],
      [['quotes', seed, '--lang', 'Urdu!'], /not a language code/u],
    ] as const) {
      cases.push(runCli(args).then((r) => expect(expectOneLineError(r)).toMatch(says)));
    }
    await Promise.all(cases);
  });
});

describe('quote extraction against the answer keys', () => {
  const { cases, byLang, overall } = evaluate();

  it('finds all 13 seed quotations with the right speaker and nothing else', () => {
    const s = cases.find((c) => c.name === 'seed')!;
    expect(s.misses).toEqual([]);
    expect(s.speakerRight).toBe(13);
  });

  it('extracts nothing from the articles without quotations', () => {
    for (const c of cases.filter((x) => x.name.endsWith('-none'))) expect(c.fp, c.name).toBe(0);
  });

  it('scores F1 ≥ 0.9 and speakers ≥ 0.9 overall, and F1 ≥ 0.85 in every language', () => {
    const m = metrics(overall);
    expect(m.f1).toBeGreaterThanOrEqual(0.9);
    expect(m.speaker).toBeGreaterThanOrEqual(0.9);
    expect([...byLang.keys()].sort()).toEqual(['ar', 'en', 'fa', 'ru', 'uk', 'ur']);
    for (const [lang, s] of byLang) expect(metrics(s).f1, lang).toBeGreaterThanOrEqual(0.85);
  });
});
