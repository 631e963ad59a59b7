/**
 * Importing a document (text, Markdown, .docx) as the next version: first a preview of how
 * its points descend from the working text, which the mediator reviews, then the import
 * itself, quoting the preview's head seq so nothing changed in between is overwritten.
 */
import { z } from 'zod';
import { ParleyError } from '../../domain/errors.ts';
import { ImportFormat, Lang, NonEmptyText } from '../../domain/model.ts';
import { ImportVersionInput, planImport, type ImportedDocument } from '../../domain/versions/import-version.ts';
import { MAX_DOCUMENT_BYTES, formatOf, readDocument, type ReadDocument } from '../../import/document.ts';
import { NegotiationParams, Written } from '../../protocol/common.schema.ts';
import { ImportPreviewOut } from '../../protocol/negotiation.schema.ts';
import { preview } from '../../store/execute.ts';
import { defineRoute } from '../route.ts';
import { memberOf } from '../viewer.ts';
import { runAsMember } from './command.ts';

const DocumentBody = z.object({
  name: NonEmptyText.pipe(z.string().max(300)).describe('the file name, as uploaded; its extension gives the format unless `format` is set'),
  format: ImportFormat.optional(),
  lang: Lang.describe('the language the document is written in'),
  content: z.string().min(1, { error: 'the document is empty' }).describe('the document: its text (encoding utf8) or its bytes in base64 (required for .docx)'),
  encoding: z.enum(['utf8', 'base64']).default('utf8'),
});
type DocumentBody = z.output<typeof DocumentBody>;

const ImportBody = DocumentBody.extend(ImportVersionInput.pick({ label: true, note: true, visibility: true, basedOn: true }).shape);

// Base64 of the largest document, plus room for the JSON around it.
const BODY_LIMIT = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4 + 64 * 1024;

async function readBody(body: DocumentBody): Promise<{ read: ReadDocument; doc: ImportedDocument }> {
  const format = body.format ?? formatOf(body.name);
  let bytes: Uint8Array;
  if (body.encoding === 'base64') {
    if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/u.test(body.content)) throw new ParleyError('invalid_input', 'content: not valid base64; send the file\'s bytes in base64 or the text with encoding "utf8".');
    bytes = Buffer.from(body.content, 'base64');
  } else {
    if (format === 'docx') throw new ParleyError('invalid_input', 'A .docx file must be sent in base64 (encoding "base64").');
    bytes = Buffer.from(body.content, 'utf8');
  }
  const read = await readDocument(bytes, { name: body.name, format, lang: body.lang });
  return { read, doc: { lang: body.lang, points: read.doc.points, sections: read.doc.sections ?? [] } };
}

const tags = ['versions'];

export const importRoutes = [
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/versions/import/preview', operationId: 'previewImport',
    summary: 'Preview importing a document as the next version: how each of its points descends from the working text (mediator; records nothing)',
    tags, auth: 'write', bodyLimit: BODY_LIMIT,
    params: NegotiationParams, body: DocumentBody, response: ImportPreviewOut,
    async handler({ deps, auth, params, body }) {
      // Membership first: a non-member learns nothing, not even what is wrong with its file.
      const me = await memberOf(deps.db, params.id, auth!);
      const { read, doc } = await readBody(body);
      const { seq, result } = await preview(deps.db, { negotiationId: params.id, as: { memberId: me.memberId } }, (state, ctx) => planImport(state, ctx, doc));
      return {
        basedOn: seq, lang: result.lang, detected: read.detected, format: read.format, sha256: read.sha256, points: doc.points.length,
        counts: result.counts, newSections: result.newSections, flags: read.flags, links: result.links,
      };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/negotiations/:id/versions/import', operationId: 'importVersion',
    summary: 'Import a document as the next version, keeping each point\'s identity by content and recording its lineage (mediator)',
    tags, auth: 'write', status: 201, bodyLimit: BODY_LIMIT,
    params: NegotiationParams, body: ImportBody, response: Written,
    async handler({ deps, auth, params, body }) {
      await memberOf(deps.db, params.id, auth!);
      const { read, doc } = await readBody(body);
      return runAsMember(deps, auth!, params.id, {
        name: 'importVersion',
        input: {
          ...doc, source: { name: body.name, format: read.format, sha256: read.sha256 },
          label: body.label, note: body.note, visibility: body.visibility, basedOn: body.basedOn,
        },
      });
    },
  }),
];
