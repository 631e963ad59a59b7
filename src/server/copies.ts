/**
 * A recipient's own copy of a confidential version or readout. The member's right to read the
 * document is checked first, as the member under row-level security; the document's secret
 * and the mediator's approved variants are then read by the store's owner-role module; the
 * copy is rendered for the member's account; and the export is logged, with the copy issued,
 * in one transaction as the member. A public document's copy is the plain text, logged alike.
 */
import type { Readout, Version } from '../domain/model.ts';
import type { MemberActor } from './viewer.ts';
import { documentSlots, readoutFingerprintDocument, renderCopy, versionFingerprintDocument, type FingerprintDocument } from '../domain/tracing/fingerprint-document.ts';
import { biasesFor, codewordFor } from '../domain/tracing/keyed-code.ts';
import type { FingerprintVariant } from '../domain/tracing/fingerprint-records.ts';
import { markRedline } from '../export/fingerprint-redline.ts';
import type { RedlineDocument } from '../export/redline.ts';
import { logAccess } from '../store/accounts/access-log.store.ts';
import type { Database } from '../store/database.ts';
import { documentSecret, recordCopy, versionVariants } from '../store/fingerprints.ts';
import { readAs } from '../store/queries/read-as.ts';

export interface CopyRequest {
  db: Database;
  negotiationId: string;
  me: MemberActor;
  accountId: string;
  format: string;
  ip: string | null;
}

interface Rendered { lang: string; texts: string[]; variantIds: string[]; slots: number }

/** One language of a document as the account's copy shows it. */
export function renderFor(doc: FingerprintDocument, variants: readonly FingerprintVariant[], secret: Uint8Array, accountId: string): Rendered {
  const slots = documentSlots(doc, variants);
  const ids = slots.map((s) => s.id);
  const bits = codewordFor(secret, accountId, ids, biasesFor(secret, slots));
  const used = new Set(slots.filter((s) => s.kind === 'wording').map((s) => s.id.slice(s.id.lastIndexOf(':') + 1)));
  return { lang: doc.lang, texts: renderCopy(doc, slots, bits), variantIds: variants.filter((v) => used.has(v.id)).map((v) => v.id), slots: slots.length };
}

/** `logged`: the route has written the access-log line itself (a redline logs both its versions); only the copy is recorded here. */
async function logCopies(req: CopyRequest, kind: 'version' | 'readout', docId: string, rendered: readonly Rendered[], detail: Record<string, unknown>, logged = false): Promise<string[]> {
  return readAs(req.db, req.negotiationId, req.me, async (tx) => {
    const accessId = logged ? null : await logAccess(tx, {
      negotiationId: req.negotiationId, accountId: req.accountId, memberId: req.me.memberId, action: `${kind}.export`, target: docId,
      detail: { ...detail, format: req.format, copy: rendered.length > 0, langs: rendered.map((r) => r.lang) }, ip: req.ip,
    });
    const ids: string[] = [];
    for (const r of rendered) {
      ids.push(await recordCopy(tx, {
        negotiationId: req.negotiationId, kind, docId, lang: r.lang, accountId: req.accountId, memberId: req.me.memberId, format: req.format,
        variantIds: r.variantIds, slots: r.slots, accessId,
      }));
    }
    return ids;
  });
}

/**
 * The account's copy of a version (already read as the member): the point texts of each
 * language asked for replaced by the copy's. `langs` is every language for a JSON export.
 */
export async function versionCopy(req: CopyRequest, version: Version, langs: readonly string[], detail: Record<string, unknown> = {}): Promise<{ version: Version; copyIds: string[] }> {
  if (version.visibility === 'public') {
    await logCopies(req, 'version', version.id, [], { ...detail, lang: langs.join(',') });
    return { version, copyIds: [] };
  }
  const secret = await documentSecret(req.db, req.negotiationId, 'version', version.id);
  const variants = await versionVariants(req.db, req.negotiationId, version.id);
  const rendered = langs.map((lang) => renderFor(versionFingerprintDocument(version, lang), variants, secret, req.accountId));
  const copyIds = await logCopies(req, 'version', version.id, rendered, detail);
  const points = version.points.map((p, i) => {
    const texts = { ...p.texts };
    for (const r of rendered) texts[r.lang] = r.texts[i]!;
    return { ...p, texts };
  });
  return { version: { ...version, points }, copyIds };
}

/**
 * The account's copy of a redline between two versions: the later version's format marks laid
 * onto it (export/fingerprint-redline.ts). Recorded as a copy of the later version that carries
 * no wording variants, so a trace reads it on its format marks alone.
 */
export async function redlineCopy(req: CopyRequest, later: Version, lang: string, doc: RedlineDocument): Promise<RedlineDocument> {
  if (later.visibility === 'public') return doc;
  const secret = await documentSecret(req.db, req.negotiationId, 'version', later.id);
  const fp = versionFingerprintDocument(later, lang);
  const slots = documentSlots(fp, []);
  const ids = slots.map((s) => s.id);
  const bits = codewordFor(secret, req.accountId, ids, biasesFor(secret, slots));
  await logCopies(req, 'version', later.id, [{ lang, texts: [], variantIds: [], slots: slots.length }], { redline: true }, true);
  return markRedline(doc, fp, slots, bits);
}

/** The account's copy of a readout (already read as the member), in one language. */
export async function readoutCopy(req: CopyRequest, readout: Readout, lang: string): Promise<{ text: string; copyId: string | null }> {
  const doc = readoutFingerprintDocument(readout, lang);
  if (readout.visibility === 'public') {
    await logCopies(req, 'readout', readout.id, [], { lang });
    return { text: doc.paragraphs[0]!.text, copyId: null };
  }
  const secret = await documentSecret(req.db, req.negotiationId, 'readout', readout.id);
  const rendered = renderFor(doc, [], secret, req.accountId);
  const [copyId] = await logCopies(req, 'readout', readout.id, [rendered], { lang });
  return { text: rendered.texts[0]!, copyId: copyId ?? null };
}
