/**
 * suggestStance: what a public statement signals about a point, from the cue words of its
 * language (stance-cues.ts), with negation. Words come from Intl.Segmenter through the quote
 * extractor's tokenizer and are folded the same way (case, Arabic-script letter variants,
 * ZWNJ), so "غیر‌قابل قبول" typed with or without a half-space reads alike. It is only ever a
 * suggestion: the reviewer sets the stance.
 *
 * With several cues the most reserved wins: officials wrap a reservation in friendly words
 * ("more or less acceptable, but they need to be discussed"), and the reservation is the news.
 */
import type { PositionLevel } from '../model.ts';
import { PositionLevel as Levels } from '../model.ts';
import { fold } from '../quotes/fold.ts';
import { tokenize, type Token } from '../quotes/tokens.ts';
import { stanceCues, type CueSpec, type LanguageCues } from './stance-cues.ts';

export interface StanceHit {
  level: PositionLevel;
  /** The words that signalled it, as written (the negation included). */
  cue: string;
  negated: boolean;
  /** UTF-16 range of `cue` in the text. */
  start: number;
  end: number;
}

interface CompiledCue { spec: CueSpec; words: { stem: string; prefix: boolean }[] }
interface CompiledLanguage { cues: CompiledCue[]; before: Set<string>; after: Set<string> }

const rank = new Map(Levels.options.map((l, i) => [l, i]));
const compiled = new Map<string, CompiledLanguage>();

function compile(lang: string, spec: LanguageCues): CompiledLanguage {
  const hit = compiled.get(lang);
  if (hit) return hit;
  const cues = spec.cues.map((cue) => ({
    spec: cue,
    words: cue.words.split(' ').map((w) => ({ stem: fold(w.replace(/\*$/u, '')), prefix: w.endsWith('*') })),
  }));
  // Longest first, so "not negotiable" is one cue, not a negated "negotiable".
  cues.sort((a, b) => b.words.length - a.words.length);
  const out = { cues, before: new Set(spec.negateBefore.map(fold)), after: new Set(spec.negateAfter.map(fold)) };
  compiled.set(lang, out);
  return out;
}

/** Arabic glues و/ف (and), ب (with), ل (for) to the next word. */
function forms(word: string, lang: string): string[] {
  if (lang === 'ar' && word.length > 3 && /^[وفبل]/u.test(word)) return [word, word.slice(1)];
  return [word];
}

function wordMatches(token: string, w: { stem: string; prefix: boolean }, lang: string): boolean {
  return forms(token, lang).some((f) => (w.prefix ? f.startsWith(w.stem) : f === w.stem));
}

function isNegator(token: Token, set: ReadonlySet<string>): boolean {
  return set.has(token.folded) || (token.folded.endsWith("n't") && set.has("n't"));
}

function languagesFor(lang: string): string[] {
  const base = lang.split('-')[0]!.toLowerCase();
  return base in stanceCues ? [base] : Object.keys(stanceCues);
}

/** Every cue in the text, left to right. */
export function stanceHits(text: string, lang: string): StanceHit[] {
  const hits: StanceHit[] = [];
  for (const l of languagesFor(lang)) {
    const spec = stanceCues[l]!;
    const lex = compile(l, spec);
    const words = tokenize(text.normalize('NFC'), l).filter((t) => t.word);
    const used = new Array<boolean>(words.length).fill(false);
    for (let i = 0; i < words.length; i++) {
      if (used[i]) continue;
      const cue = lex.cues.find((k) => k.words.every((w, j) => i + j < words.length && !used[i + j] && wordMatches(words[i + j]!.folded, w, l)));
      if (!cue) continue;
      const last = i + cue.words.length - 1;
      for (let j = i; j <= last; j++) used[j] = true;
      let start = words[i]!.start;
      let end = words[last]!.end;
      let negated = false;
      // A negation a word or two before ("not acceptable", "не можем", "لا نقبل")...
      for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
        if (used[j]) break;
        if (isNegator(words[j]!, lex.before)) { negated = true; start = words[j]!.start; used[j] = true; break; }
      }
      // ...or right after a verb-final cue ("قبول نہیں", "قابل قبول نیست").
      if (!negated) {
        for (let j = last + 1; j <= Math.min(words.length - 1, last + 2); j++) {
          if (isNegator(words[j]!, lex.after)) { negated = true; end = words[j]!.end; used[j] = true; break; }
        }
      }
      const level = negated ? cue.spec.negated ?? defaultNegation(cue.spec.level) : cue.spec.level;
      if (level === null) continue;
      hits.push({ level, cue: text.normalize('NFC').slice(start, end), negated, start, end });
    }
    if (hits.length > 0) break;
  }
  return hits.sort((a, b) => a.start - b.start);
}

function defaultNegation(level: PositionLevel): PositionLevel | null {
  switch (level) {
    case 'accept':
    case 'discuss': return 'reject';
    case 'wording': return null;
    case 'reject':
    case 'redline': return 'discuss';
  }
}

export interface StanceSuggestion extends StanceHit {
  /** Every cue found, so a reviewer sees what else the statement said. */
  hits: StanceHit[];
}

/** The stance a statement suggests: its most reserved cue, or null when it signals none. */
export function suggestStance(text: string, lang: string): StanceSuggestion | null {
  const hits = stanceHits(text, lang);
  let best: StanceHit | undefined;
  for (const h of hits) if (!best || rank.get(h.level)! >= rank.get(best.level)!) best = h;
  return best ? { ...best, hits } : null;
}
