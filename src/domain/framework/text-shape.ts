/**
 * Small questions about the shape of a line of text (how many words, how it starts and ends)
 * that the point parser asks in every script it meets. Words are counted with
 * `Intl.Segmenter`, not by splitting on spaces: Chinese has no spaces between words, and
 * Persian and Urdu put zero-width non-joiners inside them.
 */

const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * V8 segments a long string in time quadratic in its length, and a pasted agreement can be
 * one 20 MB line. Segmenting in pieces that end at a space (or, for scripts without spaces,
 * at a hard limit) keeps it linear; a word is cut only in a space-less run over CHUNK chars.
 */
const CHUNK = 1000;

function* chunks(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + CHUNK, text.length);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space + 1;
    }
    yield text.slice(start, end);
    start = end;
  }
}

export function* words(text: string): Generator<string> {
  for (const chunk of chunks(text)) {
    for (const segment of wordSegmenter.segment(chunk)) {
      if (segment.isWordLike === true) yield segment.segment;
    }
  }
}

export function countWords(text: string, limit = Number.POSITIVE_INFINITY): number {
  let n = 0;
  for (const _ of words(text)) {
    n += 1;
    if (n >= limit) return n;
  }
  return n;
}

export function firstWord(text: string): string {
  for (const w of words(text)) return w;
  return '';
}

const FIRST_LETTER = /\p{L}/u;

function firstLetter(text: string): string | undefined {
  return FIRST_LETTER.exec(text)?.[0];
}

/** A letter of a script without case (Arabic, Han, Devanagari…): it never tells us about sentence starts. */
function isUncased(letter: string): boolean {
  return letter.toLowerCase() === letter.toUpperCase();
}

/**
 * Whether text begins the way a sentence, a title or a list item does: an upper-case letter,
 * a letter of a script without case, a digit, or opening punctuation. What fails is a
 * lower-case start, the mark of a line that continues a sentence.
 */
export function startsLikeSentence(text: string): boolean {
  const t = text.trimStart();
  if (/^[\p{Nd}«"“„‘'([¿¡]/u.test(t)) return true;
  const letter = firstLetter(t.slice(0, 4));
  if (letter === undefined) return false;
  return isUncased(letter) || letter !== letter.toLowerCase();
}

export function startsLowercase(text: string): boolean {
  const letter = firstLetter(text.trimStart().slice(0, 4));
  return letter !== undefined && !isUncased(letter) && letter === letter.toLowerCase() && letter !== letter.toUpperCase();
}

/**
 * Sentence-final and clause-final punctuation of the scripts Parley meets: Latin and
 * Cyrillic `.;:!?…`, Arabic `؟ ؛ ،`, Urdu full stop `۔`, CJK `。！？；：`, optionally
 * followed by closing quotes or brackets.
 */
const TERMINAL = /[.;:!?…؟؛۔。！？；：,،](?:[\s"'”’»)\]*_]*)$/u;

export function endsWithTerminal(text: string): boolean {
  return TERMINAL.test(text.trimEnd());
}

const SENTENCE_END = /[.!?…؟۔。！？](?:[\s"'”’»)\]*_]*)$/u;

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

/**
 * An all-capitals line ("SECURITY GUARANTEES", "РАЗДЕЛ ВТОРОЙ") in a cased script, with at
 * least a few letters so that "NATO" or "EU" alone does not count as a heading.
 */
export function isAllCaps(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 4) return false;
  const cased = letters.filter((ch) => !isUncased(ch));
  if (cased.length < letters.length * 0.8) return false;
  return cased.every((ch) => ch === ch.toUpperCase());
}

/** Han, Kana and Hangul: lines in these scripts join without a space. */
export function isCjk(ch: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u.test(ch);
}
