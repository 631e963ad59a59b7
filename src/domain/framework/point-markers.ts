/**
 * The grammar of the marks that open a line of an agreement: point numbers ("1.", "(1)",
 * "Article IV", "المادة ١", "第十二条"), sub-items ("1.1", "a)", "–"), and section headings
 * ("Section II. Security", "## Territory"). It looks at one line at a time and only says
 * what the line could be; whether a "3." really starts point 3 is decided by the parser from
 * the sequence the candidates form.
 */
import {
  ARABIC_ORDINAL_PATTERN,
  ENGLISH_NUMBER_WORD_PATTERN,
  arabicOrdinalToNumber,
  chineseToNumber,
  englishNumberWordToNumber,
  normalizeDigits,
  romanToNumber,
} from './numerals.ts';
import { countWords, endsWithTerminal, firstWord, startsLikeSentence, startsLowercase } from './text-shape.ts';

/** A line that may open a point. `style` groups markers that belong to one numbering scheme. */
export interface PointCandidate {
  readonly kind: 'point';
  readonly style: string;
  readonly number: number;
  /** Introduced by a word (Article, Пункт, المادة…), which makes a stray match unlikely. */
  readonly keyword: boolean;
  /** Punctuation stood between the number and the text ("1." vs "Article 1"). */
  readonly separated: boolean;
  /** Text after the marker on the same line. */
  readonly rest: string;
  /** The line as it reads without Markdown wrappers, for when the candidate is not a point after all. */
  readonly line: string;
  readonly markdownLevel: number;
}

export interface SubItemLine {
  readonly kind: 'subitem';
  /** The line with its own marker kept, so "a) …" still reads as an item inside the point. */
  readonly text: string;
}

export interface HeadingLine {
  readonly kind: 'heading';
  readonly title: string;
  /** Markdown headings and keyword headings ("Chapter II") are certain; bare roman headings are not. */
  readonly certain: boolean;
}

export interface TextLine {
  readonly kind: 'text';
  readonly text: string;
  /** The whole line was bold in Markdown: a likely heading if it is also short. */
  readonly bold: boolean;
}

export type ClassifiedLine = PointCandidate | SubItemLine | HeadingLine | TextLine;

const HARAKAT = '[\\u064B-\\u0652\\u0670\\u0640]*';
const AFTER_WORD = '(?![\\p{L}\\p{M}\\p{Nd}])';

/** Words that introduce a point, by the numbering scheme they name. */
const POINT_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  point: ['point', 'item', 'пункт', 'точка', 'tačka', 'tacka', 'točka', 'punkt', 'punto', 'نکتہ', 'نکته', 'نقطہ', 'نقطة', 'النقطة'],
  article: [
    'article', 'art\\.', 'artículo', 'articulo', 'artigo', 'artikel', 'articolo', 'статья', 'стаття', 'članak',
    'clanak', 'član', 'clan', 'чланак', 'члан', 'madde', 'المادة', 'مادة', 'ماده', 'مادہ', 'آرٹیکل',
  ],
  clause: ['clause', 'cláusula', 'clausula', 'البند', 'بند', 'شق', 'دفعہ', 'دفعه'],
  paragraph: ['paragraph', 'para\\.', 'paragraphe', 'párrafo', 'parrafo', 'stavak', 'stav', 'абзац', 'الفقرة', 'فقرة', 'پیراگراف'],
};

/** Words that introduce a part of the document above the points. */
const HEADING_KEYWORDS: readonly string[] = [
  'section', 'chapter', 'part', 'title', 'annex', 'appendix', 'schedule', 'раздел', 'глава', 'часть',
  'приложение', 'розділ', 'частина', 'додаток', 'poglavlje', 'dio', 'deo', 'odjeljak', 'odeljak', 'glava',
  'aneks', 'prilog', 'sección', 'seccion', 'capítulo', 'capitulo', 'título', 'titulo', 'parte', 'anexo',
  'chapitre', 'titre', 'partie', 'annexe', 'abschnitt', 'kapitel', 'teil', 'anhang', 'الفصل', 'الباب',
  'القسم', 'الجزء', 'الملحق', 'ملحق', 'باب', 'حصہ', 'فصل', 'بخش', 'ضمیمہ',
];

