import { z } from 'zod';
import { buildAgreementMap } from '../../domain/agreement/agreement-map.ts';
import { summarize } from '../../domain/agreement/agreement-status.ts';
import { SetPositionInput } from '../../domain/positions/set-position.ts';
import { NegotiationParams, Written } from '../../protocol/common.schema.ts';
import { AgreementOut, PositionOut } from '../../protocol/negotiation.schema.ts';
import { latestPositions, listParties, listPoints, positionHistory } from '../../store/queries/negotiation.queries.ts';
import { readAs } from '../../store/queries/read-as.ts';
import { ListQuery, Page, defineRoute, paginate } from '../route.ts';
import { memberOf } from '../viewer.ts';
import { readAsMember, runAsMember } from './command.ts';

const tags = ['positions'];

export const positionRoutes = [
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/positions', operationId: 'listPositions', summary: 'The latest position I may see, per party and point or amendment', tags, auth: 'read',
    params: NegotiationParams, query: ListQuery, response: Page(PositionOut),
    handler: async ({ deps, auth, params, query }) => paginate(await readAsMember(deps, auth!, params.id, (tx) => latestPositions(tx, params.id)), query),
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/positions/history', operationId: 'positionHistory', summary: 'Every position I may see, oldest first, filtered by point, amendment or party', tags, auth: 'read',
    params: NegotiationParams, query: ListQuery.extend({ pointId: z.uuid().optional(), amendmentId: z.uuid().optional(), partyId: z.uuid().optional() }),
    response: Page(PositionOut),
    handler: async ({ deps, auth, params, query }) => paginate(await readAsMember(deps, auth!, params.id, (tx) => positionHistory(tx, params.id, query)), query),
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
        const map = buildAgreementMap(parties.map((p) => p.id), points, positions);
        return { ...map, overall: { ...map.overall, summary: summarize(map.overall) } };
      });
    },
  }),
];
