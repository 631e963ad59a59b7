/**
 * Reading a file that a person named on the command line. Whatever goes wrong is told in one
 * line that says what to do next, through ParleyError, because the person running the
 * command is rarely the one who can read a stack trace.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { ParleyError } from '../domain/errors.ts';

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

function notText(path: string): ParleyError {
  return new ParleyError(
    'invalid_import',
    `${path} is not a UTF-8 text file; save it as plain text (UTF-8) and try again.`,
  );
}

/** UTF-16 text carries a byte order mark in practice (Windows "Unicode" saves); without one it is not guessed. */
function decode(path: string, bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(path, bytes.subarray(2), 'le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(path, bytes.subarray(2), 'be');
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  // NUL is valid UTF-8 but never appears in text; it is the surest sign of a binary file.
  if (body.includes(0)) throw notText(path);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw notText(path);
  }
}

function decodeUtf16(path: string, body: Buffer, order: 'le' | 'be'): string {
  if (body.length % 2 !== 0) throw notText(path);
  const little = order === 'le' ? body : swapBytes(body);
  let text: string;
  try {
    text = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(little);
  } catch {
    throw notText(path);
  }
  if (text.includes('\u0000')) throw notText(path);
  return text;
}

function swapBytes(body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(body.length);
  for (let i = 0; i + 1 < body.length; i += 2) {
    out[i] = body[i + 1]!;
    out[i + 1] = body[i]!;
  }
  return out;
}

/**
 * Reads a user-supplied text file: UTF-8 (with or without BOM) or UTF-16 with BOM, returned
 * without BOM and NFC-normalized. Size is checked with stat before reading, so an oversized
 * file is refused without being loaded.
 */
export async function readTextFile(path: string, opts?: ReadTextOptions): Promise<string> {
  const maxBytes = opts?.maxBytes ?? DEFAULT_MAX_BYTES;
  const info = await statOrExplain(path);
  if (info.isDirectory()) throw new ParleyError('invalid_import', `${path} is a directory; give the path of a text file.`);
  if (!info.isFile()) throw new ParleyError('invalid_import', `${path} is not a regular file; give the path of a text file.`);
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
    throw new ParleyError('file_too_large', `${path} is larger than the limit of ${formatSize(maxBytes)}.`, {
      limit: maxBytes,
    });
  }
  const text = decode(path, bytes);
  if (text.trim() === '') throw new ParleyError('invalid_import', `${path} contains no text; there is nothing to import.`);
  return text.normalize('NFC');
}
