/**
 * `parley trace LEAK.txt --negotiation ID [--version V | --readout R] [--epsilon E] [--json]`:
 * the operator's leak trace on the server's own storage (docs/tracing.md). The mediator's page
 * does the same through the API; both call store/tracing.ts.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import { traceLeakIn, traceReport } from '../../store/tracing.ts';
import { requireNegotiationId } from '../negotiation-id.ts';
import { printJson, printLine } from '../output.ts';
import { readTextFile } from '../read-input.ts';
import { withDatabase, withStorageOption } from '../storage-options.ts';

const MAX_BYTES = 2 * 1024 * 1024;

interface TraceOpts { data?: string; negotiation?: string; version?: string; readout?: string; epsilon?: string; json?: boolean }

function uuidOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!z.uuid().safeParse(value).success) throw new ParleyError('invalid_input', `${flag} expects an id such as d5d1f4a1-2c48-4223-9000-000000000001, not "${value}".`);
  return value;
}

function epsilonOption(value: string | undefined): number {
  if (value === undefined) return 1e-3;
  const e = Number(value);
  if (!(e > 0 && e <= 0.1)) throw new ParleyError('invalid_input', `--epsilon is the bound on accusing an innocent, a number above 0 and at most 0.1 (e.g. 1e-3), not "${value}".`);
  return e;
}

export function registerTraceCommand(program: Command): void {
  withStorageOption(program.command('trace'))
    .description('trace a leaked text to the fingerprinted copies it came from; accuses only past the threshold for ε')
    .argument('<leak>', 'the leaked text (a UTF-8 text file)')
    .requiredOption('--negotiation <id>', 'the negotiation the copies were issued in')
    .option('--version <id>', 'read the leak against this version only')
    .option('--readout <id>', 'read the leak against this readout only')
    .option('--epsilon <e>', 'bound on accusing any innocent recipient', '1e-3')
    .option('--json', 'print the report as JSON')
    .action(async (leak: string, opts: TraceOpts) => {
      const negotiationId = requireNegotiationId(opts.negotiation ?? '');
      const versionId = uuidOption(opts.version, '--version');
      const readoutId = uuidOption(opts.readout, '--readout');
      if (versionId && readoutId) throw new ParleyError('invalid_input', 'Give --version or --readout, not both.');
      const epsilon = epsilonOption(opts.epsilon);
      const text = await readTextFile(leak, { maxBytes: MAX_BYTES });
      const report = await withDatabase(opts, async (db) => {
        const [n] = await db.query('SELECT 1 FROM negotiations WHERE negotiation_id = $1', [negotiationId]);
        if (!n) throw new ParleyError('negotiation_not_found', `No negotiation with id ${negotiationId}.`);
        return traceReport(await traceLeakIn(db, negotiationId, text, { versionId, readoutId, epsilon }));
      });
      if (opts.json) {
        printJson(report);
        return;
      }
      if (!report.document) {
        printLine(`No match: the text is not from any copy issued in this negotiation (best coverage ${(report.coverage * 100).toFixed(0)}%).`);
        return;
      }
      printLine(`Read against ${report.document.kind} "${report.document.label}" (${report.document.lang}), ${(report.coverage * 100).toFixed(0)}% of its words found.`);
      printLine(`Slots read: ${report.slotsRead} (${report.wordingSlotsRead} wording, ${report.formatSlotsRead} format); ε = ${report.epsilon}.`);
      const accused = report.suspects.filter((s) => s.accused);
      printLine(accused.length > 0 ? `Accused: ${accused.map((s) => `${s.recipientName} <${s.recipient}>`).join(', ')}` : 'No accusation: the evidence is not enough.');
      for (const s of report.suspects.slice(0, 10)) {
        printLine(`  ${s.accused ? '!' : ' '} ${s.recipient.padEnd(28)} score ${s.score.toFixed(1).padStart(7)}  threshold ${(s.threshold === null ? '—' : s.threshold.toFixed(1)).padStart(7)}  matched ${s.slotsMatched}/${s.slotsCompared}`);
      }
    });
}
