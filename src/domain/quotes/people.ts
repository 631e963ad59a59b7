/**
 * Who may be speaking: the people the caller knows (people.json: a name, a party and
 * aliases in several scripts) and the people the text itself names in full ("Yuri
 * Ushakov", later just "Ushakov"). Names match after folding (fold.ts); Russian and
 * Ukrainian surnames also match inflected (Ушакова, Ушакову, Зеленського → the stem and a
 * short case ending), and Arabic-script names with a glued conjunction or preposition
 * (وبوتين).
 */
import { z } from 'zod';
import { fold, isCapitalized } from './fold.ts';
import { withoutClitic } from './lexicon.ts';
import type { KnownPerson } from './types.ts';
import type { Token } from './tokens.ts';

/** people.json as the CLI reads it. */
export const PeopleFile = z.array(
  z.object({
    name: z.string().trim().min(1),
    party: z.string().trim().min(1).optional(),
    partyNames: z.array(z.string().trim().min(1)).optional(),
    aliases: z.array(z.string().trim().min(1)).optional(),
  }).strict(),
);

export interface Entity {
  readonly id: number;
  /** The name to report: people.json's name, or the fullest form the text gave. */
  name: string;
  readonly party: string | null;
  /** The party and its other names, as given: what "Moscow"-style capitals are checked against. */
  readonly partyNames: readonly string[];
  readonly known: boolean;
  /** Folded token sequences that name this entity. */
  readonly keys: string[][];
  /** Role words the text gave this person ("Kremlin spokesman Dmitry Peskov" → spokesman). */
  readonly roles: Set<string>;
}

export interface NameMatch {
  readonly entity: Entity;
  /** Tokens consumed. */
  readonly length: number;
  /** False when only an inflected form or a clitic matched (Путина for Путин). */
  readonly exact: boolean;
  /** English possessive ("Putin's"). */
  readonly possessive: boolean;
}

const CYRILLIC_ENDING = /^[а-яіїєґ']{1,4}$/u;

function cyrillicStem(w: string): string {
  return w.replace(/(ий|ый|ой|ій|ая|яя|ь|й|а|я|о|е|ы|и)$/u, '');
}

/** Does token `t` name the same as folded word `w`, exactly or inflected? */
function wordMatch(w: string, t: string): 'exact' | 'inflected' | null {
  if (t === w) return 'exact';
  if (/\p{Script=Cyrillic}/u.test(w)) {
    const stem = cyrillicStem(w);
    if (stem.length >= 3 && t.startsWith(stem) && CYRILLIC_ENDING.test(t.slice(stem.length)) && t.length - stem.length <= 4) return 'inflected';
    return null;
  }
  if (withoutClitic(t) === w) return 'inflected';
  return null;
}

export class PeopleIndex {
  readonly entities: Entity[] = [];

  constructor(people: readonly KnownPerson[] = []) {
    const surnames = new Map<string, number>();
    const lastWords = people.map((p) => tokensOf(p.name).at(-1));
    for (const w of lastWords) if (w !== undefined) surnames.set(w, (surnames.get(w) ?? 0) + 1);
    people.forEach((p, i) => {
      const keys = [p.name, ...(p.aliases ?? [])].map(tokensOf).filter((k) => k.length > 0);
      const last = lastWords[i];
      // A full name's last word names the person alone too, unless two people share it.
      if (last !== undefined && last.length >= 3 && surnames.get(last) === 1 && tokensOf(p.name).length > 1) keys.push([last]);
      this.entities.push({ id: i, name: p.name, party: p.party ?? null, partyNames: [...(p.party === undefined ? [] : [p.party]), ...(p.partyNames ?? [])], known: true, keys, roles: new Set() });
    });
  }

  /** The longest name starting at token i, the latest-added entity winning ties. */
  matchAt(tokens: readonly Token[], i: number): NameMatch | null {
    let best: NameMatch | null = null;
    for (let e = this.entities.length - 1; e >= 0; e--) {
      const entity = this.entities[e]!;
      for (const key of entity.keys) {
        if (best !== null && key.length <= best.length) continue;
        let exact = true;
        let possessive = false;
        let ok = true;
        for (let k = 0; k < key.length; k++) {
          const tok = tokens[i + k];
          if (tok === undefined || !tok.word) {
            ok = false;
            break;
          }
          let t = tok.folded;
          if (k === key.length - 1 && /'s$/u.test(t) && /\p{Script=Latin}/u.test(t)) {
            t = t.slice(0, -2);
            possessive = true;
          }
          const m = wordMatch(key[k]!, t);
          if (m === null) {
            ok = false;
            break;
          }
          if (m === 'inflected') exact = false;
        }
        if (ok) best = { entity, length: key.length, exact, possessive };
      }
    }
    return best;
  }

  /** Adds a name the text gives, or returns the entity it already names. */
  addFromText(words: readonly string[]): Entity {
    const key = words.map(fold);
    const last = key.at(-1)!;
    for (let e = this.entities.length - 1; e >= 0; e--) {
      const entity = this.entities[e]!;
      if (entity.keys.some((k) => k.length === key.length && k.every((w, j) => wordMatch(w, key[j]!) !== null))) return entity;
      if (key.length === 1 && entity.keys.some((k) => k.length > 1 && wordMatch(k.at(-1)!, last) !== null)) return entity;
      // "Ushakov" first, "Yuri Ushakov" later: the fuller name wins.
      if (key.length > 1 && !entity.known && entity.keys.some((k) => k.length === 1 && wordMatch(k[0]!, last) !== null)) {
        entity.keys.push(key);
        entity.name = words.join(' ');
        return entity;
      }
    }
    const entity: Entity = { id: this.entities.length, name: words.join(' '), party: null, partyNames: [], known: false, keys: [key], roles: new Set() };
    if (key.length > 1 && last.length >= 3) entity.keys.push([last]);
    this.entities.push(entity);
    return entity;
  }
}

function tokensOf(name: string): string[] {
  const seg = new Intl.Segmenter(undefined, { granularity: 'word' });
  return Array.from(seg.segment(name.normalize('NFC')))
    .filter((s) => s.isWordLike === true)
    .map((s) => fold(s.segment));
}

export { isCapitalized };
