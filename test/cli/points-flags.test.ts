/**
 * `parley points FILE` checks imported text like typed text: an override hidden in an
 * amount, a homoglyph in a party name and a zero-width space in the file are named with
 * their line and column (and in --json), while ordinary Urdu with ZWNJ passes without a flag.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.ts';

const work = tempDir('parley-points-flags-');
afterAll(() => work.remove());

const file = (name: string, text: string) => {
  const path = join(work.path, name);
  writeFileSync(path, text, 'utf8');
  return path;
};

describe('parley points flags imported text', () => {
  const text = [
    '1. Ukraine receives USD 1\u202E000,001\u202C in aid.',
    '2. The Government of Ukrаine agrees.',
    '3. Forces with\u200Bdraw within 30 days.',
    '4. The parties agree to a ceasefire.',
  ].join('\n');

  it('names each flagged character under its point', async () => {
    const r = await runCli(['points', file('plan.txt', text), '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('4 characters to check in the file (hidden, reordering or look-alike):');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  ! '))).toEqual([
      '  ! line 1, column 26: bidi U+202E RIGHT-TO-LEFT OVERRIDE',
      '  ! line 1, column 34: bidi U+202C POP DIRECTIONAL FORMATTING',
      '  ! line 2, column 25: confusable U+0430 CYRILLIC SMALL LETTER A, looks like "a" in "Ukrаine"',
      '  ! line 3, column 15: invisible U+200B ZERO WIDTH SPACE',
    ]);
  });

  it('lists them with line and column in --json, and adds nothing for clean Urdu', async () => {
    const r = await runCli(['points', file('plan2.txt', text), '--lang', 'en', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { flags: { line: number; column: number; codePoint: string; index: number }[] };
    expect(out.flags.map((f) => [f.line, f.column, f.codePoint])).toEqual([[1, 26, 'U+202E'], [1, 34, 'U+202C'], [2, 25, 'U+0430'], [3, 15, 'U+200B']]);
    const ur = await runCli(['points', file('ur.txt', '1. فریقین نے جنگ‌بندی پر اتفاق کیا ہے۔\n2. یہ معاہدہ تیس دن میں نافذ ہوگا۔\n'), '--lang', 'ur', '--json']);
    expect(ur.code, ur.stderr).toBe(0);
    expect(JSON.parse(ur.stdout)).not.toHaveProperty('flags');
  });
});
