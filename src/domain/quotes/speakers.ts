/**
 * Who said a quotation. In the sentence around it (sentences are cut with the quotations
 * masked, so their own full stops do not split the frame) the nearest reporting cue is
 * chosen: first one between the previous quotation and this one ("X said:", "X نے کہا کہ"),
 * then one right after it that does not introduce something else ('," he added',
 * '» — сказал Песков', '" پوتن نے کہا'), then any earlier one. The cue's speaker is the
 * nearest mention on the side its language puts subjects (Urdu and Persian before the verb,
 * Arabic after, English and Russian either; "according to" and "по словам" after, Urdu
 * "کے مطابق" before). A pronoun or a role stands for the subject of the nearest earlier
 * sentence in the paragraph that names someone, or for the last speaker; a capital stands
 * for the last speaker of its party. With no cue, a quotation continued from the previous
 * paragraph, one after "Name:" (a headline), or one that opens its sentence right after
 * another speaker's words keeps that speaker.
 */
import { fold, scriptOf } from './fold.ts';
import { METONYMS } from './lexicon.ts';
import type { CueHit } from './cues.ts';
import type { Mention } from './mentions.ts';
import type { Entity } from './people.ts';
import type { QuoteSpan } from './marks.ts';
import type { Token } from './tokens.ts';
import type { AttributionVia } from './types.ts';

export interface Speaker {
  readonly name: string;
  readonly entity: Entity | null;
  readonly party: string | null;
}

export interface Attribution {
  readonly speaker: Speaker | null;
  readonly via: AttributionVia;
  readonly cue: CueHit | null;
  readonly mention: Mention | null;
  readonly confidence: number;
}

/** What attribution remembers from one quotation to the next. */
export interface Discourse {
  lastSpeaker: Speaker | null;
  lastSpeakerParagraph: number;
  /** The most recent non-modifier person mention in the text so far. */
  lastPerson: Speaker | null;
  /** How each entity was last named in the text. */
  readonly surfaces: Map<number, string>;
  /** Entities in the order they were last named, the latest last. */
  readonly recent: Entity[];
}

export function newDiscourse(): Discourse {
  return { lastSpeaker: null, lastSpeakerParagraph: -1, lastPerson: null, surfaces: new Map(), recent: [] };
}

export interface ParagraphFrame {
  readonly index: number;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly spans: readonly QuoteSpan[];
  readonly mentions: readonly Mention[];
  readonly cues: readonly CueHit[];
  readonly sentences: readonly [number, number][];
  /** This paragraph opens by continuing the previous paragraph's unclosed quotation. */
  readonly continues: boolean;
}

const MAX_DISTANCE = 10;
const PRO_DROP = new Set(['ar', 'ru', 'uk', 'fa', 'ur', 'zh']);

function sentenceOf(frame: ParagraphFrame, at: number): [number, number] {
  return frame.sentences.find(([s, e]) => at >= s && at < e) ?? [0, frame.text.length];
}

/** Tokens between two token indices, a masked quotation counting as one. */
function distance(frame: ParagraphFrame, from: number, to: number): number {
  let d = 0;
  let inSpan: QuoteSpan | undefined;
  for (let i = from; i < to; i++) {
    const t = frame.tokens[i]!;
    const span = frame.spans.find((s) => t.start >= s.contentStart && t.end <= s.contentEnd);
    if (span !== undefined) {
      if (span !== inSpan) d++;
      inSpan = span;
      continue;
    }
    inSpan = undefined;
    if (t.word) d++;
  }
  return d;
}

function speakerOf(m: Mention): Speaker | null {
  if (m.entity === null) return null;
  return { name: m.entity.name, entity: m.entity, party: m.entity.party };
}

function surface(s: Speaker, d: Discourse): string {
  return s.entity !== null ? (d.surfaces.get(s.entity.id) ?? s.name) : s.name;
}

