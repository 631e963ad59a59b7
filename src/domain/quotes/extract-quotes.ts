/**
 * extractQuotes: the quotations in a news report (plain text or HTML), each with its
 * speaker, in Urdu, Arabic, Persian, Russian, Ukrainian, English and Chinese. Pure: the
 * caller reads the file. The steps live in their own files: html-to-text (the article out
 * of the page), paragraphs (lines and paragraphs), marks (where quotations are), not-quotes
 * (names in marks), cues and mentions (reporting words and who is referred to), speakers
 * (who said it).
 */
import { detectLanguage } from '../text/detect-language.ts';
import { normalizeText } from '../text/normalize.ts';
import { fold, isCapitalized, scriptOf } from './fold.ts';
import { htmlToText, looksLikeHtml } from './html-to-text.ts';
import { findCues, type CueHit } from './cues.ts';
import { findQuoteSpans, spanEnd, type QuoteSpan } from './marks.ts';
import { capitalizedWords, findMentions, type Mention } from './mentions.ts';
import { isNameInMarks, isSpeech, wordCount } from './not-quotes.ts';
import { layoutText } from './paragraphs.ts';
import { PeopleIndex, type Entity } from './people.ts';
import { attribute, newDiscourse, noteMentions, speakerSurface, type Attribution, type ParagraphFrame } from './speakers.ts';
import { sentenceRanges, tokenize, type Token } from './tokens.ts';
import type { ExtractedQuote, ExtractOptions } from './types.ts';
import { headlineQuote } from './headline.ts';
import { learnUnknownNames } from './unknown-names.ts';

export type { ExtractedQuote, ExtractOptions, KnownPerson, QuoteKind } from './types.ts';

/** The text the offsets refer to: the input itself, or the HTML page's article as text. */
export function quoteSourceText(input: string, options: Pick<ExtractOptions, 'html'> = {}): string {
  const text = normalizeText(input);
  const html = options.html ?? looksLikeHtml(text);
  return html ? htmlToText(text) : text;
}

/**
 * The paragraph with each quotation's words blanked (capital X keeps a full stop before it
 * a sentence end), and wrapped lines joined: sentences are cut on what the reporter wrote.
 */
function masked(par: string, spans: readonly QuoteSpan[]): string {
  let out = par.replace(/\n/gu, ' ');
  for (const s of spans) out = out.slice(0, s.contentStart) + 'X'.repeat(s.contentEnd - s.contentStart) + out.slice(s.contentEnd);
  return out;
}

function quoteLang(quote: string, docLang: string, docScript: string): string {
  if (scriptOf(quote) === docScript || wordCount(quote) < 3) return docLang;
  const detected = detectLanguage(quote);
  return detected === 'und' ? docLang : detected;
}

export function extractQuotes(input: string, options: ExtractOptions = {}): ExtractedQuote[] {
  const text = quoteSourceText(input, options);
  const lang = options.lang ?? detectLanguage(text);
  const docScript = scriptOf(text.slice(0, 20000));
  const layout = layoutText(text);
  const people = new PeopleIndex(options.people ?? []);
  const tokenLists = layout.paragraphs.map((p) => tokenize(p.text, lang));
  const capitalized = capitalizedWords(tokenLists);
  layout.paragraphs.forEach((p, pi) => {
    const tokens = tokenLists[pi]!;
    const spans = findQuoteSpans(p.text);
    const inQuote = (i: number): boolean => spans.some((s) => tokens[i]!.start >= s.contentStart && tokens[i]!.end <= s.contentEnd);
    const starts = sentenceRanges(masked(p.text, spans), lang).map(([s]) => s);
    learnUnknownNames(tokens, findCues(tokens, inQuote), people, starts);
  });
  const d = newDiscourse();
  const out: ExtractedQuote[] = [];
  const entities: (Entity | null)[] = [];
  let previousOpen = false;

  layout.paragraphs.forEach((p, pi) => {
    const tokens = tokenLists[pi]!;
    let spans = findQuoteSpans(p.text);
    const head = spans.length === 0 ? headlineQuote(p.text, pi) : null;
    const inSpan = (list: readonly QuoteSpan[]) => (i: number): boolean => {
      const t = tokens[i]!;
      return list.some((s) => t.start >= s.contentStart && t.end <= s.contentEnd);
    };
    // «РИА Новости», "الشرق الأوسط": a name in marks is nobody's words, and nobody either.
    const named = spans.filter((s) => isNameInMarks(p.text, s, tokens));
    spans = spans.filter((s) => !named.includes(s));
    if (head !== null) spans = [head];
    const inQuote = inSpan(spans);
    const cues = findCues(tokens, inQuote);
    const mentions = [...findMentions(tokens, people, capitalized, inSpan([...spans, ...named]), head !== null), ...outletMentions(tokens, named, cues, people)];
    const frame: ParagraphFrame = {
      index: pi,
      text: p.text,
      tokens,
      spans,
      mentions,
      cues,
      sentences: sentenceRanges(masked(p.text, spans), lang),
      continues: previousOpen && spans[0] !== undefined && spans[0].open < 3,
    };
    spans.forEach((span, si) => {
      noteMentions(frame, d, span.open);
      const a: Attribution = head !== null ? headAttribution(frame) : attribute(frame, si, d);
      const quote = p.text.slice(span.contentStart, span.contentEnd).replace(/\s*\n\s*/gu, ' ');
      const words = wordCount(quote);
      const kind = head !== null ? 'reported' : isSpeech(p.text, span, words) || (si === 0 && frame.continues) ? 'speech' : 'phrase';
      // A phrase in marks that nobody is said to have said is a scare quote or a name.
      if (kind === 'phrase' && (a.speaker === null || a.via === 'inherited' || (words === 1 && a.cue === null && a.via !== 'headline'))) return;
      // English names its speakers; a phrase tied to no one named near it is a scare quote.
      if (kind === 'phrase' && a.via === 'pronoun' && a.mention === null && a.cue?.entry.lang === 'en') return;
      if (kind === 'speech' && a.speaker === null && words < 4) return;
      const from = layout.position(p.offset + span.contentStart);
      const to = layout.position(p.offset + span.contentEnd);
      entities.push(a.speaker?.entity ?? null);
      out.push({
        quote,
        speaker: a.speaker === null ? null : speakerSurface(a.speaker, d),
        person: a.speaker?.entity?.name ?? null,
        party: a.speaker?.party ?? null,
        kind,
        line: from.line,
        start: from.column,
        end: to.column,
        endLine: to.line,
        lang: quoteLang(quote, lang, docScript),
        cue: a.cue === null ? null : p.text.slice(tokens[a.cue.start]!.start, tokens[a.cue.end - 1]!.end),
        via: a.via,
        mention: mentionText(frame, a.mention),
        open: span.close === null,
        continued: si === 0 && frame.continues,
        confidence: Math.round(a.confidence * 100) / 100,
      });
      if (a.speaker !== null) {
        d.lastSpeaker = a.speaker;
        d.lastSpeakerParagraph = pi;
      }
    });
    noteMentions(frame, d, p.text.length);
    const last = spans.at(-1);
    previousOpen = last !== undefined && last.close === null && spanEnd(last, p.text.length) === p.text.length && head === null;
  });
  // A name first met alone ("Witkoff") may be completed later ("Steve Witkoff").
  return out.map((q, i) => ({ ...q, person: entities[i]?.name ?? q.person }));
}

