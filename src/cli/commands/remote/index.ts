/** The commands that talk to a running Parley server over its API (`parley login` first). */
import type { Command } from 'commander';
import { registerAgreementCommand } from './agreement.command.ts';
import { registerInviteCommand } from './invite.command.ts';
import { registerNegotiationCommands } from './negotiation.command.ts';
import { registerPartyCommands } from './party.command.ts';
import { registerPointCommands } from './point.command.ts';
import { registerPositionCommands } from './position.command.ts';
import { registerSessionCommands } from './session.command.ts';
import { registerVersionCommands } from './version.command.ts';

export function registerRemoteCommands(program: Command): void {
  registerSessionCommands(program);
  registerNegotiationCommands(program);
  registerPartyCommands(program);
  registerPointCommands(program);
  registerInviteCommand(program);
  registerPositionCommands(program);
  registerVersionCommands(program);
  registerAgreementCommand(program);
}
