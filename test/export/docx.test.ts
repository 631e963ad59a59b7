/**
 * .docx export: a version reads back as the same points, and a redline carries real tracked
 * changes, signed by the party whose amendment made each one, that LibreOffice (the real
 * client) lists as insertions and deletions.
 */
import { describe, expect, it } from 'vitest';
import { redlineDocx, versionDocx } from '../../src/export/docx.ts';
import { versionDocument } from '../../src/export/redline.ts';
import { importDocxPoints, readDocxText, readTrackedChanges } from '../../src/import/docx.ts';
import { sampleRedline, v2 } from './fixtures.ts';
import { odfTrackedChanges, requireSoffice, sofficePath, toFlatOdf } from './soffice.ts';

describe('version .docx', () => {
  it('reads back through the importer as the same numbered points, in English and in Urdu', async () => {
    for (const lang of ['en', 'ur'] as const) {
      const doc = await importDocxPoints(await versionDocx(versionDocument(v2, { en: 'Test talks', ur: 'آزمائشی مذاکرات' }, lang)), { lang });
      expect(doc.points.map((p) => [p.number, p.text])).toEqual(v2.points.map((p) => [p.number, p.texts[lang]]));
    }
  });

  it('marks Urdu paragraphs right-to-left and names a Nastaliq font for them', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await versionDocx(versionDocument(v2, {}, 'ur')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
    expect(xml).toMatch(/w:cs="Noto Nastaliq Urdu"/u);
  });
});

describe('redline .docx', () => {
  const expected = {
    en: [
      ['insertion', "Mediator's office", 'complete'],
      ['insertion', 'Betastan', '2. A joint commission meets monthly.'],
      ['deletion', 'Alphaland', '2'],
      ['insertion', 'Alphaland', '3'],
      ['deletion', 'Alphaland', 'Prisoners'],
      ['insertion', 'Alphaland', 'All prisoners'],
      ['deletion', 'Alphaland', 'thirty'],
      ['insertion', 'Alphaland', 'sixty'],
      ['deletion', 'Betastan', '3. A buffer zone is established.'],
    ],
    ur: [
      ['insertion', 'ثالث کا دفتر', 'مکمل'],
      ['insertion', 'بیٹا ستان', '2. ایک مشترکہ کمیشن ہر ماہ ملتا ہے۔'],
      ['deletion', 'الفا لینڈ', '2'],
      ['insertion', 'الفا لینڈ', '3'],
      ['insertion', 'الفا لینڈ', 'تمام'],
      ['deletion', 'الفا لینڈ', 'تیس'],
      ['insertion', 'الفا لینڈ', 'ساٹھ'],
      ['deletion', 'بیٹا ستان', '3. ایک بفر زون قائم کیا جاتا ہے۔'],
    ],
  };

  it('writes w:ins and w:del with the proposing party as author and the acceptance as date', async () => {
    const changes = (await readTrackedChanges(await redlineDocx(sampleRedline('en')))).filter((c) => c.text !== '');
    // Runs of one change next to each other (a point's number and its text) read as one, as in Word's review pane.
    const merged: typeof changes = [];
    for (const c of changes) {
      const last = merged.at(-1);
      if (last && last.kind === c.kind && last.author === c.author) last.text += c.text;
      else merged.push({ ...c });
    }
    expect(merged.map((c) => [c.kind, c.author, c.text.trim()])).toEqual(expected.en);
    expect(changes.find((c) => c.text === 'sixty')?.date).toBe('2026-03-07T12:00:00.000Z');
    // The mediator's own edit carries the second version's date.
    expect(changes[0]?.date).toBe('2026-03-08T16:30:00.000Z');
  });

  it('reads as the new text once the changes are accepted (what mammoth shows)', async () => {
    const text = await readDocxText(await redlineDocx(sampleRedline('en')));
    expect(text).toContain('3. All prisoners are exchanged within sixty days.');
    expect(text).not.toContain('buffer zone');
  });

  // The proof with the real client: LibreOffice opens the file and lists every change.
  const lo = sofficePath || requireSoffice ? it : it.skip;
  if (!sofficePath && !requireSoffice) console.warn('skipped: LibreOffice round trip (no soffice; apt-get install libreoffice-writer-nogui)');
  lo.each(['en', 'ur'] as const)('LibreOffice lists each insertion and deletion with its author (%s)', async (lang) => {
    const fodt = await toFlatOdf(await redlineDocx(sampleRedline(lang)));
    const changes = odfTrackedChanges(fodt);
    expect(changes.map((c) => [c.kind, c.author, c.text])).toEqual(expected[lang]);
    expect(changes.filter((c) => c.author === (lang === 'en' ? 'Alphaland' : 'الفا لینڈ')).every((c) => c.date.startsWith('2026-03-07T12:00'))).toBe(true);
  }, 120_000);
});
