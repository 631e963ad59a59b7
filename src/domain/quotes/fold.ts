/**
 * Folding words so the same name or verb compares equal however it was typed: NFC, lower
 * case, Arabic-script letter variants (Arabic ي ك ه ى against Urdu/Persian ی ک ہ), hamza
 * seats, short vowels and tatweel, the Persian half-space, Cyrillic ё, Latin diacritics.
 * Used for matching only; output always keeps the text as written.
 */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;
const LETTER_VARIANTS: Readonly<Record<string, string>> = {
  'ي': 'ی', 'ى': 'ی', 'ئ': 'ی', 'ې': 'ی', 'ۍ': 'ی', 'ے': 'ی',
  'ك': 'ک', 'ڪ': 'ک',
  'ہ': 'ه', 'ۀ': 'ه', 'ة': 'ه', 'ۃ': 'ه', 'ە': 'ه',
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
  'ؤ': 'و',
  'ё': 'е', 'ґ': 'г',
  '’': "'", 'ʼ': "'", '‘': "'",
};

export function fold(word: string): string {
  let s = word.normalize('NFC').toLowerCase().replace(ARABIC_MARKS, '').replace(/\u200C|\u200D|\u200E|\u200F/gu, '');
  let out = '';
  for (const ch of s) out += LETTER_VARIANTS[ch] ?? ch;
  s = out;
  // Latin diacritics only: NFD would also take apart Cyrillic й and Arabic-script letters.
  if (/[\u00C0-\u024F]/u.test(s)) s = s.normalize('NFD').replace(/[\u0300-\u036F]/gu, '').normalize('NFC');
  return s;
}

export type Script = 'arabic' | 'cyrillic' | 'latin' | 'han' | 'other';

export function scriptOf(text: string): Script {
  const counts = { arabic: 0, cyrillic: 0, latin: 0, han: 0 };
  for (const ch of text) {
    if (/\p{Script=Arabic}/u.test(ch)) counts.arabic++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) counts.cyrillic++;
    else if (/\p{Script=Latin}/u.test(ch)) counts.latin++;
    else if (/\p{Script=Han}/u.test(ch)) counts.han++;
  }
  let best: Script = 'other';
  let max = 0;
  for (const [k, v] of Object.entries(counts)) {
    if (v > max) {
      max = v;
      best = k as Script;
    }
  }
  return best;
}

/** Latin and Cyrillic write names with a capital; Arabic script and Han do not. */
export function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}
