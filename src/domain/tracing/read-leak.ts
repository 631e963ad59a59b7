/**
 * Reading a leaked text against its master: which form the leak shows at each slot (0, 1),
 * or null where it cannot be read. A null is an erasure and costs nothing: the threshold is
 * computed on the slots actually read. A wrong read is not harmless: it adds noise to every
 * innocent's score. So every rule below errs towards null.
 *
 * 1. The leak's words are aligned to the master's (`align/leak-regions.ts`: unique k-gram
 *    seeds, chains, an exact diff inside each chain). Words are compared folded
 *    (`align/fold-word.ts`); slots are read from raw characters.
 * 2. A slot is read between its anchors: the nearest aligned master words outside its span,
 *    in its own paragraph, on both sides. Slots whose anchor intervals overlap are read
 *    together (every combination of their forms rendered; at most MAX_GROUP slots). A slot
 *    at the very start or end of its paragraph is anchored by the leak's line start or end,
 *    when no other aligned word stands on that line before (after) it.
 * 3. The leak's characters between the anchors decide (`align/compare-forms.ts`).
 * 4. Some readings are dropped unless the leak shows its marks were kept (see `EVIDENCE`).
 *
 * Slots that overlap another slot, do not match the master, or have a format pair other than
 * space / no-break space and hyphen / non-breaking hyphen are never read.
 */
import { tokenize } from '../redline/tokenize.ts';
import { decideForms } from './align/compare-forms.ts';
import { asciiDigits, WordIds } from './align/fold-word.ts';
import { leakRegions } from './align/leak-regions.ts';
import type { Slot, SlotReading } from './slots.ts';

export interface LeakReading {
  /** One per slot, same order as `slots`. */
  readings: SlotReading[];
  /** Share of the leak's word tokens that aligned to the master (0..1): how sure we are this is the document. */
  coverage: number;
  /** Leak word tokens aligned to a master word. */
  matchedWords: number;
  leakWords: number;
  /** Indices of master paragraphs the leak overlaps, increasing. */
  paragraphs: number[];
}

const MAX_GROUP = 4;

/*
 * EVIDENCE. Some differences vanish, or turn into one of the two forms, when a text is
 * retyped or normalised, so seeing that form proves nothing about the copy:
 *
 * - Format slots. Retyping, most PDF extraction and many editors turn a no-break space into
 *   a space and a non-breaking hyphen into a hyphen, so a plain separator at a format slot
 *   is what every copy would show. A family of format slots (space / no-break space, hyphen /
 *   non-breaking hyphen) is read only when the leak shows form 1 at one or more slots of
 *   that family: a character that can only have come from a copy's form 1, which proves the
 *   marks of that family survived. With none, every slot of the family counts as erased,
 *   even where the leak shows the plain form. Any U+00A0 or U+2011 anywhere in the leak
 *   would be a looser proof, fooled twice: a no-break space in the journalist's own text (or
 *   one native to the master) says nothing about the copy, and a text can keep one family
 *   while losing the other (PDF extraction drops no-break spaces and keeps U+2011).
 * - Wording a typist flattens. Russian is commonly typed without ё, and quotation marks are
 *   straightened by keyboards and editors, so a form that shows е where the other shows ё,
 *   or a straight quote where the other shows a typographic one, is read only when the leaked
 *   passages contain a ё (a typographic quotation mark) somewhere: proof the flattening did
 *   not happen.
 * - Digits. A typist writes all digits in one script, so a digit slot is read only when the
 *   leaked passages contain digits of every script the slot's forms use.
 *
 * Other wording is not guarded: a house style that rewrites « » as „ “ (or removes serial
 * commas) would be read as the other form. Quotes straightened where neither form is
 * straight match neither form and are never read.
 */
type Family = 'wording' | 'space' | 'hyphen' | 'digits';

