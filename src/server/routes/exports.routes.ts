/**
 * Downloads: a version, or the redline between two versions, as Markdown, .docx or PDF (and
 * a version as plain text or JSON), a readout likewise, and the print/copy view. Everything is
 * read as the member, under row-level security, so a party can export only what it may see
 * (others answer 404 as if it did not exist). A confidential version or readout leaves as the
 * reader's own fingerprinted copy (server/copies.ts, docs/tracing.md), logged with the copy.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import { Id, Lang, type Amendment, type Party, type Version } from '../../domain/model.ts';
import { redlineDocx, versionDocx } from '../../export/docx.ts';
import { redlineHtml, versionHtml } from '../../export/html-view.ts';
import { redlineMarkdown } from '../../export/markdown.ts';
import { htmlToPdf } from '../../export/pdf.ts';
import { buildRedline, dirOf, fileSlug, versionDocument, type VersionDocument } from '../../export/redline.ts';
import { versionPlainText } from '../../export/plain-text.ts';
import { PrintCopy } from '../../protocol/tracing.schema.ts';
import { readoutCopy, redlineCopy, versionCopy } from '../copies.ts';
import { EntityParams, NegotiationParams } from '../../protocol/common.schema.ts';
import { logAccess } from '../../store/accounts/access-log.store.ts';
import type { Tx } from '../../store/database.ts';
import { getRound, getVersion, listAmendments, listParties, listReadouts, listVersions } from '../../store/queries/negotiation.queries.ts';
import { readAs } from '../../store/queries/read-as.ts';
import { defineRoute } from '../route.ts';
import { memberOf } from '../viewer.ts';
import { versionMarkdown } from './version-markdown.ts';

const tags = ['versions'];

const MIME = {
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;
type FileFormat = keyof typeof MIME;
type RedlineFormat = Exclude<FileFormat, 'txt'>;

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
    summary: "A version as Markdown, plain text, .docx, PDF or JSON: of a confidential version, the reader's own fingerprinted copy (recorded in the access log)", tags, auth: 'read',
    // `lang` goes into the Content-Disposition header and picks texts by key: a language code, nothing else.
    params: EntityParams('versionId'), query: z.object({ format: z.enum(['md', 'txt', 'docx', 'pdf', 'json']).default('md'), lang: Lang.optional() }), response: z.unknown(),
    async handler({ deps, auth, params, query, request, reply }) {
      const me = await memberOf(deps.db, params.id, auth!);
      const { version, title, languages } = await readAs(deps.db, params.id, me, async (tx) => ({ version: await visibleVersion(tx, params.id, params.versionId), ...(await negotiationInfo(tx, params.id)) }));
      const lang = query.lang ?? languages[0] ?? 'en';
      const format: FileFormat | 'json' = query.format;
      // A JSON export carries every language, so every language is the reader's copy.
      const langs = format === 'json' ? [...new Set(version.points.flatMap((p) => Object.keys(p.texts)))] : [lang];
      const copy = (await versionCopy({ db: deps.db, negotiationId: params.id, me, accountId: auth!.accountId, format, ip: request.ip }, version, langs, { lang: query.lang ?? null })).version;
      if (format === 'json') return copy;
      const doc = versionDocument(copy, title, lang);
      const body = format === 'md' ? versionMarkdown(copy, title, lang)
        : format === 'txt' ? versionPlainText(doc)
        : format === 'docx' ? await versionDocx(doc)
        : await htmlToPdf(versionHtml(doc));
      void reply.type(MIME[format]).header('content-disposition', disposition(`${fileSlug(version.label)}.${lang}.${format}`));
      return body;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/versions/:versionId/copy', operationId: 'versionCopyView',
    summary: "The print/copy view of a version: the reader's own copy in one language (recorded in the access log)", tags, auth: 'read',
    params: EntityParams('versionId'), query: z.object({ lang: Lang.optional() }), response: PrintCopy,
    async handler({ deps, auth, params, query, request }) {
      const me = await memberOf(deps.db, params.id, auth!);
      const { version, title, languages } = await readAs(deps.db, params.id, me, async (tx) => ({ version: await visibleVersion(tx, params.id, params.versionId), ...(await negotiationInfo(tx, params.id)) }));
      const lang = query.lang ?? languages[0] ?? 'en';
      const { version: copy, copyIds } = await versionCopy({ db: deps.db, negotiationId: params.id, me, accountId: auth!.accountId, format: 'view', ip: request.ip }, version, [lang], { lang });
      const doc = versionDocument(copy, title, lang);
      return {
        copyId: copyIds[0] ?? null, docKind: 'version' as const, title: doc.title, label: version.label, lang, dir: doc.dir, contentHash: version.contentHash,
        fingerprinted: version.visibility !== 'public',
        blocks: doc.points.map((p) => ({ section: p.sectionId ? doc.sectionTitles.get(p.sectionId) ?? null : null, number: p.number, text: p.text })),
      };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/negotiations/:id/readouts/:readoutId/export', operationId: 'exportReadout',
    summary: "A readout as Markdown, plain text, .docx, PDF, or the print/copy view (format=view): of a confidential readout, the reader's own fingerprinted copy (recorded in the access log)", tags: ['rounds'], auth: 'read',
    params: EntityParams('readoutId'), query: z.object({ format: z.enum(['md', 'txt', 'docx', 'pdf', 'view']).default('md'), lang: Lang.optional() }), response: z.unknown(),
    async handler({ deps, auth, params, query, request, reply }) {
      const me = await memberOf(deps.db, params.id, auth!);
      const { readout, round, title } = await readAs(deps.db, params.id, me, async (tx) => {
        const [r] = (await tx.query<{ round_id: string }>('SELECT round_id FROM readouts WHERE negotiation_id = $1 AND id = $2', [params.id, params.readoutId]));
        const found = r ? (await listReadouts(tx, params.id, r.round_id)).find((x) => x.id === params.readoutId) : undefined;
        const rd = found ? await getRound(tx, params.id, found.roundId) : null;
        if (!found || !rd) throw new ParleyError('not_found', `No readout with id ${params.readoutId} that you may see.`);
        return { readout: found, round: rd, title: (await negotiationInfo(tx, params.id)).title };
      });
      const lang = query.lang && readout.text[query.lang] !== undefined ? query.lang : Object.keys(readout.text)[0] ?? 'en';
      const { text, copyId } = await readoutCopy({ db: deps.db, negotiationId: params.id, me, accountId: auth!.accountId, format: query.format, ip: request.ip }, readout, lang);
      const roundTitle = round.title[lang] ?? Object.values(round.title)[0] ?? '';
      const label = `${roundTitle} · ${readout.at.slice(0, 10)}`;
      const doc: VersionDocument = {
        title: title[lang] ?? Object.values(title)[0] ?? '', lang, dir: dirOf(lang),
        version: { id: readout.id, seqNo: 0, label, createdAt: readout.at, contentHash: createHash('sha256').update(readout.text[lang] ?? '', 'utf8').digest('hex') },
        points: [{ number: '', text, sectionId: null }], sectionTitles: new Map(),
      };
      if (query.format === 'view') {
        return { copyId, docKind: 'readout', title: doc.title, label, lang, dir: doc.dir, contentHash: null, fingerprinted: readout.visibility !== 'public', blocks: [{ section: null, number: '', text }] } satisfies PrintCopy;
      }
      const format: FileFormat = query.format;
      const body = format === 'md' ? `# ${doc.title}\n\n## ${label}\n\n${text}\n` : format === 'txt' ? versionPlainText(doc) : format === 'docx' ? await versionDocx(doc) : await htmlToPdf(versionHtml(doc));
      void reply.type(MIME[format]).header('content-disposition', disposition(`readout-${fileSlug(roundTitle)}.${lang}.${format}`));
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
      const master = buildRedline({ ...data, lang, mediatorName: MEDIATOR_OFFICE[lang.split('-')[0]!] ?? MEDIATOR_OFFICE.en! });
      // The text a redline shows as current is b's: it carries this reader's marks for b.
      const doc = await redlineCopy({ db: deps.db, negotiationId: params.id, me, accountId: auth!.accountId, format: `redline-${query.format}`, ip: request.ip }, data.b, lang, master);
      const format: RedlineFormat = query.format;
      const body = format === 'md' ? redlineMarkdown(doc) : format === 'docx' ? await redlineDocx(doc) : await htmlToPdf(redlineHtml(doc));
      void reply.type(MIME[format]).header('content-disposition', disposition(`${fileSlug(data.a.label)}--${fileSlug(data.b.label)}.redline.${lang}.${format}`));
      return body;
    },
  }),
];
