/**
 * A document as fingerprinting sees it: paragraphs in one language, each with a stable key,
 * and the slots they offer. A version's paragraphs are its points; a readout's, its text.
 * A copy is the paragraphs with each slot showing the form the recipient's bit picks.
 */
import type { Readout, Version } from '../model.ts';
import type { FingerprintVariant } from './fingerprint-records.ts';
import { formatSlots } from './format-slots.ts';
import type { Slot } from './slots.ts';

export type DocumentKind = 'version' | 'readout';

export interface FingerprintDocument {
  kind: DocumentKind;
  id: string;
  lang: string;
  paragraphs: readonly { key: string; text: string }[];
}

function pick(texts: Readonly<Record<string, string>>, lang: string): string {
  return texts[lang] ?? Object.values(texts)[0] ?? '';
}

export function versionFingerprintDocument(v: Version, lang: string): FingerprintDocument {
  return { kind: 'version', id: v.id, lang, paragraphs: v.points.map((p) => ({ key: p.pointId, text: pick(p.texts, lang) })) };
}

export function readoutFingerprintDocument(r: Readout, lang: string): FingerprintDocument {
  return { kind: 'readout', id: r.id, lang, paragraphs: [{ key: 'text', text: pick(r.text, lang) }] };
}

/**
 * Every slot of the document: the approved wording variants that still match its text, and
 * the format marks around them. Ids name the language, the paragraph and the place, so they
 * are the same at every export of the same text.
 */
export function documentSlots(doc: FingerprintDocument, variants: readonly FingerprintVariant[]): Slot[] {
  const slots: Slot[] = [];
  doc.paragraphs.forEach((para, index) => {
    const prefix = `${doc.lang}:${para.key}`;
    const wording = variants
      .filter((v) => v.pointId === para.key && v.lang === doc.lang && para.text.slice(v.start, v.end) === v.original)
      .sort((a, b) => a.start - b.start)
      // Overlapping approvals cannot both hold; the command refuses them, this keeps old data safe.
      .filter((v, i, all) => i === 0 || v.start >= all[i - 1]!.end);
    for (const v of wording) {
      slots.push({ id: `${prefix}:w:${v.id}`, kind: 'wording', paragraph: index, start: v.start, end: v.end, forms: [v.original, v.alternative] });
    }
    slots.push(...formatSlots(para.text, index, prefix, doc.lang, wording));
  });
  return slots.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}

/** The paragraphs as one recipient's copy shows them. */
export function renderCopy(doc: FingerprintDocument, slots: readonly Slot[], bits: ArrayLike<number>): string[] {
  const texts = doc.paragraphs.map((p) => p.text);
  // From the last slot back, so earlier offsets stay valid.
  for (let i = slots.length - 1; i >= 0; i -= 1) {
    const s = slots[i]!;
    const t = texts[s.paragraph]!;
    texts[s.paragraph] = t.slice(0, s.start) + s.forms[bits[i] === 1 ? 1 : 0] + t.slice(s.end);
  }
  return texts;
}
