/** `parley point add | list`: the working text, point by point. */
import type { Command } from 'commander';
import { z } from 'zod';
import { ParleyError } from '../../../domain/errors.ts';
import { Written } from '../../../protocol/common.schema.ts';
import { PointOut } from '../../../protocol/negotiation.schema.ts';
import { signedInClient } from '../../http/credentials.ts';
import { collect, getNegotiation, negotiationPath, pickText, resolvePointId, splitList } from '../../http/lookup.ts';
import { printJson, printLine } from '../../output.ts';

interface AddOptions {
  negotiation: string; text: string; lang?: string; number?: string; tag?: string[]; after?: string; first?: boolean;
  section?: string; illustrative?: boolean; json?: boolean;
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map((line, i) => (i === 0 ? line : prefix + line)).join('\n');
}

export function registerPointCommands(program: Command): void {
  const point = program.command('point').description('points of a negotiation\'s working text (after parley login)');

  point
    .command('add')
    .description('add a point to the working text (mediator)')
    .requiredOption('--negotiation <id>', 'the negotiation')
    .requiredOption('--text <text>', 'the point\'s text')
    .option('--lang <code>', 'the language of --text (default: the drafting language)')
    .option('--number <n>', 'its number, e.g. 3 or 3a (default: the next one)')
    .option('--tag <tag>', 'a taxonomy tag such as security-sector/ceasefire; repeat or comma-separate for several', collect)
    .option('--after <point>', 'place it after this point (id or number; default: at the end)')
    .option('--first', 'place it first')
    .option('--section <id>', 'the section it belongs to')
    .option('--illustrative', 'mark the text as standing in for one the sources do not give')
    .option('--json', 'print the API answer as JSON')
    .action(async (opts: AddOptions) => {
      if (opts.first && opts.after !== undefined) throw new ParleyError('invalid_input', 'give --first or --after, not both.');
      const { client } = await signedInClient();
      const lang = opts.lang ?? (await getNegotiation(client, opts.negotiation)).data.draftingLanguage;
      const afterPointId = opts.first ? null : opts.after === undefined ? undefined : await resolvePointId(client, opts.negotiation, opts.after, '--after');
      const body = {
        texts: { [lang]: opts.text },
        tags: splitList(opts.tag),
        ...(opts.number === undefined ? {} : { number: opts.number }),
        ...(afterPointId === undefined ? {} : { afterPointId }),
        ...(opts.section === undefined ? {} : { sectionId: opts.section }),
        ...(opts.illustrative ? { illustrative: true } : {}),
      };
      const { data, raw } = await client.post(negotiationPath(opts.negotiation, '/points'), body, Written);
      if (opts.json) return printJson(raw);
      // The number the server gave it (renumbering may have moved others) is in the point itself.
      const added = data.id ? (await client.get(negotiationPath(opts.negotiation, `/points/${data.id}`), PointOut)).data : null;
      const number = added?.number ?? opts.number;
      printLine(`Added point${number === undefined ? '' : ` ${number}`} (${data.id ?? 'no id returned'}).`);
    });

  point
    .command('list')
    .description('the working text, point by point')
    .requiredOption('--negotiation <id>', 'the negotiation')
    .option('--lang <code>', 'show the text in this language where it has one (default: the drafting language)')
    .option('--include-removed', 'also show removed points')
    .option('--ids', 'show each point\'s id')
    .option('--json', 'print the API answer as JSON')
    .action(async (opts: { negotiation: string; lang?: string; includeRemoved?: boolean; ids?: boolean; json?: boolean }) => {
      const { client } = await signedInClient();
      const query = opts.includeRemoved ? { includeRemoved: 'true' } : undefined;
      const { data, raw } = await client.get(negotiationPath(opts.negotiation, '/points'), z.object({ items: z.array(PointOut) }), query);
      if (opts.json) return printJson(raw);
      if (data.items.length === 0) return printLine('The working text has no points yet: add them with parley point add.');
      const drafting = opts.lang ?? (await getNegotiation(client, opts.negotiation)).data.draftingLanguage;
      for (const p of data.items) {
        const label = `${p.number}. `;
        const marks = [p.removed ? 'removed' : '', p.illustrative ? 'illustrative' : '', ...p.tags].filter(Boolean);
        printLine(label + indent(pickText(p.texts, [drafting]), ' '.repeat(label.length)));
        const extra = [opts.ids ? p.id : '', marks.length ? `[${marks.join(', ')}]` : ''].filter(Boolean);
        if (extra.length) printLine(' '.repeat(label.length) + extra.join(' '));
      }
    });
}
