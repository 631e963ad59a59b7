/**
 * The code of a fingerprinted document, derived from one secret per document instead of
 * stored slot by slot: a slot's bias and a recipient's bit are HMAC-SHA256 of the secret and
 * the slot's id (and the recipient's), read as uniform numbers. Slots are found again from the
 * text at every export, so a copy made today and one made after a drafter approved more
 * variants agree on every slot they share, and the secret is the only thing to keep (and
 * back up). Without the secret, the bits look random: knowing one's own copy says nothing
 * about anyone else's.
 */
import { createHmac } from 'node:crypto';
import type { Slot } from './slots.ts';
import { DEFAULT_COALITION } from './tardos.ts';

/** The coalition size copies are built to resist; it fixes the bias cutoff t = 1/(300c). */
export const FINGERPRINT_COALITION = DEFAULT_COALITION;
export const FINGERPRINT_CUTOFF = 1 / (300 * FINGERPRINT_COALITION);

/** A uniform number in [0, 1) from 53 bits of HMAC(secret, label). */
function uniform(secret: Uint8Array, label: string): number {
  const mac = createHmac('sha256', secret).update(label, 'utf8').digest();
  const hi = mac.readUInt32BE(0) >>> 5; // 27 bits
  const lo = mac.readUInt32BE(4) >>> 6; // 26 bits
  return (hi * 67_108_864 + lo) / 9_007_199_254_740_992;
}

/** The slot's secret bias: p = sin²(r), r uniform on [r_t, π/2 − r_t] (the arcsine density on [t, 1 − t], as tardos.ts draws it). */
export function slotBias(secret: Uint8Array, slotId: string, cutoff = FINGERPRINT_CUTOFF): number {
  const rt = Math.asin(Math.sqrt(cutoff));
  return Math.sin(rt + uniform(secret, `bias\u0000${slotId}`) * (Math.PI / 2 - 2 * rt)) ** 2;
}

/** A recipient's bit at a slot: 1 with probability p. */
export function recipientBit(secret: Uint8Array, recipient: string, slotId: string, bias: number): 0 | 1 {
  return uniform(secret, `bit\u0000${recipient}\u0000${slotId}`) < bias ? 1 : 0;
}

/**
 * Format slots take the Tardos biases: they are plentiful, and the arcsine biases are what
 * defeats a coalition pasting together parts of several copies. Wording slots take bias 1/2:
 * they are few, they are all that survives retyping, and a retyped leak usually has one
 * source, for whom a fair coin per slot is the most evidence a slot can carry (each read slot
 * halves the innocents who match). The threshold holds either way: it is computed from each
 * slot's own bias (tardos.ts).
 */
export function biasesFor(secret: Uint8Array, slots: readonly Pick<Slot, 'id' | 'kind'>[]): Float64Array {
  return Float64Array.from(slots, (s) => (s.kind === 'wording' ? 0.5 : slotBias(secret, s.id)));
}

export function codewordFor(secret: Uint8Array, recipient: string, slotIds: readonly string[], biases: Float64Array): Uint8Array {
  return Uint8Array.from(slotIds, (id, i) => recipientBit(secret, recipient, id, biases[i]!));
}
