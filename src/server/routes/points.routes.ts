import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import { AddPointInput } from '../../domain/framework/add-point.ts';
import { ConfirmTranslationInput, EditPointInput } from '../../domain/framework/edit-point.ts';
import { translationStatus, type TextHistory } from '../../domain/framework/translation-status.ts';
import type { Point } from '../../domain/model.ts';
import { flagTexts } from '../../domain/text/unicode-safety.ts';
import { CreateVersionInput } from '../../domain/versions/create-version.ts';
import { InitialVersionInput } from '../../domain/versions/initial-version.ts';
import { EntityParams, NegotiationParams, Written } from '../../protocol/common.schema.ts';
import { PointOut, VersionOut, VersionSummaryOut } from '../../protocol/negotiation.schema.ts';
import { logAccess } from '../../store/accounts/access-log.store.ts';
import { getPoint, getVersion, getVersionImport, listPoints, listVersions } from '../../store/queries/negotiation.queries.ts';
import { readAs } from '../../store/queries/read-as.ts';
import { readTextHistories } from '../../store/queries/text-history.queries.ts';
import { ListQuery, Page, defineRoute, paginate } from '../route.ts';
import { memberOf } from '../viewer.ts';
import { readAsMember, runAsMember } from './command.ts';

const tags = ['framework'];

/** A point as answered: its row plus what is derived from its texts and their history. */
function presentPoint<P extends Point>(p: P, histories: ReadonlyMap<string, TextHistory>) {
  return { ...p, flags: flagTexts(p.texts), translationStatus: translationStatus(histories.get(p.id)) };
}

export const pointRoutes = [
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/points', operationId: 'listPoints', summary: 'The working text, point by point', tags, auth: 'read',
    params: NegotiationParams, query: ListQuery.extend({ includeRemoved: z.enum(['true', 'false']).optional() }), response: Page(PointOut),
    async handler({ deps, auth, params, query }) {
      const { points, histories } = await readAsMember(deps, auth!, params.id, async (tx) => ({
        points: await listPoints(tx, params.id, query.includeRemoved === 'true'),
        histories: await readTextHistories(tx, params.id),
      }));
      // Flags are worked out for the page answered, not for every point of a long text.
      const page = paginate(points, query);
      return { ...page, items: page.items.map((p) => presentPoint(p, histories)) };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/points', operationId: 'addPoint', summary: 'Add a point to the working text (mediator)', tags, auth: 'write', status: 201,
    params: NegotiationParams, body: AddPointInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'addPoint', input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/points/:pointId', operationId: 'getPoint', summary: 'One point of the working text', tags, auth: 'read',
    params: EntityParams('pointId'), response: PointOut,
    async handler({ deps, auth, params }) {
      const { p, histories } = await readAsMember(deps, auth!, params.id, async (tx) => ({
        p: await getPoint(tx, params.id, params.pointId),
        histories: await readTextHistories(tx, params.id, params.pointId),
      }));
      if (!p) throw new ParleyError('point_not_found', `No point with id ${params.pointId} in this negotiation.`);
      return presentPoint(p, histories);
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/negotiations/:id/points/:pointId', operationId: 'editPoint', summary: 'Edit a point (mediator; send basedOn)', tags, auth: 'write',
    params: EntityParams('pointId'), body: EditPointInput.omit({ pointId: true }), response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'editPoint', input: { ...body, pointId: params.pointId } }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/negotiations/:id/points/:pointId', operationId: 'removePoint', summary: 'Remove a point from the working text (mediator)', tags, auth: 'write',
    params: EntityParams('pointId'), response: Written,
    handler: ({ deps, auth, params }) => runAsMember(deps, auth!, params.id, { name: 'removePoint', input: { pointId: params.pointId } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/points/:pointId/translations/confirm', operationId: 'confirmTranslation', summary: 'Confirm a pending language\'s text still matches the changed one (mediator)', tags, auth: 'write',
    params: EntityParams('pointId'), body: ConfirmTranslationInput.omit({ pointId: true }), response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'confirmTranslation', input: { ...body, pointId: params.pointId } }),
  }),

  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/versions', operationId: 'listVersions', summary: 'Versions of the framework', tags: ['versions'], auth: 'read',
    params: NegotiationParams, query: ListQuery, response: Page(VersionSummaryOut),
    handler: async ({ deps, auth, params, query }) => paginate(await readAsMember(deps, auth!, params.id, (tx) => listVersions(tx, params.id)), query),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/versions', operationId: 'createVersion', summary: 'Freeze the working text as the next version (mediator)', tags: ['versions'], auth: 'write', status: 201,
    params: NegotiationParams, body: CreateVersionInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'createVersion', input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/versions/:versionId', operationId: 'getVersion', summary: 'One version, every point (recorded in the access log)', tags: ['versions'], auth: 'read',
    params: EntityParams('versionId'), response: VersionOut,
    async handler({ deps, auth, params, request }) {
      const me = await memberOf(deps.db, params.id, auth!);
      return readAs(deps.db, params.id, me, async (tx) => {
        const v = await getVersion(tx, params.id, params.versionId);
        if (!v) throw new ParleyError('version_not_found', `No version with id ${params.versionId} that you may see.`);
        if (v.visibility !== 'public') {
          await logAccess(tx, { negotiationId: params.id, accountId: auth!.accountId, memberId: me.memberId, action: 'version.read', target: v.id, detail: { label: v.label }, ip: request.ip });
        }
        return { ...v, points: v.points.map((p) => ({ ...p, flags: flagTexts(p.texts) })), imported: await getVersionImport(tx, params.id, v.id) };
      });
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/versions/:versionId/initials', operationId: 'initialVersion', summary: "Initial a version for my party (principal), quoting its content hash", tags: ['versions'], auth: 'write', status: 201,
    params: EntityParams('versionId'), body: InitialVersionInput.omit({ versionId: true }), response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'initialVersion', input: { ...body, versionId: params.versionId } }),
  }),
];
