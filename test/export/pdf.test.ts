/**
 * PDF printed by Chromium from the HTML view, read back with pdftotext: the Urdu comes out
 * as Urdu words (the fonts were embedded and the text shaped from real characters, not
 * boxes or presentation-form fallbacks), and the English redline keeps every word.
 *
 * Nastaliq sets each word on a descending slope, so pdftotext splits a word into pieces on
 * neighbouring "lines" and adds spaces inside words. Words are therefore looked for in the
 * output with spaces, line breaks and bidi marks taken out, and the test asks for nearly all
 * of them (a few letters of a slope land on a neighbouring line), not every one.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { redlineHtml, versionHtml } from '../../src/export/html-view.ts';
import { closePdfBrowser, htmlToPdf } from '../../src/export/pdf.ts';
import { versionDocument } from '../../src/export/redline.ts';
import { sampleRedline, v1, v2 } from './fixtures.ts';

const run = promisify(execFile);
const chromium = process.env.PARLEY_TEST_CHROMIUM?.trim() || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null);
const pdftotext = existsSync('/usr/bin/pdftotext') ? '/usr/bin/pdftotext' : null;
const required = process.env.PARLEY_REQUIRE_CHROMIUM === '1';
const ready = (chromium !== null && pdftotext !== null) || required;
if (!ready) console.warn(`skipped: PDF export tests (${chromium ? '' : 'no Chromium; '}${pdftotext ? '' : 'no pdftotext (apt-get install poppler-utils)'})`);

/** The text pdftotext reads, and pdffonts' list of the fonts embedded. */
async function pdfText(pdf: Buffer): Promise<{ text: string; fonts: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-pdf-'));
  try {
    await writeFile(join(dir, 'x.pdf'), pdf);
    const text = (await run(pdftotext ?? 'pdftotext', ['-enc', 'UTF-8', join(dir, 'x.pdf'), '-'])).stdout;
    const fonts = (await run(join(dirname(pdftotext ?? '/usr/bin/pdftotext'), 'pdffonts'), [join(dir, 'x.pdf')])).stdout;
    return { text, fonts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const squeeze = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu, '');
const arabicScriptWords = (texts: string[]) => [...new Set(texts.join(' ').split(/[\s۔،]+/u).filter((w) => /\p{Script=Arabic}/u.test(w)))];

describe.skipIf(!ready)('PDF export', () => {
  afterAll(closePdfBrowser);

  it('prints an Urdu version whose text pdftotext reads back as Urdu words', async () => {
    if (chromium) process.env.PARLEY_CHROMIUM_PATH ??= chromium;
    const pdf = await htmlToPdf(versionHtml(versionDocument(v2, { ur: 'آزمائشی مذاکرات' }, 'ur')));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, fonts } = await pdfText(pdf);
    // Shaped in Nastaliq, the face Urdu is read in, embedded in the file.
    expect(fonts).toMatch(/NotoNastaliqUrdu.*yes/u);
    // No Arabic presentation forms: every glyph maps back to the real letters it was shaped from.
    expect(text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF\uFFFD]/u);
    const out = squeeze(text);
    expect(out).toContain('آزمائشیمذاکرات');
    const words = arabicScriptWords(v2.points.map((p) => p.texts.ur!));
    const found = words.filter((w) => out.includes(w));
    expect(found.length / words.length).toBeGreaterThanOrEqual(0.85);
  }, 60_000);

  it('prints Arabic in Naskh, its words read back', async () => {
    const text = 'يتفق الطرفان على وقف شامل لإطلاق النار على طول خط التماس.';
    const ar = { ...v2, points: [{ ...v2.points[0]!, texts: { ar: text } }] };
    const { text: out, fonts } = await pdfText(await htmlToPdf(versionHtml(versionDocument(ar, { ar: 'محادثات تجريبية' }, 'ar'))));
    expect(fonts).toMatch(/NotoNaskhArabic.*yes/u);
    expect(fonts).not.toMatch(/Nastaliq/u);
    expect(squeeze(out)).toContain('محادثاتتجريبية');
    const words = arabicScriptWords([text.replace(/\.$/u, '')]);
    expect(words.filter((w) => squeeze(out).includes(w)).length / words.length).toBeGreaterThanOrEqual(0.85);
  }, 60_000);

  it('prints a redline with both sides of every change, in English and in Urdu', async () => {
    if (chromium) process.env.PARLEY_CHROMIUM_PATH ??= chromium;
    const en = (await pdfText(await htmlToPdf(redlineHtml(sampleRedline('en'))))).text;
    for (const s of ['First draft → Revised draft', 'thirty', 'sixty', 'A buffer zone is established.', 'A joint commission meets monthly.', 'Alphaland']) expect(en).toContain(s);
    const ur = squeeze((await pdfText(await htmlToPdf(redlineHtml(sampleRedline('ur'))))).text);
    const words = arabicScriptWords([...v1.points, ...v2.points].map((p) => p.texts.ur!));
    expect(words.filter((w) => ur.includes(w)).length / words.length).toBeGreaterThanOrEqual(0.85);
    for (const w of ['تیس', 'ساٹھ']) expect(ur).toContain(w);
  }, 60_000);
});
