/**
 * The `parley` command as a person runs it: a child process with its own exit code,
 * stdout and stderr. The environment is cleaned of DATABASE_URL and PARLEY_DATA so each
 * test says which storage the command uses (`--data DIR`).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const parleyBin = join(repoRoot, 'bin', 'parley.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', PARLEY_DATA: '', ...extra };
  // A developer's NODE_OPTIONS (inspectors, loaders) must not change what the child does.
  delete env.NODE_OPTIONS;
  return env;
}

/** Runs `node bin/parley.js ...args` to completion. */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [parleyBin, ...args], { cwd: repoRoot, env: cliEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 45_000);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
  });
}

/** The lines of a stream's output, without the trailing empty one. */
export function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * What every failing command must look like to a person: a non-zero exit and exactly one
 * line on stderr, starting with "parley:", with no stack trace.
 */
export function expectOneLineError(r: CliResult): string {
  const lines = linesOf(r.stderr);
  const problems: string[] = [];
  if (r.code === 0 || r.code === null) problems.push(`exit code ${String(r.code)} (signal ${String(r.signal)})`);
  if (lines.length !== 1) problems.push(`${lines.length} lines on stderr`);
  if (!lines[0]?.startsWith('parley: ')) problems.push('stderr does not start with "parley: "');
  if (/\n\s+at\s|node:internal|\.ts:\d+:\d+/.test(r.stderr)) problems.push('stderr holds a stack trace');
  if (problems.length > 0) {
    throw new Error(`${problems.join('; ')}\n--- stderr ---\n${r.stderr}\n--- stdout ---\n${r.stdout}`);
  }
  return lines[0] ?? '';
}

export interface RunningServer {
  child: ChildProcessWithoutNullStreams;
  /** The address the server printed, e.g. http://127.0.0.1:40123 */
  url: string;
  /** Everything the server printed on stdout so far. */
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then SIGKILL if it does not exit in time; resolves when it has exited. */
  stop(): Promise<void>;
}

/** Starts `parley serve ...args` and resolves once it prints the line saying it is serving. */
export function startServer(args: readonly string[], options: { timeoutMs?: number } = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [parleyBin, 'serve', ...args], { cwd: repoRoot, env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => { exited = true; resolve(); }));
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`the server did not start in time\n--- stdout ---\n${out}\n--- stderr ---\n${err}`)));
    }, options.timeoutMs ?? 60_000);
    child.stderr.setEncoding('utf8').on('data', (s: string) => { err += s; });
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      const m = /serving .* at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], stdout: () => out, stderr: () => err, stop });
      }
    });
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited before serving (code ${String(child.exitCode)})\n--- stdout ---\n${out}\n--- stderr ---\n${err}`));
    });
  });
}

/** A temporary directory, removed by the returned function. */
export function tempDir(prefix = 'parley-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
