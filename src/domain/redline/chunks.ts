/**
 * The coarse level of a long redline: the texts cut into pieces (a run of text with the
 * whitespace after it, cut where `tokenize.ts` may cut) and each piece interned to an integer,
 * so that the sequence diff compares integers. A 500,000-word agreement has a million pieces;
 * interning them through a Map of sliced strings was the largest cost of the whole redline,
 * so pieces are hashed in place. By default two pieces with the same hash and length share
 * an id without being compared: the caller checks the stretches the diff finds equal (one
 * native string comparison each) and, on the rare collision, interns again exactly.
 */
import { attachesUnit, endsPiece } from './tokenize.ts';

/** Interns text ranges (of one or several texts) to dense ids: equal text, equal id. */
export class RangeInterner {
  /** Compare the characters of pieces whose hashes agree (else hash and length decide). */
  constructor(private readonly exact = false) {}

  private texts: string[] = [];
  private textIndex = new Map<string, number>();
  /** Per id: which text, where, how long (the first occurrence, for comparing). */
  private ofText: number[] = [];
  private starts: number[] = [];
  private lengths: number[] = [];
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(1024).fill(-1);
  private mask = 1023;
  /** Slots come from the top bits of a multiplicative hash (the bottom bits mix poorly). */
  private shift = 22;

  get size(): number {
    return this.ofText.length;
  }

  private textId(text: string): number {
    let t = this.textIndex.get(text);
    if (t === undefined) {
      t = this.texts.length;
      this.texts.push(text);
      this.textIndex.set(text, t);
    }
    return t;
  }

  private same(id: number, text: string, start: number, length: number): boolean {
    if (this.lengths[id] !== length) return false;
    const other = this.texts[this.ofText[id]!]!;
    const s = this.starts[id]!;
    if (other === text && s === start) return true;
    for (let k = 0; k < length; k++) if (other.charCodeAt(s + k) !== text.charCodeAt(start + k)) return false;
    return true;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const hashes = new Int32Array(cap);
    const slots = new Int32Array(cap).fill(-1);
    const mask = cap - 1;
    const shift = this.shift - 1;
    for (let i = 0; i <= this.mask; i++) {
      const id = this.slots[i]!;
      if (id < 0) continue;
      let k = Math.imul(this.hashes[i]!, 0x9e3779b1) >>> shift;
      while (slots[k] !== -1) k = (k + 1) & mask;
      slots[k] = id;
      hashes[k] = this.hashes[i]!;
    }
    this.hashes = hashes;
    this.slots = slots;
    this.mask = mask;
    this.shift = shift;
  }

  /** The id of text[start, end), hashed as `h`. */
  intern(text: string, t: number, start: number, end: number, h: number): number {
    let k = Math.imul(h, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const id = this.slots[k]!;
      if (id === -1) break;
      if (this.hashes[k] === h && (this.exact ? this.same(id, text, start, end - start) : this.lengths[id] === end - start)) return id;
      k = (k + 1) & this.mask;
    }
    const id = this.ofText.length;
    this.ofText.push(t);
    this.starts.push(start);
    this.lengths.push(end - start);
    this.slots[k] = id;
    this.hashes[k] = h;
    if (this.ofText.length * 2 > this.mask) this.grow();
    return id;
  }

  /** The pieces of text[from, to): their ids, and their starts followed by `to`. */
  pieces(text: string, from: number, to: number): { ids: Int32Array; starts: Int32Array } {
    const t = this.textId(text);
    let ids = new Int32Array(64);
    let starts = new Int32Array(65);
    let n = 0;
    let i = from;
    while (i < to) {
      // pieceEnd, inlined with the hash: this loop reads every character of both texts.
      const start = i;
      let h = 0x811c9dc5 | 0;
      for (;;) {
        while (i < to) {
          const c = text.charCodeAt(i);
          if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && endsPiece(c)) break;
          h = Math.imul(h ^ c, 0x01000193);
          i++;
        }
        while (i < to) {
          const c = text.charCodeAt(i);
          if (!(c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && endsPiece(c))) break;
          h = Math.imul(h ^ c, 0x01000193);
          i++;
        }
        if (i >= to || !attachesUnit(text.charCodeAt(i))) break;
      }
      const end = i;
      if (n === ids.length) {
        const bigger = new Int32Array(n * 2);
        bigger.set(ids);
        ids = bigger;
        const s2 = new Int32Array(n * 2 + 1);
        s2.set(starts);
        starts = s2;
      }
      ids[n] = this.intern(text, t, start, end, h);
      starts[n] = start;
      n++;
    }
    starts[n] = to;
    return { ids: ids.subarray(0, n), starts: starts.subarray(0, n + 1) };
  }
}
