/**
 * The table of use cases: every change to a negotiation is one of these commands, whether it
 * comes from the HTTP API, the CLI, the demo builder or a test. `decide` is pure: state and
 * context in, events out.
 */
import { ZodError } from 'zod';
import { ParleyError } from './errors.ts';
import type { CommandContext } from './record/context.ts';
import type { PendingEvent } from './record/events.ts';
import type { NegotiationState } from './record/state.ts';
import { createNegotiation } from './negotiation/create-negotiation.ts';
import { addParty } from './negotiation/add-party.ts';
import { addPerson, updatePerson } from './negotiation/add-person.ts';
import { addMember } from './negotiation/add-member.ts';
import { addPoint, addSection } from './framework/add-point.ts';
import { confirmTranslation, editPoint, removePoint } from './framework/edit-point.ts';
import { createVersion } from './versions/create-version.ts';
import { initialVersion } from './versions/initial-version.ts';
import { importVersion } from './versions/import-version.ts';
import { draftAmendment } from './amendments/draft-amendment.ts';
import { proposeAmendment, withdrawAmendment } from './amendments/propose-amendment.ts';
import { acceptAmendments, rejectAmendment } from './amendments/decide-amendments.ts';
import { setPosition } from './positions/set-position.ts';
import { scheduleRound, updateRound } from './rounds/schedule-round.ts';
import { writeReadout } from './rounds/write-readout.ts';
import { recordStatement } from './statements/record-statement.ts';
import { importReport } from './statements/import-report.ts';
import { editStatement } from './statements/edit-statement.ts';
import { writeNote } from './notes/write-note.ts';
import { editNote } from './notes/edit-note.ts';
import { deleteNote } from './notes/delete-note.ts';
import { saveSettlementSpace } from './settlement/commands/save-space.ts';
import { approveVariants } from './tracing/commands/approve-variants.ts';
import { revokeVariant } from './tracing/commands/revoke-variant.ts';
import { submitSettlementScores } from './settlement/commands/submit-scores.ts';
import { recordSettlementPackage, recordSettlementPackages, setSettlementBaseline, shareSettlementPackage } from './settlement/commands/record-package.ts';

type UseCase<I> = (state: NegotiationState, ctx: CommandContext, input: I) => PendingEvent[];

export const useCases = {
  createNegotiation,
  addParty,
  addPerson,
  updatePerson,
  addMember,
  addSection,
  addPoint,
  editPoint,
  removePoint,
  confirmTranslation,
  createVersion,
  initialVersion,
  importVersion,
  draftAmendment,
  proposeAmendment,
  withdrawAmendment,
  rejectAmendment,
  acceptAmendments,
  setPosition,
  scheduleRound,
  updateRound,
  writeReadout,
  recordStatement,
  importReport,
  editStatement,
  writeNote,
  editNote,
  deleteNote,
  saveSettlementSpace,
  approveVariants,
  revokeVariant,
  submitSettlementScores,
  recordSettlementPackage,
  recordSettlementPackages,
  shareSettlementPackage,
  setSettlementBaseline,
} as const;

export type UseCaseName = keyof typeof useCases;
export type InputOf<N extends UseCaseName> = Parameters<(typeof useCases)[N]>[2];

/** A command as data: what the store executes and what a test generator produces. */
export type Command = { [N in UseCaseName]: { name: N; input: InputOf<N> } }[UseCaseName];

export function decide(state: NegotiationState, ctx: CommandContext, command: Command): PendingEvent[] {
  const run = useCases[command.name] as UseCase<unknown>;
  try {
    return run(state, ctx, command.input);
  } catch (e) {
    // Input schemas live with each use case; their failures leave the domain as the one error type.
    if (e instanceof ZodError) throw invalidInput(e);
    throw e;
  }
}

export function invalidInput(e: ZodError): ParleyError {
  const issue = e.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return new ParleyError('invalid_input', `${where}${issue?.message ?? 'invalid input'}`, { issues: e.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
}
