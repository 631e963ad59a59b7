/**
 * The negotiation home's own reads: agreement over time (per version and round, as I may
 * see it) and my last visit, for "what changed since I was last here".
 */
import { z } from 'zod';
import { AgreementHistory, agreementHistory, type Checkpoint } from '../../domain/agreement/agreement-history.ts';
import { NegotiationParams } from '../../protocol/common.schema.ts';
import { listParties, listPoints, listRounds, listVersions, getVersion, positionHistory } from '../../store/queries/negotiation.queries.ts';
import { getVisit, headSeqOf, markVisit } from '../../store/queries/visits.queries.ts';
import { defineRoute } from '../route.ts';
import { memberOf } from '../viewer.ts';
import { readAsMember } from './command.ts';

const tags = ['agreement'];

const Visit = z.object({ seenSeq: z.number().int().nonnegative(), seenAt: z.iso.datetime() });
export const VisitOut = z.object({
  /** My previous visit; null on the first. */
  visit: Visit.nullable(),
  headSeq: z.number().int().nonnegative(),
});

export const mapRoutes = [
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/agreement/history', operationId: 'agreementHistory',
    summary: 'Status counts at each version, each round that has begun, and now, from the positions I may see', tags, auth: 'read',
    params: NegotiationParams, response: AgreementHistory,
    handler: ({ deps, auth, params }) => readAsMember(deps, auth!, params.id, async (tx) => {
      const [parties, points, positions, versions, rounds] = await Promise.all([
        listParties(tx, params.id), listPoints(tx, params.id), positionHistory(tx, params.id, {}), listVersions(tx, params.id), listRounds(tx, params.id),
      ]);
      const now = new Date().toISOString();
      const checkpoints: Checkpoint[] = [];
      // Versions are few (one per drafting cycle); each is counted over its own text.
      for (const v of versions) {
        const full = await getVersion(tx, params.id, v.id);
        checkpoints.push({ kind: 'version', id: v.id, at: v.createdAt, label: v.label, title: null, pointIds: full?.points.map((p) => p.pointId) ?? [] });
      }
      // A round not yet begun would only repeat "now".
      for (const r of rounds) if (r.startsAt <= now) checkpoints.push({ kind: 'round', id: r.id, at: r.startsAt, label: null, title: r.title });
      checkpoints.push({ kind: 'now', id: null, at: now, label: null, title: null });
      return agreementHistory(parties.map((p) => p.id), points, positions, checkpoints);
    }),
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/visit', operationId: 'getVisit', summary: 'My previous visit (the last seq I saw) and the head seq now', tags, auth: 'read',
    params: NegotiationParams, response: VisitOut,
    async handler({ deps, auth, params }) {
      // Membership first: a non-member learns nothing, not even that the negotiation exists.
      await memberOf(deps.db, params.id, auth!);
      const [visit, headSeq] = await Promise.all([getVisit(deps.db, auth!.accountId, params.id), headSeqOf(deps.db, params.id)]);
      return { visit, headSeq };
    },
  }),
  defineRoute({
    method: 'PUT', url: '/api/negotiations/:id/visit', operationId: 'markVisit', summary: 'Mark what I have seen up to a seq (it only moves forward, and never past the head)', tags, auth: 'write',
    params: NegotiationParams, body: z.object({ seenSeq: z.number().int().nonnegative().max(2_147_483_647) }), response: VisitOut,
    async handler({ deps, auth, params, body }) {
      await memberOf(deps.db, params.id, auth!);
      const headSeq = await headSeqOf(deps.db, params.id);
      const visit = await markVisit(deps.db, auth!.accountId, params.id, Math.min(body.seenSeq, headSeq));
      return { visit, headSeq };
    },
  }),
];
