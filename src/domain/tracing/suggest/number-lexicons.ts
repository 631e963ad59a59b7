/**
 * Number words per language, so that "ten (10)" is only swapped when the words really say the
 * number in brackets. Without this check "Article 5 (Definitions)" or "one hundred (100)" (read
 * as "hundred (100)") would be offered, which no drafter could approve.
 *
 * Each word has a value, and some are scales (hundred, thousand): the words of a numeral are
 * read left to right, adding values and multiplying by scales, and the result must equal the
 * figure. A misspelt or unusual numeral simply gets no suggestion. Written forms are compared
 * after `foldWord` (lower case, one apostrophe, the Arabic-script letters that vary between
 * Arabic, Persian and Urdu keyboards written one way, short vowels dropped).
 */

export interface NumberWord {
  value: number;
  /** Multiplies what came before it (one hundred, two thousand) instead of adding. */
  scale?: boolean;
  /** Counts only right before a scale: "a hundred", not "a" alone. */
  onlyBeforeScale?: boolean;
}

export interface NumberLexicon {
  words: ReadonlyMap<string, NumberWord>;
  /** Words that join the parts of one numeral ("one hundred and five", "بیست و پنج"). */
  joiners: ReadonlySet<string>;
  /** A conjunction written onto the next word ("وعشرين"): dropped when what is left is a number word. */
  prefixJoiner?: string;
}

