/**
 * Versions and redlines as Word documents. A redline carries real revision marks (`w:ins`,
 * `w:del`, written by the `docx` package's InsertedTextRun / DeletedTextRun), each signed
 * with the party that proposed the change and its date, so Word and LibreOffice list them
 * under Review and offer to accept or reject each one: a lawyer works the redline in the
 * tool they already use instead of reading colours.
 *
 * One paragraph per point, starting with its number (a renumbering is itself a tracked
 * change of the number). Right-to-left languages get right-to-left paragraphs and runs, and
 * every run names a complex-script font that shapes the script properly (Nastaliq for Urdu,
 * Naskh for Arabic and Persian), since Word's default would draw Urdu in a Naskh face.
 */
import { AlignmentType, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun, type IRunOptions } from 'docx';
import type { RedlineDocument, VersionDocument } from './redline.ts';

const LATIN_FONT = 'Noto Sans';

function complexScriptFont(lang: string): string {
  const base = lang.split('-')[0]!.toLowerCase();
  if (base === 'ur' || base === 'sd' || base === 'ks') return 'Noto Nastaliq Urdu';
  if (base === 'ar' || base === 'fa' || base === 'ps' || base === 'ckb' || base === 'ug') return 'Noto Naskh Arabic';
  return LATIN_FONT;
}

/** Run formatting for a language: fonts for every script slot, direction, and the language tags spell-checkers use. */
function runStyle(lang: string, rtl: boolean): IRunOptions {
  return {
    font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: LATIN_FONT, cs: complexScriptFont(lang) },
    rightToLeft: rtl,
    language: rtl ? { value: 'en-US', bidirectional: lang } : { value: lang },
    // Nastaliq's tall ascenders and descenders read cramped at the Latin size.
    size: rtl ? 26 : 22,
    sizeComplexScript: rtl ? 28 : 22,
  };
}

function newDocument(lang: string, paragraphs: Paragraph[]): Document {
  return new Document({
    creator: 'Parley',
    styles: { default: { document: { run: { font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: complexScriptFont(lang) } } } } },
    // Word shows revision marks only where the document says changes are tracked.
    features: { trackRevisions: true },
    sections: [{ properties: {}, children: paragraphs }],
  });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], lang: string, rtl: boolean): Paragraph {
  return new Paragraph({ heading: level, bidirectional: rtl, alignment: AlignmentType.START, children: [new TextRun({ ...runStyle(lang, rtl), text })] });
}

function plain(text: string, lang: string, rtl: boolean): Paragraph {
  return new Paragraph({ bidirectional: rtl, alignment: AlignmentType.START, children: [new TextRun({ ...runStyle(lang, rtl), text, color: '555555' })] });
}

export async function versionDocx(doc: VersionDocument): Promise<Buffer> {
  const rtl = doc.dir === 'rtl';
  const style = runStyle(doc.lang, rtl);
  const out: Paragraph[] = [heading(doc.title, HeadingLevel.TITLE, doc.lang, rtl), heading(doc.version.label, HeadingLevel.HEADING_1, doc.lang, rtl), plain(`SHA-256 ${doc.version.contentHash}`, 'en', false)];
  let section: string | null = null;
  for (const p of doc.points) {
    if (p.sectionId !== section) {
      section = p.sectionId;
      const t = section ? doc.sectionTitles.get(section) : undefined;
      if (t) out.push(heading(t, HeadingLevel.HEADING_2, doc.lang, rtl));
    }
    out.push(new Paragraph({ bidirectional: rtl, alignment: AlignmentType.START, children: [...(p.number ? [new TextRun({ ...style, text: `${p.number}. ` })] : []), ...textRuns(p.text, style)] }));
  }
  return Packer.toBuffer(newDocument(doc.lang, out));
}

/** A text with its line breaks kept as Word line breaks (sub-items of a point stay in its paragraph). */
function textRuns(text: string, style: IRunOptions): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

function breakLines(text: string): { text: string; break?: number }[] {
  return text.split('\n').map((line, i) => (i > 0 ? { text: line, break: 1 } : { text: line }));
}

export async function redlineDocx(doc: RedlineDocument): Promise<Buffer> {
  const rtl = doc.dir === 'rtl';
  const style = runStyle(doc.lang, rtl);
  let nextId = 1;
  const ins = (text: string, by: { author: string; date: string }) => breakLines(text).map((l) => new InsertedTextRun({ ...style, ...l, id: nextId++, author: by.author, date: by.date }));
  const del = (text: string, by: { author: string; date: string }) => breakLines(text).map((l) => new DeletedTextRun({ ...style, ...l, id: nextId++, author: by.author, date: by.date }));

  const out: Paragraph[] = [
    heading(doc.title, HeadingLevel.TITLE, doc.lang, rtl),
    heading(`${doc.a.label} → ${doc.b.label}`, HeadingLevel.HEADING_1, doc.lang, rtl),
  ];
  let section: string | null = null;
  for (const row of doc.rows) {
    if (row.sectionId !== section) {
      section = row.sectionId;
      const t = section ? doc.sectionTitles.get(section) : undefined;
      if (t) out.push(heading(t, HeadingLevel.HEADING_2, doc.lang, rtl));
    }
    const by = row.by;
    const children: (TextRun | InsertedTextRun | DeletedTextRun)[] = [];
    if (row.oldNumber !== null && row.newNumber !== null && row.oldNumber !== row.newNumber && by) {
      children.push(...del(row.oldNumber, by), ...ins(row.newNumber, by), new TextRun({ ...style, text: '. ' }));
    } else if (row.status === 'added' && by) {
      children.push(...ins(`${row.newNumber ?? ''}. `, by));
    } else if (row.status === 'removed' && by) {
      children.push(...del(`${row.oldNumber ?? ''}. `, by));
    } else {
      children.push(new TextRun({ ...style, text: `${row.newNumber ?? row.oldNumber ?? ''}. ` }));
    }
    for (const part of row.parts) {
      if (part.op === 'equal' || !by) children.push(...textRuns(part.text, style));
      else if (part.op === 'insert') children.push(...ins(part.text, by));
      else children.push(...del(part.text, by));
    }
    // An added or removed point's paragraph mark is part of the change, so accepting the
    // removal leaves no empty paragraph and rejecting the addition leaves none either.
    const mark = row.status === 'added' && by ? { insertion: { id: nextId++, author: by.author, date: by.date } }
      : row.status === 'removed' && by ? { deletion: { id: nextId++, author: by.author, date: by.date } }
      : {};
    out.push(new Paragraph({ bidirectional: rtl, alignment: AlignmentType.START, run: { ...style, ...mark }, children }));
  }
  return Packer.toBuffer(newDocument(doc.lang, out));
}
