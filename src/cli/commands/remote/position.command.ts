/** `parley position set | list`: a party's stance on each point. */
import type { Command } from 'commander';
import { z } from 'zod';
import { ParleyError } from '../../../domain/errors.ts';
import { levelsNeedingReason, PositionLevel, Visibility } from '../../../domain/model.ts';
import { Written } from '../../../protocol/common.schema.ts';
import { PositionOut } from '../../../protocol/negotiation.schema.ts';
import { terminalSafe } from '../../http/client.ts';
import { signedInClient } from '../../http/credentials.ts';
import { columns, getNegotiation, listParties, listPoints, negotiationPath, resolvePartyId, resolvePointId } from '../../http/lookup.ts';
import { printJson, printLine } from '../../output.ts';

interface SetOptions {
  negotiation: string; party?: string; point: string; level: string; reason?: string; visibility?: string; basedOn?: string; json?: boolean;
}

const levelHelp = 'accept, discuss (needs discussion), wording (some wording does not suit), reject, redline (no agreement unless settled our way)';

export function registerPositionCommands(program: Command): void {
  const position = program.command('position').description("parties' positions on points (after parley login)");

  position
    .command('set')
    .description("set your party's position on a point")
    .requiredOption('--negotiation <id>', 'the negotiation')
    .option('--party <party>', 'the party (id or short name; default: your own)')
    .requiredOption('--point <point>', 'the point (id or number)')
    .requiredOption('--level <level>', levelHelp)
    .option('--reason <text>', 'why; required for wording, reject and redline')
    .option('--visibility <who>', 'who sees it: party (default), mediator, parties or public')
    .option('--based-on <position>', 'the position id you saw as current: refuse if someone changed it since')
    .option('--json', 'print the API answer as JSON')
    .action(async (opts: SetOptions) => {
      const level = PositionLevel.safeParse(opts.level);
      if (!level.success) throw new ParleyError('invalid_input', `--level must be one of ${PositionLevel.options.join(', ')}, not "${opts.level}".`);
      if (levelsNeedingReason.has(level.data) && (opts.reason ?? '').trim() === '') {
        throw new ParleyError('reason_required', `a "${level.data}" position needs a reason, so the other side knows what would change it: add --reason "...".`);
      }
      if (opts.visibility !== undefined && !Visibility.safeParse(opts.visibility).success) {
        throw new ParleyError('invalid_input', `--visibility must be one of ${Visibility.options.join(', ')}, not "${opts.visibility}".`);
      }
      const { client } = await signedInClient();
      let partyId: string;
      if (opts.party === undefined) {
        const own = (await getNegotiation(client, opts.negotiation)).data.membership.partyId;
        if (own === null) throw new ParleyError('invalid_input', "you sit in the mediator's office, not at a party: say whose position with --party.");
        partyId = own;
      } else {
        partyId = await resolvePartyId(client, opts.negotiation, opts.party);
      }
      const pointId = await resolvePointId(client, opts.negotiation, opts.point);
      const body = {
        partyId, pointId, level: level.data,
        ...(opts.reason === undefined ? {} : { reason: opts.reason }),
        ...(opts.visibility === undefined ? {} : { visibility: opts.visibility }),
        ...(opts.basedOn === undefined ? {} : { basedOnPositionId: opts.basedOn === 'none' ? null : opts.basedOn }),
      };
      const { data, raw } = await client.post(negotiationPath(opts.negotiation, '/positions'), body, Written);
      if (opts.json) return printJson(raw);
      printLine(`Position on point ${terminalSafe(opts.point, { oneLine: true })}: ${level.data}, visible to ${opts.visibility ?? 'party'} (${data.id ?? 'no id returned'}).`);
    });

  position
    .command('list')
    .description('the latest position you may see, per party and point')
    .requiredOption('--negotiation <id>', 'the negotiation')
    .option('--json', 'print the API answer as JSON')
    .action(async (opts: { negotiation: string; json?: boolean }) => {
      const { client } = await signedInClient();
      const { data, raw } = await client.get(negotiationPath(opts.negotiation, '/positions'), z.object({ items: z.array(PositionOut) }));
      if (opts.json) return printJson(raw);
      if (data.items.length === 0) return printLine('No positions you may see yet.');
      const [parties, points] = await Promise.all([listParties(client, opts.negotiation), listPoints(client, opts.negotiation, true)]);
      const partyName = new Map(parties.map((p) => [p.id, terminalSafe(p.shortName)]));
      const pointNumber = new Map(points.map((p) => [p.id, p.number]));
      columns([
        ['POINT', 'PARTY', 'LEVEL', 'VISIBLE TO', 'REASON'],
        ...data.items.map((p) => [
          p.pointId ? (pointNumber.get(p.pointId) ?? p.pointId) : `amendment ${p.amendmentId ?? ''}`,
          partyName.get(p.partyId) ?? p.partyId, p.level, p.visibility, terminalSafe(p.reason, { oneLine: true }),
        ]),
      ]).forEach(printLine);
    });
}
