/**
 * Text enters Parley NFC-normalized: the same word typed on two keyboards (precomposed or
 * combining marks, common in Urdu and Cyrillic input methods) must compare, hash and
 * search equal. Line breaks are unified so hashes do not depend on the sender's OS.
 */
export function normalizeText(input: string): string {
  return input.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** NUL cannot be stored in PostgreSQL text or jsonb; other C0 controls are never meaningful in a clause. */
export function hasForbiddenControls(input: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(input);
}
