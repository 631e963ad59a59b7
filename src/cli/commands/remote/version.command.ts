/** `parley version create | list`: frozen, numbered snapshots of the working text. */
import type { Command } from 'commander';
import { z } from 'zod';
import { ParleyError } from '../../../domain/errors.ts';
import { Written } from '../../../protocol/common.schema.ts';
import { VersionSummaryOut } from '../../../protocol/negotiation.schema.ts';
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
