import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import { AddPartyInput } from '../../domain/negotiation/add-party.ts';
import { PersonInput, UpdatePersonInput } from '../../domain/negotiation/add-person.ts';
import { CreateNegotiationInput } from '../../domain/negotiation/create-negotiation.ts';
import { AddSectionInput } from '../../domain/framework/add-point.ts';
import { EntityParams, NegotiationParams, Written } from '../../protocol/common.schema.ts';
import { MemberOut, NegotiationOverview, NegotiationSummary, PartyOut, PersonOut, SectionOut } from '../../protocol/negotiation.schema.ts';
import { execute } from '../../store/execute.ts';
import { getNegotiationRow, listMembers, listParties, listPersons, listSections } from '../../store/queries/negotiation.queries.ts';
import { readAs } from '../../store/queries/read-as.ts';
import { requireAdmin } from '../auth/request-auth.ts';
import { ListQuery, Page, defineRoute, paginate } from '../route.ts';
import { memberOf } from '../viewer.ts';
import { readAsMember, runAsMember, written } from './command.ts';

const tags = ['negotiations'];

export const negotiationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/negotiations', operationId: 'listNegotiations', summary: 'The negotiations I am a member of', tags, auth: 'read',
    query: ListQuery, response: Page(NegotiationSummary),
    async handler({ deps, auth, query }) {
      const rows = await deps.db.query<{ id: string; title: Record<string, string>; languages: string[]; created_at: Date; member_id: string; party_id: string | null; role: string }>(
        `SELECT n.negotiation_id AS id, n.title, n.languages, n.created_at, m.id AS member_id, m.party_id, m.role
         FROM members m JOIN negotiations n USING (negotiation_id)
         WHERE m.account_id = $1 AND m.active ORDER BY n.created_at`, [auth!.accountId]);
      const visible = auth!.negotiationId ? rows.filter((r) => r.id === auth!.negotiationId) : rows;
      return paginate(visible.map((r) => ({ id: r.id, title: r.title, languages: r.languages, createdAt: r.created_at.toISOString(), membership: { memberId: r.member_id, partyId: r.party_id, role: r.role } })), query);
    },
  }),

  defineRoute({
    method: 'POST', url: '/api/negotiations', operationId: 'createNegotiation', summary: 'Open a negotiation; the caller becomes its mediator', tags, auth: 'admin', status: 201,
    body: CreateNegotiationInput.omit({ id: true, mediator: true }).extend({ mediatorName: z.string().trim().min(1).max(200).optional() }),
    response: Written,
    async handler({ deps, body, request }) {
      const auth = requireAdmin(request);
      const [account] = await deps.db.query<{ display_name: string }>('SELECT display_name FROM accounts WHERE id = $1', [auth.accountId]);
      const { mediatorName, ...rest } = body;
      const negotiationId = randomUUID();
      const events = await execute(deps.db, {
        negotiationId, as: 'system',
        command: { name: 'createNegotiation', input: { ...rest, id: negotiationId, mediator: { displayName: mediatorName ?? account?.display_name ?? "Mediator's office", accountId: auth.accountId } } },
      });
      return written(events);
    },
  }),

  defineRoute({
    method: 'GET', url: '/api/negotiations/:id', operationId: 'getNegotiation', summary: 'A negotiation and my place in it', tags, auth: 'read',
    params: NegotiationParams, response: NegotiationOverview,
    async handler({ deps, auth, params }) {
      const me = await memberOf(deps.db, params.id, auth!);
      return readAs(deps.db, params.id, me, async (tx) => {
        const n = await getNegotiationRow(tx, params.id);
        if (!n) throw new ParleyError('negotiation_not_found', `No negotiation with id ${params.id} that you may see.`);
        const [head] = await tx.query<{ last_seq: number }>('SELECT last_seq FROM negotiation_heads WHERE negotiation_id = $1', [params.id]);
        return { ...n, headSeq: head?.last_seq ?? 0, membership: { memberId: me.memberId, partyId: me.partyId, role: me.role } };
      });
    },
  }),

  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/parties', operationId: 'listParties', summary: 'The parties at the table', tags, auth: 'read',
    params: NegotiationParams, query: ListQuery, response: Page(PartyOut),
    handler: async ({ deps, auth, params, query }) => paginate(await readAsMember(deps, auth!, params.id, (tx) => listParties(tx, params.id)), query),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/parties', operationId: 'addParty', summary: 'Add a party (mediator)', tags, auth: 'write', status: 201,
    params: NegotiationParams, body: AddPartyInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'addParty', input: body }),
  }),

  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/persons', operationId: 'listPersons', summary: 'People of the negotiation, with names in several scripts', tags, auth: 'read',
    params: NegotiationParams, query: ListQuery, response: Page(PersonOut),
    handler: async ({ deps, auth, params, query }) => paginate(await readAsMember(deps, auth!, params.id, (tx) => listPersons(tx, params.id)), query),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/persons', operationId: 'addPerson', summary: 'Add a person', tags, auth: 'write', status: 201,
    params: NegotiationParams, body: PersonInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'addPerson', input: body }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/negotiations/:id/persons/:personId', operationId: 'updatePerson', summary: 'Change a person (send basedOn)', tags, auth: 'write',
    params: EntityParams('personId'), body: UpdatePersonInput.omit({ personId: true }), response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'updatePerson', input: { ...body, personId: params.personId } }),
  }),

  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/members', operationId: 'listMembers', summary: 'Members and their roles', tags, auth: 'read',
    params: NegotiationParams, query: ListQuery, response: Page(MemberOut),
    handler: async ({ deps, auth, params, query }) => paginate(await readAsMember(deps, auth!, params.id, (tx) => listMembers(tx, params.id)), query),
  }),

  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/sections', operationId: 'listSections', summary: 'Sections of the framework', tags, auth: 'read',
    params: NegotiationParams, query: ListQuery, response: Page(SectionOut),
    handler: async ({ deps, auth, params, query }) => paginate(await readAsMember(deps, auth!, params.id, (tx) => listSections(tx, params.id)), query),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/sections', operationId: 'addSection', summary: 'Add a section (mediator)', tags, auth: 'write', status: 201,
    params: NegotiationParams, body: AddSectionInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'addSection', input: body }),
  }),
];
