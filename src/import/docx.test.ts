import { Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ParleyError } from '../domain/errors.ts';
import { htmlToText, importDocxPoints, readDocxText } from './docx.ts';

const docxOf = (paragraphs: Paragraph[], numbering?: ConstructorParameters<typeof Document>[0]['numbering']) =>
  Packer.toBuffer(new Document({ ...(numbering ? { numbering } : {}), sections: [{ children: paragraphs }] }));

async function refusal(p: Promise<unknown>): Promise<ParleyError> {
  const e: unknown = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ParleyError);
  return e as ParleyError;
}

describe('importing points from .docx', () => {
  it('reads typed numbers', async () => {
    const buf = await docxOf(['Preamble of the plan.', '1. Ceasefire.', '2. Prisoners are exchanged.'].map((t) => new Paragraph(t)));
    const doc = await importDocxPoints(buf, { lang: 'en' });
    expect(doc.points).toEqual([{ number: '1', text: 'Ceasefire.' }, { number: '2', text: 'Prisoners are exchanged.' }]);
    expect(doc.preamble).toBe('Preamble of the plan.');
  });

  it("reads Word's automatic list numbers, which the raw text does not contain", async () => {
    const numbering = { config: [{ reference: 'pts', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }] };
    const items = ['فریقین جنگ بندی پر متفق ہیں۔', 'قیدیوں کا تبادلہ ہوگا۔', 'انتخابات ایک سال میں ہوں گے۔'];
    const buf = await docxOf(items.map((t) => new Paragraph({ numbering: { reference: 'pts', level: 0 }, children: [new TextRun(t)] })), numbering);
    const doc = await importDocxPoints(buf, { lang: 'ur' });
    expect(doc.points.map((p) => [p.number, p.text])).toEqual(items.map((t, i) => [String(i + 1), t]));
  });

  it('keeps nested list items inside their point', () => {
    expect(htmlToText('<ol><li>First<ol><li>sub one</li><li>sub two</li></ol></li><li>Second &amp; last</li></ol>'))
      .toBe('1. First\n  (a) sub one\n  (b) sub two\n2. Second & last');
  });

  it('refuses a password-protected file (an OLE compound file) and says so', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const e = await refusal(readDocxText(ole));
    expect(e.code).toBe('invalid_import');
    expect(e.message).toMatch(/password-protected/u);
  });

  it('refuses a damaged ZIP package', async () => {
    const good = await docxOf([new Paragraph('1. A point.')]);
    const e = await refusal(readDocxText(good.subarray(0, Math.floor(good.length / 2))));
    expect(e.code).toBe('invalid_import');
    expect(e.message).toMatch(/damaged/u);
  });

  it('refuses a ZIP that is not a Word document, and a file that is not a ZIP', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    expect((await refusal(readDocxText(await zip.generateAsync({ type: 'uint8array' })))).message).toMatch(/not a Word document/u);
    expect((await refusal(readDocxText(Buffer.from('1. plain text')))).message).toMatch(/not a \.docx/u);
  });

  it('refuses a document without numbered points', async () => {
    const e = await refusal(importDocxPoints(await docxOf([new Paragraph('Minutes of the meeting.'), new Paragraph('Nothing was agreed.')])));
    expect(e.code).toBe('invalid_import');
    expect(e.message).toMatch(/No numbered points/u);
  });
});
