/**
 * The store side of fingerprinted copies. Secrets and the mediator's variants are read here
 * with the owning role, and only after the caller has checked, as the member under row-level
 * security, that the member may read the document: what leaves this module is a recipient's
 * own copy (or, for the mediator, a trace), never a secret or another recipient's bits.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Readout } from '../domain/model.ts';
import type { FingerprintVariant } from '../domain/tracing/fingerprint-records.ts';
import type { DocumentKind } from '../domain/tracing/fingerprint-document.ts';
import type { Database, Queryable, Tx } from './database.ts';
import { iso } from './queries/read-as.ts';

type Row = Record<string, unknown>;

function toVariant(r: Row): FingerprintVariant & { revokedAt: string | null } {
  return {
    id: String(r.id), versionId: String(r.version_id), pointId: String(r.point_id), lang: String(r.lang), start: Number(r.start_at), end: Number(r.end_at),
    original: String(r.original), alternative: String(r.alternative), kind: r.kind as FingerprintVariant['kind'],
    approvedBy: (r.approved_by as string | null), at: iso(r.at as Date)!, revokedAt: iso(r.revoked_at as Date | null),
  };
}

/** The document's secret, made on its first copy. Two servers racing both read the one that won. */
export async function documentSecret(db: Database, negotiationId: string, kind: DocumentKind, docId: string): Promise<Uint8Array> {
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO fingerprint_secrets (negotiation_id, doc_kind, doc_id, secret, created_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (negotiation_id, doc_kind, doc_id) DO NOTHING`,
      [negotiationId, kind, docId, randomBytes(32)]);
    const [row] = await tx.query<{ secret: Uint8Array }>('SELECT secret FROM fingerprint_secrets WHERE negotiation_id = $1 AND doc_kind = $2 AND doc_id = $3', [negotiationId, kind, docId]);
    return new Uint8Array(row!.secret);
  });
}

/** The secret if one was ever made (a document with no copies has none). */
export async function existingSecret(q: Queryable, negotiationId: string, kind: DocumentKind, docId: string): Promise<Uint8Array | null> {
  const [row] = await q.query<{ secret: Uint8Array }>('SELECT secret FROM fingerprint_secrets WHERE negotiation_id = $1 AND doc_kind = $2 AND doc_id = $3', [negotiationId, kind, docId]);
  return row ? new Uint8Array(row.secret) : null;
}

/** Variants of a version: the ones in force, or (for tracing) every one ever approved, revoked included. */
export async function versionVariants(q: Queryable, negotiationId: string, versionId: string, includeRevoked = false): Promise<(FingerprintVariant & { revokedAt: string | null })[]> {
  const rows = await q.query<Row>(
    `SELECT * FROM fingerprint_variants WHERE negotiation_id = $1 AND version_id = $2 ${includeRevoked ? '' : 'AND revoked_at IS NULL'} ORDER BY point_id, lang, start_at`,
    [negotiationId, versionId]);
  return rows.map(toVariant);
}

export interface CopyRecord {
  negotiationId: string;
  kind: DocumentKind;
  docId: string;
  lang: string;
  accountId: string;
  memberId: string;
  format: string;
  variantIds: readonly string[];
  slots: number;
  accessId: string | null;
}

/** Written as the member, in the transaction that logs the export (row-level security checks it is the member's own). */
export async function recordCopy(tx: Tx, c: CopyRecord): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO issued_copies (negotiation_id, id, doc_kind, doc_id, lang, account_id, member_id, format, variant_ids, slots, access_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, now())`,
    [c.negotiationId, id, c.kind, c.docId, c.lang, c.accountId, c.memberId, c.format, JSON.stringify(c.variantIds), c.slots, c.accessId]);
  return id;
}

export interface IssuedCopyRow {
  id: string;
  kind: DocumentKind;
  docId: string;
  lang: string;
  format: string;
  accountId: string;
  email: string;
  displayName: string;
  partyName: string | null;
  variantIds: string[];
  slots: number;
  at: string;
}

/**
 * Every copy issued in the negotiation (optionally of one document), with who holds it. Read
 * with the owning role because account names live outside the negotiation's tables; callers
 * are the mediator's routes and the operator's CLI.
 */
export async function issuedCopies(q: Queryable, negotiationId: string, doc?: { kind: DocumentKind; id: string }): Promise<IssuedCopyRow[]> {
  const rows = await q.query<Row>(
    `SELECT c.*, a.email, a.display_name, p.name AS party_name
       FROM issued_copies c
       JOIN accounts a ON a.id = c.account_id
       LEFT JOIN members m ON m.negotiation_id = c.negotiation_id AND m.id = c.member_id
       LEFT JOIN parties p ON p.negotiation_id = c.negotiation_id AND p.id = m.party_id
      WHERE c.negotiation_id = $1 ${doc ? 'AND c.doc_kind = $2 AND c.doc_id = $3' : ''}
      ORDER BY c.at, c.id`,
    doc ? [negotiationId, doc.kind, doc.id] : [negotiationId]);
  return rows.map((r) => ({
    id: String(r.id), kind: r.doc_kind as DocumentKind, docId: String(r.doc_id), lang: String(r.lang), format: String(r.format), accountId: String(r.account_id),
    email: String(r.email), displayName: String(r.display_name), partyName: r.party_name === null ? null : localizedName(r.party_name),
    variantIds: (r.variant_ids as string[] | null) ?? [], slots: Number(r.slots), at: iso(r.at as Date)!,
  }));
}

/** Party names are stored per language; the first one stands for the party in a trace. */
function localizedName(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') return Object.values(v as Record<string, string>)[0] ?? '';
  return '';
}

/** Any readout by id, for the owner-role tracer. */
export async function readoutById(q: Queryable, negotiationId: string, id: string): Promise<Readout | null> {
  const [r] = await q.query<Row>('SELECT * FROM readouts WHERE negotiation_id = $1 AND id = $2', [negotiationId, id]);
  return r ? { id: String(r.id), roundId: String(r.round_id), partyId: (r.party_id as string | null), text: r.text as Record<string, string>, visibility: r.visibility as Readout['visibility'], writtenBy: String(r.written_by), at: iso(r.at as Date)! } : null;
}
