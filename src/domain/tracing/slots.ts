/**
 * The contract between the layers of leak tracing. A fingerprinted document is a list of
 * paragraphs (a version's points in one language, or a readout's text); a slot is one place
 * in one paragraph where a copy shows one of two forms that read the same to a person. The
 * master text always shows form 0; a recipient whose code bit is 1 gets form 1.
 *
 * - A wording slot is a phrase a drafter approved an equivalent wording for ("ten (10)" /
 *   "10 (ten)", « » / „ “): it survives retyping.
 * - A format slot is one separator character with an invisible twin (a space and a no-break
 *   space, a hyphen and a non-breaking hyphen): it survives copy and paste, not retyping.
 */
export type SlotKind = 'wording' | 'format';

export interface Slot {
  /** Stable across exports: what the secret bias and every recipient's bit are derived from. */
  id: string;
  kind: SlotKind;
  /** Index of the paragraph in the document. */
  paragraph: number;
  /** UTF-16 offsets of form 0 in the master paragraph: [start, end). */
  start: number;
  end: number;
  /** Form 0 (the master's own text at [start, end)) and form 1. */
  forms: readonly [string, string];
}

/** What a leak shows at each slot, in the order of the slots given: 0, 1, or null where the slot could not be read. */
export type SlotReading = 0 | 1 | null;
