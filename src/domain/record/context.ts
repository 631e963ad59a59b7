import type { Actor } from '../policy/actor.ts';

/** What a use case may take from the outside world: who acts, the clock and fresh ids. */
export interface CommandContext {
  actor: Actor;
  /** ISO 8601 instant of the command; every event of one command shares it. */
  now: string;
  newId: () => string;
}