const YO = /[ёЁ]/u;
const TYPOGRAPHIC_QUOTES = /[«»„“”‘’‚‹›]/u;
/** What a flattening typist writes for a character, and what proves a text was not flattened. */
const FLAT = new Map<string, readonly [string, RegExp]>([
  ['ё', ['е', YO]],
  ['Ё', ['Е', YO]],
  ['«', ['"', TYPOGRAPHIC_QUOTES]],
  ['»', ['"', TYPOGRAPHIC_QUOTES]],
  ['„', ['"', TYPOGRAPHIC_QUOTES]],
  ['“', ['"', TYPOGRAPHIC_QUOTES]],
  ['”', ['"', TYPOGRAPHIC_QUOTES]],
  ['‘', ["'", TYPOGRAPHIC_QUOTES]],
  ['’', ["'", TYPOGRAPHIC_QUOTES]],
  ['‚', ["'", TYPOGRAPHIC_QUOTES]],
  ['‹', ["'", TYPOGRAPHIC_QUOTES]],
  ['›', ["'", TYPOGRAPHIC_QUOTES]],
]);
const DIGIT_SCRIPTS = [/[0-9]/u, /[\u0660-\u0669]/u, /[\u06F0-\u06F9]/u] as const;

/** The slot's family, or null when it cannot be read at all. */
function familyOf(slot: Slot, master: readonly string[]): Family | null {
  const text = master[slot.paragraph];
  const [f0, f1] = slot.forms;
  if (text === undefined || !Number.isInteger(slot.start) || !Number.isInteger(slot.end)) return null;
  if (slot.start < 0 || slot.end < slot.start || slot.end > text.length || text.slice(slot.start, slot.end) !== f0 || f0 === f1) return null;
  if (slot.kind === 'format') {
    if (f0 === ' ' && f1 === '\u00A0') return 'space';
    if (f0 === '-' && f1 === '\u2011') return 'hyphen';
    return null;
  }
  if (asciiDigits(f0) === asciiDigits(f1)) return 'digits';
  return 'wording';
}

function conflicts(a: Slot, b: Slot): boolean {
  if (a.paragraph !== b.paragraph) return false;
  if (a.start === b.start) return true; // two edits at one place: no order to render them in
  if (Math.max(a.start, b.start) < Math.min(a.end, b.end)) return true;
  const inside = (empty: Slot, other: Slot) => empty.start === empty.end && other.start < empty.start && empty.start < other.end;
  return inside(a, b) || inside(b, a);
}

/** What the leaked passages must contain for form `bit` of a wording slot to count: where it shows what a flattening typist writes for the other form's character. */
function flatProofs(slot: Slot, bit: 0 | 1): RegExp[] {
  const mine = slot.forms[bit];
  const other = slot.forms[1 - bit]!;
  const proofs = new Set<RegExp>();
  if (mine.length !== other.length) return [];
  for (let i = 0; i < mine.length; i++) {
    const flat = FLAT.get(other[i]!);
    if (flat && flat[0] === mine[i]) proofs.add(flat[1]);
  }
  return [...proofs];
}

