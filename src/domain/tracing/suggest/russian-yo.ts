/**
 * Russian ё written as е (ru only): "её" ↔ "ее", "ещё" ↔ "еще". Russian orthography lets е stand
 * for ё, and most printed text does so, except where е would read as another word (Правила
 * русской орфографии и пунктуации, 2006, §10: "узнаём" vs "узнаем", "всё" vs "все"). Those
 * words are never offered; neither are names (a capitalised word inside a sentence, a word
 * in capitals, and at a sentence's start a word shaped like a surname: Ковалёв, Лёвина), nor
 * е → ё, which is a choice about pronunciation the text did not make. The slot is the word.
 */
import { tokenize } from '../../redline/tokenize.ts';
import { atSentenceStart, caseShape } from './text-helpers.ts';
import type { VariantSuggestion } from './types.ts';

/**
 * Words whose е-spelling is another word or another form (with it, in brackets), so that
 * dropping the dots changes or blurs the meaning. Compared in lower case.
 */
const KEEP_YO = new Set([
  'всё', // все (all, plural)
  'нёбо', // небо (sky)
  'осёл', // осел (settled, of оседать)
  'мёл', // мел (chalk)
  'лён', // лен (a fief)
  'падёж', // падеж (grammatical case)
  'берёг', // берег (shore)
  'вёдро', // ведро (bucket)
  'чёрт', // черт (gen. pl. of черта, line)
  'передохнём', // передохнем (we'll all die off)
  'поём', // поем (I'll eat a little)
  'планёр', // планер (planing machine)
  'сёла', // села (she sat down; gen. sg. of село)
  'вёсла', // весла (gen. sg. of весло)
  'озёра', // озера (gen. sg. of озеро)
  'звёзды', // звезды (gen. sg. of звезда)
  'сёстры', // сестры (gen. sg. of сестра)
  'жёны', // жены (gen. sg. of жена)
  'слёзы', // слезы (gen. sg. of слеза)
  'бёдра', // бедра (gen. sg. of бедро)
]);

/**
 * Stems whose every ё-form has an е-twin with another meaning: the participle совершённый vs
 * the adjective совершенный (perfect), and the present tense of -знавать verbs vs the future of
 * -знать (признаём "we recognise" vs признаем "we shall recognise"), which a treaty cannot blur.
 */
const KEEP_YO_STEMS = ['совершённ', 'признаё', 'узнаё', 'сознаё', 'опознаё', 'распознаё', 'осознаё'];

/** Surnames and first names at a sentence's start: Ковалёв, Ковалёва, Лёвин, Артём, Пётр, Фёдор. */
const NAME_LIKE = /^\p{Lu}.*(?:ёв|ёва|ёву|ёвым|ёвой|ёве|ёвы|ёвых|ёвыми|ёвич|ёвна|ёвск.*|ёнок|ёнко|ёнков?)$|^(?:Пётр|Фёдор|Артём|Семён|Алёна|Лёва|Лёша|Серёжа|Фёкла|Парфён|Потёмкин|Хрущёв|Горбачёв)/u;

function keep(lower: string): boolean {
  return KEEP_YO.has(lower) || KEEP_YO_STEMS.some((s) => lower.startsWith(s));
}

export function yoVariants(text: string, lang: string): VariantSuggestion[] {
  if (lang !== 'ru') return [];
  const out: VariantSuggestion[] = [];
  for (const t of tokenize(text, 'ru')) {
    if (t.kind !== 'word' || !/[ёЁ]/u.test(t.text)) continue;
    const lower = t.text.toLowerCase();
    if (keep(lower)) continue;
    const shape = caseShape(t.text);
    if (shape === 'upper' || shape === 'mixed') continue;
    if (shape === 'capitalised' && (!atSentenceStart(text, t.start) || NAME_LIKE.test(t.text))) continue;
    // Part of a hyphenated compound (double surnames, place names): the compound is not one token here, so leave it.
    if (text[t.start - 1] === '-' || text[t.end] === '-') continue;
    const alternative = t.text.replace(/ё/gu, 'е').replace(/Ё/gu, 'Е');
    out.push({ start: t.start, end: t.end, original: t.text, alternative, kind: 'yo', note: 'ё written as е' });
  }
  return out;
}
