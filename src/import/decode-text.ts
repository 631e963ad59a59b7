import { ParleyError } from '../domain/errors.ts';

function notText(path: string): ParleyError {
  return new ParleyError(
    'invalid_import',
    `${path} is not a UTF-8 text file; save it as plain text (UTF-8) and try again.`,
  );
}

/**
 * The text of a user's file: UTF-8 (with or without BOM) or UTF-16 with BOM, returned without
 * the BOM. UTF-16 carries a byte order mark in practice (Windows "Unicode" saves); without one
 * it is not guessed. `name` says which file in the one-line refusal of a binary or mis-encoded one.
 */
export function decodeText(bytes: Uint8Array, path: string): string {
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

function decodeUtf16(path: string, body: Uint8Array, order: 'le' | 'be'): string {
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

function swapBytes(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length);
  for (let i = 0; i + 1 < body.length; i += 2) {
    out[i] = body[i + 1]!;
    out[i + 1] = body[i]!;
  }
  return out;
}
