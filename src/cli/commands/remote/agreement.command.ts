/**
 * `parley agreement`: the agreement map, points × parties, as the signed-in member may see
 * it. A dash is a position this member cannot see or that was never set: the map never
 * tells the two apart, because telling would reveal that a hidden position exists.
 */
import type { Command } from 'commander';
import { AgreementOut } from '../../../protocol/negotiation.schema.ts';
import { terminalSafe } from '../../http/client.ts';
import { signedInClient } from '../../http/credentials.ts';
import { columns, listParties, negotiationPath } from '../../http/lookup.ts';
import { printJson, printLine } from '../../output.ts';

export function registerAgreementCommand(program: Command): void {
  program
    .command('agreement')
    .description('the agreement map: each point\'s status and every position you may see (after parley login)')
    .requiredOption('--negotiation <id>', 'the negotiation')
    .option('--reasons', 'also list the reason given with each position')
    .option('--json', 'print the API answer as JSON')
    .action(async (opts: { negotiation: string; reasons?: boolean; json?: boolean }) => {
      const { client } = await signedInClient();
      const { data, raw } = await client.get(negotiationPath(opts.negotiation, '/agreement'), AgreementOut);
      if (opts.json) return printJson(raw);
      const parties = await listParties(client, opts.negotiation);
      const shortName = new Map(parties.map((p) => [p.id, terminalSafe(p.shortName, { oneLine: true })]));
      const names = data.parties.map((id) => shortName.get(id) ?? id.slice(0, 8));
      if (data.rows.length === 0) {
        printLine('The working text has no points yet.');
      } else {
        columns([
          ['POINT', 'STATUS', ...names],
          ...data.rows.map((r) => [r.number, r.status, ...data.parties.map((id) => r.cells[id]?.level ?? '-')]),
        ]).forEach(printLine);
      }
      if (opts.reasons) {
        for (const r of data.rows) {
          for (const id of data.parties) {
            const cell = r.cells[id];
            if (cell && cell.reason.trim() !== '') printLine(`  ${r.number} ${shortName.get(id) ?? id}: ${terminalSafe(cell.reason, { oneLine: true })}`);
          }
        }
      }
      printLine(`Overall: ${data.overall.status}. ${terminalSafe(data.overall.summary, { oneLine: true })}`);
    });
}
