/**
 * Names in scripts without capitals (Urdu, Arabic, Persian) that nobody listed: found by
 * where the grammar puts a speaker. Urdu: the word or two before the ergative نے or before
 * "کا کہنا" / "کے مطابق" (اوشاکوف نے کہا). Arabic: the words after a reporting verb, past
 * the roles and definite nouns that introduce the name (وقال المتحدث باسم الكرملين دميتري
 * بيسكوف إن → دميتري بيسكوف). Persian: the first words of the clause before the verb
 * (پسکوف روز سه‌شنبه گفت). Each name found is added to the index so later mentions of it
 * (and of its last word) resolve to the same person.
 */
import { fold } from './fold.ts';
import type { CueHit } from './cues.ts';
import { COMPLEMENTIZERS, METONYMS, PRONOUNS, ROLES, withoutClitic, wordMatches } from './lexicon.ts';
import type { PeopleIndex } from './people.ts';
import type { Token } from './tokens.ts';

const UR_STOP = new Set(['نے', 'کے', 'کی', 'کا', 'کو', 'سے', 'پر', 'میں', 'تک', 'اور', 'بھی', 'کہ', 'یہ', 'وہ', 'نہیں', 'ہے', 'ہیں', 'تھا', 'تھے', 'تھی', 'گیا', 'کیا', 'کر', 'جو', 'جس', 'اس', 'ان', 'ایک', 'صدر', 'حکومت', 'وزارت', 'فوج', 'پولیس', 'عدالت', 'ملک', 'دفتر', 'روز', 'دن', 'بعد', 'پہلے', 'سینئر', 'خصوصی', 'امریکی', 'روسی', 'یوکرینی', 'یورپی', 'لیکن', 'تاہم', 'جبکہ', 'حالانکہ', 'مزید', 'صرف', 'ہی', 'بدھ', 'منگل', 'پیر', 'جمعرات', 'جمعہ', 'ہفتہ', 'اتوار'].map(fold));
const AR_STOP = new Set(['في', 'من', 'على', 'إلى', 'الى', 'عن', 'مع', 'باسم', 'لـ', 'خلال', 'يوم', 'اليوم', 'أمس', 'مساء', 'صباح', 'بعد', 'قبل', 'أيضا', 'أيضًا', 'كذلك', 'للصحفيين', 'للصحافيين', 'لوكالة', 'لقناة', 'لصحيفة', 'في', 'وزير', 'رئيس', 'نائب', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد', 'الاثنين', 'إنه', 'إن', 'أن', 'ان'].map(fold));
const FA_STOP = new Set(['روز', 'در', 'به', 'با', 'که', 'این', 'آن', 'نیز', 'هم', 'امروز', 'دیروز', 'اما', 'همچنین', 'از', 'را', 'و', 'برای', 'پس', 'سپس', 'وزیر', 'رئیس', 'جمهور', 'خبرنگاران', 'شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'روسیه', 'آمریکا', 'اوکراین', 'گفت', 'افزود'].map(fold));
const ERGATIVE = fold('نے');
const UR_SPEECH = [['کا', 'کہنا'], ['کے', 'مطابق'], ['کے', 'بقول']].map((p) => p.map(fold));

function plain(t: Token | undefined, stop: ReadonlySet<string>): boolean {
  if (t === undefined || !t.word) return false;
  const f = t.folded;
  if (!/\p{Script=Arabic}/u.test(f) || f.length < 2 || stop.has(f) || COMPLEMENTIZERS.has(f)) return false;
  for (const r of ROLES) if (wordMatches(r, f)) return false;
  if (PRONOUNS.some((p) => p.words[0] === f)) return false;
  if (METONYMS.some((g) => g.names.some((n) => wordMatches(n, f) || wordMatches(n, withoutClitic(f) ?? '')))) return false;
  return true;
}

const FA_PREPOSITIONS = new Set(['در', 'از', 'با', 'به', 'پس', 'بر'].map(fold));

/**
 * The clause's subject comes after a dateline ("مسکو -") and after an adverbial opener
 * set off by a comma ("در همین حال،", "از سوی دیگر،", "با این حال،").
 */
function pastOpener(tokens: readonly Token[], k: number, end: number): number {
  if (k < 0) return k;
  const dash = tokens.findIndex((t, j) => j >= k && j < Math.min(end, k + 3) && /^[-–—]$/u.test(t.text));
  if (dash >= 0) k = dash + 1;
  if (tokens[k]?.word === true && FA_PREPOSITIONS.has(tokens[k]!.folded)) {
    const comma = tokens.findIndex((t, j) => j > k && j < Math.min(end, k + 5) && /^[،,]$/u.test(t.text));
    if (comma >= 0) k = comma + 1;
  }
  return k;
}

export function learnUnknownNames(tokens: readonly Token[], cues: readonly CueHit[], people: PeopleIndex, sentenceStarts: readonly number[]): void {
  const add = (from: number, to: number): void => {
    if (to <= from) return;
    people.addFromText(tokens.slice(from, to).map((t) => t.text));
  };
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const urSpeech = UR_SPEECH.some((p) => p.every((w, k) => tokens[i + k]?.folded === w));
    if (t.folded === ERGATIVE || urSpeech) {
      if (!plain(tokens[i - 1], UR_STOP)) continue;
      const from = plain(tokens[i - 2], UR_STOP) && people.matchAt(tokens, i - 1) === null ? i - 2 : i - 1;
      if (people.matchAt(tokens, from) === null) add(from, i);
    }
  }
  for (const cue of cues) {
    if (cue.entry.lang === 'ar' && (cue.entry.side === 'before' || cue.fronted)) {
      // "عن المتحدث باسم الكرملين دميتري بيسكوف قوله": the name ends right before the cue.
      let k = cue.start - 1;
      while (k >= 0 && plain(tokens[k], AR_STOP) && !tokens[k]!.folded.startsWith('ال') && cue.start - k <= 3) k--;
      if (k + 1 < cue.start && people.matchAt(tokens, k + 1) === null) add(k + 1, cue.start);
      continue;
    }
    if (cue.entry.lang === 'ar') {
      // Past roles and definite nouns to the name, which ends before إن / a comma / a stop word.
      let k = cue.end;
      let run: [number, number] | null = null;
      for (; k < Math.min(tokens.length, cue.end + 8); k++) {
        const t = tokens[k]!;
        if (!t.word || COMPLEMENTIZERS.has(t.folded) || COMPLEMENTIZERS.has(withoutClitic(t.folded) ?? '')) break;
        const isName = plain(t, AR_STOP) && !t.folded.startsWith('ال') && !t.folded.startsWith('لل');
        if (isName) run = run === null || run[1] !== k ? [k, k + 1] : [run[0], k + 1];
        else if (run !== null) break;
      }
      if (run !== null && run[1] - run[0] <= 3 && people.matchAt(tokens, run[0]) === null) add(run[0], run[1]);
    }
    if (cue.entry.lang === 'fa' && cue.entry.kind === 'verb') {
      const start = sentenceStarts.filter((s) => s <= tokens[cue.start]!.start).at(-1) ?? 0;
      let k = tokens.findIndex((t) => t.start >= start);
      k = pastOpener(tokens, k, cue.start);
      while (k >= 0 && k < cue.start && tokens[k]!.word && FA_STOP.has(tokens[k]!.folded)) k++;
      if (k < 0 || k >= cue.start || !plain(tokens[k], FA_STOP)) continue;
      const to = plain(tokens[k + 1], FA_STOP) && k + 1 < cue.start ? k + 2 : k + 1;
      if (people.matchAt(tokens, k) === null) add(k, to);
    }
    if (cue.entry.lang === 'fa' && cue.entry.kind === 'according') {
      const k = cue.end;
      if (!plain(tokens[k], FA_STOP)) continue;
      const to = plain(tokens[k + 1], FA_STOP) ? k + 2 : k + 1;
      if (people.matchAt(tokens, k) === null) add(k, to);
    }
  }
}