/** Lines that are a heading on their own, with no number. */
const STANDALONE_HEADINGS: readonly string[] = [
  'preamble', 'annex', 'appendix', 'преамбула', 'приложение', 'додаток', 'preámbulo', 'preambulo', 'préambule',
  'preambula', 'aneks', 'prilog', 'الديباجة', 'ديباجة', 'تمہید', 'مقدمه', '序言', '附件', 'final provisions',
  'заключительные положения', 'прикінцеві положення', 'završne odredbe',
];

/** Function words that, right after "المادة 5" or "شق 3" in an uncased script, mean a reference in running text. */
const UNCASED_CONTINUATIONS: ReadonlySet<string> = new Set([
  'من', 'في', 'على', 'إلى', 'الى', 'عن', 'و', 'کی', 'کے', 'کا', 'میں', 'سے', 'از', 'در', 'به', 'را', 'که', 'کہ',
]);

const NUMBER_WORD = `\\p{Nd}{1,3}|[IVXLCDM]{1,7}|${ENGLISH_NUMBER_WORD_PATTERN}|${ARABIC_ORDINAL_PATTERN}`;
const NUMBER_LABEL = '(?:no\\.?|nr\\.?|nº|n°|№|#|br\\.|نمبر|رقم|شماره)\\s*';
const SEPARATOR = '\\s*(?:\\.-|\\.–|[.:)\\-–—۔،:؛])\\s*';

function alternation(words: readonly string[]): string {
  return words.map((w) => w.replace(/ا/gu, '[اأإآ]').replace(/ة/gu, '[ةه]') + HARAKAT).join('|');
}

const KEYWORD_GROUP_OF = new Map<string, string>();
for (const [group, words] of Object.entries(POINT_KEYWORDS)) {
  for (const w of words) KEYWORD_GROUP_OF.set(w.replace(/\\/g, '').toLowerCase(), group);
}

const KEYWORD_POINT = new RegExp(
  `^(?<kw>${alternation(Object.values(POINT_KEYWORDS).flat())})${AFTER_WORD}\\s*(?:${NUMBER_LABEL})?` +
    `[(（]?(?<num>${NUMBER_WORD})[)）]?${AFTER_WORD}(?<sep>${SEPARATOR})?(?<rest>.*)$`,
  'iu',
);

const CHINESE_POINT = /^第\s*(?<num>\p{Nd}{1,3}|[零〇一二两三四五六七八九十百千]{1,6})\s*(?<unit>条|條|点|點|款|项|項)[\s:：、.．]*(?<rest>.*)$/u;
const CHINESE_HEADING = /^第\s*(?:\p{Nd}{1,3}|[零〇一二两三四五六七八九十百千]{1,6})\s*(?:章|节|節|部分|编|編)(?:[\s:：、]|$)/u;
const CHINESE_LIST = /^(?<num>[一二三四五六七八九十]{1,3})、\s*(?<rest>.*)$/u;

const NUMERIC_POINT =
  /^(?<num>\p{Nd}{1,3})(?<punct>\.-|\.–|[.۔．、)）:：]|\s*[-–—ـ](?=\s))(?!\p{Nd})(?<space>\s*)(?<rest>.*)$/u;
const ENCLOSED_POINT = /^[(（](?<num>\p{Nd}{1,3})[)）](?<space>\s*)(?<rest>.*)$/u;
const ROMAN_POINT = /^(?<num>[IVX]|[IVXLCDM]{2,7})(?<punct>[.)])\s+(?<rest>.*)$/u;
const ARABIC_ORDINAL_POINT = new RegExp(`^(?<num>${ARABIC_ORDINAL_PATTERN})${AFTER_WORD}\\s*[:：\\-–—]\\s*(?<rest>.*)$`, 'u');

const HEADING_KEYWORD = new RegExp(
  `^(?:${alternation(HEADING_KEYWORDS)})${AFTER_WORD}\\s*(?:${NUMBER_LABEL})?[(（]?(?:${NUMBER_WORD}|[A-ZА-Я]|one|first|second|third|первый|второй|третий|перший|другий|третій|prvi|drugi|treći)[)）]?${AFTER_WORD}(?<sep>${SEPARATOR})?(?<rest>.*)$`,
  'iu',
);

