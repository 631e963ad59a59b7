import { ParleyError } from '../../domain/errors.ts';
import { AcceptAmendmentsInput, RejectAmendmentInput } from '../../domain/amendments/decide-amendments.ts';
import { DraftAmendmentInput } from '../../domain/amendments/draft-amendment.ts';
import { ProposeAmendmentInput } from '../../domain/amendments/propose-amendment.ts';
import { AmendmentStatus } from '../../domain/model.ts';
import { flagTexts } from '../../domain/text/unicode-safety.ts';
import { EntityParams, NegotiationParams, Written } from '../../protocol/common.schema.ts';
import { AmendmentOut } from '../../protocol/negotiation.schema.ts';
import { getAmendment, listAmendments } from '../../store/queries/negotiation.queries.ts';
import { ListQuery, Page, defineRoute, paginate } from '../route.ts';
import { readAsMember, runAsMember } from './command.ts';

const tags = ['amendments'];
const AmendmentParams = EntityParams('amendmentId');
const withFlags = <A extends { texts: Record<string, string> }>(a: A) => ({ ...a, flags: flagTexts(a.texts) });

export const amendmentRoutes = [
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/amendments', operationId: 'listAmendments', summary: 'Amendments I may see (my party\'s drafts, proposals shared with me)', tags, auth: 'read',
    params: NegotiationParams, query: ListQuery.extend({ status: AmendmentStatus.optional() }), response: Page(AmendmentOut),
    async handler({ deps, auth, params, query }) {
      const page = paginate(await readAsMember(deps, auth!, params.id, (tx) => listAmendments(tx, params.id, query.status)), query);
      return { ...page, items: page.items.map(withFlags) };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/amendments', operationId: 'draftAmendment', summary: 'Draft an amendment for my party (optionally proposing it at once)', tags, auth: 'write', status: 201,
    params: NegotiationParams, body: DraftAmendmentInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'draftAmendment', input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/amendments/:amendmentId', operationId: 'getAmendment', summary: 'One amendment', tags, auth: 'read',
    params: AmendmentParams, response: AmendmentOut,
    async handler({ deps, auth, params }) {
      const a = await readAsMember(deps, auth!, params.id, (tx) => getAmendment(tx, params.id, params.amendmentId));
      if (!a) throw new ParleyError('amendment_not_found', `No amendment with id ${params.amendmentId} in this negotiation.`);
      return withFlags(a);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/amendments/:amendmentId/propose', operationId: 'proposeAmendment', summary: 'Propose a draft to the mediator or to the table', tags, auth: 'write',
    params: AmendmentParams, body: ProposeAmendmentInput.omit({ amendmentId: true }), response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'proposeAmendment', input: { ...body, amendmentId: params.amendmentId } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/amendments/:amendmentId/withdraw', operationId: 'withdrawAmendment', summary: 'Withdraw my party\'s amendment', tags, auth: 'write',
    params: AmendmentParams, response: Written,
    handler: ({ deps, auth, params }) => runAsMember(deps, auth!, params.id, { name: 'withdrawAmendment', input: { amendmentId: params.amendmentId } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/amendments/:amendmentId/reject', operationId: 'rejectAmendment', summary: 'Reject a proposed amendment, with a reason (mediator)', tags, auth: 'write',
    params: AmendmentParams, body: RejectAmendmentInput.omit({ amendmentId: true }), response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'rejectAmendment', input: { ...body, amendmentId: params.amendmentId } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/amendments/accept', operationId: 'acceptAmendments', summary: 'Accept proposed amendments, yielding the next version (mediator)', tags, auth: 'write', status: 201,
    params: NegotiationParams, body: AcceptAmendmentsInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'acceptAmendments', input: body }),
  }),
];
