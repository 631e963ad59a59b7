/**
 * The ways a paragraph refers to someone who may be speaking: a name (known or given by the
 * text), a pronoun, a role ("the official", اہلکار), or a capital that speaks for its
 * government ("Moscow"). Names that only modify another word are marked so they are not
 * taken for the speaker: "Putin's aide", "adviser to Putin", پوتن کے معاون, помощник
 * Путина, مساعد بوتين.
 */
import { fold, isCapitalized } from './fold.ts';
import { COMPLEMENTIZERS, CUES, METONYMS, NOT_NAMES, PRONOUNS, ROLES, TITLES, withoutClitic, wordMatches } from './lexicon.ts';
import type { Entity, PeopleIndex } from './people.ts';
import type { Token } from './tokens.ts';

export type MentionKind = 'person' | 'pronoun' | 'role' | 'metonym';

export interface Mention {
  readonly kind: MentionKind;
  /** Token range [start, end). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly entity: Entity | null;
  /** For a metonym: the folded party names it stands for. */
  readonly party: readonly string[] | null;
  /** Modifies another word (possessor, object of "to"): never the speaker. */
  readonly modifier: boolean;
  /** Inflected (oblique case) or glued to a clitic: a speaker only after "according to". */
  readonly oblique: boolean;
  /** Urdu ergative نے follows: the subject of a perfective verb. */
  readonly agent: boolean;
  /** A role with a complement ("spokesman of the ministry"): a speaker of its own, not an anaphor. */
  readonly described?: boolean;
}

const UR_POSSESSIVE = new Set(['کے', 'کی', 'کا'].map(fold));
const UR_OBJECT = new Set(['کو', 'سے', 'پر', 'میں', 'تک'].map(fold));
const UR_SPEECH_NOUN = new Set(['کہنا', 'مطابق', 'بقول', 'خیال'].map(fold));
const ERGATIVE = fold('نے');
const EN_MODIFIER_BEFORE = new Set(['to', 'of', 'for', 'with', 'met', 'meet', 'meeting', 'from', 'about', 'against', 'between', 'under', 'by', 'than', 'whom', 'on', 'in', 'at', 'his', 'her', 'their', 'its', 'into', 'over',
  // Russian and Ukrainian prepositions: a name after them is not a subject (у Флориді, в Москве).
  'в', 'во', 'на', 'у', 'из', 'с', 'со', 'к', 'о', 'об', 'от', 'до', 'за', 'при', 'для', 'по', 'з', 'із', 'від', 'про', 'між', 'під', 'над', 'перед', 'через']);
/** Arabic-script role nouns in construct state: the name after them is their possessor (مساعد بوتين). */
const CONSTRUCT_ROLES = new Set(['مساعد', 'مستشار', 'متحدث', 'دستیار', 'مشاور', 'سخنگوی', 'نماینده', 'فرستاده'].map(fold));
const CUE_WORDS: ReadonlySet<string> = new Set(CUES.filter((c) => c.words.length === 1 && !c.words[0]!.endsWith('*')).map((c) => c.words[0]!));
/** One-word cues given as stems (заявил*, сказав): the verb after a role (Помощник Путина заявил) is not its complement. */
const STEM_CUES: readonly string[] = CUES.filter((c) => c.words.length === 1 && c.words[0]!.endsWith('*')).map((c) => c.words[0]!);
const BARE_FOLLOWERS = new Set(['نیز', 'هم', 'همچنین', 'أيضا', 'أيضًا', 'كذلك', 'также', 'тоже', 'теж', 'також', 'бھی', 'بھی', 'روز', 'در', 'به', 'با', 'که', 'کہ', 'в', 'у', 'на', 'و', 'ने', 'يوم', 'في', 'اليوم', 'امروز', 'دیروز'].map(fold));
/** An Arabic relative adjective (الروسي، الأمريكية): it says where the role is from, not which role. */
const NISBA = /^ال\p{L}+(ی|یه|یة)$/u;
/** Prepositions a reporting verb governs (أشار إلى، أكد على، أعرب عن): they end the role, not describe it. */
const VERB_PREPOSITIONS = new Set(['إلى', 'الى', 'على', 'عن'].map(fold));
const EN_DETERMINERS = new Set(['the', 'this', 'that']);

/** Two capitalized Cyrillic words, not acronyms: a first name and a surname (Президент Володимир Зеленський). */
function cyrillicName(tokens: readonly Token[], i: number): boolean {
  const a = tokens[i];
  const b = tokens[i + 1];
  const name = (t: Token | undefined): boolean => t !== undefined && t.word && /^\p{Script=Cyrillic}/u.test(t.text) && isCapitalized(t.text) && !/^\p{Lu}{2,}$/u.test(t.text);
  return name(a) && name(b);
}

function roleAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.word) return false;
  for (const r of ROLES) if (wordMatches(r, t.folded)) return true;
  const bare = withoutClitic(t.folded);
  return bare !== undefined && ROLES.has(bare);
}

