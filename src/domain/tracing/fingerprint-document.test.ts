import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTextFlags } from '../text/unicode-safety.ts';
import { documentSlots, renderCopy, type FingerprintDocument } from './fingerprint-document.ts';
import type { FingerprintVariant } from './fingerprint-records.ts';
import { biasesFor, codewordFor, FINGERPRINT_CUTOFF, recipientBit, slotBias } from './keyed-code.ts';
import { readLeak } from './read-leak.ts';

const EN = 'Within thirty (30) days, the Parties shall exchange all prisoners of war; a well-known commission monitors the exchange.';
const UR = 'فریقین تیس دن کے اندر تمام جنگی قیدیوں کا تبادلہ کریں گے، اور ایک کمیشن نگرانی کرے گا۔';
const RU = 'Стороны обменяются всеми военнопленными в течение тридцати (30) дней; ещё одна комиссия наблюдает за обменом.';

const doc = (lang: string, ...texts: string[]): FingerprintDocument => ({ kind: 'version', id: 'v', lang, paragraphs: texts.map((text, i) => ({ key: `p${i}`, text })) });
const variant = (text: string, original: string, alternative: string, key = 'p0', lang = 'en'): FingerprintVariant => {
  const start = text.indexOf(original);
  return { id: `w-${original}`, versionId: 'v', pointId: key, lang, start, end: start + original.length, original, alternative, kind: 'custom', approvedBy: null, at: '2026-01-01T00:00:00.000Z' };
};
const SECRET = new Uint8Array(32).fill(3);

describe('the slots of a document', () => {
  it('puts a format slot on every single space and hyphen between two words, and nowhere else', () => {
    const slots = documentSlots(doc('en', EN), []);
    expect(slots.every((s) => s.kind === 'format' && EN.slice(s.start, s.end) === s.forms[0])).toBe(true);
    expect(slots.map((s) => s.forms[0]).filter((f) => f === '-')).toHaveLength(1);
    // "(30)" and "days," are not between two words: the space before "(" and after "," are.
    expect(slots.some((s) => EN[s.start - 1] === '(' || EN[s.end] === '(')).toBe(false);
    // Every space with a letter or digit on both sides, and only those.
    const between = [...EN.matchAll(/(?<=[\p{L}\p{N}]) (?=[\p{L}\p{N}])/gu)].map((m) => m.index);
    expect(slots.filter((s) => s.forms[0] === ' ').map((s) => s.start)).toEqual(between);
  });

  it('keeps format marks away from an approved wording variant, and drops a variant the text no longer has', () => {
    const v = variant(EN, 'thirty (30)', '30 (thirty)');
    const slots = documentSlots(doc('en', EN), [v, { ...variant(EN, 'prisoners', 'captives'), original: 'detainees' }]);
    const wording = slots.filter((s) => s.kind === 'wording');
    expect(wording).toHaveLength(1);
    expect(slots.filter((s) => s.kind === 'format').some((s) => s.start >= v.start - 1 && s.start <= v.end)).toBe(false);
    expect(documentSlots(doc('ru', EN), [v]).filter((s) => s.kind === 'wording')).toEqual([]);
  });

  it('renders the master with every bit 0, and with every bit 1 a copy that reads the same and raises no Unicode flag, in any script', () => {
    for (const [lang, text] of [['en', EN], ['ur', UR], ['ru', RU]] as const) {
      const d = doc(lang, text);
      const slots = documentSlots(d, []);
      expect(slots.length).toBeGreaterThan(5);
      expect(renderCopy(d, slots, new Uint8Array(slots.length))).toEqual([text]);
      const [all] = renderCopy(d, slots, new Uint8Array(slots.length).fill(1));
      expect(all).not.toBe(text);
      expect(all!.replace(/\u00A0/gu, ' ').replace(/\u2011/gu, '-')).toBe(text);
      expect(findTextFlags(all!)).toEqual([]);
      expect(all).not.toMatch(/[\u200B-\u200D\u2060\uFEFF]/u);
    }
  });
});

describe('the keyed code', () => {
  it('derives biases in [t, 1 − t] for format slots and 1/2 for wording slots, and the same bits every time', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `en:p0:f${i}`);
    const biases = ids.map((id) => slotBias(SECRET, id));
    expect(Math.min(...biases)).toBeGreaterThanOrEqual(FINGERPRINT_CUTOFF);
    expect(Math.max(...biases)).toBeLessThanOrEqual(1 - FINGERPRINT_CUTOFF);
    // Arcsine, not uniform: about a quarter of the mass lies below 0.146.
    expect(biases.filter((p) => p < 0.146).length / biases.length).toBeGreaterThan(0.2);
    expect(Array.from(biasesFor(SECRET, [{ id: 'x', kind: 'wording' }, { id: ids[0]!, kind: 'format' }]))).toEqual([0.5, biases[0]]);
    expect(recipientBit(SECRET, 'acct', ids[0]!, 0.5)).toBe(recipientBit(SECRET, 'acct', ids[0]!, 0.5));
    const other = new Uint8Array(32).fill(4);
    const a = ids.map((id) => recipientBit(SECRET, 'acct', id, 0.5));
    const b = ids.map((id) => recipientBit(other, 'acct', id, 0.5));
    expect(a.filter((x, i) => x !== b[i]).length / ids.length).toBeGreaterThan(0.4);
  });
});

describe('a copy read back', () => {
  it('reads, pasted whole, as its own recipient\'s bits wherever it reads at all (property)', () => {
    const texts = [EN, RU];
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('en', 'ru'), (secret, recipient, lang) => {
      const d = doc(lang, ...texts);
      const slots = documentSlots(d, [variant(EN, 'thirty (30)', '30 (thirty)'), variant(RU, 'тридцати (30)', '30 (тридцати)', 'p1', 'ru')]);
      const ids = slots.map((s) => s.id);
      const bits = codewordFor(secret, recipient, ids, biasesFor(secret, slots));
      const copy = renderCopy(d, slots, bits).join('\n\n');
      const { readings } = readLeak(texts, slots, copy, lang);
      readings.forEach((y, i) => { if (y !== null) expect(y).toBe(bits[i]); });
      // With at least one mark of each family present, nearly every slot reads.
      if (bits.some((b, i) => b === 1 && slots[i]!.forms[0] === ' ')) expect(readings.filter((y) => y !== null).length).toBeGreaterThan(slots.length * 0.8);
    }), { numRuns: 60 });
  });
});
