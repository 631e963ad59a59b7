/**
 * The serial (Oxford) comma, English only: "Russia, Ukraine and the OSCE" ↔ "Russia, Ukraine,
 * and the OSCE", with "and" or "or". The slot runs from the comma before the last item through
 * the conjunction (", Ukraine and" ↔ ", Ukraine, and").
 *
 * The comma decides meaning where the list is not a list (an introductory phrase, an
 * appositive: "Upon signature, the Parties and observers"; "Ushakov, an adviser and envoy"),
 * and courts have read contracts by it, so only plain lists are offered:
 * - at least three items, all in one sentence, each between commas at most four words and
 *   with no word that opens a clause (a modal or auxiliary verb, a pronoun, a subordinator);
 * - with three items, not when the first comma of the sentence follows an introductory word
 *   ("Upon", "However", "In", ...), and not when the middle item starts with "a"/"an" and the
 *   first has no such article.
 */
import { tokenize, type Token } from '../../redline/tokenize.ts';
import type { VariantSuggestion } from './types.ts';

const MAX_ITEM_WORDS = 4;
const MAX = 60;

/** Words that make a stretch a clause rather than a list item. */
const CLAUSE_WORDS = new Set([
  'shall', 'will', 'may', 'must', 'should', 'would', 'can', 'could', 'might', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am',
  'has', 'have', 'had', 'do', 'does', 'did', 'not', 'which', 'that', 'who', 'whom', 'whose', 'where', 'when', 'while', 'whereas', 'if',
  'unless', 'although', 'though', 'because', 'since', 'so', 'then', 'thus', 'hereby', 'provided', 'including', 'namely', 'i', 'we',
  'you', 'he', 'she', 'it', 'they', 'there', 'either', 'neither', 'nor', 'both', 'etc',
]);

/** Words after which a sentence's first comma closes an introductory phrase, not a list item. */
const INTRO_WORDS = new Set([
  'upon', 'in', 'on', 'at', 'after', 'before', 'by', 'for', 'from', 'following', 'pursuant', 'subject', 'under', 'with', 'without',
  'within', 'during', 'notwithstanding', 'if', 'when', 'where', 'whereas', 'although', 'though', 'while', 'as', 'since', 'unless',
  'once', 'until', 'to', 'accordingly', 'however', 'therefore', 'moreover', 'furthermore', 'thereafter', 'consequently', 'finally',
  'first', 'firstly', 'second', 'secondly', 'third', 'thirdly', 'further', 'nevertheless', 'nonetheless', 'meanwhile', 'instead',
  'otherwise', 'also', 'additionally', 'likewise', 'similarly', 'hence', 'here', 'today', 'yesterday', 'tomorrow', 'now', 'then', 'thus',
  'indeed', 'specifically', 'in particular', 'besides', 'yes', 'no', 'well', 'again', 'still', 'yet',
]);

/** Punctuation allowed inside an item: "long-standing", "Kyiv’s", "Bosnia & Herzegovina". */
const ITEM_PUNCT = new Set(['-', '‐', '’', "'", '&']);

interface Item { first: number; last: number; words: string[]; closedByComma: boolean }

/** The item ending at token `end`, walking back to a comma or anything an item may not hold. */
function itemEndingAt(tokens: readonly Token[], end: number): Item {
  const words: string[] = [];
  let i = end;
  for (; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.kind === 'word') words.unshift(t.text.toLowerCase());
    else if (t.kind === 'space') { if (/[\n\r]/u.test(t.text)) break; }
    else if (!ITEM_PUNCT.has(t.text)) break;
  }
  let first = i + 1;
  while (first <= end && tokens[first]!.kind === 'space') first++;
  return { first, last: end, words, closedByComma: i >= 0 && tokens[i]!.text === ',' };
}

const isClause = (words: readonly string[]) => words.some((w) => CLAUSE_WORDS.has(w));

