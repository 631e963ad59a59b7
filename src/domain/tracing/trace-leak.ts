/**
 * Tracing a leak against the documents copies were issued of. Pure: the caller hands in, for
 * each candidate document and language, the master paragraphs, its slots, the secret biases and
 * each recipient's bits (with which slots that recipient's copies carried).
 *
 * The leak is first read against every candidate (read-leak.ts aligns it and reads the slots).
 * Candidates the leak plainly belongs to (coverage at least half the best, and at least 0.3)
 * are traced, each with ε divided by their number, so the union over candidates keeps the
 * bound ε. Each recipient is scored only on the read slots their own copies carried (a
 * variant approved after their copy was made says nothing about them), against the threshold
 * for exactly those slots: the smaller of the Bernstein and the Chernoff threshold (tardos.ts),
 * for ε divided among the candidate's recipients.
 */
import { readLeak } from './read-leak.ts';
import type { Slot, SlotReading } from './slots.ts';
import { leakBounds, recipientScore } from './tardos.ts';

export interface CandidateRecipient {
  id: string;
  bits: Uint8Array;
  /** Slots this recipient's copies carried (by index); null means every slot. */
  carried: ReadonlySet<number> | null;
}

export interface TraceCandidate {
  kind: 'version' | 'readout';
  id: string;
  label: string;
  lang: string;
  paragraphs: readonly string[];
  paragraphLabels: readonly string[];
  slots: readonly Slot[];
  biases: Float64Array;
  recipients: readonly CandidateRecipient[];
}

export interface LeakSuspect {
  recipient: string;
  score: number;
  threshold: number;
  accused: boolean;
  confidence: number;
  slotsMatched: number;
  slotsCompared: number;
}

export interface LeakTrace {
  document: { kind: 'version' | 'readout'; id: string; label: string; lang: string } | null;
  coverage: number;
  slotsRead: number;
  wordingSlotsRead: number;
  formatSlotsRead: number;
  epsilon: number;
  candidates: number;
  conclusion: 'accused' | 'no_accusation' | 'no_match';
  suspects: LeakSuspect[];
  readings: { slotId: string; kind: 'wording' | 'format'; pointNumber: string; form: string; bit: 0 | 1 }[];
}

/** Below this share of its words found in a document, a text is not taken to come from it. */
export const MIN_COVERAGE = 0.3;

function traceCandidate(c: TraceCandidate, readings: readonly SlotReading[], epsilon: number, cutoff: number): LeakSuspect[] {
  const n = Math.max(1, c.recipients.length);
  const thresholds = new Map<string, ReturnType<typeof leakBounds>>();
  return c.recipients.map((r) => {
    const read: SlotReading[] = readings.map((y, i) => (r.carried === null || r.carried.has(i) ? y : null));
    const compared = read.filter((y) => y !== null).length;
    // Recipients whose copies carried the same slots share a threshold.
    const key = r.carried === null ? '*' : [...r.carried].filter((i) => readings[i] !== null).join(',');
    let t = thresholds.get(key);
    if (!t) {
      t = leakBounds(c.biases, read, n, epsilon, cutoff);
      thresholds.set(key, t);
    }
    const score = compared === 0 ? 0 : recipientScore(c.biases, r.bits, read);
    const matched = read.filter((y, i) => y !== null && r.bits[i] === y).length;
    return { recipient: r.id, score, threshold: t.threshold, accused: score >= t.threshold, confidence: compared === 0 ? 0 : 1 - t.bound(score), slotsMatched: matched, slotsCompared: compared };
  }).sort((a, b) => b.score - a.score || a.recipient.localeCompare(b.recipient));
}

export function traceLeak(candidates: readonly TraceCandidate[], leaked: string, epsilon: number, cutoff: number): LeakTrace {
  const read = candidates.map((c) => ({ c, r: readLeak(c.paragraphs, c.slots, leaked, c.lang) }));
  const best = Math.max(0, ...read.map((x) => x.r.coverage));
  const traced = read.filter((x) => x.r.coverage >= MIN_COVERAGE && x.r.coverage >= best / 2);
  const empty: LeakTrace = { document: null, coverage: best, slotsRead: 0, wordingSlotsRead: 0, formatSlotsRead: 0, epsilon, candidates: traced.length, conclusion: 'no_match', suspects: [], readings: [] };
  if (traced.length === 0) return empty;
  const each = epsilon / traced.length;
  const results = traced.map(({ c, r }) => ({ c, r, suspects: traceCandidate(c, r.readings, each, cutoff) }));
  // Report the candidate with the strongest evidence: the largest score over its threshold, then the best coverage.
  const strength = (x: (typeof results)[number]) => Math.max(-Infinity, ...x.suspects.map((s) => (Number.isFinite(s.threshold) ? s.score / s.threshold : -Infinity)));
  results.sort((a, b) => strength(b) - strength(a) || b.r.coverage - a.r.coverage);
  const top = results[0]!;
  const readSlots = top.c.slots.map((s, i) => ({ s, y: top.r.readings[i] ?? null })).filter((x): x is { s: Slot; y: 0 | 1 } => x.y !== null);
  return {
    document: { kind: top.c.kind, id: top.c.id, label: top.c.label, lang: top.c.lang },
    coverage: top.r.coverage,
    slotsRead: readSlots.length,
    wordingSlotsRead: readSlots.filter((x) => x.s.kind === 'wording').length,
    formatSlotsRead: readSlots.filter((x) => x.s.kind === 'format').length,
    epsilon,
    candidates: traced.length,
    conclusion: top.suspects.some((s) => s.accused) ? 'accused' : 'no_accusation',
    suspects: top.suspects,
    readings: readSlots.map(({ s, y }) => ({ slotId: s.id, kind: s.kind, pointNumber: top.c.paragraphLabels[s.paragraph] ?? '', form: s.forms[y], bit: y })),
  };
}
