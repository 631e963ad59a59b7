/**
 * One job in a worker thread, so a synchronous computation (a HiGHS solve can take seconds)
 * never blocks the server's event loop. Both ends of the protocol live here: `runInWorker`
 * on the calling side, `serveJob` in the worker's entry module.
 *
 * Each job gets a fresh worker, ended when it answers: no state outlives a job, a crash takes
 * only its own job down, and an aborted job (the client went away) is stopped by
 * `terminate()`, which interrupts even a solve in progress.
 *
 * The sources are TypeScript run through tsx, and a worker does not inherit the parent's
 * loader hooks. On Node 20, `execArgv: ['--import', 'tsx']` registers them too late for the
 * worker's own entry module (ERR_UNKNOWN_FILE_EXTENSION), so the worker starts from a two-line
 * script that registers tsx and only then imports the entry.
 */
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { isParleyError, ParleyError, errorCodes, type ErrorCode } from '../domain/errors.ts';

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string | null; message: string; detail?: Record<string, unknown> } };

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

export interface RunOptions {
  /** Aborting ends the worker at once and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Runs `entry` (a module that calls `serveJob`) on `input` in a new worker thread. */
export function runInWorker(entry: URL, input: unknown, opts: RunOptions = {}): Promise<unknown> {
  const { signal } = opts;
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { tsx: import.meta.resolve('tsx/esm/api'), entry: entry.href } });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      f();
      void worker.terminate();
    };
    const onAbort = () => settle(() => reject(signal!.reason as Error));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: Reply) => settle(() => (reply.ok ? resolve(reply.value) : reject(revive(reply.error)))));
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the worker stopped before answering (exit code ${code})`))));
    worker.postMessage(input);
  });
}

/**
 * The worker side: answer the one message with `handler`'s result. Errors cross as data
 * (structured cloning keeps neither the class nor the code), and a ParleyError is rebuilt on
 * the calling side so the edge maps it as if it had been thrown there.
 */
export function serveJob(handler: (input: unknown) => Promise<unknown>): void {
  const port = parentPort;
  if (port === null || workerData === undefined) throw new Error('serveJob runs only in a worker started by runInWorker');
  port.once('message', (input: unknown) => {
    handler(input).then(
      (value) => port.postMessage({ ok: true, value } satisfies Reply),
      (e: unknown) => {
        const error = isParleyError(e)
          ? { code: e.code, message: e.message, ...(e.detail ? { detail: { ...e.detail } } : {}) }
          : { code: null, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
        port.postMessage({ ok: false, error } satisfies Reply);
      },
    );
  });
}

function revive(error: Extract<Reply, { ok: false }>['error']): Error {
  if (error.code !== null && error.code in errorCodes) return new ParleyError(error.code as ErrorCode, error.message, error.detail);
  return new Error(`in the worker: ${error.message}`);
}
