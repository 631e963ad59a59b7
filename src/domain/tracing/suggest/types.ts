/**
 * What the suggester hands a drafter: one phrase of a text and an equivalent wording for it.
 * An approved suggestion becomes a wording slot (../slots.ts): `original` is form 0, the
 * master's own text, and `alternative` is form 1.
 */
export type VariantKind = 'quotes' | 'serial-comma' | 'number-words' | 'digits' | 'date' | 'yo' | 'spelling';

export interface VariantSuggestion {
  /** UTF-16 offsets of the phrase in the text: [start, end). */
  start: number;
  end: number;
  /** Always text.slice(start, end). */
  original: string;
  /** The equivalent wording; never equal to `original`. */
  alternative: string;
  kind: VariantKind;
  /** One short English line saying what changes, e.g. 'quotation marks « » → „ “'. */
  note: string;
}
