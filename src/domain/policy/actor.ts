import type { Role } from '../model.ts';

/**
 * Who is acting or reading. `system` is the operator holding the database itself (the CLI
 * on a data directory, the demo builder, replay); every person acts as a `member`.
 */
export type Actor =
  | { kind: 'member'; memberId: string; partyId: string | null; role: Role }
  | { kind: 'system' }
  | { kind: 'public' };

export const systemActor: Actor = { kind: 'system' };
export const publicViewer: Actor = { kind: 'public' };

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'member':
      return actor.memberId;
    case 'system':
      return 'system';
    case 'public':
      return 'public';
  }
}
