/**
 * Reads one side of `parley diff`: a text, Markdown or .docx file, split into its numbered
 * points with the same reader a version import uses (src/import/document.ts).
 */
import { ParleyError } from '../../domain/errors.ts';
import type { ParsedDocument } from '../../domain/framework/parse-points.ts';
import { primaryLang, readDocument } from '../../import/document.ts';
import { readFileBytes } from '../read-input.ts';

export interface DiffSide {
  readonly path: string;
  readonly doc: ParsedDocument;
  /** What the text reads as, "und" when it cannot be told. */
  readonly detected: string;
}

export async function readSide(path: string, lang: string | undefined): Promise<DiffSide> {
  const { doc, detected } = await readDocument(await readFileBytes(path), { name: path, lang });
  return { path, doc, detected };
}

/** Two versions of one text are in one language: comparing a Russian text with its English translation is a mistake. */
export function checkSameLanguage(a: DiffSide, b: DiffSide): void {
  if (a.detected === 'und' || b.detected === 'und' || primaryLang(a.detected) === primaryLang(b.detected)) return;
  throw new ParleyError('invalid_input', `${a.path} reads as "${a.detected}" but ${b.path} as "${b.detected}"; compare two versions in the same language.`);
}