/**
 * «…», — пишет «Коммерсантъ» / сообщает «Интерфакс»: an outlet named in marks right after a
 * reporting verb is the source the reporter quotes, so it may be the speaker.
 */
function outletMentions(tokens: readonly Token[], named: readonly QuoteSpan[], cues: readonly CueHit[], people: PeopleIndex): Mention[] {
  const out: Mention[] = [];
  for (const span of named) {
    const first = tokens.findIndex((t) => t.word && t.start >= span.contentStart);
    if (first < 0 || tokens[first]!.end > span.contentEnd) continue;
    // Not after a quoting verb (цитирует «РИА Новости» Пескова, quoted X as saying): its speaker is the object.
    const afterCue = cues.some((c) => c.end <= first && tokens.slice(c.end, first).every((t) => !t.word) && !QUOTING.test(c.entry.words[0]!));
    if (!afterCue) continue;
    let end = first;
    while (end < tokens.length && tokens[end]!.end <= span.contentEnd) end++;
    const words = tokens.slice(first, end).filter((t) => t.word).map((t) => t.text);
    out.push({ kind: 'person', start: first, end, text: words.join(' '), entity: people.addFromText(words), party: null, modifier: false, oblique: false, agent: false });
  }
  return out;
}

const QUOTING = /^(цит|quot|نقل)/u;

const URDU_GENITIVE = new Set(['کے', 'کی', 'کا'].map(fold));

/**
 * The words that point at the speaker, as the text gives them: for a role, with the person
 * it belongs to (پوتن کے معاون, помощник Путина, Putin's aide), not the head noun alone.
 */
function mentionText(frame: ParagraphFrame, m: Mention | null): string | null {
  if (m === null || m.kind === 'person') return null;
  let start = m.start;
  let end = m.end;
  if (m.kind === 'role') {
    const owner = frame.mentions.find((n) => n !== m && n.modifier && n.entity !== null && Math.abs(n.start - m.start) <= 3 && (n.end <= m.start || n.start >= m.end));
    if (owner !== undefined) {
      start = Math.min(start, owner.start);
      end = Math.max(end, owner.end);
    } else {
      // Nobody known, but the grammar of possession: "پوتن کے معاون", "помощник Путина".
      const t = frame.tokens;
      if (start >= 2 && URDU_GENITIVE.has(t[start - 1]!.folded) && t[start - 2]!.word) start -= 2;
      else if (/\p{Script=Cyrillic}/u.test(t[start]!.text) && t[end]?.word === true && isCapitalized(t[end]!.text)) end += 1;
    }
  }
  return frame.text.slice(frame.tokens[start]!.start, frame.tokens[end - 1]!.end);
}

function headAttribution(frame: ParagraphFrame): Attribution {
  const m = frame.mentions.find((x) => x.kind === 'person' || x.kind === 'metonym');
  if (m === undefined || m.entity === null) {
    return { speaker: m === undefined ? null : { name: m.text, entity: null, party: null }, via: 'headline', cue: null, mention: null, confidence: 0.6 };
  }
  return { speaker: { name: m.entity.name, entity: m.entity, party: m.entity.party }, via: 'headline', cue: null, mention: null, confidence: 0.75 };
}
