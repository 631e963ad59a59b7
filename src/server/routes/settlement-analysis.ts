/**
 * One analysis run for the mediator: the engine reads the sealed scores through its own role,
 * solves off the event loop (a worker thread: HiGHS blocks while it solves), and only the
 * presented answer comes back here. The packages it suggests are recorded, all in one command,
 * so the mediator's history holds every package seen; a package already recorded with the
 * same content, source and audience is not recorded twice.
 */
import { ParleyError } from '../../domain/errors.ts';
import { authorize } from '../../domain/policy/permissions.ts';
import type { PackageById, SeenPackage } from '../../domain/settlement/commands/settlement-records.ts';
import { toCase } from '../../domain/settlement/commands/to-case.ts';
import { prepareCase } from '../../domain/settlement/prepare-case.ts';
import { fromPackage } from '../../domain/settlement/utility.ts';
import { partyModels } from '../../domain/settlement/views/figures.ts';
import { waitingFor } from '../../domain/settlement/views/package-views.ts';
import { presentAnalysis, suggestedPackages } from '../../domain/settlement/views/present-analysis.ts';
import type { AnalysisOut } from '../../protocol/settlement.schema.ts';
import { analyzeInWorker } from '../../solver/settlement-worker.ts';
import { execute } from '../../store/execute.ts';
import { listParties } from '../../store/queries/negotiation.queries.ts';
import { readAs } from '../../store/queries/read-as.ts';
import { withEngineInputs } from '../../store/settlement-engine.ts';
import type { Auth } from '../auth/request-auth.ts';
import type { RouteDeps } from '../route.ts';
import { memberOf } from '../viewer.ts';

/** Enough points to draw the frontier's shape; the table alternative lists them all. */
const FRONTIER_POINTS = 600;

/** Keys sorted, so two packages with the same content compare equal whatever order they were written in. */
function canonical(pkg: PackageById): string {
  return JSON.stringify(Object.keys(pkg).sort().map((k) => {
    const v = pkg[k]!;
    return [k, typeof v === 'string' ? v : Object.keys(v).sort().map((p) => [p, v[p]])];
  }));
}

/** `signal`: aborted when the client goes away, which stops the worker mid-solve. */
export async function runAnalysis(deps: RouteDeps, auth: Auth, negotiationId: string, visibility: SeenPackage['visibility'], signal?: AbortSignal): Promise<AnalysisOut> {
  const me = await memberOf(deps.db, negotiationId, auth);
  authorize(me, 'manage_settlement');
  const parties = await readAs(deps.db, negotiationId, me, (tx) => listParties(tx, negotiationId));
  const partyNames = new Map(parties.map((p) => [p.id, p.shortName]));

  const run = await withEngineInputs(deps.db, negotiationId, async (inputs) => {
    if (!inputs.space) throw new ParleyError('invalid_input', 'Define the issue space first: the parties of the settlement and the issues with their options.');
    const { space, seq, baselineId } = inputs.space;
    const models = partyModels(space, inputs.scores);
    const waiting = waitingFor({ space, spaceSeq: seq, scores: inputs.scores, submissions: inputs.submissions }, models);
    if (waiting.length > 0) {
      throw new ParleyError('settlement_incomplete',
        `The analysis waits for scores from ${waiting.map((p) => partyNames.get(p) ?? p).join(', ')}: each party of the settlement must submit scores that fit the issue space as it is now.`,
        { waitingFor: waiting });
    }
    const caseJson = toCase(space, inputs.scores);
    const baseline = baselineId === null ? undefined : inputs.packages.find((p) => p.id === baselineId)?.package;
    let analysis;
    try {
      analysis = await analyzeInWorker({ caseJson, ...(baseline ? { baseline } : {}), frontierPoints: FRONTIER_POINTS }, signal ? { signal } : {});
    } catch (e) {
      // The engine's own message names parties' disagreement values; the mediator may not read them.
      if (e instanceof ParleyError && e.message.startsWith('no feasible package')) {
        throw new ParleyError('settlement_incomplete',
          'No package gives every party at least its no-deal value while respecting every red line. Ask the parties to review their red lines and no-deal values, or add options to the issue space.');
      }
      throw e;
    }
    const c = prepareCase(caseJson);
    const suggested = suggestedPackages(c, analysis);
    const ctx = {
      c, viewer: me, shares: new Map([...models.values()].map((m) => [m.partyId, m.share])),
      baseline: baseline ? fromPackage(c, baseline) : undefined,
      partyNames, issueNames: new Map(space.issues.map((i) => [i.id, i.label])),
    };
    return { suggested: suggested.map(({ concept, package: pkg }) => ({ concept, pkg })), present: (ids: readonly string[]) => presentAnalysis(ctx, analysis, ids), existing: inputs.packages };
  });

  const known = new Map(run.existing.filter((p) => p.visibility === visibility).map((p) => [`${p.source}:${canonical(p.package)}`, p.id]));
  const fresh = run.suggested.filter((s) => !known.has(`${s.concept}:${canonical(s.pkg)}`));
  if (fresh.length > 0) {
    const events = await execute(deps.db, {
      negotiationId, as: { memberId: me.memberId },
      command: { name: 'recordSettlementPackages', input: { packages: fresh.map((s) => ({ source: s.concept, package: s.pkg, visibility, label: '' })) } },
    });
    for (const e of events) {
      if (e.type === 'settlement.package.recorded') known.set(`${e.payload.package.source}:${canonical(e.payload.package.package)}`, e.payload.package.id);
    }
  }
  return run.present(run.suggested.map((s) => known.get(`${s.concept}:${canonical(s.pkg)}`)!));
}
