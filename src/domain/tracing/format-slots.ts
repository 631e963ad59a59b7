/**
 * Format marks: separators with an invisible twin. A space and a no-break space (U+00A0) draw
 * the same; so do a hyphen between two words and the non-breaking hyphen (U+2011). Copy and
 * paste keeps them, retyping loses them. Neither is a format character (General_Category Cf),
 * so the Unicode-safety check has nothing to flag, and neither joins or separates letters:
 * Arabic-script words keep their spelling, which a zero-width joiner or non-joiner would change
 * (they are never used).
 *
 * Every single space and every hyphen standing between two words is a slot, except next to a
 * wording slot, whose own reading needs its surroundings intact.
 */
import { tokenize } from '../redline/tokenize.ts';
import type { Slot } from './slots.ts';

export const FORMAT_TWINS: Readonly<Record<string, string>> = { ' ': '\u00A0', '-': '\u2011' };

export interface Span { start: number; end: number }

/** A copy's format marks read as the characters they stand in for. */
export function withoutFormatMarks(text: string): string {
  let out = text;
  for (const [plain, twin] of Object.entries(FORMAT_TWINS)) out = out.split(twin).join(plain);
  return out;
}

export function formatSlots(text: string, paragraph: number, idPrefix: string, lang: string, keepClear: readonly Span[] = []): Slot[] {
  const tokens = tokenize(text, lang);
  const slots: Slot[] = [];
  for (let i = 1; i + 1 < tokens.length; i += 1) {
    const sep = tokens[i]!;
    const twin = FORMAT_TWINS[sep.text];
    if (twin === undefined || tokens[i - 1]!.kind !== 'word' || tokens[i + 1]!.kind !== 'word') continue;
    if (keepClear.some((s) => sep.start >= s.start - 1 && sep.start <= s.end)) continue;
    slots.push({ id: `${idPrefix}:f${sep.start}`, kind: 'format', paragraph, start: sep.start, end: sep.end, forms: [sep.text, twin] });
  }
  return slots;
}
