/**
 * Leak tracing, the mediator's desk: a version's fingerprint (slots per language, approved
 * wording variants, suggestions), approving and revoking variants, the copies issued, and
 * tracing a leaked text. Copies themselves are issued by the export routes (exports.routes.ts).
 */
import { ParleyError } from '../../domain/errors.ts';
import { Lang } from '../../domain/model.ts';
import { authorize } from '../../domain/policy/permissions.ts';
import { documentSlots, versionFingerprintDocument } from '../../domain/tracing/fingerprint-document.ts';
import { FINGERPRINT_COALITION } from '../../domain/tracing/keyed-code.ts';
import { suggestVariants } from '../../domain/tracing/suggest/suggest-variants.ts';
import { tardosParams } from '../../domain/tracing/tardos.ts';
import { EntityParams, NegotiationParams, Written } from '../../protocol/common.schema.ts';
import { ApproveVariantsBody, FingerprintOverview, IssuedCopy, TraceBody, TraceReport } from '../../protocol/tracing.schema.ts';
import { logAccess } from '../../store/accounts/access-log.store.ts';
import { issuedCopies, versionVariants } from '../../store/fingerprints.ts';
import { getVersion, listRounds } from '../../store/queries/negotiation.queries.ts';
import { readAs } from '../../store/queries/read-as.ts';
import { traceLeakIn, traceReport } from '../../store/tracing.ts';
import { defineRoute } from '../route.ts';
import { memberOf } from '../viewer.ts';
import { runAsMember } from './command.ts';
import { z } from 'zod';

const tags = ['tracing'];
const CONTEXT = 32;

/** A few characters either side of a phrase, cut at the text's edges. */
function around(text: string, start: number, end: number) {
  return { before: text.slice(Math.max(0, start - CONTEXT), start), after: text.slice(end, end + CONTEXT) };
}

