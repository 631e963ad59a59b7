import { describe, expect, it } from 'vitest';
import { documentSlots, renderCopy, type FingerprintDocument } from '../domain/tracing/fingerprint-document.ts';
import { markRedline } from './fingerprint-redline.ts';
import type { RedlineDocument } from './redline.ts';

const after = 'The parties exchange all prisoners within thirty days.';
const later: FingerprintDocument = { kind: 'version', id: 'v', lang: 'en', paragraphs: [{ key: 'p1', text: after }] };
const doc = (parts: RedlineDocument['rows'][number]['parts']): RedlineDocument => ({
  title: 'T', lang: 'en', dir: 'ltr', a: { id: 'a', seqNo: 1, label: 'a', createdAt: '', contentHash: '' }, b: { id: 'v', seqNo: 2, label: 'b', createdAt: '', contentHash: '' },
  rows: [{ pointId: 'p1', status: 'changed', oldNumber: '1', newNumber: '1', parts, moved: false, sectionId: null, by: null }],
  sectionTitles: new Map(), counts: { unchanged: 0, changed: 1, added: 0, removed: 0, renumbered: 0 } as RedlineDocument['counts'],
});

describe('a redline as a reader\'s copy', () => {
  it('shows the later text as the copy shows it, leaves deletions alone, and adds no change', () => {
    const master = doc([{ op: 'equal', text: 'The parties exchange all prisoners within ' }, { op: 'delete', text: 'sixty days' }, { op: 'insert', text: 'thirty days' }, { op: 'equal', text: '.' }]);
    const slots = documentSlots(later, []);
    const bits = new Uint8Array(slots.length).fill(1);
    const marked = markRedline(master, later, slots, bits);
    const parts = marked.rows[0]!.parts;
    expect(parts.map((p) => p.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(renderCopy(later, slots, bits)[0]);
    expect(parts[1]!.text).toBe('sixty days');
    expect(parts.map((p) => p.text.length)).toEqual(master.rows[0]!.parts.map((p) => p.text.length));
  });

  it('leaves a row alone when its runs do not spell the later text', () => {
    const master = doc([{ op: 'equal', text: 'Something else entirely.' }]);
    const slots = documentSlots(later, []);
    expect(markRedline(master, later, slots, new Uint8Array(slots.length).fill(1)).rows[0]).toEqual(master.rows[0]);
  });
});
