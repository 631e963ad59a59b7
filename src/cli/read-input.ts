/**
 * Reading a file that a person named on the command line. Whatever goes wrong is told in one
 * line that says what to do next, through ParleyError, because the person running the
 * command is rarely the one who can read a stack trace.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { ParleyError } from '../domain/errors.ts';
import { decodeText } from '../import/decode-text.ts';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadTextOptions {
  /** Files larger than this are refused before a byte is read. */
  readonly maxBytes?: number;
}

function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  const kb = bytes / 1024;
  if (kb >= 1) return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') return e.code;
  return undefined;
}

async function statOrExplain(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ParleyError('not_found', `File not found: ${path}. Check the path and try again.`);
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new ParleyError('invalid_import', `Cannot read ${path}: permission denied.`);
    }
    throw e;
  }
}

/**
 * Reads a file a person named, refusing a missing, special, empty or oversized one in one
 * line. Size is checked with stat before reading, so an oversized file is never loaded.
 */
export async function readFileBytes(path: string, opts?: ReadTextOptions): Promise<Buffer> {
  const maxBytes = opts?.maxBytes ?? DEFAULT_MAX_BYTES;
  const info = await statOrExplain(path);
  if (info.isDirectory()) throw new ParleyError('invalid_import', `${path} is a directory; give the path of a file.`);
  if (!info.isFile()) throw new ParleyError('invalid_import', `${path} is not a regular file; give the path of a file.`);
  if (info.size > maxBytes) {
    throw new ParleyError(
      'file_too_large',
      `${path} is ${formatSize(info.size)}; the limit is ${formatSize(maxBytes)}. Split the file or remove what is not needed.`,
      { size: info.size, limit: maxBytes },
    );
  }
  if (info.size === 0) throw new ParleyError('invalid_import', `${path} is empty; there is nothing to import.`);
  const bytes = await readFile(path);
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) {
    throw new ParleyError('file_too_large', `${path} is larger than the limit of ${formatSize(maxBytes)}.`, { limit: maxBytes });
  }
  return bytes;
}

/**
 * Reads a user-supplied text file: UTF-8 (with or without BOM) or UTF-16 with BOM, returned
 * without BOM and NFC-normalized.
 */
export async function readTextFile(path: string, opts?: ReadTextOptions): Promise<string> {
  const text = decodeText(await readFileBytes(path, opts), path);
  if (text.trim() === '') throw new ParleyError('invalid_import', `${path} contains no text; there is nothing to import.`);
  return text.normalize('NFC');
}
