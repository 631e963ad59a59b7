/**
 * Turns the text of an agreement, as users paste or upload it, into its numbered points.
 *
 * Input comes in every shape the genre has: treaties with "Article IV", plans with "1.",
 * Urdu news copies with "نکتہ 1", Markdown from a converter, hard-wrapped e-mail text, a
 * whole plan flattened into one paragraph, and web pages with their ads and share buttons.
 * The parser reads it in passes: clean the lines, drop site chrome, classify each line by its
 * marker, decide from number continuity which markers open points, then assemble preamble,
 * points, section headings and the closing (signatures, credits) so none is glued into
 * another.
 *
 * Decisions:
 * - `number` is the point's number as the source gives it, in ASCII digits; Roman numerals,
 *   Chinese numerals and ordinal words become Arabic digits ("Article IV" → "4").
 * - Sub-items (1.1, a), (i), dashes, bullets, nested lists) stay inside their point, each on
 *   its own line; lines wrapped inside a sentence are joined with one space.
 * - A list written "1." for every item (Markdown's lazy numbering) is numbered 1, 2, 3.
 */
import { normalizeText } from '../text/normalize.ts';
import { detectLanguage } from '../text/detect-language.ts';
import { ParleyError } from '../errors.ts';
import { boilerplateLines } from './boilerplate.ts';
import { findInlineListStart, findRunTogether } from './inline-split.ts';
import { collectHyphenEvidence, joinWrapped, type HyphenEvidence } from './line-join.ts';
import { classifyLine, restContinuesSentence, type ClassifiedLine, type PointCandidate } from './point-markers.ts';
import { bestChain, isLazyMarkdownList } from './sequence.ts';
import { countWords, endsSentence, endsWithTerminal, isAllCaps, startsLikeSentence } from './text-shape.ts';

export interface ParsedPoint {
  readonly number: string;
  readonly text: string;
}

export interface ParsedSection {
  readonly title: string;
  /** Index into `points` of the first point under this heading; `points.length` for a heading after the last point. */
  readonly beforePoint: number;
  /** Text between the heading and its first point (an introduction to the section), if any. */
  readonly text?: string;
}

export interface ParsedDocument {
  readonly lang: string;
  readonly preamble: string;
  readonly points: ParsedPoint[];
  /** Headings that group points ("Section II. Security", "## Territory"); absent when there are none. */
  readonly sections?: ParsedSection[];
  /** What follows the last point and is not part of it: "Done at…", signature blocks, news credits. */
  readonly closing?: string;
}

export interface ParseOptions {
  readonly lang?: string;
}

interface Line {
  readonly text: string;
  readonly indent: number;
  readonly blankBefore: boolean;
  readonly c: ClassifiedLine;
}

