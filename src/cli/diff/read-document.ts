/**
 * Reads one side of `parley diff`: a text, Markdown or .docx file, split into its numbered
 * points with the same parser an import uses, and its language checked.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ParleyError } from '../../domain/errors.ts';
import { parsePoints, type ParsedDocument } from '../../domain/framework/parse-points.ts';
import { detectLanguage } from '../../domain/text/detect-language.ts';
import { readDocxText } from '../../import/docx.ts';
import { DEFAULT_MAX_BYTES, readTextFile } from '../read-input.ts';

export interface DiffSide {
  readonly path: string;
  readonly doc: ParsedDocument;
  /** What the text reads as, "und" when it cannot be told. */
  readonly detected: string;
}

const primary = (lang: string): string => lang.split('-')[0]!.toLowerCase();

async function readDocx(path: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ParleyError('not_found', `File not found: ${path}. Check the path and try again.`);
  }
  if (size > DEFAULT_MAX_BYTES) throw new ParleyError('file_too_large', `${path} is larger than the limit of 20 MB.`);
  try {
    return await readDocxText(await readFile(path));
  } catch (e) {
    // The importer's messages say what the file is; the command adds which file.
    if (e instanceof ParleyError) throw new ParleyError(e.code, `${path}: ${e.message}`);
    throw e;
  }
}

export async function readSide(path: string, lang: string | undefined): Promise<DiffSide> {
  const text = extname(path).toLowerCase() === '.docx' ? await readDocx(path) : await readTextFile(path);
  const detected = detectLanguage(text);
  if (lang !== undefined && detected !== 'und' && primary(detected) !== primary(lang)) {
    throw new ParleyError('invalid_input', `--lang ${lang} does not match ${path}, whose text reads as "${detected}"; give the language the text is written in, or leave --lang out.`);
  }
  const doc = parsePoints(text, lang === undefined ? undefined : { lang });
  if (doc.points.length === 0) {
    throw new ParleyError('invalid_import', `No numbered points found in ${path}: number the points ("1.", "Article 1", "نکتہ 1") and try again.`);
  }
  return { path, doc, detected };
}

/** Two versions of one text are in one language: comparing a Russian text with its English translation is a mistake. */
export function checkSameLanguage(a: DiffSide, b: DiffSide): void {
  if (a.detected === 'und' || b.detected === 'und' || primary(a.detected) === primary(b.detected)) return;
  throw new ParleyError('invalid_input', `${a.path} reads as "${a.detected}" but ${b.path} as "${b.detected}"; compare two versions in the same language.`);
}
