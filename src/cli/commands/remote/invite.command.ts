/**
 * `parley invite`: offers a seat in a negotiation. The server answers with a secret link,
 * shown this once; whoever opens it (with the invited email, if one was given) becomes the
 * member. Sending it on is up to the person inviting: Parley sends no mail.
 */
import type { Command } from 'commander';
import { ParleyError } from '../../../domain/errors.ts';
import { PartyRole } from '../../../domain/model.ts';
import { InvitationCreatedOut } from '../../../protocol/accounts.schema.ts';
import { terminalSafe } from '../../http/client.ts';
import { signedInClient } from '../../http/credentials.ts';
import { negotiationPath, resolvePartyId } from '../../http/lookup.ts';
import { printJson, printLine } from '../../output.ts';

interface InviteOptions {
  negotiation: string; role?: string; party?: string; mediator?: boolean; name: string; email?: string; expiresInDays?: string; json?: boolean;
}

function seat(opts: InviteOptions): { role: string; party: string | null } {
  if (opts.mediator) {
    if (opts.party !== undefined) throw new ParleyError('invalid_input', "give --party or --mediator, not both: a mediator belongs to the mediator's office, not to a party.");
    if (opts.role !== undefined && opts.role !== 'mediator') throw new ParleyError('invalid_input', `--mediator seats a mediator; --role ${opts.role} is a party role (use --party).`);
    return { role: 'mediator', party: null };
  }
  if (opts.party === undefined) throw new ParleyError('invalid_input', 'whose seat? give --party PARTY (its id or short name) with --role, or --mediator.');
  if (opts.role === undefined) throw new ParleyError('invalid_input', `which role? give --role ${PartyRole.options.join('|')}.`);
  if (!PartyRole.safeParse(opts.role).success) throw new ParleyError('invalid_input', `--role must be one of ${PartyRole.options.join(', ')} for a party seat, not "${opts.role}".`);
  return { role: opts.role, party: opts.party };
}

export function registerInviteCommand(program: Command): void {
  program
    .command('invite')
    .description('invite someone to a seat in a negotiation; prints the invitation link (shown once)')
    .requiredOption('--negotiation <id>', 'the negotiation')
    .option('--party <party>', 'the party the seat belongs to (id or short name)')
    .option('--role <role>', `the role at the party: ${PartyRole.options.join(', ')}`)
    .option('--mediator', "a seat in the mediator's office instead of at a party")
    .requiredOption('--name <name>', 'the new member\'s name as the others will see it')
    .option('--email <email>', 'only the account with this email may accept')
    .option('--expires-in-days <n>', 'how long the link works (default 7, at most 30)')
    .option('--json', 'print the API answer as JSON')
    .action(async (opts: InviteOptions) => {
      const { role, party } = seat(opts);
      let expiresInDays: number | null = null;
      if (opts.expiresInDays !== undefined) {
        expiresInDays = Number(opts.expiresInDays);
        if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 30) throw new ParleyError('invalid_input', `--expires-in-days must be a whole number from 1 to 30, not "${opts.expiresInDays}".`);
      }
      const { client } = await signedInClient();
      const partyId = party === null ? null : await resolvePartyId(client, opts.negotiation, party);
      const body = { partyId, role, displayName: opts.name, email: opts.email ?? null, expiresInDays };
      const { data, raw } = await client.post(negotiationPath(opts.negotiation, '/invitations'), body, InvitationCreatedOut);
      if (opts.json) return printJson(raw);
      printLine(`Invited ${terminalSafe(opts.name, { oneLine: true })} as ${role}${party === null ? " in the mediator's office" : ` of ${terminalSafe(party, { oneLine: true })}`}${opts.email ? ` (only ${opts.email} may accept)` : ''}, until ${data.expiresAt}.`);
      printLine(`  link:  ${terminalSafe(data.acceptUrl, { oneLine: true })}`);
      printLine(`  token: ${terminalSafe(data.token, { oneLine: true })}`);
      printLine('Send the link to them privately; it is shown only now and works once.');
    });
}
