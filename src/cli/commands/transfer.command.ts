import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ParleyError } from '../../domain/errors.ts';
import { backup, restore } from '../../store/backup.ts';
import { exportNegotiation, importNegotiation, parseExport } from '../../store/transfer.ts';
import { requireNegotiationId } from '../negotiation-id.ts';
import { readTextFile } from '../read-input.ts';
import { printJson, printLine, progressBar } from '../output.ts';
import { withDatabase, withStorageOption } from '../storage-options.ts';

/** Exports can be large; a whole negotiation's log rarely exceeds this. */
const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export function registerTransferCommands(program: Command): void {
  withStorageOption(program.command('export'))
    .description('write a whole negotiation (its hash-chained event log) to a JSON file')
    .requiredOption('--negotiation <id>', 'the negotiation to export')
    .requiredOption('--out <file>', 'where to write the JSON')
    .option('--json', 'print a summary as JSON')
    .action(async (opts: { data?: string; negotiation: string; out: string; json?: boolean }) => {
      requireNegotiationId(opts.negotiation);
      const file = await withDatabase(opts, (db) => exportNegotiation(db, opts.negotiation));
      writeFileSync(opts.out, JSON.stringify(file, null, 1));
      const summary = { negotiationId: file.negotiationId, events: file.events.length, head: file.head, out: opts.out };
      if (opts.json) printJson(summary);
      else printLine(`Exported ${summary.events} events of ${summary.negotiationId} to ${opts.out}`);
    });

  withStorageOption(program.command('import <file>'))
    .description('import a negotiation exported by `parley export`; every hash is checked first')
    .option('--json', 'print a summary as JSON')
    .action(async (path: string, opts: { data?: string; json?: boolean }) => {
      const text = await readTextFile(path, { maxBytes: MAX_IMPORT_BYTES });
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        throw new ParleyError('invalid_import', `${path} is not valid JSON (${(e as Error).message}).`);
      }
      const file = parseExport(data);
      const result = await withDatabase(opts, (db) => importNegotiation(db, file));
      if (opts.json) printJson(result);
      else printLine(`Imported negotiation ${result.negotiationId} (${result.events} events, chain verified)`);
    });

  withStorageOption(program.command('backup <dir>'))
    .description('back up every negotiation into an empty directory (portable between PGlite and PostgreSQL)')
    .option('--json', 'print the manifest as JSON')
    .action(async (dir: string, opts: { data?: string; json?: boolean }) => {
      const manifest = await withDatabase(opts, (db) => backup(db, dir, progressBar('backup')));
      if (opts.json) printJson(manifest);
      else printLine(`Backed up ${manifest.negotiations.length} negotiation(s) to ${dir}`);
    });

  withStorageOption(program.command('restore <dir>'))
    .description('restore a backup made by `parley backup`; all or nothing')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, opts: { data?: string; json?: boolean }) => {
      const result = await withDatabase(opts, (db) => restore(db, dir, progressBar('restore')));
      if (opts.json) printJson(result);
      else printLine(`Restored ${result.restored.length} negotiation(s)${result.skipped.length ? `, ${result.skipped.length} already present` : ''}`);
    });
}