/** The index of the token before `i` that is not a space (within a line), or -1. */
function prevSolid(tokens: readonly Token[], i: number): number {
  let k = i - 1;
  while (k >= 0 && tokens[k]!.kind === 'space' && !/[\n\r]/u.test(tokens[k]!.text)) k--;
  return k;
}

/** Is the comma at token `comma` the first of its sentence, right after an introductory word? */
function introductory(tokens: readonly Token[], comma: number): boolean {
  let k = comma - 1;
  let firstWord: string | null = null;
  for (; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.text === ',') return false;
    if (/[.!?;:\n]/u.test(t.text)) break;
    if (t.kind === 'word') firstWord = t.text.toLowerCase();
  }
  return firstWord !== null && INTRO_WORDS.has(firstWord);
}

export function serialCommaVariants(text: string, lang: string): VariantSuggestion[] {
  if (lang !== 'en') return [];
  const tokens = tokenize(text, 'en');
  const out: VariantSuggestion[] = [];
  tokens.forEach((conj, k) => {
    const word = conj.text;
    if (conj.kind !== 'word' || (word !== 'and' && word !== 'or')) return;
    // "and/or", "or/and": not a list's conjunction.
    if (tokens[k + 1]?.text === '/' || tokens[k - 1]?.text === '/') return;
    // Something must follow the conjunction, and it must not open a clause.
    const next = tokens[k + 1]?.kind === 'space' && !/[\n\r]/u.test(tokens[k + 1]!.text) ? tokens[k + 2] : undefined;
    if (next?.kind !== 'word' || CLAUSE_WORDS.has(next.text.toLowerCase())) return;

    const before = prevSolid(tokens, k);
    if (before < 0 || before === k - 1) return;
    const serial = tokens[before]!.text === ',';
    const lastEnd = serial ? prevSolid(tokens, before) : before;
    if (lastEnd < 0 || tokens[lastEnd]!.kind !== 'word') return;

    const last = itemEndingAt(tokens, lastEnd);
    if (!last.closedByComma || last.words.length === 0 || last.words.length > MAX_ITEM_WORDS || isClause(last.words)) return;
    const lastComma = prevSolid(tokens, last.first);

    // The items before: each fully between commas must be a plain item; the first one only needs a word.
    const items: Item[] = [last];
    let comma = lastComma;
    for (;;) {
      const end = prevSolid(tokens, comma);
      if (end < 0 || tokens[end]!.kind !== 'word') return;
      const item = itemEndingAt(tokens, end);
      items.unshift(item);
      if (!item.closedByComma || item.words.length > MAX_ITEM_WORDS || isClause(item.words)) break;
      comma = prevSolid(tokens, item.first);
    }
    // `items` holds those before the conjunction; the last one follows it.
    const [firstItem] = items;
    if (!firstItem || firstItem.words.length === 0 || items.length < 2) return;
    if (items.length === 2) {
      // Three items: the two misreadings an added or dropped comma can create.
      if (introductory(tokens, lastComma)) return;
      // "Ushakov, an adviser and envoy": an indefinite article the first item lacks marks an appositive.
      const indefinite = (w: string | undefined) => w === 'a' || w === 'an';
      if (indefinite(last.words[0]) && !firstItem.words.slice(-MAX_ITEM_WORDS).some(indefinite)) return;
    }

    let start = tokens[lastComma]!.start;
    if (conj.end - start > MAX - 1) start = tokens[lastEnd]!.start;
    const original = text.slice(start, conj.end);
    const lastItemEnd = tokens[lastEnd]!.end;
    const alternative = serial
      ? text.slice(start, lastItemEnd) + text.slice(tokens[before]!.end, conj.end)
      : text.slice(start, lastItemEnd) + ',' + text.slice(lastItemEnd, conj.end);
    if (original.length > MAX || alternative.length > MAX) return;
    out.push({
      start, end: conj.end, original, alternative, kind: 'serial-comma',
      note: serial ? `serial comma before “${word}” removed` : `serial comma before “${word}” added`,
    });
  });
  return out;
}
