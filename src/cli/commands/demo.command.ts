import type { Command } from 'commander';
import { buildDemo, type DemoResult } from '../../demo/build-demo.ts';
import { printJson, printLine, progressBar } from '../output.ts';
import { withDatabase, withStorageOption } from '../storage-options.ts';

export function describeDemo(r: DemoResult): string[] {
  const lines = [
    r.created ? `Built the demo negotiation ${r.negotiationId} (${r.events} events).` : `The demo negotiation ${r.negotiationId} is already here (${r.events} events).`,
    `Sign in as any member with its email and the shared demo password "${r.password}" (local demo only: never expose a demo server).`,
  ];
  for (const m of r.members) lines.push(`  ${(m.party ?? "mediator's office").padEnd(18)} ${m.role.padEnd(11)} ${m.displayName.padEnd(36)} ${(m.email ?? '(no account)').padEnd(26)} ${m.id}`);
  return lines;
}

export function registerDemoCommand(program: Command): void {
  withStorageOption(program.command('demo'))
    .description('load the demo negotiation built from the seed news report (idempotent)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { data?: string; json?: boolean }) => {
      const result = await withDatabase(opts, (db) => buildDemo(db, progressBar('demo')));
      if (opts.json) printJson(result);
      else describeDemo(result).forEach(printLine);
    });
}
