/**
 * Asking a person for a secret. A password is read from the terminal with echo off (raw
 * mode, so it never appears on screen or in a terminal's scrollback), or from stdin for
 * scripts (`--password-stdin`), never from an argument, where `ps` and shell history see it.
 */
import { createInterface } from 'node:readline/promises';
import { ParleyError } from '../../domain/errors.ts';

const cancelled = () => new ParleyError('invalid_input', 'cancelled.');

/** The part of a terminal the prompt uses; process.stdin and process.stderr by default. */
export interface Terminal {
  input: Pick<NodeJS.ReadStream, 'isTTY' | 'setRawMode' | 'setEncoding' | 'resume' | 'pause' | 'on' | 'off'>;
  output: Pick<NodeJS.WriteStream, 'write'>;
}

/** Reads one line from the terminal without echoing it. */
export function readHidden(prompt: string, terminal: Terminal = { input: process.stdin, output: process.stderr }): Promise<string> {
  const { input: stdin, output } = terminal;
  if (!stdin.isTTY) {
    return Promise.reject(new ParleyError('invalid_input', 'no terminal to ask for the password on: pipe it in with --password-stdin.'));
  }
  output.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    let escape = false;
    const finish = (error?: ParleyError) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        // Arrow keys and the like arrive as ESC [ ... letter; none of it is part of a password.
        if (escape) {
          if (/[@-~]/.test(ch) && ch !== '[') escape = false;
          continue;
        }
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(cancelled()); // Ctrl-C
        if (ch === '\u0004') return value === '' ? finish(cancelled()) : finish(); // Ctrl-D
        if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else if (ch === '\u0015') value = ''; // Ctrl-U
        else if (ch === '\u001b') escape = true;
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** Reads one visible line from the terminal (a two-factor code is no secret once used). */
export async function readLine(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new ParleyError('invalid_input', 'no terminal to ask on.');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(prompt)).trim();
  } finally {
    rl.close();
  }
}

/** Everything on stdin, less the one newline `echo` or a here-string adds. */
export async function readStdinSecret(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (text === '') throw new ParleyError('invalid_input', '--password-stdin read nothing: pipe the password in, e.g. printf %s "$PASSWORD" | parley login ...');
  return text;
}