const SUB_NUMBERED = /^\p{Nd}{1,2}(?:[.-]\p{Nd}{1,2})+[.)]?(?=\s|$)/u;
const SUB_LETTER =
  /^(?:[(（](?:[a-zа-яё]{1,2}|[ivxlcdm]{1,6}|[IVXLCDM]{1,6}|[A-ZА-ЯЁ]|\p{Script=Arabic}{1,3}|[一二三四五六七八九十]{1,3})[)）]|\p{L}[)）]|[a-zа-яё][.]|(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})[.)]|\p{Script=Arabic}\s*[-–)]|\p{Script=Arabic}[.۔])(?=\s)/u;
const UPPER_LETTER_DOT = /^[A-ZА-ЯЁ][.](?=\s)/u;
const BULLET = /^(?:[-*+](?=\s)|[–—•·▪●○◦‣►✓✔➢→■□])/u;

const MARKDOWN_HEADING = /^(?<hashes>#{1,6})\s+(?<rest>.*?)\s*#*\s*$/u;
const MARKDOWN_BULLET = /^[-*+•]\s+(?=[(（]?\p{Nd}|\p{L}+\s+[(（]?\p{Nd})/u;

function keywordGroup(keyword: string): string {
  const folded = keyword
    .toLowerCase()
    .replace(/[\u064B-\u0652\u0670\u0640]/gu, '')
    .replace(/[أإآ]/gu, 'ا');
  const direct = KEYWORD_GROUP_OF.get(folded);
  if (direct !== undefined) return direct;
  for (const [word, group] of KEYWORD_GROUP_OF) {
    if (word.replace(/[أإآ]/gu, 'ا').replace(/ة/gu, 'ه') === folded.replace(/ة/gu, 'ه')) return group;
  }
  return 'point';
}

function numberOf(raw: string): number | undefined {
  const t = raw.trim();
  if (/^\p{Nd}+$/u.test(t)) return Number(normalizeDigits(t));
  return (
    romanToNumber(t.toUpperCase() === t ? t : '') ??
    englishNumberWordToNumber(t) ??
    arabicOrdinalToNumber(t) ??
    chineseToNumber(t)
  );
}

/**
 * After "Article 5" with no punctuation, the rest must look like a title or a sentence start:
 * "Article 5 of the NATO treaty" is a reference wrapped onto a new line, not article 5.
 */
function plausibleUnseparatedRest(rest: string): boolean {
  if (rest === '') return true;
  if (!startsLikeSentence(rest)) return false;
  return !UNCASED_CONTINUATIONS.has(firstWord(rest));
}

function candidate(
  style: string,
  number: number | undefined,
  rest: string,
  line: string,
  markdownLevel: number,
  flags: { keyword: boolean; separated: boolean },
): PointCandidate | undefined {
  if (number === undefined || number <= 0) return undefined;
  return { kind: 'point', style, number, keyword: flags.keyword, separated: flags.separated, rest: rest.trim(), line, markdownLevel };
}

function matchPoint(line: string, markdownLevel: number): PointCandidate | undefined {
  const kw = KEYWORD_POINT.exec(line);
  if (kw?.groups !== undefined) {
    const { kw: word = '', num = '', sep, rest = '' } = kw.groups;
    const separated = sep !== undefined && sep.trim() !== '';
    if (separated || plausibleUnseparatedRest(rest.trim())) {
      return candidate(`kw:${keywordGroup(word)}`, numberOf(num), rest, line, markdownLevel, { keyword: true, separated });
    }
  }
  const zh = CHINESE_POINT.exec(line);
  if (zh?.groups !== undefined) {
    const unit = zh.groups.unit ?? '';
    const group = /[条條]/u.test(unit) ? 'article' : unit === '款' ? 'paragraph' : 'point';
    return candidate(`kw:${group}`, numberOf(zh.groups.num ?? ''), zh.groups.rest ?? '', line, markdownLevel, {
      keyword: true,
      separated: true,
    });
  }
  const numeric = NUMERIC_POINT.exec(line);
  if (numeric?.groups !== undefined) {
    const { num = '', punct = '', space = '', rest = '' } = numeric.groups;
    // "1.Ukraine" (a lost space) is a marker; "1.5" is excluded above, "3.x" is not a point.
    if (space !== '' || rest === '' || startsLikeSentence(rest)) {
      const p = punct.trim();
      const style = /^[.۔．、]/u.test(p) ? 'dot' : /[)）]/u.test(p) ? 'paren' : /[:：]/u.test(p) ? 'colon' : 'dash';
      return candidate(style, numberOf(num), rest, line, markdownLevel, { keyword: false, separated: true });
    }
  }
  const enclosed = ENCLOSED_POINT.exec(line);
  if (enclosed?.groups !== undefined) {
    const { num = '', space = '', rest = '' } = enclosed.groups;
    if (space !== '' || rest === '') {
      return candidate('enclosed', numberOf(num), rest, line, markdownLevel, { keyword: false, separated: true });
    }
  }
  const roman = ROMAN_POINT.exec(line);
  if (roman?.groups !== undefined && startsLikeSentence(roman.groups.rest ?? '')) {
    return candidate('roman', romanToNumber(roman.groups.num ?? ''), roman.groups.rest ?? '', line, markdownLevel, {
      keyword: false,
      separated: true,
    });
  }
  const ordinal = ARABIC_ORDINAL_POINT.exec(line);
  if (ordinal?.groups !== undefined) {
    return candidate('ar-ordinal', numberOf(ordinal.groups.num ?? ''), ordinal.groups.rest ?? '', line, markdownLevel, {
      keyword: true,
      separated: true,
    });
  }
  const zhList = CHINESE_LIST.exec(line);
  if (zhList?.groups !== undefined) {
    return candidate('zh-list', numberOf(zhList.groups.num ?? ''), zhList.groups.rest ?? '', line, markdownLevel, {
      keyword: false,
      separated: true,
    });
  }
  return undefined;
}

function isHeadingKeywordLine(line: string): boolean {
  const m = HEADING_KEYWORD.exec(line);
  if (m?.groups !== undefined) {
    const sep = m.groups.sep;
    const rest = (m.groups.rest ?? '').trim();
    const separated = sep !== undefined && sep.trim() !== '';
    if ((separated || plausibleUnseparatedRest(rest)) && countWords(line, 16) <= 15) return true;
  }
  if (CHINESE_HEADING.test(line)) return true;
  const bare = line.replace(/[\s:.：]+$/u, '').toLowerCase();
  return STANDALONE_HEADINGS.includes(bare);
}

/** Markdown that only decorates: bold, escapes and links. Pure text does not contain these. */
export function stripInlineMarkdown(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\[([^\]]+)\]\((?:https?:|\/|#)[^)]*\)/gu, '$1')
    .replace(/(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1/gu, '$2')
    .replace(/(?<![\p{L}\p{N}*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>|])/gu, '$1');
}

/**
 * Classifies one line, already trimmed and free of boilerplate. Markdown wrappers (`#`,
 * `>`, `- ` before a number, bold) are looked through: "### 1.", "**1.**" and "- 1." open a
 * point like "1." does.
 */
export function classifyLine(rawLine: string): ClassifiedLine {
  let line = rawLine.replace(/^(?:>\s*)+/u, '').trim();
  let markdownLevel = 0;
  const heading = MARKDOWN_HEADING.exec(line);
  if (heading?.groups !== undefined) {
    markdownLevel = (heading.groups.hashes ?? '').length;
    line = heading.groups.rest ?? '';
  }
  const bold = /^(\*\*|__)(?=\S).*\S\1[:.]?$/u.test(line);
  line = stripInlineMarkdown(line).trim();
  const unbulleted = line.replace(MARKDOWN_BULLET, '');

  const point = matchPoint(unbulleted, markdownLevel);
  if (point !== undefined) return point;

  if (isHeadingKeywordLine(line)) return { kind: 'heading', title: line, certain: true };
  if (markdownLevel > 0) return { kind: 'heading', title: line, certain: true };

  if (SUB_NUMBERED.test(line) || SUB_LETTER.test(line) || BULLET.test(line)) return { kind: 'subitem', text: line };
  if (UPPER_LETTER_DOT.test(line)) {
    const short = countWords(line, 12) <= 10 && !endsWithTerminal(line);
    return short ? { kind: 'heading', title: line, certain: false } : { kind: 'subitem', text: line };
  }
  return { kind: 'text', text: line, bold };
}

/** Whether a candidate's text reads as the end of the previous line's sentence ("12. prosinca" after a wrap). */
export function restContinuesSentence(c: PointCandidate): boolean {
  return !c.keyword && startsLowercase(c.rest);
}
