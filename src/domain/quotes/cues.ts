/** Reporting cues (verbs and "according to" phrases) found among a paragraph's tokens. */
import { COMPLEMENTIZERS, CUES, type CueEntry, withoutClitic, wordMatches } from './lexicon.ts';
import type { Token } from './tokens.ts';

export interface CueHit {
  readonly entry: CueEntry;
  /** Token range [start, end). */
  readonly start: number;
  readonly end: number;
  /** A colon or "that"/کہ/что follows: the cue introduces what comes next. */
  readonly introduces: boolean;
  /**
   * Arabic "أما X فقال": the verb carries the ف that answers a fronted subject, so its
   * speaker stands before it rather than after.
   */
  readonly fronted: boolean;
}

function matchesAt(entry: CueEntry, tokens: readonly Token[], i: number): boolean {
  for (let k = 0; k < entry.words.length; k++) {
    const tok = tokens[i + k];
    if (tok === undefined || !tok.word) return false;
    const w = entry.words[k]!;
    if (wordMatches(w, tok.folded)) continue;
    // Only the conjunctions و/ف glue onto Arabic verbs (وقال، فأضاف); ب and ل would turn
    // Persian برای into رأى.
    const bare = k === 0 && /^[وف]/u.test(tok.folded) ? withoutClitic(tok.folded) : undefined;
    if (bare !== undefined && wordMatches(w, bare)) continue;
    return false;
  }
  return true;
}

export function findCues(tokens: readonly Token[], inQuote: (tokenIndex: number) => boolean): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.word || inQuote(i)) continue;
    // "so-called", "well-said": part of a compound, not a reporting verb.
    if (tokens[i - 1]?.text === '-' && tokens[i - 1]!.end === tokens[i]!.start) continue;
    let best: CueEntry | undefined;
    for (const entry of CUES) {
      if ((best === undefined || entry.words.length > best.words.length) && matchesAt(entry, tokens, i)) best = entry;
    }
    if (best === undefined) continue;
    const end = i + best.words.length;
    const first = tokens[i]!.folded;
    const fronted = best.lang === 'ar' && best.kind === 'verb' && first.startsWith('ف') && !wordMatches(best.words[0]!, first);
    hits.push({ entry: best, start: i, end, introduces: introduces(tokens, end), fronted });
    i = end - 1;
  }
  return hits;
}

/** A colon, a dash, or a complementizer right after the cue (or one adverb later: "said on Tuesday that" is not covered). */
function introduces(tokens: readonly Token[], at: number): boolean {
  for (let k = at; k < Math.min(tokens.length, at + 2); k++) {
    const t = tokens[k]!;
    if (!t.word) return /^[:：]$/u.test(t.text);
    if (COMPLEMENTIZERS.has(t.folded)) return true;
    const bare = withoutClitic(t.folded);
    if (bare !== undefined && COMPLEMENTIZERS.has(bare)) return true;
  }
  return false;
}
