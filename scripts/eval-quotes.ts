/**
 * `npm run eval:quotes`: quote extraction scored against answer keys. The seed report's key
 * is the table in src/demo/seed/README.md; the other keys sit beside their articles in
 * test/fixtures/quotes (<lang>-<name>.txt|html with <lang>-<name>.key.json). An extracted
 * quotation matches a key quotation on the same line whose words it shares (marks,
 * punctuation and spacing aside); its speaker is right when the resolved person (or the
 * speaker as named) shares a name word with the key's speaker. Quotations labelled
 * `reported` (headline paraphrases without marks) are optional: they do not count against
 * precision when the key omits them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractQuotes, type ExtractedQuote, type KnownPerson } from '../src/domain/quotes/extract-quotes.ts';
import { fold } from '../src/domain/quotes/fold.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const fixtures = join(root, 'test', 'fixtures', 'quotes');

export interface KeyQuote {
  line: number;
  speaker: string;
  quote: string;
}

export interface Case {
  name: string;
  lang: string;
  text: string;
  people?: KnownPerson[];
  key: KeyQuote[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  speakerRight: number;
}

export interface CaseResult extends Score {
  name: string;
  lang: string;
  misses: string[];
}

function words(s: string): string[] {
  const seg = new Intl.Segmenter(undefined, { granularity: 'word' });
  return Array.from(seg.segment(s.normalize('NFC'))).filter((x) => x.isWordLike === true).map((x) => fold(x.segment));
}

function sameText(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return false;
  const ja = wa.join(' ');
  const jb = wb.join(' ');
  if (ja.includes(jb) || jb.includes(ja)) return Math.min(wa.length, wb.length) / Math.max(wa.length, wb.length) >= 0.5;
  const sb = new Set(wb);
  const shared = wa.filter((w) => sb.has(w)).length;
  return shared / Math.max(wa.length, wb.length) >= 0.7;
}

function stem(w: string): string {
  return /\p{Script=Cyrillic}/u.test(w) ? w.replace(/(ого|ому|ым|им|ом|ой|ую|ая|ий|ый|ій|а|у|е|ы|и|я|ю)$/u, '') : w;
}

/** The key's speaker and the extracted one share a name word (surnames, inflection aside). */
export function sameSpeaker(key: string, got: string | null, people: readonly KnownPerson[] = []): boolean {
  if (got === null) return false;
  const expand = (name: string): Set<string> => {
    const all = new Set(words(name).filter((w) => w.length >= 3).map(stem));
    for (const p of people) {
      const names = [p.name, ...(p.aliases ?? [])];
      if (names.some((n) => fold(n) === fold(name))) for (const n of names) for (const w of words(n)) if (w.length >= 3) all.add(stem(w));
    }
    return all;
  };
  const a = expand(key);
  const b = expand(got);
  return [...a].some((w) => b.has(w));
}

export function scoreCase(c: Case): CaseResult {
  const got = extractQuotes(c.text, { people: c.people, lang: c.lang === 'und' ? undefined : undefined });
  const used = new Set<ExtractedQuote>();
  const misses: string[] = [];
  let tp = 0;
  let speakerRight = 0;
  for (const k of c.key) {
    const match = got.find((q) => !used.has(q) && q.line === k.line && sameText(q.quote, k.quote));
    if (match === undefined) {
      misses.push(`missed line ${k.line}: ${k.quote.slice(0, 50)}`);
      continue;
    }
    used.add(match);
    tp++;
    if (sameSpeaker(k.speaker, match.person ?? match.speaker, c.people)) speakerRight++;
    else misses.push(`speaker line ${k.line}: want ${k.speaker}, got ${match.person ?? match.speaker ?? 'none'}`);
  }
  const extra = got.filter((q) => !used.has(q) && q.kind !== 'reported');
  for (const q of extra) misses.push(`extra line ${q.line}: ${q.quote.slice(0, 50)}`);
  return { name: c.name, lang: c.lang, tp, fp: extra.length, fn: c.key.length - tp, speakerRight, misses };
}

/** The seed's key: the quotation table of src/demo/seed/README.md. */
export function seedCase(): Case {
  const dir = join(root, 'src', 'demo', 'seed');
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  const key: KeyQuote[] = [];
  for (const row of readme.split('\n')) {
    const cells = row.split('|').map((c) => c.trim());
    if (cells.length < 6 || !/^\d+$/u.test(cells[1] ?? '') || !/^\d+$/u.test(cells[2] ?? '')) continue;
    key.push({ line: Number(cells[2]), speaker: cells[3]!, quote: cells[5]! });
  }
  const text = readFileSync(join(dir, '000_d5d1f4a12c482239.txt'), 'utf8');
  const people = JSON.parse(readFileSync(join(fixtures, 'seed-people.json'), 'utf8')) as KnownPerson[];
  return { name: 'seed', lang: 'ur', text, people, key };
}

export function fixtureCases(): Case[] {
  const cases: Case[] = [];
  for (const file of readdirSync(fixtures).sort()) {
    const m = /^([a-z]{2})-(.+)\.(txt|html)$/u.exec(file);
    if (m === null) continue;
    const base = file.replace(/\.(txt|html)$/u, '');
    const key = JSON.parse(readFileSync(join(fixtures, `${base}.key.json`), 'utf8')) as { people?: KnownPerson[]; quotes: KeyQuote[] };
    cases.push({ name: base, lang: m[1]!, text: readFileSync(join(fixtures, file), 'utf8'), people: key.people, key: key.quotes });
  }
  return cases;
}

export function sum(results: readonly Score[]): Score {
  return results.reduce((a, r) => ({ tp: a.tp + r.tp, fp: a.fp + r.fp, fn: a.fn + r.fn, speakerRight: a.speakerRight + r.speakerRight }), { tp: 0, fp: 0, fn: 0, speakerRight: 0 });
}

export function metrics(s: Score): { precision: number; recall: number; f1: number; speaker: number } {
  const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, speaker: s.tp === 0 ? 1 : s.speakerRight / s.tp };
}

export function evaluate(): { cases: CaseResult[]; byLang: Map<string, Score>; overall: Score } {
  const cases = [seedCase(), ...fixtureCases()].map(scoreCase);
  const byLang = new Map<string, Score>();
  for (const r of cases) byLang.set(r.lang, sum([byLang.get(r.lang) ?? { tp: 0, fp: 0, fn: 0, speakerRight: 0 }, r]));
  return { cases, byLang, overall: sum(cases) };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function main(): void {
  const { cases, byLang, overall } = evaluate();
  const row = (label: string, s: Score): string => {
    const m = metrics(s);
    return `${label.padEnd(22)} ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}  P ${pct(m.precision).padStart(6)}  R ${pct(m.recall).padStart(6)}  F1 ${pct(m.f1).padStart(6)}  speaker ${pct(m.speaker).padStart(6)}`;
  };
  console.log(`${'case'.padEnd(22)}  tp  fp  fn`);
  for (const c of cases) {
    console.log(row(c.name, c));
    for (const miss of c.misses) console.log(`    ${miss}`);
  }
  console.log('');
  for (const [lang, s] of [...byLang].sort()) console.log(row(`lang ${lang}`, s));
  console.log(row('overall', overall));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
