/**
 * LibreOffice headless as the real client that proves a .docx's tracked changes. The test
 * command sets PARLEY_TEST_SOFFICE when /usr/bin/soffice exists (and requires it under
 * PARLEY_REQUIRE_LIBREOFFICE=1); a direct vitest run looks for /usr/bin/soffice itself.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const sofficePath = process.env.PARLEY_TEST_SOFFICE?.trim() || (existsSync('/usr/bin/soffice') ? '/usr/bin/soffice' : null);
export const requireSoffice = process.env.PARLEY_REQUIRE_LIBREOFFICE === '1';

/** The .docx converted to flat ODF by LibreOffice, with a private profile so parallel runs never share one. */
export async function toFlatOdf(docx: Buffer): Promise<string> {
  if (!sofficePath) throw new Error('LibreOffice (soffice) is not installed');
  const dir = await mkdtemp(join(tmpdir(), 'parley-lo-'));
  try {
    await writeFile(join(dir, 'in.docx'), docx);
    await run(sofficePath, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'fodt', '--outdir', dir, join(dir, 'in.docx')], { timeout: 120_000 });
    return await readFile(join(dir, 'in.fodt'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface OdfChange {
  kind: 'insertion' | 'deletion';
  author: string;
  date: string;
  /** The text the change covers in the body (LibreOffice keeps deleted text in place, between change marks). */
  text: string;
}

const unescape = (s: string) => s.replace(/&apos;/gu, "'").replace(/&quot;/gu, '"').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');

/** Every changed region of `text:tracked-changes`, with the body text it marks. */
export function odfTrackedChanges(fodt: string): OdfChange[] {
  const block = /<text:tracked-changes[^>]*>([\s\S]*?)<\/text:tracked-changes>/u.exec(fodt)?.[1] ?? '';
  const out: OdfChange[] = [];
  for (const m of block.matchAll(/<text:changed-region[^>]*\btext:id="([^"]+)"[^>]*>\s*<text:(insertion|deletion)>([\s\S]*?)<\/text:\2>/gu)) {
    const [, id, kind, body] = m;
    const author = unescape(/<dc:creator>([\s\S]*?)<\/dc:creator>/u.exec(body!)?.[1] ?? '');
    const date = /<dc:date>([^<]*)<\/dc:date>/u.exec(body!)?.[1] ?? '';
    const span = new RegExp(`<text:change-start text:change-id="${id}"/>([\\s\\S]*?)<text:change-end text:change-id="${id}"/>`, 'u').exec(fodt)?.[1] ?? '';
    // A deletion LibreOffice moved out of the body keeps its text inside the region instead.
    const inRegion = body!.replace(/<office:change-info>[\s\S]*?<\/office:change-info>/u, '');
    const text = unescape((span || inRegion).replace(/<text:s\/>/gu, ' ').replace(/<[^>]+>/gu, '')).replace(/\s+/gu, ' ').trim();
    out.push({ kind: kind as OdfChange['kind'], author, date, text });
  }
  return out;
}
