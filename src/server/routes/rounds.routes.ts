import { ParleyError } from '../../domain/errors.ts';
import { RoundInput, UpdateRoundInput } from '../../domain/rounds/schedule-round.ts';
import { WriteReadoutInput } from '../../domain/rounds/write-readout.ts';
import { EntityParams, NegotiationParams, Written } from '../../protocol/common.schema.ts';
import { ReadoutOut, RoundOut } from '../../protocol/negotiation.schema.ts';
import { getRound, listReadouts, listRounds } from '../../store/queries/negotiation.queries.ts';
import { ListQuery, Page, defineRoute, paginate } from '../route.ts';
import { readAsMember, runAsMember } from './command.ts';

const RoundParams = EntityParams('roundId');

export const roundRoutes = [
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/rounds', operationId: 'listRounds', summary: 'Rounds of talks, oldest first', tags: ['rounds'], auth: 'read',
    params: NegotiationParams, query: ListQuery, response: Page(RoundOut),
    handler: async ({ deps, auth, params, query }) => paginate(await readAsMember(deps, auth!, params.id, (tx) => listRounds(tx, params.id)), query),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/rounds', operationId: 'scheduleRound', summary: 'Record a round (mediator)', tags: ['rounds'], auth: 'write', status: 201,
    params: NegotiationParams, body: RoundInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'scheduleRound', input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/rounds/:roundId', operationId: 'getRound', summary: 'One round', tags: ['rounds'], auth: 'read',
    params: RoundParams, response: RoundOut,
    async handler({ deps, auth, params }) {
      const r = await readAsMember(deps, auth!, params.id, (tx) => getRound(tx, params.id, params.roundId));
      if (!r) throw new ParleyError('round_not_found', `No round with id ${params.roundId} that you may see.`);
      return r;
    },
  }),
  defineRoute({
    method: 'PUT', url: '/api/negotiations/:id/rounds/:roundId', operationId: 'updateRound', summary: 'Change a round (mediator; send basedOn)', tags: ['rounds'], auth: 'write',
    params: RoundParams, body: UpdateRoundInput.omit({ roundId: true }), response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'updateRound', input: { ...body, roundId: params.roundId } }),
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/rounds/:roundId/readouts', operationId: 'listReadouts', summary: 'Private readouts of a round that I may see', tags: ['rounds'], auth: 'read',
    params: RoundParams, query: ListQuery, response: Page(ReadoutOut),
    handler: async ({ deps, auth, params, query }) => paginate(await readAsMember(deps, auth!, params.id, (tx) => listReadouts(tx, params.id, params.roundId)), query),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/rounds/:roundId/readouts', operationId: 'writeReadout', summary: "Write my side's private readout of a round", tags: ['rounds'], auth: 'write', status: 201,
    params: RoundParams, body: WriteReadoutInput.omit({ roundId: true }), response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'writeReadout', input: { ...body, roundId: params.roundId } }),
  }),
];
