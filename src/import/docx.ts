/**
 * Reading an agreement from a Word (.docx) file: its text for the points parser, and its
 * tracked changes for whoever needs to know what a reviewer inserted and deleted.
 *
 * mammoth does the reading. Its raw-text mode drops the numbers of Word's automatic lists
 * ("1." that the user never typed lives in numbering.xml, not in the text), and agreements
 * are numbered lists far more often than not; so the text comes from mammoth's HTML, whose
 * small fixed vocabulary (p, h1–h6, ol, ul, li, table cells, inline emphasis) is turned back
 * into lines with the list numbers written out. mammoth shows a document with tracked changes
 * as if every change were accepted (insertions kept, deletions dropped): that is the text an
 * import wants. `readTrackedChanges` reads `word/document.xml` itself for the changes.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { ParleyError } from '../domain/errors.ts';
import { parsePoints, type ParsedDocument, type ParseOptions } from '../domain/framework/parse-points.ts';

/** An OLE compound file: what Word writes for an encrypted (password-protected) .docx, and for a legacy .doc. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b];

function startsWith(buf: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => buf[i] === b);
}

/** The package, opened and checked, or one clear error about what the file is instead. */
async function openPackage(buffer: Uint8Array): Promise<JSZip> {
  if (startsWith(buffer, OLE_SIGNATURE)) {
    throw new ParleyError('invalid_import', 'This Word file is password-protected (or an old .doc): remove the password in Word (File › Info › Protect Document) or save it as .docx, then import it again.');
  }
  if (!startsWith(buffer, ZIP_SIGNATURE)) {
    throw new ParleyError('invalid_import', 'This is not a .docx file (a .docx is a ZIP package); save the document as Word .docx and try again.');
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw new ParleyError('invalid_import', 'This .docx file is damaged (its ZIP package cannot be read); open it in Word or LibreOffice, save it again, and retry.');
  }
  if (!zip.file('word/document.xml')) {
    throw new ParleyError('invalid_import', 'This ZIP package is not a Word document (it has no word/document.xml); save the document as .docx and try again.');
  }
  return zip;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/giu, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'br']);

/**
 * mammoth's HTML back to plain lines. Each item of an ordered list gets its number ("3.")
 * at the top level, "(a)" one level down, as a reader sees them in Word; an unordered item
 * gets "- ". Tables become one line per row, cells separated by tabs.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  const lists: { ordered: boolean; n: number }[] = [];
  const flush = () => {
    if (line.trim() !== '') lines.push(line.replace(/[ \t]+$/u, ''));
    line = '';
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/giu)) {
    if (m[3] !== undefined) {
      line += decodeEntities(m[3]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (tag === 'ol' || tag === 'ul') {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
    } else if (tag === 'li' && !closing) {
      flush();
      const list = lists.at(-1);
      if (list) {
        list.n += 1;
        const depth = lists.length - 1;
        const indent = '  '.repeat(depth);
        line = !list.ordered ? `${indent}- ` : depth === 0 ? `${list.n}. ` : `${indent}(${String.fromCharCode(96 + ((list.n - 1) % 26) + 1)}) `;
      }
    } else if (tag === 'td' || tag === 'th') {
      if (closing) line += '\t';
    } else if (BLOCK.has(tag)) {
      flush();
    }
  }
  flush();
  return lines.join('\n');
}

/** The text of a .docx as the points parser reads it (tracked changes accepted, list numbers written out). */
export async function readDocxText(buffer: Uint8Array): Promise<string> {
  await openPackage(buffer);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(buffer) })).value;
  } catch (e) {
    throw new ParleyError('invalid_import', `This .docx file cannot be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
  return htmlToText(html);
}

/** The numbered points of a .docx; a document without any is refused, not imported empty. */
export async function importDocxPoints(buffer: Uint8Array, options?: ParseOptions): Promise<ParsedDocument> {
  const text = await readDocxText(buffer);
  if (text.trim() === '') throw new ParleyError('invalid_import', 'This .docx file has no text to import.');
  const doc = parsePoints(text, options);
  if (doc.points.length === 0) {
    throw new ParleyError('invalid_import', 'No numbered points were found in this .docx: number the points ("1.", "2." or a numbered list) and import it again.');
  }
  return doc;
}

export interface TrackedChange {
  kind: 'insertion' | 'deletion';
  author: string;
  date: string | null;
  text: string;
}

/** Every `w:ins` and `w:del` of the main document, in order, with its author, date and text. */
export async function readTrackedChanges(buffer: Uint8Array): Promise<TrackedChange[]> {
  const zip = await openPackage(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const out: TrackedChange[] = [];
  for (const m of xml.matchAll(/<w:(ins|del)\b([^>]*?)(\/>|>([\s\S]*?)<\/w:\1>)/gu)) {
    const attrs = m[2]!;
    const attr = (name: string) => decodeEntities(new RegExp(`w:${name}="([^"]*)"`, 'u').exec(attrs)?.[1] ?? '');
    const body = m[4] ?? '';
    const textTag = m[1] === 'ins' ? 't' : 'delText';
    const text = [...body.matchAll(new RegExp(`<w:${textTag}\\b[^>]*>([^<]*)</w:${textTag}>`, 'gu'))].map((t) => decodeEntities(t[1]!)).join('');
    out.push({ kind: m[1] === 'ins' ? 'insertion' : 'deletion', author: attr('author'), date: attr('date') || null, text });
  }
  return out;
}
