/**
 * Runs one command: lock the head, fold the state, let the domain decide, then append the
 * events and update the read models in the same transaction, as the acting member under
 * row-level security. Either all of it commits or none of it does.
 */
import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import { decide, invalidInput, type Command } from '../domain/commands.ts';
import { ParleyError } from '../domain/errors.ts';
import type { Actor } from '../domain/policy/actor.ts';
import type { CommandContext } from '../domain/record/context.ts';
import type { RecordedEvent } from '../domain/record/events.ts';
import { GENESIS_HASH } from '../domain/record/hash-event.ts';
import type { NegotiationState } from '../domain/record/state.ts';
import type { Database } from './database.ts';
import { chainEvents, insertEvents, lockHead, writeHead } from './event-log.ts';
import { notifyAppended } from './notify.ts';
import { project } from './projection.ts';
import { loadState, rememberEvents } from './state-loader.ts';
import { actAs } from './viewer.ts';

/** Who runs the command: the operator, or a member whose party and role the record decides. */
export type As = 'system' | { memberId: string };

export interface ExecuteOptions {
  negotiationId: string;
  as: As;
  command: Command;
  clock?: () => Date;
  newId?: () => string;
}

export function resolveActor(state: NegotiationState, as: As): Actor {
  if (as === 'system') return { kind: 'system' };
  const m = state.members.get(as.memberId);
  if (!m?.active) throw new ParleyError('member_not_found', 'You are not an active member of this negotiation.');
  return { kind: 'member', memberId: m.id, partyId: m.partyId, role: m.role };
}

export async function execute(db: Database, opts: ExecuteOptions): Promise<RecordedEvent[]> {
  const { negotiationId, command } = opts;
  const now = (opts.clock ?? (() => new Date()))().toISOString();
  const newId = opts.newId ?? randomUUID;
  const creating = command.name === 'createNegotiation';
  if (creating && command.input.id !== undefined && command.input.id !== negotiationId) {
    throw new ParleyError('invalid_input', 'The negotiation id in the command does not match the one it is run for.');
  }
  const events = await db.transaction(async (tx) => {
    const head = await lockHead(tx, negotiationId);
    if (creating && head) throw new ParleyError('already_exists', `Negotiation ${negotiationId} already exists.`);
    if (!creating && !head) throw new ParleyError('negotiation_not_found', `No negotiation with id ${negotiationId}.`);
    const state = await loadState(db, tx, negotiationId, head?.lastSeq ?? 0);
    const actor = resolveActor(state, opts.as);
    const input = creating ? { ...command.input, id: negotiationId } : command.input;
    const pending = decide(state, { actor, now, newId }, { ...command, input } as Command);
    const recorded = chainEvents(negotiationId, head ?? { lastSeq: 0, lastHash: GENESIS_HASH }, pending, actor.kind === 'member' ? actor.memberId : 'system', now);
    await actAs(tx, negotiationId, actor);
    await insertEvents(tx, recorded);
    for (const e of recorded) await project(tx, e);
    const last = recorded.at(-1);
    if (last) await writeHead(tx, negotiationId, { lastSeq: last.seq, lastHash: last.hash }, creating);
    // Delivered at commit only: the live channel never hears of a rolled-back write.
    if (last) await notifyAppended(tx, negotiationId, last.seq);
    return recorded;
  });
  rememberEvents(db, negotiationId, events);
  return events;
}

/**
 * Lets the domain work something out against the current state as a member, recording
 * nothing: the preview of a command a person confirms before it runs (an import's lineage).
 * The state is read at the head as it stands; the command that follows sends that seq as
 * `basedOn`, so a text changed in between is refused rather than imported over.
 */
export async function preview<T>(
  db: Database,
  opts: { negotiationId: string; as: As; clock?: () => Date; newId?: () => string },
  fn: (state: NegotiationState, ctx: CommandContext) => T,
): Promise<{ seq: number; result: T }> {
  const { negotiationId } = opts;
  return db.transaction(async (tx) => {
    const [head] = await tx.query<{ last_seq: number }>('SELECT last_seq FROM negotiation_heads WHERE negotiation_id = $1', [negotiationId]);
    if (!head) throw new ParleyError('negotiation_not_found', `No negotiation with id ${negotiationId}.`);
    const state = await loadState(db, tx, negotiationId, head.last_seq);
    const actor = resolveActor(state, opts.as);
    const now = (opts.clock ?? (() => new Date()))().toISOString();
    try {
      return { seq: head.last_seq, result: fn(state, { actor, now, newId: opts.newId ?? randomUUID }) };
    } catch (e) {
      // Input schemas are the domain's; their failures leave as the one error type, as in decide.
      if (e instanceof ZodError) throw invalidInput(e);
      throw e;
    }
  });
}