/** Zero-width and bidi formatting marks are layout hints of the page the text was copied from. */
const INVISIBLE = /[\uFEFF\u200B\u2060\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/gu;
const HORIZONTAL_SPACE = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/gu;

/** Lines that end an agreement or a news copy of one: signature formulas and credits. */
const CLOSING_START = new RegExp(
  '^(?:done (?:at|in)\\b|signed (?:at|in|on|by)\\b|in witness whereof|for the government of|on behalf of|' +
    'reporting by|editing by|writing by|additional reporting|compiled by|source:|' +
    'совершено в|составлено в|подписано|за правительство|вчинено|зроблено в|підписано|за уряд|джерело:|источник:|' +
    'sačinjeno u|sacinjeno u|potpisano|учињено|сачињено|za vladu|izvor:|' +
    'fait à|fait en|pour le gouvernement|hecho en|por el gobierno|fuente:|' +
    'حرر في|حُرر في|وقع في|تم التوقيع|عن حكومة|بالنيابة عن|المصدر:|منجانب|ماخذ:|از طرف|به نمایندگی|' +
    '签署于|代表|_{4,})',
  'iu',
);

function prepareLines(input: string): { text: string; indent: number }[] {
  const text = normalizeText(input).replace(/\f/gu, '\n').replace(INVISIBLE, '').replace(CONTROL, '');
  return text.split('\n').map((raw) => {
    const expanded = raw.replace(/\t/gu, '    ');
    const indent = expanded.length - expanded.trimStart().length;
    // Messenger copies number points with keycap emoji ("1️⃣ …", "🔟 …"); they read as "1." and "10.".
    const keycaps = expanded
      .trimStart()
      .replace(/^((?:\p{Nd}\uFE0F?\u20E3)+)/u, (m) => `${m.replace(/[\uFE0F\u20E3]/gu, '')}. `)
      .replace(/^\u{1F51F}/u, '10. ');
    return { text: keycaps.replace(HORIZONTAL_SPACE, ' ').trim(), indent };
  });
}

function classify(raw: readonly { text: string; indent: number }[]): Line[] {
  const drop = boilerplateLines(
    raw.map((l) => l.text),
    (t) => classifyLine(t).kind !== 'text',
  );
  const lines: Line[] = [];
  let blank = false;
  raw.forEach((l, i) => {
    if (drop.has(i)) return;
    if (l.text === '') {
      blank = true;
      return;
    }
    let c = classifyLine(l.text);
    const prev = lines.at(-1);
    // "12. prosinca 2025." or "3. century" at the start of a wrapped line continues the
    // previous sentence; it is not point 12.
    if (c.kind === 'point' && restContinuesSentence(c) && prev !== undefined && !blank && !endsWithTerminal(prev.text)) {
      c = { kind: 'text', text: c.line, bold: false };
    }
    lines.push({ text: c.kind === 'point' ? c.line : textOf(c), indent: l.indent, blankBefore: blank, c });
    blank = false;
  });
  return lines;
}

function textOf(c: ClassifiedLine): string {
  switch (c.kind) {
    case 'point':
      return c.line;
    case 'subitem':
    case 'text':
      return c.text;
    case 'heading':
      return c.title;
  }
}

interface StylePlan {
  readonly style: string;
  readonly accepted: ReadonlyMap<number, number>;
  readonly score: number;
}

const INDENT_STEP = 2;

/**
 * The numbering scheme of the points, and which of its lines open points (line index →
 * point number). Every scheme present is scored by the best run it forms; lines of the
 * scheme that break the run count against it, so nested lists restarting at 1 lose to the
 * scheme that numbers the whole document. Keyword schemes ("Article 1") get a bonus: when
 * a treaty numbers paragraphs inside articles, the articles are the points.
 */
function choosePoints(lines: readonly Line[]): StylePlan | undefined {
  const byStyle = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (l.c.kind !== 'point') return;
    const list = byStyle.get(l.c.style) ?? [];
    list.push(i);
    byStyle.set(l.c.style, list);
  });
  let best: (StylePlan & { first: number }) | undefined;
  for (const [style, indexes] of byStyle) {
    const plan = planStyle(style, indexes, lines);
    if (plan === undefined) continue;
    const first = indexes[0]!;
    const better = best === undefined || plan.score > best.score || (plan.score === best.score && first < best.first);
    if (better) best = { ...plan, first };
  }
  return best;
}

function numberOfLine(line: Line): number {
  return line.c.kind === 'point' ? line.c.number : 0;
}

function planStyle(style: string, indexes: readonly number[], lines: readonly Line[]): StylePlan | undefined {
  const all = planRun(indexes, lines);
  // Indentation separates nested lists of the same scheme ("1." inside "1."), but it is
  // also stray in pasted text: the shallow lines alone win only when they form the better run.
  const minIndent = Math.min(...indexes.map((i) => lines[i]!.indent));
  const shallow = indexes.filter((i) => lines[i]!.indent < minIndent + INDENT_STEP);
  let run = all;
  if (shallow.length >= 2 && shallow.length < indexes.length) {
    const nested = planRun(shallow, lines);
    fillGapsFromDeeper(nested.accepted, indexes, lines);
    if (nested.score > all.score) run = nested;
  }
  const { accepted, score } = run;
  if (accepted.size === 0) return undefined;
  const firstNumber = [...accepted.values()][0]!;
  const keyword = (lines[indexes[0]!]!.c as PointCandidate).keyword;
  // One numbered line alone is a list only if it is point 1 (or an article, which stands alone in excerpts).
  if (accepted.size === 1 && firstNumber !== 1 && !keyword) return undefined;
  return { style, accepted, score: score + (keyword ? 1.5 : 0) };
}

/** The best run through these lines; lines of the scheme left out of it count against it. */
function planRun(considered: readonly number[], lines: readonly Line[]): { accepted: Map<number, number>; score: number } {
  const numbers = considered.map((i) => numberOfLine(lines[i]!));
  const accepted = new Map<number, number>();
  if (isLazyMarkdownList(numbers)) {
    considered.forEach((i, k) => accepted.set(i, k + 1));
    return { accepted, score: considered.length };
  }
  const chain = bestChain(numbers);
  for (const k of chain.picked) accepted.set(considered[k]!, numbers[k]!);
  return { accepted, score: chain.score - 2 * (considered.length - chain.picked.length) };
}

