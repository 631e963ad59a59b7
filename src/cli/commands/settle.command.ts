/**
 * `parley settle CASE.json [--baseline PKG.json] [--json]`: the settlement analysis of a case
 * file, offline (docs/settlement.md): the Pareto frontier, Nash, Kalai–Smorodinsky, maximin,
 * utilitarian, Adjusted Winner for two parties with divisible issues, and improvements on a
 * baseline package.
 */
import type { Command } from 'commander';
import { ParleyError } from '../../domain/errors.ts';
import { analyzeCase, toCaseJson, type CaseJson, type SuggestionJson } from '../../domain/settlement/analyze.ts';
import type { Package } from '../../domain/settlement/model.ts';
import { prepareCase } from '../../domain/settlement/prepare-case.ts';
import { PackageInput } from '../../domain/settlement/utility.ts';
import { loadHighsSolver } from '../../solver/highs.ts';
import { printJson, printLine } from '../output.ts';
import { readTextFile } from '../read-input.ts';

/** A case of 16 parties and 100 issues is far below this. */
const MAX_BYTES = 5 * 1024 * 1024;

async function readJson(path: string, what: string): Promise<unknown> {
  const text = await readTextFile(path, { maxBytes: MAX_BYTES });
  try {
    return JSON.parse(text);
  } catch (e) {
    const detail = e instanceof SyntaxError ? ` (${e.message})` : '';
    throw new ParleyError('invalid_input', `${path} is not valid JSON${detail}; ${what}.`);
  }
}

const PACKAGE_FORM = 'a package maps each issue id to an option, or to {"party": share} for a divisible issue';

async function readBaseline(path: string): Promise<Package> {
  const parsed = PackageInput.safeParse(await readJson(path, PACKAGE_FORM));
  if (!parsed.success) throw new ParleyError('invalid_input', `${path} is not a package; ${PACKAGE_FORM}.`);
  return parsed.data;
}

const num = (x: number) => String(x);
const signed = (x: number) => (x > 0 ? `+${x}` : String(x));

function packageLine(pkg: Package): string {
  return Object.entries(pkg)
    .map(([issue, value]) => `${issue}: ${typeof value === 'string' ? value : Object.entries(value).map(([party, s]) => `${party} ${num(s)}`).join(' / ')}`)
    .join(' · ');
}

function printSuggestion(title: string, s: SuggestionJson | null): void {
  printLine('');
  if (s === null) {
    printLine(`${title}: none (see the notes)`);
    return;
  }
  const how = `${s.method.method}${s.method.exact ? ', exact' : `, gap ${s.method.gap ?? '?'}`}`;
  printLine(`${title} (${how})`);
  printLine(`  package  ${packageLine(s.package)}`);
  printLine(`  utility  ${Object.entries(s.utilities).map(([party, u]) => `${party} ${num(u)} (${signed(s.gains[party]!)})`).join(' · ')}`);
}

function printTable(json: CaseJson, parties: readonly string[], issues: number): void {
  printLine(`Settlement of ${parties.length} parties (${parties.join(', ')}) over ${issues} issue${issues === 1 ? '' : 's'}; utilities on each party's own 0–100 scale, gains over its disagreement value in brackets.`);
  printLine(json.frontierSize === null ? 'Pareto frontier: not enumerated (see the notes).' : `Pareto frontier: ${json.frontierSize} package${json.frontierSize === 1 ? '' : 's'} that every party prefers to no deal.`);
  printSuggestion('Nash bargaining solution', json.nash);
  printSuggestion('Kalai–Smorodinsky', json.kalaiSmorodinsky);
  printSuggestion('Maximin (leximin of gains)', json.maximin);
  printSuggestion('Utilitarian (largest total)', json.utilitarian);
  if (json.adjustedWinner !== null) {
    const aw = json.adjustedWinner;
    printLine('');
    printLine('Adjusted Winner');
    printLine(`  allocation  ${packageLine(aw.allocation)}`);
    printLine(`  split       ${aw.split === null ? 'none' : `${aw.split.issue}: ${Object.entries(aw.split.shares).map(([p, s]) => `${p} ${num(s)}`).join(' / ')}`}`);
    printLine(`  utility     ${Object.entries(aw.utilities).map(([p, u]) => `${p} ${num(u)}`).join(' · ')}`);
  }
  if (json.improvement !== undefined) {
    if (json.improvement === null) {
      printLine('');
      printLine('Improvement on the baseline: none (see the notes)');
    } else {
      printSuggestion('Improvement on the baseline (gains over the baseline in brackets)', json.improvement);
      if (json.improvement.paretoImprovements !== null) printLine(`  ${json.improvement.paretoImprovements} Pareto-optimal package(s) leave no party worse off than the baseline.`);
    }
  }
  if (json.notes.length > 0) {
    printLine('');
    printLine('Notes');
    for (const note of json.notes) printLine(`  - ${note}`);
  }
}

export function registerSettleCommand(program: Command): void {
  program
    .command('settle')
    .description('analyse a settlement case: Pareto frontier, Nash, Kalai–Smorodinsky, maximin, utilitarian, Adjusted Winner')
    .argument('<case>', 'CASE.json: {"parties", "issues", "scores"} (docs/settlement.md)')
    .option('--baseline <file>', 'PKG.json: an agreed package {"issue": "option" | {"party": share}} to improve on')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { baseline?: string; json?: boolean }) => {
      const c = prepareCase(await readJson(file, 'a case needs "parties", "issues" and "scores" (docs/settlement.md)'));
      const baseline = opts.baseline === undefined ? undefined : await readBaseline(opts.baseline);
      const solver = await loadHighsSolver();
      const json = toCaseJson(analyzeCase(c, { solver, baseline }), c);
      if (opts.json === true) printJson(json);
      else printTable(json, c.parties, c.issues.length);
    });
}