function metonymAt(tokens: readonly Token[], i: number): { length: number; party: readonly string[] } | null {
  for (const group of METONYMS) {
    for (const name of group.names) {
      const words = name.split(' ');
      let ok = true;
      for (let k = 0; k < words.length; k++) {
        const tok = tokens[i + k];
        if (tok === undefined || !tok.word) {
          ok = false;
          break;
        }
        const bare = k === 0 ? withoutClitic(tok.folded) : undefined;
        if (!wordMatches(words[k]!, tok.folded) && (bare === undefined || !wordMatches(words[k]!, bare))) ok = false;
      }
      if (ok) return { length: words.length, party: group.party };
    }
  }
  return null;
}

function pronounAt(tokens: readonly Token[], i: number): number {
  for (const p of PRONOUNS) {
    if (p.words.every((w, k) => tokens[i + k]?.folded === w)) return p.words.length;
  }
  return 0;
}

/** Words capitalized mid-sentence somewhere in the text: names, even when they open a sentence. */
export function capitalizedWords(tokensByParagraph: readonly (readonly Token[])[]): Set<string> {
  const set = new Set<string>();
  for (const tokens of tokensByParagraph) {
    tokens.forEach((t, i) => {
      const prev = tokens[i - 1];
      if (t.word && isCapitalized(t.text) && prev !== undefined && !/^[.!?:;"“”«»—–-]$/u.test(prev.text)) set.add(t.folded);
    });
  }
  return set;
}

function sentenceInitial(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev === undefined || /^[.!?:;"“”«»—–\-‘’']$/u.test(prev.text);
}

export function findMentions(tokens: readonly Token[], people: PeopleIndex, capitalized: ReadonlySet<string>, inQuote: (i: number) => boolean, headline = false): Mention[] {
  const out: Mention[] = [];
  const text = (s: number, e: number): string => tokens.slice(s, e).map((t) => t.text).join(' ');
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!tok.word || inQuote(i)) continue;
    const name = people.matchAt(tokens, i);
    if (name !== null) {
      out.push(personMention(tokens, i, i + name.length, name.entity, name.possessive, !name.exact));
      i += name.length - 1;
      continue;
    }
    const met = metonymAt(tokens, i);
    if (met !== null) {
      out.push({ kind: 'metonym', start: i, end: i + met.length, text: text(i, i + met.length), entity: null, party: met.party, modifier: false, oblique: false, agent: tokens[i + met.length]?.folded === ERGATIVE });
      i += met.length - 1;
      continue;
    }
    let pro = pronounAt(tokens, i);
    // Urdu "ان کا کہنا": the pronoun is ان; کا belongs to the cue.
    if (pro === 2 && UR_POSSESSIVE.has(tokens[i + 1]!.folded)) pro = 1;
    if (pro > 0) {
      out.push({ kind: 'pronoun', start: i, end: i + pro, text: text(i, i + pro), entity: null, party: null, modifier: false, oblique: false, agent: true });
      i += pro - 1;
      continue;
    }
    if (roleAt(tokens, i)) {
      const latin = /\p{Script=Latin}/u.test(tok.text);
      let s = i;
      if (latin) {
        // "the official", "the Kremlin aide": back to the determiner, or it is not anaphoric.
        while (s > 0 && tokens[s - 1]!.word && !EN_DETERMINERS.has(tokens[s - 1]!.folded) && s > i - 3 && !NOT_NAMES.has(tokens[s - 1]!.folded)) s--;
        if (s === 0 || !EN_DETERMINERS.has(tokens[s - 1]!.folded)) continue;
        s--;
      }
      // Outside English a role with a complement (سخنگوی وزارت خارجه, речник МЗС, مصدر دبلوماسي)
      // describes someone new; a bare one (اہلکار نے, министр отметил) points back.
      let e = i + 1;
      if (!latin) {
        while (e < tokens.length && e - i <= 2 && tokens[e]!.word && !inQuote(e) && !BARE_FOLLOWERS.has(tokens[e]!.folded) && !NOT_NAMES.has(tokens[e]!.folded) && !CUE_WORDS.has(tokens[e]!.folded) && !CUE_WORDS.has(withoutClitic(tokens[e]!.folded) ?? '') && tokens[e]!.folded !== ERGATIVE && !roleAt(tokens, e) && people.matchAt(tokens, e) === null && metonymAt(tokens, e) === null && !cyrillicName(tokens, e) && !COMPLEMENTIZERS.has(tokens[e]!.folded) && !VERB_PREPOSITIONS.has(tokens[e]!.folded) && !STEM_CUES.some((w) => wordMatches(w, tokens[e]!.folded))) e++;
      }
      // "المسؤول الروسي" (the Russian official) points back like the bare role; a nationality adjective is no description.
      const described = tokens.slice(i + 1, e).some((t) => !NISBA.test(t.folded));
      out.push({ kind: 'role', start: s, end: e, text: text(s, e), entity: null, party: null, modifier: false, oblique: false, agent: tokens[e]?.folded === ERGATIVE, described });
      i = e - 1;
      continue;
    }
    if (/[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(tok.text) && isCapitalized(tok.text)) {
      let e = i;
      while (e < tokens.length && tokens[e]!.word && isCapitalized(tokens[e]!.text) && !inQuote(e) && e - i < 5) e++;
      let s = i;
      // Titles, grammar words and acronyms (МИД, UN) open the chain but are not the name.
      while (s < e && (TITLES.has(tokens[s]!.folded) || NOT_NAMES.has(tokens[s]!.folded) || (/^\p{Lu}{2,}$/u.test(tokens[s]!.text) && e - s > 1))) s++;
      // A long capitalized run is an office and a name (Керівник Офісу Президента Андрій Єрмак): keep the name.
      if (e - s > 3) s = e - 2;
      // After a role, a first capital in the genitive is the role's complement
      // (пресс-секретаря Путина Дмитрия Пескова, помічник Зеленського Андрій Єрмак).
      if (e - s === 3 && s === i && i > 0 && roleAt(tokens, i - 1) && /\p{Script=Cyrillic}/u.test(tok.text)) s = e - 2;
      const words = tokens.slice(s, e).map((t) => t.text.replace(/['’]s$/u, ''));
      const first = tokens[s];
      // A lone capital letter is a platform or a variable ("wrote on X"), not a person.
      // A capitalized word opening a sentence is a name when it is one elsewhere, or when it says something ("Trump posted").
      const initialOnly = s === i && sentenceInitial(tokens, i) && !capitalized.has(tokens[i]!.folded) && !headline && !CUE_WORDS.has(tokens[e]?.folded ?? '') && !(i === 0 && tokens[e]?.text === ':');
      if (first === undefined || words.length === 0 || NOT_NAMES.has(first.folded) || (words.length === 1 && initialOnly) || /^\p{Lu}{2,}$/u.test(words[0]!) && words.length === 1 || (words.length === 1 && /^\p{L}$/u.test(words[0]!))) {
        i = Math.max(i, e - 1);
        continue;
      }
      const entity = people.addFromText(words);
      out.push(personMention(tokens, s, e, entity, /['’]s$/u.test(tokens[e - 1]!.text), false));
      i = e - 1;
    }
  }
  // A role next to a name is that name's apposition ("Yuri Ushakov, the Kremlin aide"); the
  // person keeps the role word, so "the spokesman" later finds them.
  // A capital right after a role word is its complement (سخنگوی وزارت خارجه روسیه,
  // представитель МИД России), not a speaker in its own right.
  const roles = out.filter((m) => m.kind === 'role');
  const complement = (m: Mention): boolean =>
    roles.some((r) => r.end <= m.start && m.start - r.end <= 2 && tokens.slice(r.end, m.start).every((t) => t.word));
  return out.map((m) => (m.kind === 'metonym' && !m.modifier && complement(m) ? { ...m, modifier: true } : m)).filter((m) => {
    if (m.kind !== 'role') return true;
    const named = out.find((n) => n.kind === 'person' && !n.modifier && (Math.abs(n.start - m.start) <= 3 || (n.start >= m.end && n.start - m.end <= 2) || (n.end <= m.start && m.start - n.end <= 2)));
    if (named === undefined) return true;
    named.entity?.roles.add(tokens[m.end - 1]!.folded);
    return false;
  });
}

function personMention(tokens: readonly Token[], start: number, end: number, entity: Entity, possessive: boolean, oblique: boolean): Mention {
  // "Kremlin spokesman Dmitry Peskov", "Peskov, the Kremlin spokesman": remember the role.
  for (let k = Math.max(0, start - 3); k < Math.min(tokens.length, end + 4); k++) {
    if ((k < start || k >= end) && roleAt(tokens, k)) entity.roles.add(tokens[k]!.folded);
  }
  const next = tokens[end]?.folded;
  const after = tokens[end + 1]?.folded;
  let before = start - 1;
  while (before >= 0 && TITLES.has(tokens[before]!.folded)) before--;
  const prev = before >= 0 ? tokens[before]!.folded : undefined;
  let modifier = possessive;
  if (next !== undefined && UR_POSSESSIVE.has(next) && !(after !== undefined && UR_SPEECH_NOUN.has(after))) modifier = true;
  if (next !== undefined && UR_OBJECT.has(next)) modifier = true;
  if (prev !== undefined && EN_MODIFIER_BEFORE.has(prev)) modifier = true;
  if (prev !== undefined && CONSTRUCT_ROLES.has(withoutClitic(prev) ?? prev)) modifier = true;
  return {
    kind: 'person',
    start,
    end,
    text: tokens.slice(start, end).map((t) => t.text).join(' ').replace(/['’]s$/u, ''),
    entity,
    party: null,
    modifier,
    oblique,
    agent: next === ERGATIVE,
  };
}
