import { mkdtemp, mkdir, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParleyError } from '../domain/errors.ts';
import { readTextFile } from './read-input.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-read-input-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<ParleyError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ParleyError) return e;
    throw e;
  }
  throw new Error('expected a ParleyError');
}

describe('readTextFile', () => {
  it('reads UTF-8 text', async () => {
    expect(await readTextFile(await file('plain.txt', '1. Ukraine.\n2. نکتہ'))).toBe('1. Ukraine.\n2. نکتہ');
  });

  it('strips a UTF-8 BOM and returns NFC', async () => {
    const path = await file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Cafe\u0301', 'utf8')]));
    expect(await readTextFile(path)).toBe('Café');
  });

  it('decodes UTF-16 LE and BE with a BOM', async () => {
    const text = 'Članak 1. — المادة ١';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(await readTextFile(await file('le.txt', le))).toBe(text);
    expect(await readTextFile(await file('be.txt', be))).toBe(text);
  });

  it('reports a missing file as not_found', async () => {
    const e = await failure(readTextFile(join(dir, 'nope.txt')));
    expect(e.code).toBe('not_found');
    expect(e.message).toContain('nope.txt');
    expect(e.message).not.toContain('\n');
  });

  it('refuses a directory', async () => {
    const sub = join(dir, 'folder');
    await mkdir(sub);
    const e = await failure(readTextFile(sub));
    expect(e.code).toBe('invalid_import');
    expect(e.message).toMatch(/is a directory/);
  });

  it('refuses an empty file and a file of blanks', async () => {
    expect((await failure(readTextFile(await file('empty.txt', '')))).message).toMatch(/is empty/);
    expect((await failure(readTextFile(await file('blank.txt', ' \n\t\n')))).code).toBe('invalid_import');
    expect((await failure(readTextFile(await file('bom-only.txt', Buffer.from([0xef, 0xbb, 0xbf]))))).code).toBe('invalid_import');
  });

  it('refuses binary content: NUL bytes or invalid UTF-8', async () => {
    const nul = await failure(readTextFile(await file('nul.bin', Buffer.from([0x31, 0x2e, 0x00, 0x41]))));
    expect(nul.code).toBe('invalid_import');
    expect(nul.message).toMatch(/is not a UTF-8 text file/);
    const latin1 = await failure(readTextFile(await file('latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9]))));
    expect(latin1.message).toMatch(/is not a UTF-8 text file/);
    const png = await failure(readTextFile(await file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))));
    expect(png.code).toBe('invalid_import');
  });

  it('refuses a 50 MB file from its size, before reading it', async () => {
    const path = join(dir, 'huge.txt');
    const handle = await open(path, 'w');
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    const started = performance.now();
    const e = await failure(readTextFile(path));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(e.code).toBe('file_too_large');
    expect(e.message).toContain('50 MB');
    expect(e.message).toContain('the limit is 20 MB');
  });

  it('honours a custom limit', async () => {
    const e = await failure(readTextFile(await file('small.txt', 'x'.repeat(2048)), { maxBytes: 1024 }));
    expect(e.code).toBe('file_too_large');
    expect(e.message).toContain('1 KB');
    expect(await readTextFile(await file('fits.txt', 'x'.repeat(1024)), { maxBytes: 1024 })).toHaveLength(1024);
  });
});
