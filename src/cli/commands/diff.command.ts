/**
 * `parley diff OLD NEW`: compares two versions of an agreement straight from their files
 * (text, Markdown or .docx), no server or negotiation needed. Points are matched by content,
 * not number (`alignPoints`), so a revision that renumbered, merged or split points still
 * lines up; each link carries its word-level changes.
 */
import { stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { ParleyError } from '../../domain/errors.ts';
import { diffDocx } from '../diff/docx-output.ts';
import { diffDocuments } from '../diff/file-diff.ts';
import { checkSameLanguage, readSide } from '../diff/read-document.ts';
import { renderHtml, renderMarkdown } from '../diff/render.ts';

const FORMATS = ['json', 'md', 'html', 'docx'] as const;
type Format = (typeof FORMATS)[number];

function isFormat(f: string): f is Format {
  return (FORMATS as readonly string[]).includes(f);
}

export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('compare two versions of an agreement (text, Markdown or .docx), point by point and word by word')
    .argument('<old>', 'the earlier version')
    .argument('<new>', 'the later version')
    .option('--lang <code>', 'the language of both texts (ISO 639-1, e.g. en, ur, ru); detected when omitted')
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'json')
    .option('--out <file>', 'write to this file instead of standard output (required for docx)')
    .action(async (oldPath: string, newPath: string, opts: { lang?: string; format: string; out?: string }) => {
      const format = opts.format.toLowerCase();
      if (!isFormat(format)) {
        throw new ParleyError('invalid_input', `Unknown format "${opts.format}"; use one of ${FORMATS.join(', ')}.`);
      }
      if (format === 'docx' && opts.out === undefined) {
        throw new ParleyError('invalid_input', '--format docx writes a Word file: give it a name with --out FILE.docx.');
      }
      if (opts.lang !== undefined && !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u.test(opts.lang)) {
        throw new ParleyError('invalid_input', `--lang "${opts.lang}" is not a language code; use ISO 639-1 such as en, ur or ru.`);
      }
      const a = await readSide(oldPath, opts.lang);
      const b = await readSide(newPath, opts.lang);
      checkSameLanguage(a, b);
      const lang = opts.lang ?? (a.doc.lang !== 'und' ? a.doc.lang : b.doc.lang);
      const diff = diffDocuments(a.doc.points, b.doc.points, lang === 'und' ? undefined : lang);
      const labels = { oldName: basename(oldPath), newName: basename(newPath), lang };

      let output: string | Buffer;
      if (format === 'json') output = JSON.stringify(diff, null, 2) + '\n';
      else if (format === 'md') output = renderMarkdown(diff, labels);
      else if (format === 'html') output = renderHtml(diff, labels);
      else {
        const side = async (path: string, points: typeof a) => ({
          name: basename(path),
          text: points.doc.points.map((p) => `${p.number}. ${p.text}`).join('\n'),
          modifiedAt: (await stat(path)).mtime,
        });
        output = await diffDocx(diff, await side(oldPath, a), await side(newPath, b), lang);
      }
      if (opts.out !== undefined) await writeFile(opts.out, output);
      else process.stdout.write(output);
    });
}