/** A point indented by accident still belongs to the run if it fills exactly the hole it leaves. */
function fillGapsFromDeeper(accepted: Map<number, number>, indexes: readonly number[], lines: readonly Line[]): void {
  const picked = [...accepted.keys()].sort((a, b) => a - b);
  for (let k = 0; k + 1 < picked.length; k += 1) {
    const from = picked[k]!;
    const to = picked[k + 1]!;
    const a = accepted.get(from)!;
    const b = accepted.get(to)!;
    if (b - a !== 2) continue;
    const filler = indexes.find((i) => i > from && i < to && numberOfLine(lines[i]!) === a + 1);
    if (filler !== undefined) accepted.set(filler, a + 1);
  }
}

/** Lines of one part of the result (preamble, a point, a section intro, the closing). */
class Block {
  private readonly lines: string[] = [];
  private lastTitleLike = false;

  constructor(
    private readonly evidence: HyphenEvidence,
    private readonly wrapWidth: number | undefined,
  ) {}

  get isEmpty(): boolean {
    return this.lines.length === 0;
  }

  get last(): string | undefined {
    return this.lines.at(-1);
  }

  /**
   * Starts a new line of the block, or, when `newLine` is false, continues the current one.
   * `mayBeTitle` marks the places where titles stand (a document's first lines, the text
   * right after "Article 3"); only there can a short unpunctuated line keep its own line.
   */
  add(text: string, newLine: boolean, mayBeTitle = false, titleWords = 8): void {
    const t = text.trim();
    if (t === '') return;
    const current = this.lines.at(-1);
    // A title is followed by a sentence, not by a number: "…najkasnije do" + "12. prosinca" is one sentence.
    const breakAfterTitle = this.lastTitleLike && startsLikeSentence(t) && !/^\p{Nd}/u.test(t);
    if (current === undefined || newLine || breakAfterTitle) {
      this.lines.push(t);
      this.lastTitleLike = mayBeTitle && this.isTitleLike(t, titleWords);
    } else {
      this.lines[this.lines.length - 1] = joinWrapped(current, t, this.evidence);
      this.lastTitleLike = false;
    }
  }

  /** A short line without final punctuation, shorter than the wrap width: "Ceasefire", "Final provisions". */
  private isTitleLike(t: string, maxWords: number): boolean {
    if (endsWithTerminal(t) || countWords(t, maxWords + 1) > maxWords) return false;
    return this.wrapWidth === undefined || t.length < this.wrapWidth * 0.6;
  }

  value(): string {
    return this.lines.join('\n');
  }
}

/**
 * The width a hard-wrapped text was wrapped at, or undefined when lines are paragraphs.
 * Wrapped text has most of its longer lines just under one width; pasted paragraphs vary.
 */
function estimateWrapWidth(lines: readonly Line[]): number | undefined {
  const lengths = lines.map((l) => l.text.length).filter((n) => n >= 25).sort((a, b) => a - b);
  if (lengths.length < 4) return undefined;
  const width = lengths[Math.floor(lengths.length * 0.9)]!;
  if (width > 120) return undefined;
  const nearWidth = lengths.filter((n) => n >= width * 0.7).length;
  return nearWidth >= lengths.length * 0.5 ? width : undefined;
}

function isShortTitle(text: string): boolean {
  return countWords(text, 10) <= 8 && !endsWithTerminal(text) && startsLikeSentence(text);
}

interface PointDraft {
  readonly number: number;
  readonly style: string;
  readonly block: Block;
}

interface SectionDraft {
  title: string;
  readonly beforePoint: number;
  readonly signature: string;
  readonly certain: boolean;
  readonly block: Block;
}

function headingSignature(line: Line): string {
  if (line.c.kind === 'point' && line.c.markdownLevel > 0) return `md${line.c.markdownLevel}`;
  if (line.c.kind === 'heading') return line.c.certain ? 'keyword' : 'letter';
  if (line.c.kind === 'point') return line.c.style;
  if (line.c.kind === 'text' && line.c.bold) return 'bold';
  return isAllCaps(line.text) ? 'caps' : 'plain';
}

