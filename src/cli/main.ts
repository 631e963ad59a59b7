/**
 * The `parley` command. Every failure ends here: one line on stderr naming what went wrong
 * and what to do, and a non-zero exit (2 for bad input, 1 otherwise).
 */
import { Command, CommanderError } from 'commander';
import { ParleyError } from '../domain/errors.ts';
import { registerAdminCommand } from './commands/admin.command.ts';
import { registerDemoCommand } from './commands/demo.command.ts';
import { registerDiffCommand } from './commands/diff.command.ts';
import { registerPointsCommand } from './commands/points.command.ts';
import { registerQuotesCommand } from './commands/quotes.command.ts';
import { registerRemoteCommands } from './commands/remote/index.ts';
import { registerSettleCommand } from './commands/settle.command.ts';
import { registerServeCommand } from './commands/serve.command.ts';
import { registerTraceCommand } from './commands/trace.command.ts';
import { registerTransferCommands } from './commands/transfer.command.ts';
import { registerVerifyCommand } from './commands/verify.command.ts';

export function buildProgram(): Command {
  const program = new Command('parley')
    .description('Parley: the record and workroom of a confidential multi-party negotiation')
    .version('0.1.0')
    // Program options only before the command, so `parley trace --version V` is the command's own option.
    .enablePositionalOptions()
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerServeCommand(program);
  registerDemoCommand(program);
  registerAdminCommand(program);
  registerPointsCommand(program);
  registerDiffCommand(program);
  registerQuotesCommand(program);
  registerSettleCommand(program);
  registerVerifyCommand(program);
  registerTraceCommand(program);
  registerTransferCommands(program);
  registerRemoteCommands(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

export function exitCodeFor(error: ParleyError): number {
  return error.status >= 400 && error.status < 500 && error.code !== 'data_dir_locked' ? 2 : 1;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander already printed its message (or help/version, which exit 0).
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof ParleyError) {
      process.stderr.write(`parley: ${e.message}\n`);
      return exitCodeFor(e);
    }
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`parley: ${err.code ? `${err.code}: ` : ''}${err.message || String(e)}\n`);
    return 1;
  }
}

const code = await main(process.argv);
// serve keeps running; every other command ends here.
if (code !== 0) process.exit(code);
