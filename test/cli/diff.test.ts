/**
 * `parley diff OLD NEW` as a person runs it, on files only: every output format on the
 * English, Russian and Urdu pairs of test/fixtures/diff, .docx on both sides of the command,
 * and each bad input ending in one line and a non-zero exit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTrackedChanges } from '../../src/import/docx.ts';
import { expectOneLineError, repoRoot, runCli, tempDir } from '../helpers/cli.ts';

const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'diff', name);
let work: { path: string; remove(): void };
const file = (name: string) => join(work.path, name);

interface Op { op: string; text: string; oldStart: number; oldEnd: number; newStart: number; newEnd: number; moveId?: string }
interface Pair { old: string | null; new: string | null; kind: string; similarity: number; ops: Op[] }
interface Output { pairs: Pair[]; stats: { lang: string; oldPoints: number; newPoints: number; pairs: Record<string, number>; words: Record<string, number> } }

const links = (out: Output) => out.pairs.map((p) => `${p.old ?? '-'}->${p.new ?? '-'} ${p.kind}`);

/** The numbered points of a plain-text fixture, one paragraph each, as Word would hold them. */
async function docxFrom(textFile: string): Promise<Buffer> {
  const lines = readFileSync(textFile, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }));
}

beforeAll(async () => {
  work = tempDir('parley-diff-');
  writeFileSync(file('en-old.docx'), await docxFrom(fixture('en-old.txt')));
  const good = await docxFrom(fixture('en-old.txt'));
  writeFileSync(file('corrupt.docx'), good.subarray(0, Math.floor(good.length / 2)));
  // What Word writes for a .docx with a password: an OLE compound file holding an EncryptedPackage stream.
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  writeFileSync(file('locked.docx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016), name, Buffer.alloc(2048 - name.length)]));
  writeFileSync(file('no-points.docx'), await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Minutes of the meeting.'), new Paragraph('Nothing was agreed.')] }] })));
  writeFileSync(file('move-old.txt'), '1. The ceasefire starts at midnight. Heavy weapons are withdrawn fifteen kilometres from the line. Monitors report every week.\n2. Prisoners are exchanged.\n');
  writeFileSync(file('move-new.txt'), '1. The ceasefire starts at midnight. Monitors report every week. Heavy weapons are withdrawn fifteen kilometres from the line.\n2. Prisoners are exchanged.\n');
  writeFileSync(file('no-points.txt'), 'Minutes of the meeting.\nThe delegations met and exchanged views on the ceasefire.\n');
}, 60_000);

afterAll(() => work.remove());

describe('parley diff: outputs', () => {
  it('JSON: English pair matched by content, with ops at character offsets that rebuild both texts', async () => {
    const r = await runCli(['diff', fixture('en-old.txt'), fixture('en-new.md')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(links(out)).toEqual(['1->1 unchanged', '2->2 changed', '3->3 merged', '4->3 merged', '7->4 renumbered', '5->5 changed', '6->6 split', '6->7 split', '8->- removed', '-->8 added']);
    expect(Object.keys(out.pairs[0]!)).toEqual(['old', 'new', 'kind', 'similarity', 'ops']);
    expect(out.stats).toMatchObject({ lang: 'en', oldPoints: 8, newPoints: 8, pairs: { unchanged: 1, changed: 2, renumbered: 1, merged: 2, split: 2, added: 1, removed: 1 } });
    const changed = out.pairs[1]!;
    expect(changed.ops.filter((o) => o.op !== 'equal').map((o) => [o.op, o.text])).toEqual([['delete', 'Europe'], ['insert', 'the European Union']]);
    const oldText = 'A comprehensive non-aggression agreement will be concluded between Russia, Ukraine and Europe.';
    const newText = 'A comprehensive non-aggression agreement will be concluded between Russia, Ukraine and the European Union.';
    for (const o of changed.ops) {
      if (o.op !== 'insert') expect(oldText.slice(o.oldStart, o.oldEnd)).toBe(o.text);
      if (o.op !== 'delete') expect(newText.slice(o.newStart, o.newEnd)).toBe(o.text);
    }
    expect(changed.similarity).toBeGreaterThan(0.5);
    expect(changed.similarity).toBeLessThan(1);
    const added = out.pairs.find((p) => p.kind === 'added')!;
    expect(added.ops).toEqual([{ op: 'insert', text: 'The parties will cooperate on demining.', oldStart: 0, oldEnd: 0, newStart: 0, newEnd: 39 }]);
  });

  it('JSON: Russian pair — a point moved to the front, a split, an insertion', async () => {
    const r = await runCli(['diff', fixture('ru-old.txt'), fixture('ru-new.txt'), '--lang', 'ru']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(links(out)).toEqual(['4->1 renumbered', '1->2 renumbered', '2->3 changed', '3->4 split', '3->5 split', '-->6 added', '5->7 renumbered']);
    expect(out.pairs[2]!.ops.filter((o) => o.op !== 'equal').map((o) => [o.op, o.text])).toEqual([['delete', 'смешанная комиссия'], ['insert', 'миссия ОБСЕ']]);
  });

  it('Markdown: a readable redline with <del>/<ins> under a heading per link', async () => {
    const r = await runCli(['diff', fixture('en-old.txt'), fixture('en-new.md'), '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# en-old.txt → en-new.md');
    expect(r.stdout).toContain('## 2 → 2 (changed, similarity 0.82)');
    expect(r.stdout).toContain('Russia, Ukraine and <del>Europe</del><ins>the European Union</ins>.');
    expect(r.stdout).toContain('## 7 → 4 (renumbered, similarity 1.00)');
    expect(r.stdout).toContain('## 8 → — (removed)\n\n<del>European fighter jets will be stationed in Poland.</del>');
  });

  it('Markdown for the Urdu pair, written with --out', async () => {
    const out = file('ur.md');
    const r = await runCli(['diff', fixture('ur-old.txt'), fixture('ur-new.txt'), '--format', 'md', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('## 3 → 2 (merged, similarity 1.00)');
    expect(md).toContain('## 4 → 2 (merged, similarity 1.00)');
    expect(md).toContain('## 2 → 3 (renumbered, similarity 1.00)');
    expect(md).toContain('یہ معاہدہ قانونی طور پر پابند ہوگا<ins> اور اس کی نگرانی ایک امن کونسل کرے گی</ins>۔');
  });

  it('HTML: a standalone page, Urdu texts marked lang="ur" dir="rtl", ins/del styled, nothing fetched', async () => {
    const r = await runCli(['diff', fixture('ur-old.txt'), fixture('ur-new.txt'), '--format', 'html']);
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/<p lang="ur" dir="rtl">یوکرین کی خودمختاری/u);
    expect(html).toContain('<ins> اور اس کی نگرانی ایک امن کونسل کرے گی</ins>');
    expect(html).toMatch(/ins \{[^}]*background/u);
    expect(html).toMatch(/del \{[^}]*line-through/u);
    expect(html).not.toMatch(/\b(?:src|href)=|@import|url\(/u);
  });

  it('HTML for the Russian pair is left to right in Russian', async () => {
    const r = await runCli(['diff', fixture('ru-old.txt'), fixture('ru-new.txt'), '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<p lang="ru" dir="ltr">');
    expect(r.stdout).toContain('<del>смешанная комиссия</del><ins>миссия ОБСЕ</ins>');
  });

  it('a moved passage is a move (move-from/move-to with one id) in JSON and in HTML, not a deletion plus an insertion', async () => {
    const r = await runCli(['diff', file('move-old.txt'), file('move-new.txt')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(links(out)).toEqual(['1->1 changed', '2->2 unchanged']);
    const ops = out.pairs[0]!.ops;
    // No word is deleted or inserted (a full stop may be), one sentence moves.
    expect(ops.filter((o) => (o.op === 'insert' || o.op === 'delete') && /\p{L}/u.test(o.text))).toEqual([]);
    const from = ops.find((o) => o.op === 'move-from')!;
    const to = ops.find((o) => o.op === 'move-to')!;
    expect(from.moveId).toBe(to.moveId);
    expect(to.text).toBe(from.text);
    expect(to.text).toMatch(/Monitors report every week|Heavy weapons are withdrawn fifteen kilometres from the line/u);
    const html = await runCli(['diff', file('move-old.txt'), file('move-new.txt'), '--format', 'html']);
    expect(html.stdout).toContain(`<del class="moved" title="moved (${from.moveId!})">${from.text}</del>`);
    expect(html.stdout).toContain(`<ins class="moved" title="moved (${to.moveId!})">${to.text}</ins>`);
  });

  it('.docx in: the same alignment as the text file', async () => {
    const r = await runCli(['diff', file('en-old.docx'), fixture('en-new.md')]);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Output;
    expect(links(out)).toEqual(['1->1 unchanged', '2->2 changed', '3->3 merged', '4->3 merged', '7->4 renumbered', '5->5 changed', '6->6 split', '6->7 split', '8->- removed', '-->8 added']);
  });

  it('.docx out: real tracked changes, authored by the new file', async () => {
    const out = file('ru-redline.docx');
    const r = await runCli(['diff', fixture('ru-old.txt'), fixture('ru-new.txt'), '--format', 'docx', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const changes = await readTrackedChanges(readFileSync(out));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'deletion', text: 'смешанная комиссия', author: 'ru-new.txt' }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'insertion', text: 'миссия ОБСЕ', author: 'ru-new.txt' }));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'insertion', text: 'Стороны создают совместный фонд восстановления.' }));
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:ins ');
    expect(xml).toContain('<w:del ');
  });
});

describe('parley diff: bad input ends in one clear line', () => {
  const bad = async (args: string[], message: RegExp) => {
    const r = await runCli(['diff', ...args]);
    expect(expectOneLineError(r)).toMatch(message);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  };

  it('a missing file', () => bad([fixture('en-old.txt'), file('nowhere.txt')], /File not found: .*nowhere\.txt/u));
  it('a corrupt .docx', () => bad([file('corrupt.docx'), fixture('en-new.md')], /corrupt\.docx: .*damaged/u));
  it('a password-protected .docx', () => bad([file('locked.docx'), fixture('en-new.md')], /locked\.docx: .*password-protected/u));
  it('a text with no numbered points', () => bad([file('no-points.txt'), fixture('en-new.md')], /No numbered points found in .*no-points\.txt/u));
  it('a .docx with no numbered points', () => bad([fixture('en-old.txt'), file('no-points.docx')], /No numbered points/u));
  it('--lang that does not match the text', () => bad([fixture('en-old.txt'), fixture('en-new.md'), '--lang', 'ur'], /language given \(ur\) does not match .*en-old\.txt, whose text reads as "en"/u));
  it('two files in different languages', () => bad([fixture('ru-old.txt'), fixture('en-new.md')], /reads as "ru" but .*en-new\.md as "en"/u));
  it('an unknown format', () => bad([fixture('en-old.txt'), fixture('en-new.md'), '--format', 'pdf'], /Unknown format "pdf"; use one of json, md, html, docx/u));
  it('docx without --out', () => bad([fixture('en-old.txt'), fixture('en-new.md'), '--format', 'docx'], /--out/u));
});
