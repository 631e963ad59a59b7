import { z } from 'zod';
import { ParleyError } from '../../errors.ts';
import { Id, Lang } from '../../model.ts';
import { authorize } from '../../policy/permissions.ts';
import type { CommandContext } from '../../record/context.ts';
import type { PendingEvent } from '../../record/events.ts';
import { requireNegotiation } from '../../record/lookup.ts';
import type { NegotiationState } from '../../record/state.ts';
import { normalizeText } from '../../text/normalize.ts';
import { findTextFlags } from '../../text/unicode-safety.ts';
import { VariantKind, type FingerprintVariant } from '../fingerprint-records.ts';

export const ApproveVariantsInput = z.object({
  versionId: Id,
  variants: z.array(z.object({
    pointId: Id,
    lang: Lang,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    original: z.string().min(1).max(200),
    alternative: z.string().min(1).max(200),
    kind: VariantKind.default('custom'),
  })).min(1, { error: 'approve at least one variant' }).max(500),
});
export type ApproveVariantsInput = z.input<typeof ApproveVariantsInput>;

const JOINERS = /[\u200C\u200D]/u;

/**
 * A drafter approves equivalent wordings for phrases of a confidential version: each becomes
 * a slot its copies carry. The master text never changes; the app only suggests. An
 * alternative must read as text (no line break, nothing the Unicode-safety check flags, never
 * a zero-width joiner or non-joiner) and each phrase may vary in one way only.
 */
export function approveVariants(state: NegotiationState, ctx: CommandContext, raw: ApproveVariantsInput): PendingEvent[] {
  const input = ApproveVariantsInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'manage_fingerprints');
  const version = state.versions.get(input.versionId);
  if (!version) throw new ParleyError('version_not_found', `No version with id ${input.versionId}.`);
  if (version.visibility === 'public') {
    throw new ParleyError('invalid_input', `"${version.label}" is public: its copies are not fingerprinted, so it takes no variants.`);
  }
  const taken = [...state.fingerprintVariants.values()].filter((v) => v.versionId === version.id);
  const variants: FingerprintVariant[] = input.variants.map((w) => {
    const point = version.points.find((p) => p.pointId === w.pointId);
    if (!point) throw new ParleyError('invalid_input', `Point ${w.pointId} is not in "${version.label}".`);
    const text = point.texts[w.lang];
    if (text === undefined) throw new ParleyError('invalid_input', `Point ${point.number} of "${version.label}" has no text in ${w.lang}.`);
    const original = normalizeText(w.original);
    const alternative = normalizeText(w.alternative);
    if (w.end <= w.start || text.slice(w.start, w.end) !== original) {
      throw new ParleyError('invalid_input', `Point ${point.number} (${w.lang}) does not read "${original}" at ${w.start}–${w.end}; reload the suggestions and approve again.`);
    }
    if (alternative === original) throw new ParleyError('invalid_input', `The alternative for "${original}" in point ${point.number} is the same text.`);
    if (/[\n\r]/u.test(alternative) || JOINERS.test(alternative) || findTextFlags(alternative).length > 0) {
      throw new ParleyError('invalid_input', `The alternative "${alternative}" in point ${point.number} has a line break or an invisible or look-alike character; write it as plain text.`);
    }
    return {
      id: ctx.newId(), versionId: version.id, pointId: point.pointId, lang: w.lang, start: w.start, end: w.end, original, alternative, kind: w.kind,
      approvedBy: ctx.actor.kind === 'member' ? ctx.actor.memberId : null, at: ctx.now,
    };
  });
  const all = [...taken, ...variants];
  for (const v of variants) {
    const clash = all.find((o) => o !== v && o.pointId === v.pointId && o.lang === v.lang && o.start < v.end && v.start < o.end);
    if (clash) {
      const number = version.points.find((p) => p.pointId === v.pointId)?.number ?? '?';
      throw new ParleyError('invalid_input', `"${v.original}" in point ${number} (${v.lang}) overlaps "${clash.original}", which already varies; a phrase varies in one way only.`);
    }
  }
  return [{ type: 'fingerprint.variants.approved', payload: { variants }, visibility: 'mediator', partyId: null }];
}
