/**
 * Downloads: a version, or the redline between two versions, as Markdown, .docx or PDF (and
 * a version as JSON). Everything is read as the member, under row-level security, so a party
 * can export only versions it may see (others answer 404 as if they did not exist), and
 * each export is written to the access log in the same transaction as the read.
 */
import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import { Id, Lang, type Amendment, type Party, type Version } from '../../domain/model.ts';
import { redlineDocx, versionDocx } from '../../export/docx.ts';
import { redlineHtml, versionHtml } from '../../export/html-view.ts';
import { redlineMarkdown } from '../../export/markdown.ts';
import { htmlToPdf } from '../../export/pdf.ts';
import { buildRedline, fileSlug, versionDocument } from '../../export/redline.ts';
import { EntityParams, NegotiationParams } from '../../protocol/common.schema.ts';
import { logAccess } from '../../store/accounts/access-log.store.ts';
import type { Tx } from '../../store/database.ts';
import { getVersion, listAmendments, listParties, listVersions } from '../../store/queries/negotiation.queries.ts';
import { readAs } from '../../store/queries/read-as.ts';
import { defineRoute } from '../route.ts';
import { memberOf } from '../viewer.ts';
import { versionMarkdown } from './version-markdown.ts';

const tags = ['versions'];

const MIME = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;
type FileFormat = keyof typeof MIME;

/** How the mediator's own edits are signed in a redline, in the export's language. */
const MEDIATOR_OFFICE: Record<string, string> = {
  en: "Mediator's office", ur: 'ثالث کا دفتر', ar: 'مكتب الوسيط', fa: 'دفتر میانجی', ru: 'Офис посредника', uk: 'Офіс посередника', zh: '调解人办公室',
};

/**
 * `attachment` with an ASCII name every client reads and the real one (labels in any script)
 * in RFC 6266's `filename*`. Only letters, digits and dashes reach the header (fileSlug), so
 * no label can inject a header or a quote.
 */
function disposition(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9.-]+/gu, '-').replace(/-{2,}/gu, '-').replace(/^-|-(?=\.)/gu, '') || 'export';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

async function negotiationInfo(tx: Tx, id: string): Promise<{ title: Record<string, string>; languages: string[] }> {
  const [n] = await tx.query<{ title: Record<string, string>; languages: string[] }>('SELECT title, languages FROM negotiations WHERE negotiation_id = $1', [id]);
  return { title: n?.title ?? {}, languages: n?.languages ?? [] };
}

async function visibleVersion(tx: Tx, negotiationId: string, versionId: string): Promise<Version> {
  const v = await getVersion(tx, negotiationId, versionId);
  if (!v) throw new ParleyError('version_not_found', `No version with id ${versionId} that you may see.`);
  return v;
}

export const exportRoutes = [
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/versions/:versionId/export', operationId: 'exportVersion',
    summary: 'A version as Markdown, .docx, PDF or JSON (an export, recorded in the access log)', tags, auth: 'read',
    // `lang` goes into the Content-Disposition header and picks texts by key: a language code, nothing else.
    params: EntityParams('versionId'), query: z.object({ format: z.enum(['md', 'docx', 'pdf', 'json']).default('md'), lang: Lang.optional() }), response: z.unknown(),
    async handler({ deps, auth, params, query, request, reply }) {
      const me = await memberOf(deps.db, params.id, auth!);
      const { version, title, languages } = await readAs(deps.db, params.id, me, async (tx) => {
        const v = await visibleVersion(tx, params.id, params.versionId);
        await logAccess(tx, { negotiationId: params.id, accountId: auth!.accountId, memberId: me.memberId, action: 'version.export', target: v.id, detail: { format: query.format, lang: query.lang ?? null }, ip: request.ip });
        return { version: v, ...(await negotiationInfo(tx, params.id)) };
      });
      if (query.format === 'json') return version;
      const lang = query.lang ?? languages[0] ?? 'en';
      const format: FileFormat = query.format;
      const body = format === 'md' ? versionMarkdown(version, title, lang)
        : format === 'docx' ? await versionDocx(versionDocument(version, title, lang))
        : await htmlToPdf(versionHtml(versionDocument(version, title, lang)));
      void reply.type(MIME[format]).header('content-disposition', disposition(`${fileSlug(version.label)}.${lang}.${format}`));
      return body;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/versions/compare/export', operationId: 'exportComparison',
    summary: 'The redline between two versions as Markdown, .docx with tracked changes, or PDF (recorded in the access log)', tags, auth: 'read',
    params: NegotiationParams,
    // `a` and `b` are required, but checked after membership: to a non-member the negotiation
    // answers 404 whatever the query, as every other route does.
    query: z.object({ a: Id.optional().describe('the earlier version (required)'), b: Id.optional().describe('the later version (required)'), format: z.enum(['md', 'docx', 'pdf']).default('md'), lang: Lang.optional() }),
    response: z.unknown(),
    async handler({ deps, auth, params, query, request, reply }) {
      const me = await memberOf(deps.db, params.id, auth!);
      const { a: aId, b: bId } = query;
      if (!aId || !bId) throw new ParleyError('invalid_input', 'Name the two versions to compare: ?a=<version id>&b=<version id>.');
      const data = await readAs(deps.db, params.id, me, async (tx) => {
        const a = await visibleVersion(tx, params.id, aId);
        const b = await visibleVersion(tx, params.id, bId);
        // Only amendments the reader may see can name a change's author; the rest read as the mediator's.
        const amendments: Amendment[] = a.seqNo < b.seqNo ? await listAmendments(tx, params.id, 'accepted') : [];
        const parties: Party[] = await listParties(tx, params.id);
        const versionsBetween = new Set((await listVersions(tx, params.id)).filter((v) => v.seqNo > a.seqNo && v.seqNo <= b.seqNo).map((v) => v.id));
        for (const v of [a, b]) {
          await logAccess(tx, { negotiationId: params.id, accountId: auth!.accountId, memberId: me.memberId, action: 'version.export', target: v.id, detail: { format: query.format, lang: query.lang ?? null, compare: { a: a.id, b: b.id } }, ip: request.ip });
        }
        return { a, b, amendments, parties, versionsBetween, ...(await negotiationInfo(tx, params.id)) };
      });
      const lang = query.lang ?? data.languages[0] ?? 'en';
      const doc = buildRedline({ ...data, lang, mediatorName: MEDIATOR_OFFICE[lang.split('-')[0]!] ?? MEDIATOR_OFFICE.en! });
      const format: FileFormat = query.format;
      const body = format === 'md' ? redlineMarkdown(doc) : format === 'docx' ? await redlineDocx(doc) : await htmlToPdf(redlineHtml(doc));
      void reply.type(MIME[format]).header('content-disposition', disposition(`${fileSlug(data.a.label)}--${fileSlug(data.b.label)}.redline.${lang}.${format}`));
      return body;
    },
  }),
];
