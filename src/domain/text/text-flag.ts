/**
 * What `findTextFlags` reports about one character, as the API sends it. Apart from the
 * finder so the web app and the protocol take the schema without the Unicode data.
 */
import { z } from 'zod';

export const FlagKind = z.enum(['bidi', 'invisible', 'confusable']);
export type FlagKind = z.infer<typeof FlagKind>;

export const TextFlag = z.object({
  kind: FlagKind,
  /** The character itself, e.g. "\u202E". */
  char: z.string(),
  /** "U+202E". */
  codePoint: z.string(),
  /** The Unicode name, e.g. "RIGHT-TO-LEFT OVERRIDE". */
  name: z.string(),
  /** Offset in UTF-16 code units (what JavaScript's String indexes). */
  index: z.number().int().nonnegative(),
  /** Offset in code points (what Python, PostgreSQL and most editors count). */
  codePointIndex: z.number().int().nonnegative(),
  /** For a confusable: the word it sits in, the word's scripts and the prototype it looks like. */
  word: z.string().optional(),
  scripts: z.array(z.string()).optional(),
  looksLike: z.string().optional(),
});
export type TextFlag = z.infer<typeof TextFlag>;

/** Flags of each language's text, keyed by language; every language present, flagged or not. */
export const TextFlags = z.record(z.string(), z.array(TextFlag));
export type TextFlags = z.infer<typeof TextFlags>;
