import { z } from 'zod';
import { overallAgreement, pointAgreement, summarize } from '../../domain/agreement/agreement-status.ts';
import type { PositionLevel } from '../../domain/model.ts';
import { SetPositionInput } from '../../domain/positions/set-position.ts';
import { NegotiationParams, Written } from '../../protocol/common.schema.ts';
import { AgreementOut, PositionOut } from '../../protocol/negotiation.schema.ts';
import { latestPositions, listParties, listPoints, positionHistory } from '../../store/queries/negotiation.queries.ts';
import { readAs } from '../../store/queries/read-as.ts';
import { defineRoute } from '../route.ts';
import { memberOf } from '../viewer.ts';
import { runAsMember } from './command.ts';

const tags = ['positions'];

export const positionRoutes = [
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/positions', operationId: 'listPositions', summary: 'The latest position I may see, per party and point or amendment', tags, auth: 'read',
    params: NegotiationParams, response: z.object({ items: z.array(PositionOut) }),
    async handler({ deps, auth, params }) {
      const me = await memberOf(deps.db, params.id, auth!);
      return { items: await readAs(deps.db, params.id, me, (tx) => latestPositions(tx, params.id)) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/positions/history', operationId: 'positionHistory', summary: 'Every position I may see, oldest first, filtered by point, amendment or party', tags, auth: 'read',
    params: NegotiationParams, query: z.object({ pointId: z.uuid().optional(), amendmentId: z.uuid().optional(), partyId: z.uuid().optional() }),
    response: z.object({ items: z.array(PositionOut) }),
    async handler({ deps, auth, params, query }) {
      const me = await memberOf(deps.db, params.id, auth!);
      return { items: await readAs(deps.db, params.id, me, (tx) => positionHistory(tx, params.id, query)) };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/positions', operationId: 'setPosition', summary: "Set my party's position (send basedOnPositionId; a reason is required for wording, reject, redline)", tags, auth: 'write', status: 201,
    params: NegotiationParams, body: SetPositionInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'setPosition', input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/agreement', operationId: 'agreementMap', summary: 'Points × parties as I may see them, with each point\'s status and the overall one', tags, auth: 'read',
    params: NegotiationParams, response: AgreementOut,
    async handler({ deps, auth, params }) {
      const me = await memberOf(deps.db, params.id, auth!);
      return readAs(deps.db, params.id, me, async (tx) => {
        const [parties, points, positions] = await Promise.all([listParties(tx, params.id), listPoints(tx, params.id), latestPositions(tx, params.id)]);
        const partyIds = parties.map((p) => p.id);
        const rows = points.map((pt) => {
          const levels = new Map<string, PositionLevel>();
          const cells: Record<string, { id: string; level: PositionLevel; reason: string; visibility: 'party' | 'mediator' | 'parties' | 'public'; at: string } | null> = {};
          for (const party of partyIds) {
            const p = positions.find((x) => x.partyId === party && x.pointId === pt.id);
            cells[party] = p ? { id: p.id, level: p.level, reason: p.reason, visibility: p.visibility, at: p.at } : null;
            if (p) levels.set(party, p.level);
          }
          return { pointId: pt.id, number: pt.number, cells, ...pointAgreement(partyIds, levels) };
        });
        const overall = overallAgreement(rows.map((r) => r.status));
        return { parties: partyIds, rows, overall: { ...overall, summary: summarize(overall) } };
      });
    },
  }),
];
