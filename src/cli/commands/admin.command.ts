/**
 * `parley admin create`: the first administrator (or another one), on the data directory
 * or database this machine holds. Everyone else joins by invitation to a negotiation.
 * Without --password-stdin a strong password is generated and printed once; only its
 * argon2id hash is stored.
 */
import type { Command } from 'commander';
import { ParleyError } from '../../domain/errors.ts';
import { printJson, printLine } from '../output.ts';
import { withDatabase, withStorageOption } from '../storage-options.ts';

/** The password on stdin, as `printf '%s' "$PW" | parley admin create ...` or `echo` sends it: one trailing newline is not part of it. */
async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new ParleyError('invalid_input', '--password-stdin reads the password from a pipe, e.g. printf %s "$PASSWORD" | parley admin create --email you@example.org --password-stdin');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > 4096) throw new ParleyError('invalid_input', 'The password on stdin is longer than any password may be.');
    chunks.push(b);
  }
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (text === '') throw new ParleyError('invalid_input', 'No password arrived on stdin.');
  return text;
}

export function registerAdminCommand(program: Command): void {
  const admin = program.command('admin').description('administrator accounts');
  withStorageOption(admin.command('create'))
    .description('create an administrator account (prints a generated password once unless --password-stdin)')
    .requiredOption('--email <email>', 'the email the administrator signs in with')
    .option('--name <name>', 'display name', 'Administrator')
    .option('--password-stdin', 'read the password from stdin instead of generating one')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { data?: string; email: string; name: string; passwordStdin?: boolean; json?: boolean }) => {
      const password = opts.passwordStdin ? await readPasswordFromStdin() : undefined;
      const { createAdmin } = await import('../../store/accounts/register.ts');
      const created = await withDatabase(opts, (db) => createAdmin(db, { email: opts.email, displayName: opts.name, ...(password === undefined ? {} : { password }) }));
      const account = { id: created.account.id, email: created.account.email, displayName: created.account.displayName, isAdmin: true };
      if (opts.json) {
        printJson({ account, ...(created.generated ? { password: created.password } : {}) });
        return;
      }
      printLine(`Created administrator ${account.email} (${account.id}).`);
      if (created.generated) {
        printLine(`Password (shown only this once; change it after signing in): ${created.password}`);
      }
    });
}
