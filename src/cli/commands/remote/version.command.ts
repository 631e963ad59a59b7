/** `parley version create | list | import`: frozen, numbered snapshots of the working text. */
import type { Command } from 'commander';
import { z } from 'zod';
import { ParleyError } from '../../../domain/errors.ts';
import { Written } from '../../../protocol/common.schema.ts';
import { basename } from 'node:path';
import { ImportPreviewOut, VersionSummaryOut } from '../../../protocol/negotiation.schema.ts';
import { readFileBytes } from '../../read-input.ts';
import { terminalSafe } from '../../http/client.ts';
import { signedInClient } from '../../http/credentials.ts';
import { columns, negotiationPath } from '../../http/lookup.ts';
import { printJson, printLine } from '../../output.ts';

const versionVisibilities = ['mediator', 'parties', 'public'] as const;

export function registerVersionCommands(program: Command): void {
  const version = program.command('version').description('versions of a negotiation\'s text (after parley login)');

  version
    .command('create')
    .description('freeze the working text as the next version (mediator)')
    .requiredOption('--negotiation <id>', 'the negotiation')
    .option('--label <label>', 'its label (default: v1, v2, ...)')
    .option('--note <text>', 'a note on what changed')
    .option('--visibility <who>', 'who sees it: mediator, parties (default) or public')
    .option('--json', 'print the API answer as JSON')
    .action(async (opts: { negotiation: string; label?: string; note?: string; visibility?: string; json?: boolean }) => {
      if (opts.visibility !== undefined && !(versionVisibilities as readonly string[]).includes(opts.visibility)) {
        throw new ParleyError('invalid_input', `--visibility must be one of ${versionVisibilities.join(', ')} for a version, not "${opts.visibility}".`);
      }
      const { client } = await signedInClient();
      const body = {
        ...(opts.label === undefined ? {} : { label: opts.label }),
        ...(opts.note === undefined ? {} : { note: opts.note }),
        ...(opts.visibility === undefined ? {} : { visibility: opts.visibility }),
      };
      const { data, raw } = await client.post(negotiationPath(opts.negotiation, '/versions'), body, Written);
      if (opts.json) return printJson(raw);
      const versions = (await client.get(negotiationPath(opts.negotiation, '/versions'), z.object({ items: z.array(VersionSummaryOut) }))).data.items;
      const made = versions.find((v) => v.id === data.id);
      printLine(made
        ? `Created version ${terminalSafe(made.label, { oneLine: true })} (#${made.seqNo}, ${made.pointCount} points, visible to ${made.visibility}): ${made.id}`
        : `Created version ${data.id ?? '(no id returned)'}.`);
    });

  version
    .command('import <file>')
    .description('import a document (.txt, .md, .docx) as the next version: its points are matched to the working text by content, so they keep their identity, and the lineage is recorded (mediator)')
    .requiredOption('--negotiation <id>', 'the negotiation')
    .requiredOption('--lang <code>', 'the language the document is written in')
    .option('--label <label>', 'the version\'s label (default: v1, v2, ...)')
    .option('--note <text>', 'a note on what changed')
    .option('--visibility <who>', 'who sees it: mediator, parties (default) or public')
    .option('--dry-run', 'only show how the points would be matched; record nothing')
    .option('--json', 'print the API answers as JSON')
    .action(async (file: string, opts: { negotiation: string; lang: string; label?: string; note?: string; visibility?: string; dryRun?: boolean; json?: boolean }) => {
      if (opts.visibility !== undefined && !(versionVisibilities as readonly string[]).includes(opts.visibility)) {
        throw new ParleyError('invalid_input', `--visibility must be one of ${versionVisibilities.join(', ')} for a version, not "${opts.visibility}".`);
      }
      const document = { name: basename(file), lang: opts.lang, content: (await readFileBytes(file)).toString('base64'), encoding: 'base64' };
      const { client } = await signedInClient();
      const preview = await client.post(negotiationPath(opts.negotiation, '/versions/import/preview'), document, ImportPreviewOut);
      if (opts.dryRun) {
        if (opts.json) return printJson(preview.raw);
        return printLineage(preview.data, 'Would import');
      }
      const body = {
        ...document, basedOn: preview.data.basedOn,
        ...(opts.label === undefined ? {} : { label: opts.label }),
        ...(opts.note === undefined ? {} : { note: opts.note }),
        ...(opts.visibility === undefined ? {} : { visibility: opts.visibility }),
      };
      const { data, raw } = await client.post(negotiationPath(opts.negotiation, '/versions/import'), body, Written);
      if (opts.json) return printJson({ preview: preview.raw, written: raw });
      printLineage(preview.data, 'Imported');
      printLine(`Version ${data.id ?? '(no id returned)'} made from ${terminalSafe(document.name, { oneLine: true })}.`);
    });

  version
    .command('list')
    .description('the versions you may see, oldest first')
    .requiredOption('--negotiation <id>', 'the negotiation')
    .option('--json', 'print the API answer as JSON')
    .action(async (opts: { negotiation: string; json?: boolean }) => {
      const { client } = await signedInClient();
      const { data, raw } = await client.get(negotiationPath(opts.negotiation, '/versions'), z.object({ items: z.array(VersionSummaryOut) }));
      if (opts.json) return printJson(raw);
      if (data.items.length === 0) return printLine('No versions yet: make one with parley version create.');
      columns([
        ['#', 'LABEL', 'POINTS', 'VISIBLE TO', 'INITIALED BY', 'CREATED', 'ID'],
        ...data.items.map((v) => [
          String(v.seqNo), terminalSafe(v.label, { oneLine: true }), String(v.pointCount), v.visibility, String(v.initials.length),
          v.createdAt.slice(0, 16).replace('T', ' '), v.id,
        ]),
      ]).forEach(printLine);
    });
}

/** One line per old-new link, as `parley diff` prints pairs: what a mediator checks before trusting an import. */
function printLineage(preview: z.output<typeof ImportPreviewOut>, verb: string): void {
  const counts = Object.entries(preview.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ');
  printLine(`${verb} ${preview.points} points (${preview.lang}): ${counts}.`);
  columns([
    ['OLD', 'NEW', 'KIND', 'SIMILARITY'],
    ...preview.links.map((l) => [l.oldNumber ?? '-', l.newNumber ?? '-', l.kind, l.oldNumber && l.newNumber ? l.similarity.toFixed(2) : '']),
  ]).forEach(printLine);
  for (const f of preview.flags) {
    printLine(`Warning: line ${f.line} holds ${f.codePoint} ${f.name}${f.kind === 'confusable' && f.looksLike ? ` (looks like "${terminalSafe(f.looksLike, { oneLine: true })}")` : ''}${f.kind === 'confusable' ? '' : ', dropped on import'}.`);
  }
  if (preview.newSections.length > 0) printLine(`New sections: ${preview.newSections.map((s) => terminalSafe(s, { oneLine: true })).join('; ')}.`);
}