export function parsePoints(text: string, options?: ParseOptions): ParsedDocument {
  const lines = classify(prepareLines(text));
  const plan = choosePoints(lines);
  const accepted = plan?.accepted ?? new Map<number, number>();
  const evidence = collectHyphenEvidence(lines.map((l) => l.text).join('\n'));
  const wrapWidth = estimateWrapWidth(lines);
  const capsLines = lines.filter((l) => isAllCaps(l.text)).length;
  const capsHeadingsAllowed = capsLines < lines.length * 0.5;
  const styleCounts = new Map<string, number>();
  for (const l of lines) if (l.c.kind === 'point') styleCounts.set(l.c.style, (styleCounts.get(l.c.style) ?? 0) + 1);
  const lastPointLine = Math.max(-1, ...accepted.keys());

  const newBlock = (): Block => new Block(evidence, wrapWidth);
  const preamble = newBlock();
  const closing = newBlock();
  const points: PointDraft[] = [];
  const sections: SectionDraft[] = [];
  let preambleHeading: { signature: string; parts: string[]; certain: boolean } | undefined;
  let target: Block = preamble;
  let inClosing = false;
  let previous: Line | undefined;
  let previousWasHeading = false;
  let titledPoint = false;

  const nextLine = (i: number): number | undefined => (i + 1 < lines.length ? i + 1 : undefined);

  const isHeading = (line: Line, i: number): boolean => {
    const c = line.c;
    if (c.kind === 'heading') return true;
    const short = countWords(line.text, 16) <= 15;
    if (c.kind === 'point') {
      // A Roman-numbered or Markdown-heading line in a document numbered otherwise is a section heading.
      return (c.style === 'roman' || c.markdownLevel > 0) && short && !endsSentence(c.rest);
    }
    if (c.kind !== 'text') return false;
    if (c.bold && short) return true;
    if (capsHeadingsAllowed && isAllCaps(line.text) && short) return true;
    // A short unpunctuated line standing alone right before a point: "Security guarantees".
    const next = nextLine(i);
    const standsAlone = line.blankBefore || previous === undefined || previousWasHeading || endsWithTerminal(previous.text);
    return (
      next !== undefined &&
      accepted.has(next) &&
      standsAlone &&
      countWords(line.text, 10) <= 8 &&
      !endsWithTerminal(line.text) &&
      startsLikeSentence(line.text) &&
      (wrapWidth === undefined || line.text.length < wrapWidth * 0.6)
    );
  };

  lines.forEach((line, i) => {
    const number = accepted.get(i);
    if (number !== undefined && line.c.kind === 'point') {
      const block = newBlock();
      const titled = line.c.keyword || line.c.markdownLevel > 0;
      block.add(line.c.rest, true, titled);
      titledPoint = titled;
      points.push({ number, style: line.c.style, block });
      target = block;
      previous = line;
      previousWasHeading = false;
      return;
    }

    const startsBlock = line.blankBefore || previous === undefined || endsSentence(previous.text);
    if (!inClosing && i > lastPointLine && points.length > 0 && startsBlock && CLOSING_START.test(line.text)) {
      inClosing = true;
      target = closing;
    }

    // Right after "Article 3" with nothing yet, a heading-like line is the article's own title.
    const pointAwaitsText = points.length > 0 && target === points.at(-1)!.block && target.isEmpty;
    // "Chapter 2" alone, then "Territory": the second line is the chapter's title, even when no point follows yet.
    const lastSection = sections.at(-1);
    const bareHeadingAbove =
      previousWasHeading && lastSection !== undefined && lastSection.certain && lastSection.block.isEmpty && countWords(lastSection.title, 4) <= 3;
    if (!inClosing && bareHeadingAbove && line.c.kind === 'text' && isShortTitle(line.text)) {
      lastSection.title = `${lastSection.title} — ${line.text}`;
      previous = line;
      return;
    }
    if (!inClosing && !pointAwaitsText && isHeading(line, i)) {
      const signature = headingSignature(line);
      const title = textOf(line.c).trim();
      const certain = line.c.kind === 'heading' && line.c.certain;
      if (points.length === 0) {
        preamble.add(title, true);
        const joinsPrevious = previousWasHeading && preambleHeading !== undefined && preambleHeading.certain && !certain;
        preambleHeading = joinsPrevious
          ? { ...preambleHeading!, parts: [...preambleHeading!.parts, title], certain }
          : { signature, parts: [title], certain };
      } else {
        const last = sections.at(-1);
        // "Section II" then "Security" on the next line is one heading, written on two lines.
        const continuesTitle =
          previousWasHeading && last !== undefined && last.block.isEmpty && last.certain && !certain && last.beforePoint === points.length;
        if (continuesTitle) {
          last.title = `${last.title} — ${title}`;
        } else {
          sections.push({ title, beforePoint: points.length, signature, certain, block: newBlock() });
        }
        target = sections.at(-1)!.block;
      }
      previous = line;
      previousWasHeading = true;
      return;
    }

    const text = textOf(line.c);
    const own = line.c.kind === 'subitem' || (line.c.kind === 'point' && (styleCounts.get(line.c.style) ?? 0) >= 2);
    const paragraph =
      previous !== undefined &&
      (endsSentence(previous.text) || (previous.c.kind !== 'text' && /[;:]$/u.test(previous.text))) &&
      startsLikeSentence(text) &&
      (wrapWidth === undefined || previous.text.length < wrapWidth * 0.7);
    // Signature blocks are laid out line by line: "For Ukraine:", a name, a title.
    const startNew = line.blankBefore || own || previousWasHeading || paragraph || inClosing;
    const mayBeTitle = (target === preamble && (startNew || preamble.isEmpty)) || (titledPoint && target.isEmpty);
    // News headlines run longer than article titles.
    target.add(text, startNew, mayBeTitle, target === preamble ? 14 : 8);
    previous = line;
    previousWasHeading = false;
  });

  const drafts = splitRunTogether(points, sections, preamble);
  let preambleText = drafts.preamble;
  const finalSections = drafts.sections;

  // The heading right before point 1 opens the first section when later headings of the same kind open the others.
  const opening = preambleHeading;
  if (opening !== undefined && finalSections.some((s) => s.signature === opening.signature)) {
    const preambleLines = preambleText.split('\n');
    const tail = preambleLines.slice(-opening.parts.length);
    if (tail.length === opening.parts.length && tail.every((l, k) => l === opening.parts[k])) {
      preambleText = preambleLines.slice(0, -opening.parts.length).join('\n');
      finalSections.unshift({ title: opening.parts.join(' — '), beforePoint: 0, signature: opening.signature, text: '' });
    }
  }

  const lang = resolveLanguage(options?.lang, [preambleText, ...drafts.points.map((p) => p.text)].join('\n'));
  const result: ParsedDocument = {
    lang,
    preamble: preambleText,
    points: drafts.points,
    ...(finalSections.length > 0
      ? {
          sections: finalSections.map((s) => ({
            title: s.title,
            beforePoint: s.beforePoint,
            ...(s.text !== '' ? { text: s.text } : {}),
          })),
        }
      : {}),
    ...(closing.isEmpty ? {} : { closing: closing.value() }),
  };
  return result;
}

