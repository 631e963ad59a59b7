/** `parley negotiation create | list | show`: negotiations on the server signed in to. */
import type { Command } from 'commander';
import { z } from 'zod';
import { ParleyError } from '../../../domain/errors.ts';
import { Lang } from '../../../domain/model.ts';
import { Written } from '../../../protocol/common.schema.ts';
import { NegotiationSummary } from '../../../protocol/negotiation.schema.ts';
import { terminalSafe } from '../../http/client.ts';
import { signedInClient } from '../../http/credentials.ts';
import { columns, getNegotiation, listParties, pickText, splitList } from '../../http/lookup.ts';
import { printJson, printLine } from '../../output.ts';

function parseLanguages(value: string | undefined, drafting: string | undefined): { languages: string[]; drafting: string } {
  const languages = splitList(value);
  if (languages.length === 0) languages.push(drafting ?? 'en');
  const draftingLanguage = drafting ?? languages[0]!;
  for (const lang of [...languages, draftingLanguage]) {
    if (!Lang.safeParse(lang).success) throw new ParleyError('invalid_input', `"${lang}" is not a language code such as en, ur, ru or uk.`);
  }
  if (!languages.includes(draftingLanguage)) {
    throw new ParleyError('invalid_input', `--drafting ${draftingLanguage} must be one of --languages (${languages.join(', ')}).`);
  }
  return { languages: [...new Set(languages)], drafting: draftingLanguage };
}

interface CreateOptions { title: string; languages?: string; drafting?: string; description?: string; mediatorName?: string; json?: boolean }

export function registerNegotiationCommands(program: Command): void {
  const negotiation = program.command('negotiation').description('negotiations on the Parley server (after parley login)');

  negotiation
    .command('create')
    .description('open a negotiation; you become its mediator (administrators only)')
    .requiredOption('--title <text>', 'the title, in the drafting language')
    .option('--languages <codes>', 'its languages, comma-separated, e.g. en,ur (default: the drafting language)')
    .option('--drafting <code>', 'the language the text is drafted in (default: the first of --languages)')
    .option('--description <text>', 'a description, in the drafting language')
    .option('--mediator-name <name>', "the mediator's office as members see it (default: your display name)")
    .option('--json', 'print the API answer as JSON')
    .action(async (opts: CreateOptions) => {
      const { languages, drafting } = parseLanguages(opts.languages, opts.drafting);
      const { client } = await signedInClient();
      const body = {
        title: { [drafting]: opts.title },
        ...(opts.description === undefined ? {} : { description: { [drafting]: opts.description } }),
        languages, draftingLanguage: drafting,
        ...(opts.mediatorName === undefined ? {} : { mediatorName: opts.mediatorName }),
      };
      const { data, raw } = await client.post('/api/negotiations', body, Written);
      if (opts.json) printJson(raw);
      else printLine(`Created negotiation ${data.id ?? '(no id returned)'}: ${terminalSafe(opts.title, { oneLine: true })} (${languages.join(', ')}; drafted in ${drafting}).`);
    });

  negotiation
    .command('list')
    .description('the negotiations you are a member of')
    .option('--json', 'print the API answer as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { client } = await signedInClient();
      const { data, raw } = await client.get('/api/negotiations', z.object({ items: z.array(NegotiationSummary) }));
      if (opts.json) return printJson(raw);
      if (data.items.length === 0) return printLine('You are not a member of any negotiation yet.');
      columns([
        ['ID', 'ROLE', 'LANGUAGES', 'TITLE'],
        ...data.items.map((n) => [n.id, n.membership.role, n.languages.join(','), pickText(n.title, n.languages)]),
      ]).forEach(printLine);
    });

  negotiation
    .command('show')
    .description('one negotiation and your place in it')
    .argument('[id]', 'the negotiation (or --negotiation)')
    .option('--negotiation <id>', 'the negotiation')
    .option('--json', 'print the API answer as JSON')
    .action(async (id: string | undefined, opts: { negotiation?: string; json?: boolean }) => {
      const negotiationId = id ?? opts.negotiation;
      if (negotiationId === undefined) throw new ParleyError('invalid_input', 'which negotiation? parley negotiation show ID (parley negotiation list shows the ids).');
      const { client } = await signedInClient();
      const { data: n, raw } = await getNegotiation(client, negotiationId);
      if (opts.json) return printJson(raw);
      const party = n.membership.partyId ? (await listParties(client, n.id)).find((p) => p.id === n.membership.partyId) : undefined;
      const langs = [n.draftingLanguage, ...n.languages];
      printLine(pickText(n.title, langs));
      const description = pickText(n.description, langs);
      if (description) printLine(description);
      columns([
        ['id', n.id],
        ['languages', `${n.languages.join(', ')} (drafted in ${n.draftingLanguage})`],
        ['created', n.createdAt],
        ['events', String(n.headSeq)],
        ['you', `${n.membership.role}${n.membership.partyId ? ` of ${party ? terminalSafe(party.shortName) : 'party'} (${n.membership.partyId})` : " in the mediator's office"}, member ${n.membership.memberId}`],
      ]).forEach((line) => printLine(`  ${line}`));
    });
}
