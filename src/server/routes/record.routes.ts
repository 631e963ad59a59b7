import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import { may } from '../../domain/policy/permissions.ts';
import { NegotiationParams } from '../../protocol/common.schema.ts';
import { AccessLogEntry, EventOut } from '../../protocol/negotiation.schema.ts';
import { readEvents, verifyNegotiation } from '../../store/event-log.ts';
import { listAccessLog } from '../../store/queries/access-log.queries.ts';
import { decodeCursor, page, readAs } from '../../store/queries/read-as.ts';
import { Page, PageQuery, defineRoute } from '../route.ts';
import { memberOf } from '../viewer.ts';

const tags = ['record'];

export const recordRoutes = [
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/events', operationId: 'listEvents', summary: 'The event log: only the events I may see, in seq order (seqs I may not see are skipped)', tags, auth: 'read',
    params: NegotiationParams, query: z.object({ after: z.coerce.number().int().nonnegative().max(2_147_483_647).default(0), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
    response: z.object({ items: z.array(EventOut), nextAfter: z.number().int().nullable(), headSeq: z.number().int() }),
    async handler({ deps, auth, params, query }) {
      const me = await memberOf(deps.db, params.id, auth!);
      return readAs(deps.db, params.id, me, async (tx) => {
        const events = await readEvents(tx, params.id, query.after, query.limit + 1);
        const [head] = await tx.query<{ last_seq: number }>('SELECT last_seq FROM negotiation_heads WHERE negotiation_id = $1', [params.id]);
        const items = events.slice(0, query.limit).map(({ negotiationId: _n, ...e }) => e);
        return { items, nextAfter: events.length > query.limit ? items.at(-1)!.seq : null, headSeq: head?.last_seq ?? 0 };
      });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/verify', operationId: 'verifyRecord', summary: 'Recompute the hash chain of the whole log (mediator)', tags, auth: 'read',
    params: NegotiationParams, response: z.object({ ok: z.boolean(), events: z.number().int(), broken: z.object({ seq: z.number().int(), reason: z.string() }).nullable() }),
    async handler({ deps, auth, params }) {
      const me = await memberOf(deps.db, params.id, auth!);
      if (!may(me, 'manage_negotiation')) throw new ParleyError('action_denied', "Only the mediator's office may verify the whole record; it spans every party's events.");
      // Verification needs every event, so it reads as the server; it returns only a verdict.
      const r = await verifyNegotiation(deps.db, params.id);
      return { ok: r.broken === null, events: r.events, broken: r.broken };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/access-log', operationId: 'listAccessLog', summary: 'Who read or exported what, newest first (mediator: all; others: their own)', tags, auth: 'read',
    params: NegotiationParams, query: PageQuery, response: Page(AccessLogEntry),
    async handler({ deps, auth, params, query }) {
      const me = await memberOf(deps.db, params.id, auth!);
      const offset = decodeCursor(query.cursor);
      const rows = await readAs(deps.db, params.id, me, (tx) => listAccessLog(tx, params.id, offset, query.limit));
      return page(rows, offset, query.limit);
    },
  }),
];
