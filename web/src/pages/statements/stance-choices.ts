/** The position scale, in order, as a statement's stance. */
export const STANCES = ['accept', 'discuss', 'wording', 'reject', 'redline'] as const;