function findSpeakerMention(frame: ParagraphFrame, cue: CueHit, sentence: [number, number], tail: boolean): Mention | null {
  const according = cue.entry.kind === 'according';
  const side = cue.fronted ? 'before' : cue.entry.side;
  const urdu = cue.entry.lang === 'ur';
  let best: Mention | null = null;
  let bestScore = Infinity;
  for (const m of frame.mentions) {
    const t = frame.tokens[m.start]!;
    if (t.start < sentence[0] || t.start >= sentence[1]) continue;
    // "according to X", "X کے مطابق": the name is the cue's object, which elsewhere marks a modifier.
    const objectOfCue = according && ((urdu && m.end <= cue.start && cue.start - m.end <= 1) || (!urdu && m.start >= cue.end && m.start - cue.end <= 2));
    if (m.modifier && !objectOfCue) continue;
    if (m.oblique && !according) continue;
    let d: number;
    let onSide: 'before' | 'after';
    if (m.end <= cue.start) {
      d = distance(frame, m.end, cue.start);
      onSide = 'before';
    } else if (m.start >= cue.end) {
      d = distance(frame, cue.end, m.start);
      onSide = 'after';
    } else continue;
    if (d > MAX_DISTANCE) continue;
    // Urdu perfective verbs take their subject with نے; a bare noun before them is an object.
    if (urdu && !according && onSide === 'before' && !m.agent && d > 0 && m.kind !== 'pronoun') continue;
    if (urdu && according && onSide === 'before' && d > 1) continue;
    let score = d;
    if (side !== 'either' && onSide !== side) score += 6;
    // Before its quotation a verb's subject precedes it ("Peskov called Kyiv's position …");
    // after it, inversion is common ("» — сказал Песков", '," said Peskov').
    if (side === 'either' && !tail && onSide === 'after') score += 3;
    if (m.kind === 'metonym') score += 2;
    if (score < bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

/** The subject of the nearest earlier sentence in the paragraph that names someone. */
function antecedent(frame: ParagraphFrame, before: number, d: Discourse, exclude: Entity | null): Speaker | null {
  const candidates = frame.mentions.filter((m) => m.kind === 'person' && !m.modifier && m.entity !== null && m.entity !== exclude && frame.tokens[m.start]!.start < before);
  const last = candidates.at(-1);
  if (last !== undefined) {
    const sentence = sentenceOf(frame, frame.tokens[last.start]!.start);
    const inSentence = candidates.filter((m) => frame.tokens[m.start]!.start >= sentence[0]);
    const pick = inSentence.find((m) => m.agent) ?? inSentence[0] ?? last;
    return speakerOf(pick);
  }
  if (d.lastSpeaker !== null && d.lastSpeaker.entity !== exclude) return d.lastSpeaker;
  if (d.lastPerson !== null && d.lastPerson.entity !== exclude) return d.lastPerson;
  return null;
}

function resolve(frame: ParagraphFrame, m: Mention, d: Discourse): { speaker: Speaker | null; via: AttributionVia } {
  const at = frame.tokens[m.start]!.start;
  switch (m.kind) {
    case 'person':
      return { speaker: speakerOf(m), via: 'name' };
    case 'pronoun':
      return { speaker: antecedent(frame, at, d, null), via: 'pronoun' };
    case 'role': {
      if (m.described === true) return { speaker: { name: m.text, entity: null, party: null }, via: 'role' };
      // "Putin's aide" is not Putin.
      const possessor = frame.mentions.find((n) => n.modifier && n.entity !== null && Math.abs(n.start - m.start) <= 3);
      // "the spokesman" is whoever the text called a spokesman, if anyone.
      const role = frame.tokens[m.end - 1]!.folded;
      const titled = [...d.recent].reverse().find((e) => e !== possessor?.entity && e.roles.has(role));
      if (titled !== undefined) return { speaker: { name: titled.name, entity: titled, party: titled.party }, via: 'role' };
      return { speaker: antecedent(frame, at, d, possessor?.entity ?? null) ?? { name: m.text, entity: null, party: null }, via: 'role' };
    }
    case 'metonym': {
      const last = d.lastSpeaker;
      const names = last?.entity?.partyNames ?? (last?.party == null ? [] : [last.party]);
      const recognized = names.some((n) => METONYMS.some((g) => partyIs(g.party, n)));
      if (last !== null && recognized && names.some((n) => partyIs(m.party ?? [], n))) return { speaker: last, via: 'metonym' };
      // A party the lexicon cannot place (an opaque id, or none): only a recent speaker.
      if (last !== null && !recognized && frame.index - d.lastSpeakerParagraph <= 2) return { speaker: last, via: 'metonym' };
      // Otherwise the person of that party named most recently ("Moscow" after Rubio spoke, Ushakov before).
      const member = [...d.recent].reverse().find((e) => e.partyNames.some((n) => partyIs(m.party ?? [], n)));
      if (member !== undefined) return { speaker: { name: member.name, entity: member, party: member.party }, via: 'metonym' };
      return { speaker: { name: m.text, entity: null, party: null }, via: 'metonym' };
    }
  }
}

/**
 * Is `name` (a party as the caller gave it: "Russia", "party-russia", "US delegation") one
 * of a capital's parties? Whole words only, so "us" is not found inside "Russia".
 */
function partyIs(parties: readonly string[], name: string): boolean {
  const words = fold(name).split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => w !== '');
  const joined = ` ${words.join(' ')} `;
  return parties.some((p) => joined.includes(` ${p} `));
}

function beforeRegionEmpty(frame: ParagraphFrame, span: QuoteSpan, sentence: [number, number]): boolean {
  const before = frame.text.slice(sentence[0], span.open);
  return !/[\p{L}\p{N}]/u.test(before);
}

/** "Peskov: «...»", "Peskov: talks useful but "no breakthrough"", "پیسکوف: ..." opening a paragraph. */
function headlineSpeaker(frame: ParagraphFrame, span: QuoteSpan): Mention | null {
  const colon = frame.tokens.findIndex((t) => /^[:：]$/u.test(t.text));
  if (colon < 1 || colon > 5 || frame.tokens[colon]!.start > span.open) return null;
  if (frame.index > 2 && frame.text.length > 200) return null;
  return frame.mentions.find((m) => (m.kind === 'person' || m.kind === 'metonym') && m.end <= colon) ?? null;
}

const FORWARD_OPENERS = [['об', 'этом'], ['про', 'це'], ['о', 'том'], ['جاء', 'ذلك'], ['this', 'was'], ['that', 'was']];

/** "«…». Об этом заявил Песков." / "… Про це заявив Пєсков.": the next sentence names the speaker. */
function forwardAttribution(frame: ParagraphFrame, sentence: [number, number], d: Discourse): Attribution | null {
  const next = frame.sentences.find(([s]) => s >= sentence[1]);
  if (next === undefined) return null;
  const first = frame.tokens.findIndex((t) => t.start >= next[0] && t.word);
  if (first < 0 || !FORWARD_OPENERS.some((o) => o.every((w, k) => frame.tokens[first + k]?.folded === w))) return null;
  const cue = frame.cues.find((c) => frame.tokens[c.start]!.start >= next[0] && frame.tokens[c.start]!.start < next[1]);
  if (cue === undefined) return null;
  const m = findSpeakerMention(frame, cue, next, true);
  if (m === null) return null;
  const r = resolve(frame, m, d);
  return r.speaker === null ? null : { speaker: r.speaker, via: r.via, cue, mention: m, confidence: 0.8 };
}

export function attribute(frame: ParagraphFrame, spanIndex: number, d: Discourse): Attribution {
  const span = frame.spans[spanIndex]!;
  const prev = frame.spans[spanIndex - 1];
  const next = frame.spans[spanIndex + 1];
  const sentence = sentenceOf(frame, span.open);
  const openTok = frame.tokens.findIndex((t) => t.start >= span.open);
  const endChar = span.close === null ? frame.text.length : span.close;
  const inSentence = (c: CueHit): boolean => {
    const s = frame.tokens[c.start]!.start;
    return s >= sentence[0] && s < sentence[1];
  };
  const cuePos = (c: CueHit): number => frame.tokens[c.start]!.start;

  if (spanIndex === 0 && frame.continues && span.open < 3 && d.lastSpeaker !== null) {
    return { speaker: d.lastSpeaker, via: 'continuation', cue: null, mention: null, confidence: 0.85 };
  }

  const prevEnd = prev === undefined ? sentence[0] : Math.max(sentence[0], prev.close ?? prev.contentEnd);
  const intro = frame.cues.filter((c) => inSentence(c) && cuePos(c) >= prevEnd && cuePos(c) < span.open).at(-1);
  const nextOpen = next === undefined ? sentence[1] : Math.min(sentence[1], next.open);
  const tail = frame.cues.find((c) => inSentence(c) && cuePos(c) > endChar && cuePos(c) < nextOpen && !(c.introduces && next !== undefined));
  const earlier = frame.cues.filter((c) => inSentence(c) && cuePos(c) < prevEnd).at(-1);

  let implicit: Attribution | null = null;
  for (const [cue, confidence] of [[intro, 0.9], [tail, 0.9], [earlier, 0.7]] as const) {
    if (cue === undefined) continue;
    const m = findSpeakerMention(frame, cue, sentence, cue === tail);
    if (m !== null) {
      const r = resolve(frame, m, d);
      if (r.speaker !== null) return { speaker: r.speaker, via: r.via, cue, mention: m, confidence: m.kind === 'person' ? confidence : confidence - 0.15 };
    }
    // A verb with no subject in sight: pro-drop ("وأضاف", "добавил"), or "he" left out.
    if (implicit === null && cue.entry.kind === 'verb' && (PRO_DROP.has(cue.entry.lang) || cue !== earlier)) {
      const s = antecedent(frame, cuePos(cue), d, null);
      if (s !== null) implicit = { speaker: s, via: 'pronoun', cue, mention: null, confidence: confidence - 0.25 };
    }
  }

  const forward = forwardAttribution(frame, sentence, d);
  if (forward !== null) return forward;
  if (implicit !== null) return implicit;

  const head = headlineSpeaker(frame, span);
  if (head !== null) {
    const r = resolve(frame, head, d);
    if (r.speaker !== null) return { speaker: r.speaker, via: 'headline', cue: null, mention: head, confidence: 0.8 };
  }
  if (openTok >= 0 && beforeRegionEmpty(frame, span, sentence) && d.lastSpeaker !== null && frame.index - d.lastSpeakerParagraph <= 1) {
    return { speaker: d.lastSpeaker, via: 'inherited', cue: null, mention: null, confidence: 0.5 };
  }
  return { speaker: null, via: 'none', cue: null, mention: null, confidence: 0.2 };
}

/** Remembers who was named and who spoke, for pronouns and roles further on. */
export function noteMentions(frame: ParagraphFrame, d: Discourse, upTo: number): void {
  for (const m of frame.mentions) {
    if (m.kind !== 'person' || m.entity === null || frame.tokens[m.start]!.start >= upTo) continue;
    if (!m.oblique || scriptOf(m.text) !== 'cyrillic') d.surfaces.set(m.entity.id, m.text);
    else if (!d.surfaces.has(m.entity.id)) d.surfaces.set(m.entity.id, m.text);
    if (!m.modifier) d.lastPerson = { name: m.entity.name, entity: m.entity, party: m.entity.party };
    const at = d.recent.indexOf(m.entity);
    if (at >= 0) d.recent.splice(at, 1);
    d.recent.push(m.entity);
  }
}

export function speakerSurface(s: Speaker, d: Discourse): string {
  return surface(s, d);
}
