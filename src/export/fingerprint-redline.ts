/**
 * A redline as one reader's copy. The redline is built from the masters (marks in both
 * versions would show as changes); the later version's format marks are then laid onto the
 * text the redline shows of it (its unchanged and inserted runs), where a slot's one character
 * is swapped for its twin, so no run changes length and no change appears. Wording variants
 * are left out: they would read as edits. A row whose runs do not spell the later version's
 * text exactly is left as it is.
 */
import type { FingerprintDocument } from '../domain/tracing/fingerprint-document.ts';
import type { Slot } from '../domain/tracing/slots.ts';
import type { RedlineDocument } from './redline.ts';

export function markRedline(doc: RedlineDocument, later: FingerprintDocument, slots: readonly Slot[], bits: ArrayLike<number>): RedlineDocument {
  const index = new Map(later.paragraphs.map((p, i) => [p.key, i]));
  const byParagraph = new Map<number, { slot: Slot; bit: number }[]>();
  slots.forEach((slot, i) => {
    if (slot.kind !== 'format' || bits[i] !== 1) return;
    byParagraph.set(slot.paragraph, [...(byParagraph.get(slot.paragraph) ?? []), { slot, bit: 1 }]);
  });
  const rows = doc.rows.map((row) => {
    const p = index.get(row.pointId);
    const marks = p === undefined ? undefined : byParagraph.get(p);
    if (p === undefined || !marks) return row;
    const shown = row.parts.filter((x) => x.op !== 'delete').map((x) => x.text).join('');
    if (shown !== later.paragraphs[p]!.text) return row;
    let offset = 0;
    const parts = row.parts.map((part) => {
      if (part.op === 'delete') return part;
      const chars = [...part.text.split('')];
      for (const { slot } of marks) {
        const at = slot.start - offset;
        if (at >= 0 && at < chars.length && chars[at] === slot.forms[0]) chars[at] = slot.forms[1];
      }
      offset += part.text.length;
      return { ...part, text: chars.join('') };
    });
    return { ...row, parts };
  });
  return { ...doc, rows };
}
