/**
 * Gathers what a trace needs, with the owning role: every document copies were issued of (or
 * the one named), its secret, every variant it ever carried, and each recipient's copies;
 * then the pure tracer (domain/tracing/trace-leak.ts) reads and scores the leak. Callers are
 * the mediator's route (after the permission check) and the operator's `parley trace`.
 */
import { ParleyError } from '../domain/errors.ts';
import { documentSlots, readoutFingerprintDocument, versionFingerprintDocument, type DocumentKind, type FingerprintDocument } from '../domain/tracing/fingerprint-document.ts';
import { biasesFor, codewordFor, FINGERPRINT_CUTOFF } from '../domain/tracing/keyed-code.ts';
import { traceLeak, type LeakTrace, type TraceCandidate } from '../domain/tracing/trace-leak.ts';
import { normalizeText } from '../domain/text/normalize.ts';
import type { Queryable } from './database.ts';
import { existingSecret, issuedCopies, readoutById, versionVariants, type IssuedCopyRow } from './fingerprints.ts';
import { getVersion } from './queries/negotiation.queries.ts';

export interface TraceOptions {
  versionId?: string;
  readoutId?: string;
  epsilon: number;
  /**
   * The readouts the tracer may read, when the tracer is a member (the mediator's route): a
   * party's private readout is never a candidate, or a guessed text's coverage would tell the
   * mediator what it says. The operator's CLI passes none and traces against every copy.
   */
  readableReadouts?: ReadonlySet<string>;
}

export interface RecipientInfo { accountId: string; recipient: string; recipientName: string; party: string | null }

export interface TraceOutcome {
  trace: LeakTrace;
  recipients: ReadonlyMap<string, RecipientInfo>;
}

async function candidatesFor(q: Queryable, negotiationId: string, copies: readonly IssuedCopyRow[]): Promise<TraceCandidate[]> {
  const groups = new Map<string, IssuedCopyRow[]>();
  for (const c of copies) {
    const key = `${c.kind}|${c.docId}|${c.lang}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const out: TraceCandidate[] = [];
  for (const group of groups.values()) {
    const { kind, docId, lang } = group[0]!;
    const secret = await existingSecret(q, negotiationId, kind, docId);
    if (!secret) continue;
    let doc: FingerprintDocument;
    let label: string;
    let paragraphLabels: string[];
    let variants: Awaited<ReturnType<typeof versionVariants>> = [];
    if (kind === 'version') {
      const v = await getVersion(q, negotiationId, docId);
      if (!v) continue;
      doc = versionFingerprintDocument(v, lang);
      label = v.label;
      paragraphLabels = v.points.map((p) => p.number);
      variants = await versionVariants(q, negotiationId, docId, true);
    } else {
      const r = await readoutById(q, negotiationId, docId);
      if (!r) continue;
      doc = readoutFingerprintDocument(r, lang);
      label = `readout ${r.at.slice(0, 10)}`;
      paragraphLabels = [''];
    }
    const slots = documentSlots(doc, variants);
    const ids = slots.map((s) => s.id);
    const biases = biasesFor(secret, slots);
    const byAccount = new Map<string, Set<string>>();
    for (const c of group) byAccount.set(c.accountId, new Set([...(byAccount.get(c.accountId) ?? []), ...c.variantIds]));
    const recipients = [...byAccount].map(([accountId, carriedVariants]) => ({
      id: accountId,
      bits: codewordFor(secret, accountId, ids, biases),
      carried: new Set(slots.flatMap((s, i) => (s.kind === 'format' || carriedVariants.has(s.id.slice(s.id.lastIndexOf(':') + 1)) ? [i] : []))),
    }));
    out.push({ kind, id: docId, label, lang, paragraphs: doc.paragraphs.map((p) => p.text), paragraphLabels, slots, biases, recipients });
  }
  return out;
}

export async function traceLeakIn(q: Queryable, negotiationId: string, text: string, options: TraceOptions): Promise<TraceOutcome> {
  const leaked = normalizeText(text);
  if (leaked.trim() === '') throw new ParleyError('invalid_input', 'The leaked text is empty: paste the passage that appeared.');
  let doc: { kind: DocumentKind; id: string } | undefined;
  if (options.versionId) {
    if (!(await getVersion(q, negotiationId, options.versionId))) throw new ParleyError('version_not_found', `No version with id ${options.versionId}.`);
    doc = { kind: 'version', id: options.versionId };
  } else if (options.readoutId) {
    if (!(await readoutById(q, negotiationId, options.readoutId)) || (options.readableReadouts && !options.readableReadouts.has(options.readoutId))) throw new ParleyError('not_found', `No readout with id ${options.readoutId}.`);
    doc = { kind: 'readout', id: options.readoutId };
  }
  const copies = (await issuedCopies(q, negotiationId, doc)).filter((c) => c.kind !== 'readout' || !options.readableReadouts || options.readableReadouts.has(c.docId));
  const recipients = new Map<string, RecipientInfo>();
  for (const c of copies) recipients.set(c.accountId, { accountId: c.accountId, recipient: c.email, recipientName: c.displayName, party: c.partyName });
  const trace = traceLeak(await candidatesFor(q, negotiationId, copies), leaked, options.epsilon, FINGERPRINT_CUTOFF);
  return { trace, recipients };
}

/** The report as the API and the CLI give it: each suspect named by account. */
export function traceReport(outcome: TraceOutcome) {
  const { trace, recipients } = outcome;
  return {
    ...trace,
    suspects: trace.suspects.map((s) => {
      const who = recipients.get(s.recipient);
      return { ...s, threshold: Number.isFinite(s.threshold) ? s.threshold : null, recipient: who?.recipient ?? s.recipient, accountId: s.recipient, recipientName: who?.recipientName ?? '', party: who?.party ?? null };
    }),
  };
}
