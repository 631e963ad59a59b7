/** `parley party add | list`: the sides at the table. */
import type { Command } from 'commander';
import { z } from 'zod';
import { Written } from '../../../protocol/common.schema.ts';
import { PartyOut } from '../../../protocol/negotiation.schema.ts';
import { terminalSafe } from '../../http/client.ts';
import { signedInClient } from '../../http/credentials.ts';
import { columns, getNegotiation, negotiationPath, pickText } from '../../http/lookup.ts';
import { printJson, printLine } from '../../output.ts';

interface AddOptions { negotiation: string; name: string; short: string; lang?: string; broker?: boolean; json?: boolean }

export function registerPartyCommands(program: Command): void {
  const party = program.command('party').description('the parties of a negotiation (after parley login)');

  party
    .command('add')
    .description('add a party to the table (mediator)')
    .requiredOption('--negotiation <id>', 'the negotiation')
    .requiredOption('--name <name>', 'the party\'s name, e.g. "United States"')
    .requiredOption('--short <code>', 'a short name used in tables and in --party, e.g. US (at most 32 characters)')
    .option('--lang <code>', 'the language of --name (default: the drafting language)')
    .option('--broker', 'the party also acts as broker between the others')
    .option('--json', 'print the API answer as JSON')
    .action(async (opts: AddOptions) => {
      const { client } = await signedInClient();
      const lang = opts.lang ?? (await getNegotiation(client, opts.negotiation)).data.draftingLanguage;
      const body = { name: { [lang]: opts.name }, shortName: opts.short, broker: opts.broker === true };
      const { data, raw } = await client.post(negotiationPath(opts.negotiation, '/parties'), body, Written);
      if (opts.json) printJson(raw);
      else printLine(`Added party ${terminalSafe(opts.short, { oneLine: true })} (${data.id ?? 'no id returned'}).`);
    });

  party
    .command('list')
    .description('the parties at the table')
    .requiredOption('--negotiation <id>', 'the negotiation')
    .option('--lang <code>', 'show names in this language where they have it')
    .option('--json', 'print the API answer as JSON')
    .action(async (opts: { negotiation: string; lang?: string; json?: boolean }) => {
      const { client } = await signedInClient();
      const { data, raw } = await client.get(negotiationPath(opts.negotiation, '/parties'), z.object({ items: z.array(PartyOut) }));
      if (opts.json) return printJson(raw);
      if (data.items.length === 0) return printLine('No parties yet: add them with parley party add.');
      columns([
        ['ID', 'SHORT', 'NAME'],
        ...data.items.map((p) => [p.id, terminalSafe(p.shortName) + (p.broker ? ' (broker)' : ''), pickText(p.name, [opts.lang, 'en'])]),
      ]).forEach(printLine);
    });
}
