/**
 * Public statements: recorded by hand or imported from a news report (preview, review,
 * record), edited after the fact, and set against each party's positions as the caller may
 * see them (discrepancies).
 */
import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import { findDiscrepancies } from '../../domain/statements/discrepancies.ts';
import { EditStatementInput } from '../../domain/statements/edit-statement.ts';
import { previewReport } from '../../domain/statements/preview-report.ts';
import { MAX_REPORT_CHARS } from '../../domain/statements/report-text.ts';
import { RecordStatementInput } from '../../domain/statements/record-statement.ts';
import { EntityParams, NegotiationParams, Written } from '../../protocol/common.schema.ts';
import {
  DiscrepancyOut, ImportReportBody, PreviewReportBody, ReportOut, ReportPreviewOut, ReportSummaryOut, StatementOut,
} from '../../protocol/statements.schema.ts';
import { preview } from '../../store/execute.ts';
import { positionHistory } from '../../store/queries/negotiation.queries.ts';
import { getReport, listReports, listStatements, statementsWithStance } from '../../store/queries/statements.queries.ts';
import { ListQuery, Page, defineRoute, paginate } from '../route.ts';
import { memberOf } from '../viewer.ts';
import { readAsMember, runAsMember } from './command.ts';

const tags = ['statements'];
const StatementParams = EntityParams('statementId');
const ReportParams = EntityParams('reportId');
const Day = z.iso.date({ error: 'must be a day (yyyy-mm-dd)' });
// A report of the largest size in UTF-8 (up to 3 bytes a character), plus the statements around it.
const BODY_LIMIT = MAX_REPORT_CHARS * 3 + 1024 * 1024;

export const statementRoutes = [
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/statements', operationId: 'listStatements', summary: 'Public statements, newest first, by person, party, point, report and date', tags, auth: 'read',
    params: NegotiationParams,
    query: ListQuery.extend({
      personId: z.uuid().optional(), partyId: z.uuid().optional(), pointId: z.uuid().optional(), reportId: z.uuid().optional(),
      from: Day.optional().describe('first day, inclusive'), to: Day.optional().describe('last day, inclusive'),
    }),
    response: Page(StatementOut),
    handler: async ({ deps, auth, params, query }) => paginate(await readAsMember(deps, auth!, params.id, (tx) => listStatements(tx, params.id, query)), query),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/statements', operationId: 'recordStatement', summary: 'Record a public statement by hand', tags, auth: 'write', status: 201,
    params: NegotiationParams, body: RecordStatementInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'recordStatement', input: body }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/negotiations/:id/statements/:statementId', operationId: 'editStatement',
    summary: 'Correct a statement: its speaker, points, stance or translations (send basedOn)', tags, auth: 'write',
    params: StatementParams, body: EditStatementInput.omit({ statementId: true }), response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'editStatement', input: { ...body, statementId: params.statementId } }),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/reports/preview', operationId: 'previewReport',
    summary: "Find the quotations in a news report, with speakers resolved to this negotiation's people and a stance suggested (records nothing)",
    tags, auth: 'write', bodyLimit: BODY_LIMIT,
    params: NegotiationParams, body: PreviewReportBody, response: ReportPreviewOut,
    async handler({ deps, auth, params, body }) {
      // Membership first: a non-member learns nothing, not even what is wrong with its report.
      const me = await memberOf(deps.db, params.id, auth!);
      const { result } = await preview(deps.db, { negotiationId: params.id, as: { memberId: me.memberId } }, (state, ctx) => previewReport(state, ctx.actor, body));
      return result;
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/reports', operationId: 'importReport',
    summary: 'Record a news report and the quotations accepted from it as statements, all or nothing', tags, auth: 'write', status: 201, bodyLimit: BODY_LIMIT,
    params: NegotiationParams, body: ImportReportBody, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'importReport', input: body }),
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/reports', operationId: 'listReports', summary: 'Imported reports, newest first (without their text)', tags, auth: 'read',
    params: NegotiationParams, query: ListQuery, response: Page(ReportSummaryOut),
    handler: async ({ deps, auth, params, query }) => paginate(await readAsMember(deps, auth!, params.id, (tx) => listReports(tx, params.id)), query),
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/reports/:reportId', operationId: 'getReport', summary: 'One imported report with its full text, line by line', tags, auth: 'read',
    params: ReportParams, response: ReportOut,
    async handler({ deps, auth, params }) {
      const r = await readAsMember(deps, auth!, params.id, (tx) => getReport(tx, params.id, params.reportId));
      if (!r) throw new ParleyError('not_found', `No report with id ${params.reportId} that you may see.`);
      return r;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/discrepancies', operationId: 'listDiscrepancies',
    summary: "Points where a party's public statements contradict its position as I may see it", tags, auth: 'read',
    params: NegotiationParams, query: z.object({ pointId: z.uuid().optional() }), response: z.object({ items: z.array(DiscrepancyOut) }),
    handler: async ({ deps, auth, params, query }) => ({
      // Read as the caller, so row-level security has already removed what it may not see;
      // the domain checks canSee again on every position it compares.
      items: await readAsMember(deps, auth!, params.id, async (tx, me) => findDiscrepancies({
        viewer: me, pointId: query.pointId,
        statements: await statementsWithStance(tx, params.id, query.pointId),
        positions: await positionHistory(tx, params.id, query.pointId ? { pointId: query.pointId } : {}),
      })),
    }),
  }),
];
