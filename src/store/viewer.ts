/**
 * Row-level security for one transaction: switch to the unprivileged role and say who is
 * looking. Both are transaction-local, so a pooled connection forgets them at commit.
 */
import type { Actor } from '../domain/policy/actor.ts';
import type { Tx } from './database.ts';

export async function actAs(tx: Tx, negotiationId: string | null, viewer: Actor): Promise<void> {
  if (viewer.kind === 'system') return;
  const member = viewer.kind === 'member' ? viewer : null;
  await tx.query(
    `SELECT set_config('parley.viewer_negotiation', $1, true),
            set_config('parley.viewer_party', $2, true),
            set_config('parley.viewer_mediator', $3, true),
            set_config('parley.viewer_member', $4, true)`,
    [
      member ? (negotiationId ?? '') : '',
      member?.partyId ?? '',
      member?.role === 'mediator' ? 'on' : '',
      member?.memberId ?? '',
    ],
  );
  await tx.exec('SET LOCAL ROLE parley_app');
}