export const tracingRoutes = [
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/versions/:versionId/fingerprint', operationId: 'getFingerprint',
    summary: "A version's fingerprint: slots per language, the approved wording variants and suggested ones (the mediator's)", tags, auth: 'read',
    params: EntityParams('versionId'), query: z.object({ lang: Lang.optional() }), response: FingerprintOverview,
    async handler({ deps, auth, params, query }) {
      const me = await memberOf(deps.db, params.id, auth!);
      authorize(me, 'manage_fingerprints');
      const { version, variants, languages } = await readAs(deps.db, params.id, me, async (tx) => {
        const v = await getVersion(tx, params.id, params.versionId);
        if (!v) throw new ParleyError('version_not_found', `No version with id ${params.versionId}.`);
        const [n] = await tx.query<{ languages: string[] }>('SELECT languages FROM negotiations WHERE negotiation_id = $1', [params.id]);
        return { version: v, variants: await versionVariants(tx, params.id, v.id), languages: n?.languages ?? [] };
      });
      const copies = await issuedCopies(deps.db, params.id, { kind: 'version', id: version.id });
      const lang = query.lang ?? languages[0] ?? 'en';
      const numberOf = new Map(version.points.map((p) => [p.pointId, p.number]));
      const langs = [...new Set([...languages, ...version.points.flatMap((p) => Object.keys(p.texts))])];
      const fingerprinted = version.visibility !== 'public';
      const perLang = langs.map((l) => {
        // A language no point is written in would export another language's text: it has no slots of its own.
        const written = version.points.some((p) => p.texts[l] !== undefined);
        const slots = fingerprinted && written ? documentSlots(versionFingerprintDocument(version, l), variants) : [];
        return { lang: l, formatSlots: slots.filter((s) => s.kind === 'format').length, wordingSlots: slots.filter((s) => s.kind === 'wording').length, copies: copies.filter((c) => c.lang === l).length };
      });
      const suggestions = fingerprinted ? version.points.flatMap((p) => {
        const text = p.texts[lang];
        if (text === undefined) return [];
        const taken = variants.filter((v) => v.pointId === p.pointId && v.lang === lang);
        return suggestVariants(text, lang)
          .filter((s) => !taken.some((v) => v.start < s.end && s.start < v.end))
          .map((s) => ({ pointId: p.pointId, pointNumber: p.number, lang, ...s, ...around(text, s.start, s.end) }));
      }) : [];
      const n = Math.max(2, new Set(copies.map((c) => c.accountId)).size);
      return {
        versionId: version.id, label: version.label, fingerprinted, lang, languages: perLang,
        variants: variants.map(({ revokedAt: _revoked, ...v }) => {
          const text = version.points.find((p) => p.pointId === v.pointId)?.texts[v.lang] ?? '';
          return { ...v, pointNumber: numberOf.get(v.pointId) ?? '', ...around(text, v.start, v.end) };
        }),
        suggestions,
        code: { n, c: FINGERPRINT_COALITION, epsilon: 1e-3, length: tardosParams(n, FINGERPRINT_COALITION, 1e-3).length },
      };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/versions/:versionId/variants', operationId: 'approveVariants',
    summary: 'Approve equivalent wordings for phrases of a confidential version: each becomes a slot its copies carry (the mediator)', tags, auth: 'write',
    params: EntityParams('versionId'), body: ApproveVariantsBody, response: Written,
    handler: ({ deps, auth, params, body }) => runAsMember(deps, auth!, params.id, { name: 'approveVariants', input: { versionId: params.versionId, variants: body.variants } }),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/negotiations/:id/variants/:variantId', operationId: 'revokeVariant',
    summary: 'Revoke an approved variant: later copies no longer carry it; copies already issued are still read against it', tags, auth: 'write',
    params: EntityParams('variantId'), response: Written,
    handler: ({ deps, auth, params }) => runAsMember(deps, auth!, params.id, { name: 'revokeVariant', input: { variantId: params.variantId } }),
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/copies', operationId: 'listCopies',
    summary: 'Every fingerprinted copy issued: who holds it, of what, in which language and format (the mediator)', tags, auth: 'read',
    params: NegotiationParams, response: z.object({ items: z.array(IssuedCopy) }),
    async handler({ deps, auth, params }) {
      const me = await memberOf(deps.db, params.id, auth!);
      authorize(me, 'manage_fingerprints');
      const labels = await readAs(deps.db, params.id, me, async (tx) => {
        const versions = await tx.query<{ id: string; label: string }>('SELECT id, label FROM versions WHERE negotiation_id = $1', [params.id]);
        const readouts = await tx.query<{ id: string; round_id: string }>('SELECT id, round_id FROM readouts WHERE negotiation_id = $1', [params.id]);
        const rounds = new Map((await listRounds(tx, params.id)).map((r) => [r.id, Object.values(r.title)[0] ?? '']));
        return new Map<string, string>([...versions.map((v) => [v.id, v.label] as const), ...readouts.map((r) => [r.id, rounds.get(r.round_id) ?? ''] as const)]);
      });
      const copies = await issuedCopies(deps.db, params.id);
      return {
        items: copies.map((c) => ({
          id: c.id, docKind: c.kind, docId: c.docId, docLabel: labels.get(c.docId) ?? '', lang: c.lang, format: c.format, accountId: c.accountId,
          recipient: c.email, recipientName: c.displayName, party: c.partyName, slots: c.slots, at: c.at,
        })).reverse(),
      };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/trace', operationId: 'traceLeak',
    summary: 'Trace a leaked text to the copies it came from: suspects with scores, thresholds for ε on the slots read, and accusations only past them (the mediator)', tags, auth: 'write',
    params: NegotiationParams, body: TraceBody, response: TraceReport,
    async handler({ deps, auth, params, body, request }) {
      const me = await memberOf(deps.db, params.id, auth!);
      authorize(me, 'manage_fingerprints');
      const readableReadouts = new Set(await readAs(deps.db, params.id, me, async (tx) =>
        (await tx.query<{ id: string }>('SELECT id FROM readouts WHERE negotiation_id = $1', [params.id])).map((r) => r.id)));
      const report = traceReport(await traceLeakIn(deps.db, params.id, body.text, { versionId: body.versionId, readoutId: body.readoutId, epsilon: body.epsilon, readableReadouts }));
      await readAs(deps.db, params.id, me, (tx) => logAccess(tx, {
        negotiationId: params.id, accountId: auth!.accountId, memberId: me.memberId, action: 'leak.trace', target: report.document?.id ?? null,
        detail: { conclusion: report.conclusion, slotsRead: report.slotsRead, accused: report.suspects.filter((s) => s.accused).map((s) => s.accountId) }, ip: request.ip,
      }));
      return report;
    },
  }),
];

