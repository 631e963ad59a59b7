import type { Command } from 'commander';
import { ParleyError } from '../../domain/errors.ts';
import { listNegotiationIds, verifyNegotiation, type VerifyResult } from '../../store/event-log.ts';
import { requireNegotiationId } from '../negotiation-id.ts';
import { printJson, printLine } from '../output.ts';
import { withDatabase, withStorageOption } from '../storage-options.ts';

export function registerVerifyCommand(program: Command): void {
  withStorageOption(program.command('verify'))
    .description('recompute every hash chain; exit 1 naming the first bad event')
    .option('--negotiation <id>', 'verify only this negotiation')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { data?: string; negotiation?: string; json?: boolean }) => {
      if (opts.negotiation !== undefined) requireNegotiationId(opts.negotiation);
      const results: VerifyResult[] = await withDatabase(opts, async (db) => {
        const ids = opts.negotiation ? [opts.negotiation] : await listNegotiationIds(db);
        const out = [];
        for (const id of ids) out.push(await verifyNegotiation(db, id));
        return out;
      });
      if (opts.negotiation && results[0]?.events === 0 && !results[0].head) {
        throw new ParleyError('negotiation_not_found', `No negotiation with id ${opts.negotiation}.`);
      }
      const bad = results.find((r) => r.broken);
      if (opts.json) printJson({ ok: !bad, negotiations: results.map((r) => ({ id: r.negotiationId, events: r.events, broken: r.broken })) });
      else for (const r of results) printLine(r.broken ? `✗ ${r.negotiationId}: broken at seq ${r.broken.seq} (${r.broken.reason})` : `✓ ${r.negotiationId}: ${r.events} events, chain intact`);
      if (bad?.broken) {
        throw new ParleyError('chain_broken', `Negotiation ${bad.negotiationId}: the record is broken at seq ${bad.broken.seq}: ${bad.broken.reason}.`, { seq: bad.broken.seq });
      }
      if (results.length === 0 && !opts.json) printLine('No negotiations to verify.');
    });
}