/** List markers, heading and quote marks a reformatted leak may put at a line start (also stripped from the master). */
const LINE_LEAD = /^\s*(?:(?:#{1,6}|>+|[-*+•]|\(?[0-9\u0660-\u0669\u06F0-\u06F9]{1,3}[.)])\s+)*/u;

interface Words {
  para: Int32Array;
  start: Int32Array;
  end: Int32Array;
  ids: Int32Array;
}

function words(texts: readonly string[], lang: string, ids: WordIds): { words: Words; first: Int32Array } {
  const para: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const id: number[] = [];
  const first = new Int32Array(texts.length + 1);
  texts.forEach((text, p) => {
    first[p] = id.length;
    for (const t of tokenize(text, lang)) {
      if (t.kind !== 'word') continue;
      para.push(p);
      start.push(t.start);
      end.push(t.end);
      id.push(ids.id(t.text));
    }
  });
  first[texts.length] = id.length;
  return { words: { para: Int32Array.from(para), start: Int32Array.from(start), end: Int32Array.from(end), ids: Int32Array.from(id) }, first };
}

/** Per slot: -1 not read yet, 0 or 1, 2 read both ways (two passages disagree). */
const UNREAD = -1;
const CONFLICT = 2;

export function readLeak(master: readonly string[], slots: readonly Slot[], leaked: string, lang: string): LeakReading {
  const ids = new WordIds(lang);
  const { words: m, first } = words(master, lang, ids);
  const { words: l } = words([leaked], lang, ids);
  const regions = leakRegions(m.ids, m.para, l.ids);

  // Which passage each leak word was aligned in (-2: in two, which makes it no anchor).
  const regionOf = new Int32Array(l.ids.length).fill(-1);
  const leakToMaster = new Int32Array(l.ids.length).fill(-1);
  regions.forEach((r, ri) => {
    r.leak.forEach((j, t) => {
      regionOf[j] = regionOf[j] === -1 ? ri : -2;
      leakToMaster[j] = r.master[t]!;
    });
  });
  let matchedWords = 0;
  for (const r of regionOf) if (r !== -1) matchedWords++;
  const paragraphs = new Set<number>();
  for (const r of regions) for (const i of r.master) paragraphs.add(m.para[i]!);

  const families = slots.map((s) => familyOf(s, master));
  const byParagraph = new Map<number, number[]>();
  slots.forEach((s, k) => {
    if (families[k] === null) return;
    const list = byParagraph.get(s.paragraph) ?? [];
    byParagraph.set(s.paragraph, [...list, k]);
  });
  for (const list of byParagraph.values()) {
    const bad = new Set<number>();
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) if (conflicts(slots[list[x]!]!, slots[list[y]!]!)) bad.add(list[x]!).add(list[y]!);
    for (const k of bad) families[k] = null;
  }

  const state = new Int8Array(slots.length).fill(UNREAD);
  const record = (k: number, bit: 0 | 1 | null) => {
    if (bit === null) return;
    state[k] = state[k] === UNREAD || state[k] === bit ? bit : CONFLICT;
  };

  const masterToLeak = new Int32Array(m.ids.length).fill(-1);
  regions.forEach((region, ri) => {
    region.master.forEach((i, t) => {
      if (regionOf[region.leak[t]!] === ri) masterToLeak[i] = region.leak[t]!;
    });
    const touched = new Set<number>();
    for (const i of region.master) touched.add(m.para[i]!);
    for (const p of touched) {
      const list = (byParagraph.get(p) ?? []).filter((k) => families[k] !== null);
      for (const group of anchorGroups(list, p)) {
        const bits = readGroup(p, group, ri);
        group.slots.forEach((k, g) => record(k, bits[g] ?? null));
      }
    }
    for (const i of region.master) masterToLeak[i] = -1;
  });

  // Evidence (see EVIDENCE above).
  const formEvidence = new Set<Family>();
  slots.forEach((_, k) => {
    const f = families[k];
    if ((f === 'space' || f === 'hyphen') && state[k] === 1) formEvidence.add(f);
  });
  const passages = regions
    .filter((r) => r.leak.length > 0)
    .map((r) => leaked.slice(l.start[r.leak[0]!], l.end[r.leak[r.leak.length - 1]!]))
    .join('\n');

  const readings: SlotReading[] = slots.map((slot, k) => {
    const f = families[k];
    const s = state[k]!;
    if (f === null || f === undefined || (s !== 0 && s !== 1)) return null;
    const bit: 0 | 1 = s;
    switch (f) {
      case 'space':
      case 'hyphen':
        return formEvidence.has(f) ? bit : null;
      case 'digits': {
        const used = DIGIT_SCRIPTS.filter((re) => re.test(slot.forms[0]) || re.test(slot.forms[1]));
        return used.every((re) => re.test(passages)) ? bit : null;
      }
      case 'wording':
        return flatProofs(slot, bit).every((re) => re.test(passages)) ? bit : null;
    }
  });

  return {
    readings,
    coverage: l.ids.length === 0 ? 0 : matchedWords / l.ids.length,
    matchedWords,
    leakWords: l.ids.length,
    paragraphs: [...paragraphs].sort((a, b) => a - b),
  };

  /** Slots of paragraph p grouped by overlapping anchor intervals; L below the paragraph's first word = its start, R past its last = its end. */
  function anchorGroups(list: readonly number[], p: number): { lo: number; hi: number; slots: number[] }[] {
    const lo0 = first[p]!;
    const hi0 = first[p + 1]!;
    const spans = list.map((k) => {
      const s = slots[k]!;
      let lastLeft = lo0 - 1;
      let firstRight = hi0;
      for (let w = lo0; w < hi0; w++) {
        if (m.end[w]! <= s.start) lastLeft = w;
        else if (m.start[w]! >= s.end) {
          firstRight = w;
          break;
        }
      }
      let lo = lastLeft;
      while (lo >= lo0 && masterToLeak[lo]! < 0) lo--;
      let hi = firstRight;
      while (hi < hi0 && masterToLeak[hi]! < 0) hi++;
      return { lo, hi, k };
    });
    spans.sort((a, b) => a.lo - b.lo || a.hi - b.hi);
    const groups: { lo: number; hi: number; slots: number[] }[] = [];
    for (const s of spans) {
      const last = groups.at(-1);
      if (last && s.lo < last.hi) {
        last.hi = Math.max(last.hi, s.hi);
        last.slots.push(s.k);
      } else groups.push({ lo: s.lo, hi: s.hi, slots: [s.k] });
    }
    for (const g of groups) g.slots.sort((a, b) => slots[a]!.start - slots[b]!.start);
    return groups;
  }

  /** A leak word that may stand on the anchor's line: unaligned, or aligned in this passage into paragraph p. */
  function ownWord(j: number, ri: number, p: number): boolean {
    return regionOf[j] === -1 || (regionOf[j] === ri && m.para[leakToMaster[j]!] === p);
  }

  function readGroup(p: number, group: { lo: number; hi: number; slots: number[] }, ri: number): (0 | 1 | null)[] {
    const nulls = group.slots.map(() => null);
    const text = master[p]!;
    const atStart = group.lo < first[p]!;
    const atEnd = group.hi >= first[p + 1]!;
    if ((atStart && atEnd) || group.slots.length > MAX_GROUP) return nulls;
    const mFrom = atStart ? 0 : m.end[group.lo]!;
    const mTo = atEnd ? text.length : m.start[group.hi]!;
    let lFrom: number;
    let lTo: number;
    if (atStart) {
      const jR = masterToLeak[group.hi]!;
      lFrom = leaked.lastIndexOf('\n', l.start[jR]! - 1) + 1;
      for (let j = jR - 1; j >= 0 && l.start[j]! >= lFrom; j--) if (!ownWord(j, ri, p)) return nulls;
    } else lFrom = l.end[masterToLeak[group.lo]!]!;
    if (atEnd) {
      const jL = masterToLeak[group.lo]!;
      const nl = leaked.indexOf('\n', l.end[jL]);
      lTo = nl < 0 ? leaked.length : nl;
      for (let j = jL + 1; j < l.ids.length && l.end[j]! <= lTo; j++) if (!ownWord(j, ri, p)) return nulls;
    } else lTo = l.start[masterToLeak[group.hi]!]!;
    if (lTo < lFrom) return nulls;

    const edge = (s: string) => {
      let out = atStart ? s.replace(LINE_LEAD, '') : s;
      if (atEnd) out = out.trimEnd();
      return out;
    };
    const between = text.slice(mFrom, mTo);
    const renderings: string[] = [];
    for (let mask = 0; mask < 1 << group.slots.length; mask++) {
      let s = between;
      for (let g = group.slots.length - 1; g >= 0; g--) {
        const slot = slots[group.slots[g]!]!;
        s = s.slice(0, slot.start - mFrom) + ((mask >> g) & 1 ? slot.forms[1] : slot.forms[0]) + s.slice(slot.end - mFrom);
      }
      renderings.push(edge(s));
    }
    return decideForms(edge(leaked.slice(lFrom, lTo)), renderings, group.slots.map((k) => slots[k]!.forms));
  }
}