/** The form a word is looked up in. */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[’ʼ`]/gu, "'")
    .replace(/[\u064B-\u0652\u0670\u0640]/gu, '') // Arabic short vowels, dagger alif, tatweel
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/[يى]/gu, 'ی')
    .replace(/ك/gu, 'ک')
    .replace(/[ةہە]/gu, 'ه');
}

type Table = readonly (readonly [number, ...string[]])[];

function lexicon(values: Table, scales: Table, joiners: readonly string[] = [], extra: Partial<NumberLexicon> = {}): NumberLexicon {
  const words = new Map<string, NumberWord>();
  for (const [value, ...forms] of values) for (const f of forms) words.set(foldWord(f), { value });
  for (const [value, ...forms] of scales) for (const f of forms) words.set(foldWord(f), { value, scale: true });
  return { words, joiners: new Set(joiners.map(foldWord)), ...extra };
}

/** Russian and Ukrainian numerals ending in -ь decline as -и (genitive) and -ью (instrumental). */
function softForms(...bases: string[]): string[] {
  return bases.flatMap((b) => [b, `${b.slice(0, -1)}и`, `${b}ю`]);
}

const en = lexicon(
  [
    [0, 'zero'], [1, 'one'], [2, 'two'], [3, 'three'], [4, 'four'], [5, 'five'], [6, 'six'], [7, 'seven'], [8, 'eight'], [9, 'nine'],
    [10, 'ten'], [11, 'eleven'], [12, 'twelve'], [13, 'thirteen'], [14, 'fourteen'], [15, 'fifteen'], [16, 'sixteen'],
    [17, 'seventeen'], [18, 'eighteen'], [19, 'nineteen'], [20, 'twenty'], [30, 'thirty'], [40, 'forty'], [50, 'fifty'],
    [60, 'sixty'], [70, 'seventy'], [80, 'eighty'], [90, 'ninety'],
  ],
  [[100, 'hundred'], [1000, 'thousand'], [1e6, 'million'], [1e9, 'billion']],
  ['and'],
);
(en.words as Map<string, NumberWord>).set('a', { value: 1, onlyBeforeScale: true });

const ru = lexicon(
  [
    [1, 'один', 'одна', 'одно', 'одного', 'одной', 'одному', 'одним', 'одном', 'одну', 'одни', 'одних'],
    [2, 'два', 'две', 'двух', 'двум', 'двумя'],
    [3, 'три', 'трёх', 'трех', 'трём', 'трем', 'тремя'],
    [4, 'четыре', 'четырёх', 'четырех', 'четырём', 'четырем', 'четырьмя'],
    [5, ...softForms('пять')], [6, ...softForms('шесть')], [7, ...softForms('семь')], [8, 'восемь', 'восьми', 'восемью', 'восьмью'],
    [9, ...softForms('девять')], [10, ...softForms('десять')], [11, ...softForms('одиннадцать')], [12, ...softForms('двенадцать')],
    [13, ...softForms('тринадцать')], [14, ...softForms('четырнадцать')], [15, ...softForms('пятнадцать')],
    [16, ...softForms('шестнадцать')], [17, ...softForms('семнадцать')], [18, ...softForms('восемнадцать')],
    [19, ...softForms('девятнадцать')], [20, ...softForms('двадцать')], [30, ...softForms('тридцать')], [40, 'сорок', 'сорока'],
    [50, 'пятьдесят', 'пятидесяти', 'пятьюдесятью'], [60, 'шестьдесят', 'шестидесяти', 'шестьюдесятью'],
    [70, 'семьдесят', 'семидесяти', 'семьюдесятью'], [80, 'восемьдесят', 'восьмидесяти', 'восемьюдесятью'],
    [90, 'девяносто', 'девяноста'], [100, 'сто', 'ста'], [200, 'двести', 'двухсот', 'двумстам', 'двумястами', 'двухстах'],
    [300, 'триста', 'трёхсот', 'трехсот', 'трёмстам', 'тремстам'], [400, 'четыреста', 'четырёхсот', 'четырехсот'],
    [500, 'пятьсот', 'пятисот'], [600, 'шестьсот', 'шестисот'], [700, 'семьсот', 'семисот'], [800, 'восемьсот', 'восьмисот'],
    [900, 'девятьсот', 'девятисот'],
  ],
  [
    [1000, 'тысяча', 'тысячи', 'тысяч', 'тысячу', 'тысячей', 'тысячам', 'тысячами', 'тысячах'],
    [1e6, 'миллион', 'миллиона', 'миллионов', 'миллиону', 'миллионом', 'миллионах'],
  ],
);

const uk = lexicon(
  [
    [1, 'один', 'одна', 'одне', 'одно', 'одного', 'одної', 'одному', 'одній', 'одним', 'одну'],
    [2, 'два', 'дві', 'двох', 'двом', 'двома'], [3, 'три', 'трьох', 'трьом', 'трьома'],
    [4, 'чотири', 'чотирьох', 'чотирьом', 'чотирма'], [5, "п'ять", "п'яти", "п'ятьох", "п'ятьма"], [6, 'шість', 'шести', 'шістьох'],
    [7, 'сім', 'семи', 'сімох'], [8, 'вісім', 'восьми', 'вісьмох'], [9, "дев'ять", "дев'яти"], [10, 'десять', 'десяти', 'десятьох'],
    [11, 'одинадцять', 'одинадцяти'], [12, 'дванадцять', 'дванадцяти'], [13, 'тринадцять', 'тринадцяти'],
    [14, 'чотирнадцять', 'чотирнадцяти'], [15, "п'ятнадцять", "п'ятнадцяти"], [16, 'шістнадцять', 'шістнадцяти'],
    [17, 'сімнадцять', 'сімнадцяти'], [18, 'вісімнадцять', 'вісімнадцяти'], [19, "дев'ятнадцять", "дев'ятнадцяти"],
    [20, 'двадцять', 'двадцяти'], [30, 'тридцять', 'тридцяти'], [40, 'сорок', 'сорока'], [50, "п'ятдесят", "п'ятдесяти"],
    [60, 'шістдесят', 'шістдесяти'], [70, 'сімдесят', 'сімдесяти'], [80, 'вісімдесят', 'вісімдесяти'],
    [90, "дев'яносто", "дев'яноста"], [100, 'сто', 'ста'], [200, 'двісті', 'двохсот'], [300, 'триста', 'трьохсот'],
    [400, 'чотириста', 'чотирьохсот'], [500, "п'ятсот", "п'ятисот"], [600, 'шістсот', 'шестисот'], [700, 'сімсот', 'семисот'],
    [800, 'вісімсот', 'восьмисот'], [900, "дев'ятсот", "дев'ятисот"],
  ],
  [[1000, 'тисяча', 'тисячі', 'тисяч', 'тисячу', 'тисячею'], [1e6, 'мільйон', 'мільйона', 'мільйонів']],
);

const fr = lexicon(
  [
    [0, 'zéro'], [1, 'un', 'une'], [2, 'deux'], [3, 'trois'], [4, 'quatre'], [5, 'cinq'], [6, 'six'], [7, 'sept'], [8, 'huit'],
    [9, 'neuf'], [10, 'dix'], [11, 'onze'], [12, 'douze'], [13, 'treize'], [14, 'quatorze'], [15, 'quinze'], [16, 'seize'],
    [20, 'vingt'], [30, 'trente'], [40, 'quarante'], [50, 'cinquante'], [60, 'soixante'],
  ],
  // "quatre-vingts" (4 × 20) is not additive: it reads as 24 here, matches no figure, and gets no suggestion.
  [[100, 'cent', 'cents'], [1000, 'mille'], [1e6, 'million', 'millions']],
  ['et'],
);

/** Arabic: the masculine and feminine, nominative and oblique forms; و ("and") is written onto the next word. */
const ar = lexicon(
  [
    [0, 'صفر'], [1, 'واحد', 'واحدة', 'أحد', 'إحدى'], [2, 'اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'اثنا', 'اثني', 'اثنتا', 'اثنتي'],
    [3, 'ثلاثة', 'ثلاث'], [4, 'أربعة', 'أربع'], [5, 'خمسة', 'خمس'], [6, 'ستة', 'ست'], [7, 'سبعة', 'سبع'], [8, 'ثمانية', 'ثماني', 'ثمان'],
    [9, 'تسعة', 'تسع'], [10, 'عشرة', 'عشر'], [20, 'عشرون', 'عشرين'], [30, 'ثلاثون', 'ثلاثين'], [40, 'أربعون', 'أربعين'],
    [50, 'خمسون', 'خمسين'], [60, 'ستون', 'ستين'], [70, 'سبعون', 'سبعين'], [80, 'ثمانون', 'ثمانين'], [90, 'تسعون', 'تسعين'],
    [200, 'مائتان', 'مائتين', 'مئتان', 'مئتين', 'مائتا', 'مئتا'], [300, 'ثلاثمائة', 'ثلاثمئة'], [400, 'أربعمائة', 'أربعمئة'],
    [500, 'خمسمائة', 'خمسمئة'], [600, 'ستمائة', 'ستمئة'], [700, 'سبعمائة', 'سبعمئة'], [800, 'ثمانمائة', 'ثمانمئة', 'ثمانيمائة'],
    [900, 'تسعمائة', 'تسعمئة'], [2000, 'ألفان', 'ألفين'],
  ],
  [[100, 'مائة', 'مئة'], [1000, 'ألف', 'آلاف'], [1e6, 'مليون', 'ملايين']],
  [],
  { prefixJoiner: 'و' },
);

const fa = lexicon(
  [
    [0, 'صفر'], [1, 'یک'], [2, 'دو'], [3, 'سه'], [4, 'چهار'], [5, 'پنج'], [6, 'شش'], [7, 'هفت'], [8, 'هشت'], [9, 'نه'], [10, 'ده'],
    [11, 'یازده'], [12, 'دوازده'], [13, 'سیزده'], [14, 'چهارده'], [15, 'پانزده'], [16, 'شانزده'], [17, 'هفده'], [18, 'هجده', 'هیجده'],
    [19, 'نوزده'], [20, 'بیست'], [30, 'سی'], [40, 'چهل'], [50, 'پنجاه'], [60, 'شصت'], [70, 'هفتاد'], [80, 'هشتاد'], [90, 'نود'],
    [100, 'یکصد'], [200, 'دویست'], [300, 'سیصد'], [400, 'چهارصد'], [500, 'پانصد'], [600, 'ششصد'], [700, 'هفتصد'], [800, 'هشتصد'],
    [900, 'نهصد'],
  ],
  [[100, 'صد'], [1000, 'هزار'], [1e6, 'میلیون'], [1e9, 'میلیارد']],
  ['و'],
);

/** Urdu writes every number up to 99 as its own word; the round ones and 21–29 are here, others get no suggestion. */
const ur = lexicon(
  [
    [1, 'ایک'], [2, 'دو'], [3, 'تین'], [4, 'چار'], [5, 'پانچ'], [6, 'چھ', 'چھے'], [7, 'سات'], [8, 'آٹھ'], [9, 'نو'], [10, 'دس'],
    [11, 'گیارہ'], [12, 'بارہ'], [13, 'تیرہ'], [14, 'چودہ'], [15, 'پندرہ'], [16, 'سولہ'], [17, 'سترہ'], [18, 'اٹھارہ'], [19, 'انیس'],
    [20, 'بیس'], [21, 'اکیس'], [22, 'بائیس'], [23, 'تئیس'], [24, 'چوبیس'], [25, 'پچیس'], [26, 'چھبیس'], [27, 'ستائیس'],
    [28, 'اٹھائیس'], [29, 'انتیس'], [30, 'تیس'], [40, 'چالیس'], [50, 'پچاس'], [60, 'ساٹھ'], [70, 'ستر'], [80, 'اسی'], [90, 'نوے'],
  ],
  [[100, 'سو'], [1000, 'ہزار'], [1e5, 'لاکھ'], [1e7, 'کروڑ']],
);

const BY_LANGUAGE: Readonly<Record<string, NumberLexicon>> = { en, ru, uk, fr, ar, fa, ur };

/**
 * For a language without its own list, every list at once: a word followed by a figure it
 * spells in some listed language is a numeral whatever the text's language.
 */
const ALL: NumberLexicon = (() => {
  const words = new Map<string, NumberWord>();
  const clash = new Set<string>();
  for (const lex of Object.values(BY_LANGUAGE)) {
    for (const [w, v] of lex.words) {
      const had = words.get(w);
      if (had && (had.value !== v.value || had.scale !== v.scale)) clash.add(w);
      else words.set(w, v);
    }
  }
  // A form that means different numbers in two languages is no evidence of either.
  for (const w of clash) words.delete(w);
  const joiners = new Set(Object.values(BY_LANGUAGE).flatMap((l) => [...l.joiners]));
  return { words, joiners, prefixJoiner: 'و' };
})();

export function numberLexicon(lang: string): NumberLexicon {
  return BY_LANGUAGE[lang] ?? ALL;
}

/** The word as a number word of the lexicon (a joiner written onto it dropped), or null. */
export function lookUp(lex: NumberLexicon, word: string): NumberWord | null {
  const f = foldWord(word);
  const direct = lex.words.get(f);
  if (direct) return direct;
  if (lex.prefixJoiner && f.startsWith(lex.prefixJoiner)) return lex.words.get(f.slice(lex.prefixJoiner.length)) ?? null;
  return null;
}

/**
 * The value of a numeral given as its words in order, or NaN when they do not form one.
 * Scales of a thousand and up close a group ("two thousand five hundred" = 2 × 1000 + 5 × 100).
 */
export function numeralValue(words: readonly NumberWord[]): number {
  let total = 0;
  let group = 0;
  let seen = false;
  for (const [i, w] of words.entries()) {
    if (w.onlyBeforeScale) {
      if (!words[i + 1]?.scale) return NaN;
      group += w.value;
    } else if (w.scale) {
      group = (group === 0 ? 1 : group) * w.value;
      if (w.value >= 1000) { total += group; group = 0; }
    } else group += w.value;
    seen = true;
  }
  return seen ? total + group : NaN;
}
