/**
 * `parley points FILE`: shows how Parley reads an agreement's numbered points before the
 * text is imported into a negotiation, so a person can check the split (and a script can
 * consume it with --json).
 */
import type { Command } from 'commander';
import { parsePoints, type ParsedDocument } from '../../domain/framework/parse-points.ts';
import { findTextFlags, type TextFlag } from '../../domain/text/unicode-safety.ts';
import { printJson, printLine } from '../output.ts';
import { readTextFile } from '../read-input.ts';

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

/**
 * Imported text is checked like typed text (ARCHITECTURE §7), in the file as it is: the
 * parser drops bidi controls and zero-width characters, so the imported points would
 * silently differ from what a reader of the file saw. Each flag gets its line and column.
 */
type SourceFlag = TextFlag & { line: number; column: number };
function sourceFlags(text: string): SourceFlag[] {
  return findTextFlags(text).map((f) => {
    const before = text.slice(0, f.index);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { ...f, line: before.split('\n').length, column: Array.from(before.slice(lineStart)).length + 1 };
  });
}

function describeFlag(f: SourceFlag): string {
  const lookAlike = f.looksLike === undefined ? '' : `, looks like "${f.looksLike}" in "${f.word ?? ''}"`;
  return `line ${f.line}, column ${f.column}: ${f.kind} ${f.codePoint} ${f.name}${lookAlike}`;
}

function printListing(doc: ParsedDocument): void {
  printLine(`Language: ${doc.lang}`);
  if (doc.preamble !== '') {
    printLine('Preamble:');
    printLine(indent(doc.preamble, '  '));
  }
  const sections = doc.sections ?? [];
  doc.points.forEach((point, i) => {
    for (const section of sections.filter((s) => s.beforePoint === i)) {
      printLine('');
      printLine(`== ${section.title}`);
      if (section.text !== undefined) printLine(indent(section.text, '  '));
    }
    const [first = '', ...rest] = point.text.split('\n');
    const label = `${point.number}. `;
    printLine(label + first);
    if (rest.length > 0) printLine(indent(rest.join('\n'), ' '.repeat(label.length)));
  });
  for (const section of sections.filter((s) => s.beforePoint >= doc.points.length)) {
    printLine('');
    printLine(`== ${section.title}`);
    if (section.text !== undefined) printLine(indent(section.text, '  '));
  }
  if (doc.closing !== undefined) {
    printLine('Closing:');
    printLine(indent(doc.closing, '  '));
  }
  printLine(`${doc.points.length} point${doc.points.length === 1 ? '' : 's'}.`);
}

export function registerPointsCommand(program: Command): void {
  program
    .command('points')
    .description('show the numbered points Parley reads in an agreement text (plain text or Markdown)')
    .argument('<file>', 'the agreement text, UTF-8 or UTF-16 with BOM')
    .option('--lang <code>', 'the language of the text (ISO 639-1, e.g. en, ur, uk); detected when omitted')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { lang?: string; json?: boolean }) => {
      const text = await readTextFile(file);
      const doc = parsePoints(text, opts.lang === undefined ? undefined : { lang: opts.lang });
      const flags = sourceFlags(text);
      if (opts.json === true) {
        printJson({
          lang: doc.lang,
          preamble: doc.preamble,
          points: doc.points,
          ...(doc.sections !== undefined && doc.sections.length > 0 ? { sections: doc.sections } : {}),
          ...(doc.closing !== undefined ? { closing: doc.closing } : {}),
          // Only when something is flagged, so a clean import reads as it always did.
          ...(flags.length > 0 ? { flags } : {}),
        });
      } else {
        printListing(doc);
        if (flags.length > 0) {
          printLine(`${flags.length} character${flags.length === 1 ? '' : 's'} to check in the file (hidden, reordering or look-alike):`);
          for (const f of flags) printLine(`  ! ${describeFlag(f)}`);
        }
      }
    });
}
