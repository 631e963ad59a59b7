/**
 * What the log records about fingerprinting: the wording variants a drafter approved. They
 * are the mediator's alone (visibility `mediator`, no party): a delegation that knew which
 * phrases vary could scrub them from a leak.
 */
import { z } from 'zod';
import { Id, Lang } from '../model.ts';

export const VariantKind = z.enum(['quotes', 'serial-comma', 'number-words', 'digits', 'date', 'yo', 'spelling', 'custom']);
export type VariantKind = z.infer<typeof VariantKind>;

export const FingerprintVariant = z.object({
  id: Id,
  /** Variants are approved on a version's text: its points, in one language. */
  versionId: Id,
  pointId: Id,
  lang: Lang,
  /** UTF-16 offsets of the phrase in the point's text in that language. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  original: z.string().min(1),
  alternative: z.string().min(1),
  kind: VariantKind,
  approvedBy: Id.nullable(),
  at: z.iso.datetime(),
});
export type FingerprintVariant = z.infer<typeof FingerprintVariant>;
