/**
 * A document as a person hands it over (text, Markdown or .docx bytes) turned into its
 * numbered points, with its language checked. The CLI's `parley diff` and the version
 * import route read documents through here, so both refuse the same bad input the same way.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { ParleyError } from '../domain/errors.ts';
import { parsePoints, type ParsedDocument } from '../domain/framework/parse-points.ts';
import type { ImportFormat } from '../domain/model.ts';
import { detectLanguage } from '../domain/text/detect-language.ts';
import type { TextFlag } from '../domain/text/text-flag.ts';
import { findTextFlags } from '../domain/text/unicode-safety.ts';
import { decodeText } from './decode-text.ts';
import { readDocxText } from './docx.ts';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface ReadDocument {
  readonly doc: ParsedDocument;
  /** What the text reads as, "und" when it cannot be told. */
  readonly detected: string;
  readonly format: ImportFormat;
  readonly sha256: string;
  /**
   * Characters in the document that can make what is seen differ from what is signed, with
   * their line (1-based). The points parser drops bidi controls and invisible characters, so
   * only the importer can tell that the file held them.
   */
  readonly flags: (TextFlag & { line: number })[];
}

function withLines(text: string, flags: readonly TextFlag[]): (TextFlag & { line: number })[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  let line = 0;
  return flags.map((f) => {
    while (line + 1 < starts.length && starts[line + 1]! <= f.index) line++;
    return { ...f, line: line + 1 };
  });
}

export const primaryLang = (lang: string): string => lang.split('-')[0]!.toLowerCase();

/** The format a file name announces; anything not .docx or Markdown is read as plain text. */
export function formatOf(name: string): ImportFormat {
  const ext = extname(name).toLowerCase();
  if (ext === '.docx') return 'docx';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  return 'text';
}

export async function readDocument(bytes: Uint8Array, options: { name: string; format?: ImportFormat; lang?: string }): Promise<ReadDocument> {
  const { name, lang } = options;
  const format = options.format ?? formatOf(name);
  if (bytes.length === 0) throw new ParleyError('invalid_import', `${name} is empty; there is nothing to import.`);
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new ParleyError('file_too_large', `${name} is larger than the limit of 20 MB.`);
  let text: string;
  if (format === 'docx') {
    try {
      text = await readDocxText(bytes);
    } catch (e) {
      // The importer's messages say what is wrong with the file; this adds which file.
      if (e instanceof ParleyError) throw new ParleyError(e.code, `${name}: ${e.message}`);
      throw e;
    }
  } else {
    text = decodeText(bytes, name);
  }
  text = text.normalize('NFC');
  if (text.trim() === '') throw new ParleyError('invalid_import', `${name} contains no text; there is nothing to import.`);
  const detected = detectLanguage(text);
  if (lang !== undefined && detected !== 'und' && primaryLang(detected) !== primaryLang(lang)) {
    throw new ParleyError('invalid_input', `The language given (${lang}) does not match ${name}, whose text reads as "${detected}"; give the language the text is written in, or leave it out.`);
  }
  const doc = parsePoints(text, lang === undefined ? undefined : { lang });
  if (doc.points.length === 0) {
    throw new ParleyError('invalid_import', `No numbered points found in ${name}: number the points ("1.", "Article 1", "نکتہ 1") and try again.`);
  }
  return { doc, detected, format, sha256: createHash('sha256').update(bytes).digest('hex'), flags: withLines(text, findTextFlags(text)) };
}
