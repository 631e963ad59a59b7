import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ParleyError } from '../../domain/errors.ts';
import { registerPointsCommand } from './points.command.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-points-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function run(args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const program = new Command('parley').exitOverride();
  registerPointsCommand(program);
  await program.parseAsync(['node', 'parley', 'points', ...args]);
  return out;
}

describe('parley points', () => {
  it('prints the document as JSON', async () => {
    const path = join(dir, 'plan.txt');
    await writeFile(path, 'Peace plan\n\n1. Sovereignty is confirmed.\n2. Troops withdraw.\n');
    const json: unknown = JSON.parse(await run([path, '--json']));
    expect(json).toEqual({
      lang: 'en',
      preamble: 'Peace plan',
      points: [
        { number: '1', text: 'Sovereignty is confirmed.' },
        { number: '2', text: 'Troops withdraw.' },
      ],
    });
  });

  it('uses --lang and prints a readable listing with sections', async () => {
    const path = join(dir, 'sections.md');
    await writeFile(path, '## Security\n\n1. One.\n\n## Land\n\n2. Two:\n- a sub-item.\n');
    const out = await run([path, '--lang', 'uk']);
    expect(out).toBe(
      ['Language: uk', '', '== Security', '1. One.', '', '== Land', '2. Two:', '   - a sub-item.', '2 points.', ''].join('\n'),
    );
  });

  it('throws ParleyError for a missing file', async () => {
    await expect(run([join(dir, 'missing.txt')])).rejects.toThrow(ParleyError);
  });
});
