/**
 * `parley quotes FILE`: the quotations in a news report (plain text or HTML) with their
 * speakers, offline. `--people people.json` names the people to resolve speakers to.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ParleyError } from '../../domain/errors.ts';
import { extractQuotes, type ExtractedQuote } from '../../domain/quotes/extract-quotes.ts';
import { PeopleFile } from '../../domain/quotes/people.ts';
import type { KnownPerson } from '../../domain/quotes/types.ts';
import { printJson, printLine } from '../output.ts';
import { readTextFile } from '../read-input.ts';

/** A news page is far below this; anything larger is not one report. */
const MAX_BYTES = 5 * 1024 * 1024;

async function readPeople(path: string): Promise<KnownPerson[]> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new ParleyError('invalid_input', `Cannot read the people file ${path}; check the path.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ParleyError('invalid_input', `${path} is not valid JSON; it must be a list like [{"name": "Yuri Ushakov", "party": "Russia", "aliases": ["Ushakov"]}].`);
  }
  const parsed = PeopleFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : ` at ${issue.path.join('.') || 'the top'}: ${issue.message}`;
    throw new ParleyError('invalid_input', `${path} is not a people list${where}; each entry needs a "name" (and may have "party" and "aliases").`);
  }
  return parsed.data;
}

function printTable(quotes: readonly ExtractedQuote[]): void {
  if (quotes.length === 0) {
    printLine('No quotations found.');
    return;
  }
  for (const q of quotes) {
    const who = q.person !== null && q.person !== q.speaker ? `${q.speaker ?? '?'} (${q.person})` : (q.speaker ?? '(unattributed)');
    printLine(`${q.line}:${q.start}\t${q.kind}\t${who}\t${q.quote}`);
  }
  printLine(`${quotes.length} quotation${quotes.length === 1 ? '' : 's'}.`);
}

export function registerQuotesCommand(program: Command): void {
  program
    .command('quotes')
    .description('extract the quotations in a news report (text or HTML) and who said them')
    .argument('<file>', 'the report, UTF-8 text or an HTML page')
    .option('--people <file>', 'people.json: [{"name", "party", "aliases"}] to resolve speakers to')
    .option('--lang <code>', 'the language of the report (ISO 639-1, e.g. ur, ar, fa, ru, uk, en); detected when omitted')
    .option('--html', 'read the file as an HTML page (detected when omitted)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { people?: string; lang?: string; html?: boolean; json?: boolean }) => {
      if (opts.lang !== undefined && !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u.test(opts.lang)) {
        throw new ParleyError('invalid_input', `--lang "${opts.lang}" is not a language code; use ISO 639-1 such as ur, ar or ru.`);
      }
      const people = opts.people === undefined ? undefined : await readPeople(opts.people);
      const text = await readTextFile(file, { maxBytes: MAX_BYTES });
      const quotes = extractQuotes(text, { lang: opts.lang, people, html: opts.html === true ? true : undefined });
      if (opts.json === true) printJson(quotes);
      else printTable(quotes);
    });
}
