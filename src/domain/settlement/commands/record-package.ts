import { z } from 'zod';
import { ParleyError } from '../../errors.ts';
import { Id, Text } from '../../model.ts';
import type { CommandContext } from '../../record/context.ts';
import type { PendingEvent } from '../../record/events.ts';
import { requireNegotiation } from '../../record/lookup.ts';
import type { NegotiationState } from '../../record/state.ts';
import { authorize } from '../../policy/permissions.ts';
import { packageFits } from './save-space.ts';
import { PackageById, PackageSource, SeenPackage, type SettlementSpace } from './settlement-records.ts';

/** Shares of a divisible issue must add up to the whole; this much rounding is forgiven. */
const SHARE_TOLERANCE = 1e-6;

export const RecordPackageInput = z.object({
  label: Text.pipe(z.string().max(200)).default(''),
  source: PackageSource.default('manual'),
  package: PackageById,
  visibility: SeenPackage.shape.visibility.default('mediator'),
});
export type RecordPackageInput = z.input<typeof RecordPackageInput>;

function requireSpace(state: NegotiationState): SettlementSpace {
  const space = state.settlement.space;
  if (!space) throw new ParleyError('invalid_input', 'The settlement has no issue space yet; the mediator defines the issues first.');
  return space;
}

/** The package must name every issue once, with an option it has, or shares adding up to 1. */
export function checkPackage(space: SettlementSpace, pkg: PackageById): void {
  for (const id of Object.keys(pkg)) {
    if (!space.issues.some((i) => i.id === id)) throw new ParleyError('invalid_input', `The package names an issue (${id}) that is not in the issue space.`);
  }
  for (const issue of space.issues) {
    const value = pkg[issue.id];
    if (value === undefined) throw new ParleyError('invalid_input', `The package says nothing about "${issue.label}"; choose an option for every issue.`);
    if (issue.divisible) {
      if (typeof value !== 'object') throw new ParleyError('invalid_input', `"${issue.label}" is divisible: give each party its share, not an option.`);
      const extra = Object.keys(value).find((p) => !space.partyIds.includes(p));
      if (extra) throw new ParleyError('invalid_input', `"${issue.label}" gives a share to a party (${extra}) that is not in the settlement.`);
      const total = space.partyIds.reduce((sum, p) => sum + (value[p] ?? 0), 0);
      if (Math.abs(total - 1) > SHARE_TOLERANCE) {
        throw new ParleyError('invalid_input', `The shares of "${issue.label}" add up to ${total.toFixed(4)}; they must add up to 1.`);
      }
    } else if (typeof value !== 'string' || !issue.options.some((o) => o.key === value)) {
      throw new ParleyError('invalid_input', `"${issue.label}" has no option "${typeof value === 'string' ? value : '(shares)'}".`);
    }
  }
}

/** Every package the mediator looks at is kept, so suggestions can be compared later. */
export function recordSettlementPackage(state: NegotiationState, ctx: CommandContext, raw: RecordPackageInput): PendingEvent[] {
  const input = RecordPackageInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'manage_settlement');
  return [seenPackage(requireSpace(state), ctx, input)];
}

export const RecordPackagesInput = z.object({ packages: z.array(RecordPackageInput).min(1).max(20) });

/** The packages one analysis suggested, kept together: all of them or none. */
export function recordSettlementPackages(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof RecordPackagesInput>): PendingEvent[] {
  const input = RecordPackagesInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'manage_settlement');
  const space = requireSpace(state);
  return input.packages.map((p) => seenPackage(space, ctx, p));
}

function seenPackage(space: SettlementSpace, ctx: CommandContext, input: z.infer<typeof RecordPackageInput>): PendingEvent {
  checkPackage(space, input.package);
  // Shares of parties left out of the settlement are zero; store them complete so every reader sees the same.
  const pkg: PackageById = {};
  for (const issue of space.issues) {
    const value = input.package[issue.id]!;
    pkg[issue.id] = typeof value === 'object' ? Object.fromEntries(space.partyIds.map((p) => [p, value[p] ?? 0])) : value;
  }
  const seen: SeenPackage = {
    id: ctx.newId(),
    label: input.label,
    source: input.source,
    package: pkg,
    visibility: input.visibility,
    recordedBy: ctx.actor.kind === 'member' ? ctx.actor.memberId : null,
    at: ctx.now,
  };
  return { type: 'settlement.package.recorded', payload: { package: seen }, visibility: seen.visibility, partyId: null };
}

export const SharePackageInput = z.object({ packageId: Id });

/** The mediator shows a package to the delegations; each then sees its own satisfaction with it. */
export function shareSettlementPackage(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof SharePackageInput>): PendingEvent[] {
  const input = SharePackageInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'manage_settlement');
  const seen = state.settlement.packages.get(input.packageId);
  if (!seen) throw new ParleyError('not_found', `No settlement package with id ${input.packageId}.`, { id: input.packageId });
  if (seen.visibility === 'parties') throw new ParleyError('invalid_input', 'This package is already shared with the parties.');
  // The whole package goes out again at its new visibility: a reader who could not see the first event can read this one.
  return [{ type: 'settlement.package.shared', payload: { package: { ...seen, visibility: 'parties' }, at: ctx.now }, visibility: 'parties', partyId: null }];
}

export const SetBaselineInput = z.object({ packageId: Id.nullable() });

/**
 * The agreed baseline that improvements start from. It must be a package the parties can see:
 * an agreed baseline the delegations cannot read would be agreed by nobody.
 */
export function setSettlementBaseline(state: NegotiationState, ctx: CommandContext, raw: z.input<typeof SetBaselineInput>): PendingEvent[] {
  const input = SetBaselineInput.parse(raw);
  requireNegotiation(state);
  authorize(ctx.actor, 'manage_settlement');
  const space = requireSpace(state);
  if (input.packageId !== null) {
    const seen = state.settlement.packages.get(input.packageId);
    if (!seen) throw new ParleyError('not_found', `No settlement package with id ${input.packageId}.`, { id: input.packageId });
    if (seen.visibility !== 'parties') throw new ParleyError('invalid_input', 'Share this package with the parties before making it the baseline.');
    if (!packageFits(space, seen.package)) throw new ParleyError('invalid_input', 'This package was made for an earlier issue space; it does not name every issue as the space stands now.');
  }
  return [{ type: 'settlement.baseline.set', payload: { packageId: input.packageId, at: ctx.now }, visibility: 'parties', partyId: null }];
}
