import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { WEB_DIST } from '../../server/web/web-dist.ts';
import { ParleyError } from '../../domain/errors.ts';
import { printLine, progressBar } from '../output.ts';
import { openStorage, withStorageOption } from '../storage-options.ts';
import { describeDemo } from './demo.command.ts';

export function registerServeCommand(program: Command): void {
  withStorageOption(program.command('serve'))
    .description('start the Parley server')
    .option('--port <n>', 'port to listen on (default $PORT or 3000)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--demo', 'load the demo negotiation first if it is not there')
    .option('--secure-cookies', 'mark the session cookie Secure (when a TLS proxy sits in front)')
    .option('--trust-proxy <addresses>', 'addresses of reverse proxies whose X-Forwarded-* headers to believe, e.g. "loopback" or "10.0.0.0/8,127.0.0.1" (default: none)')
    .action(async (opts: { data?: string; port?: string; host: string; demo?: boolean; secureCookies?: boolean; trustProxy?: string }) => {
      const trustProxy = opts.trustProxy?.trim() ?? '';
      if (opts.trustProxy !== undefined && !/^[0-9A-Za-z.:/,\s]+$/.test(trustProxy)) throw new ParleyError('invalid_input', `--trust-proxy takes addresses or ranges such as "loopback" or "10.0.0.0/8", not "${opts.trustProxy}".`);
      const port = Number.parseInt(opts.port ?? process.env.PORT ?? '3000', 10);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ParleyError('invalid_input', `--port must be a number between 0 and 65535, not "${opts.port ?? process.env.PORT ?? ''}".`);
      const [{ buildDemo }, { buildApp }] = await Promise.all([import('../../demo/build-demo.ts'), import('../../server/app.ts')]);
      const db = await openStorage(opts);
      const controller = new AbortController();
      try {
        // A database with no account at all gets an administrator, whose password is shown this once.
        const { createFirstAdminIfNone } = await import('../../store/accounts/register.ts');
        const admin = await createFirstAdminIfNone(db);
        if (admin) {
          printLine(`Created the first administrator: ${admin.account.email}`);
          printLine(`  password: ${admin.password}   (shown only this once; sign in and change it, or run parley admin create)`);
        }
        if (opts.demo) {
          describeDemo(await buildDemo(db, progressBar('demo'))).forEach(printLine);
          if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host)) {
            process.stderr.write(`parley: warning: the demo accounts share a published password, and ${opts.host} may be reachable from other machines.\n`);
          }
        }
        const app = await buildApp({ db, logger: false, secureCookies: opts.secureCookies ?? false, trustProxy: trustProxy === '' ? false : trustProxy });
        const address = await app.listen({ port, host: opts.host });
        printLine(`Parley is serving ${db.kind === 'pglite' ? `the data directory ${db.location}` : db.location} at ${address}`);
        printLine(existsSync(`${WEB_DIST}index.html`)
          ? `  open ${address}/ in a browser (the web app)`
          : '  the web app is not built: run `npm run build:web` (npm start does it), then open the address above');
        printLine(`  ${address}/api/openapi.json (the API)`);
        const stop = async () => {
          if (controller.signal.aborted) return;
          controller.abort();
          await app.close();
          await db.close();
        };
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
      } catch (e) {
        await db.close();
        throw e;
      }
    });
}
