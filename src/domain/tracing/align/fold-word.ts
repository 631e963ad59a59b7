/**
 * The key a word is aligned by when a leaked text is matched to its master. Two spellings of
 * one word must get one key, or a retyped leak loses its anchors: compatibility forms (NFKC),
 * case, ё written as е, Arabic-Indic and Extended Arabic-Indic digits typed as ASCII, Arabic
 * diacritics and tatweel left out, and the Arabic letters an Urdu text typed on an Arabic
 * keyboard gets (ي ى for ی, ك for ک). The key only finds where a word came from; what a
 * slot shows is always read from the raw characters.
 */

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640\u200C\u200D]/gu;

/** Arabic-Indic and Extended Arabic-Indic digits as ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/gu, (c) => {
    const u = c.charCodeAt(0);
    return String.fromCharCode(48 + (u >= 0x06f0 ? u - 0x06f0 : u - 0x0660));
  });
}

export function foldWord(word: string, lang: string): string {
  let s = word.normalize('NFKC');
  try {
    s = s.toLocaleLowerCase(lang);
  } catch {
    s = s.toLowerCase(); // a tag the runtime does not know: the root locale's case mapping
  }
  return asciiDigits(s.replace(/ё/gu, 'е'))
    .replace(ARABIC_MARKS, '')
    .replace(/[يى]/gu, 'ی')
    .replace(/ك/gu, 'ک');
}

/** Interns folded words as small integers, so the diff compares Int32Arrays. */
export class WordIds {
  private readonly ids = new Map<string, number>();
  private readonly folded = new Map<string, number>();
  constructor(private readonly lang: string) {}

  id(word: string): number {
    const known = this.folded.get(word);
    if (known !== undefined) return known;
    const key = foldWord(word, this.lang);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    this.folded.set(word, id);
    return id;
  }
}