interface FinalSection {
  readonly title: string;
  readonly beforePoint: number;
  readonly signature: string;
  readonly text: string;
}

/**
 * Splits points that were run together on one line, and finds a list hidden inside the
 * preamble when no line started with a marker. Section indexes are remapped to the split
 * points.
 */
function splitRunTogether(
  drafts: readonly PointDraft[],
  sections: readonly SectionDraft[],
  preamble: Block,
): { preamble: string; points: ParsedPoint[]; sections: FinalSection[] } {
  let preambleText = preamble.value();
  const pieces: { number: number; style: string; text: string; origin: number }[] = [];

  if (drafts.length === 0) {
    const start = findInlineListStart(preambleText);
    if (start !== undefined) {
      preambleText = start.before;
      pieces.push({ number: start.marker.number, style: start.marker.style, text: start.after, origin: 0 });
    }
  } else {
    drafts.forEach((d, origin) => pieces.push({ number: d.number, style: d.style, text: d.block.value(), origin }));
  }

  const points: ParsedPoint[] = [];
  const firstIndexOfOrigin = new Map<number, number>();
  pieces.forEach((piece, k) => {
    if (!firstIndexOfOrigin.has(piece.origin)) firstIndexOfOrigin.set(piece.origin, points.length);
    const nextNumber = pieces[k + 1]?.number;
    let number = piece.number;
    let text = piece.text;
    while (nextNumber !== number + 1) {
      const split = findRunTogether(text, number + 1, piece.style);
      if (split === undefined) break;
      points.push({ number: String(number), text: split.before });
      number += 1;
      text = split.after;
    }
    points.push({ number: String(number), text });
  });

  const remap = (beforePoint: number): number => firstIndexOfOrigin.get(beforePoint) ?? points.length;
  const finalSections = sections.map((s) => ({
    title: s.title,
    beforePoint: remap(s.beforePoint),
    signature: s.signature,
    text: s.block.value(),
  }));
  return { preamble: preambleText, points, sections: finalSections };
}

function resolveLanguage(requested: string | undefined, text: string): string {
  const given = requested?.trim();
  if (given === undefined || given === '') return detectLanguage(text);
  try {
    return Intl.getCanonicalLocales(given)[0]!;
  } catch {
    throw new ParleyError('invalid_input', `"${given}" is not a language code; use an ISO 639-1 code such as en, ur or uk.`);
  }
}
