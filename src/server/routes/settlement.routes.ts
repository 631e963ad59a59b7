/**
 * Settlement analysis (docs/settlement.md): the mediator's issue space, each party's sealed
 * scores, the analysis, and the packages seen. Raw scores reach only their own party (under
 * row-level security as parley_app); everything computed from them is computed by the engine,
 * which reads through its own role (store/settlement-engine.ts), and leaves as results only,
 * with each party's figures shown where that party lets them be seen.
 */
import { may } from '../../domain/policy/permissions.ts';
import { SaveSpaceInput } from '../../domain/settlement/commands/save-space.ts';
import { RecordPackageInput, SetBaselineInput } from '../../domain/settlement/commands/record-package.ts';
import { SubmitScoresInput } from '../../domain/settlement/commands/submit-scores.ts';
import { packageViews } from '../../domain/settlement/views/package-views.ts';
import { EntityParams, NegotiationParams, Written } from '../../protocol/common.schema.ts';
import { AnalysisOut, RunAnalysisInput, SettlementOut } from '../../protocol/settlement.schema.ts';
import { readAs } from '../../store/queries/read-as.ts';
import { readOwnScores, readPackages, readSpace, readSubmissions } from '../../store/queries/settlement.queries.ts';
import { withEngineInputs } from '../../store/settlement-engine.ts';
import { defineRoute } from '../route.ts';
import { memberOf } from '../viewer.ts';
import { runAsMember } from './command.ts';
import { runAnalysis } from './settlement-analysis.ts';

const tags = ['settlement'];
const PackageParams = EntityParams('packageId');

export const settlementRoutes = [
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/settlement', operationId: 'getSettlement',
    summary: "The settlement: issue space, who has submitted (never what), the packages I may see with the figures I may see, and my party's own scores",
    tags, auth: 'read',
    params: NegotiationParams, response: SettlementOut,
    async handler({ deps, auth, params }) {
      const me = await memberOf(deps.db, params.id, auth!);
      const seen = await readAs(deps.db, params.id, me, async (tx) => ({
        space: await readSpace(tx, params.id),
        submissions: await readSubmissions(tx, params.id),
        packages: await readPackages(tx, params.id),
        own: await readOwnScores(tx, params.id),
      }));
      const canManage = may(me, 'manage_settlement');
      if (!seen.space) {
        return { space: null, baselineId: null, submissions: [], waitingFor: [], myScores: null, packages: [], canManage, canSubmit: false };
      }
      const { space, seq, baselineId } = seen.space;
      const { views: packages, waiting } = await withEngineInputs(deps.db, params.id, (inputs) =>
        packageViews({ space, spaceSeq: seq, scores: inputs.scores, submissions: seen.submissions }, seen.packages, baselineId, me));
      const stale = (spaceSeq: number) => spaceSeq < seq;
      return {
        space: { partyIds: space.partyIds, issues: space.issues, savedAt: space.savedAt, savedBy: space.savedBy, revision: seq },
        baselineId,
        submissions: seen.submissions.map((s) => ({ ...s, stale: stale(s.spaceSeq) })),
        waitingFor: waiting,
        myScores: seen.own
          ? { scores: seen.own.sealed.scores, share: seen.own.sealed.share, at: seen.own.sealed.at, revision: seen.own.revision,
              stale: stale(seen.submissions.find((s) => s.partyId === seen.own?.sealed.partyId)?.spaceSeq ?? 0) }
          : null,
        packages,
        canManage,
        canSubmit: me.partyId !== null && space.partyIds.includes(me.partyId) && may(me, 'submit_scores', me.partyId),
      };
    },
  }),
  defineRoute({
    method: 'PUT', url: '/api/negotiations/:id/settlement/space', operationId: 'saveSettlementSpace',
    summary: 'Save the issue space: the parties of the settlement and the issues with their options (mediator; send basedOn)', tags, auth: 'write',
    params: NegotiationParams, body: SaveSpaceInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'saveSettlementSpace', input: body }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/negotiations/:id/settlement/scores', operationId: 'submitSettlementScores',
    summary: "Seal my party's scores: weights, ratings or ranks, red lines, no-deal value, and who sees my satisfaction (send basedOn)", tags, auth: 'write',
    params: NegotiationParams, body: SubmitScoresInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'submitSettlementScores', input: body }),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/settlement/analyses', operationId: 'analyseSettlement',
    summary: 'Run the analysis (mediator): the Pareto frontier, Nash, Kalai–Smorodinsky, egalitarian, utilitarian, Adjusted Winner and the improvement on the baseline, with figures as each party allows; the suggested packages are recorded',
    tags, auth: 'write', status: 201,
    params: NegotiationParams, body: RunAnalysisInput, response: AnalysisOut,
    handler: ({ deps, auth, params, body, reply }) => {
      // A client that leaves before the answer stops the solve; a finished response is not a departure.
      const gone = new AbortController();
      reply.raw.once('close', () => { if (!reply.raw.writableFinished) gone.abort(new Error('the client went away')); });
      return runAnalysis(deps, auth!, params.id, body.visibility, gone.signal);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/settlement/packages', operationId: 'recordSettlementPackage',
    summary: 'Record a package the mediator built by hand, to compare with the others', tags, auth: 'write', status: 201,
    params: NegotiationParams, body: RecordPackageInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'recordSettlementPackage', input: body }),
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/settlement/packages/:packageId/share', operationId: 'shareSettlementPackage',
    summary: 'Show a package to the delegations; each then sees its own satisfaction with it', tags, auth: 'write',
    params: PackageParams, response: Written,
    handler: ({ deps, auth, params }) => runAsMember(deps, auth!, params.id, { name: 'shareSettlementPackage', input: { packageId: params.packageId } }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/negotiations/:id/settlement/baseline', operationId: 'setSettlementBaseline',
    summary: 'Make a shared package the agreed baseline that improvements start from (or clear it with null)', tags, auth: 'write',
    params: NegotiationParams, body: SetBaselineInput, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'setSettlementBaseline', input: body }),
  }),
];
