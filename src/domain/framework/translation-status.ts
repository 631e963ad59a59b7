/**
 * Multilingual authentic texts (issue 5 §5): a point has one text per language, all of them
 * authentic. When one language's text changes and another's does not, the other may no
 * longer say the same thing: it is *pending* until it is edited too or a mediator confirms it
 * unchanged. The status is derived from the point's text history alone, so the state fold and
 * a read of the log (the API's, under row-level security) give the same answer.
 */
import type { Localized } from '../model.ts';

export type TranslationState = 'current' | 'pending';

export interface TextHistory {
  /** The texts as they stand, to tell which languages an edit changed. */
  texts: Localized;
  /** Per language, the seq of the event that last changed its text. */
  changedAt: Record<string, number>;
  /** Per language, the seq at which a mediator last confirmed it still matches the others. */
  confirmedAt: Record<string, number>;
}

/** The history after the point's texts were set to `texts` by event `seq` (added or edited). */
export function afterTextsSet(prev: TextHistory | undefined, texts: Localized, seq: number): TextHistory {
  const changedAt: Record<string, number> = {};
  for (const [lang, text] of Object.entries(texts)) {
    const before = prev?.texts[lang];
    changedAt[lang] = before === text && prev ? (prev.changedAt[lang] ?? seq) : seq;
  }
  const confirmedAt = Object.fromEntries(Object.entries(prev?.confirmedAt ?? {}).filter(([lang]) => lang in texts));
  return { texts, changedAt, confirmedAt };
}

export function afterConfirmed(prev: TextHistory, lang: string, seq: number): TextHistory {
  return { ...prev, confirmedAt: { ...prev.confirmedAt, [lang]: seq } };
}

/**
 * A language is pending when another language's text changed after it was last brought up
 * to date (its own change or a confirmation). Every language with a text gets a status.
 */
export function translationStatus(h: TextHistory | undefined): Record<string, TranslationState> {
  if (!h) return {};
  const out: Record<string, TranslationState> = {};
  for (const lang of Object.keys(h.texts)) {
    const upToDate = Math.max(h.changedAt[lang] ?? 0, h.confirmedAt[lang] ?? 0);
    const newerElsewhere = Object.entries(h.changedAt).some(([other, at]) => other !== lang && at > upToDate);
    out[lang] = newerElsewhere ? 'pending' : 'current';
  }
  return out;
}

/** The events that carry a point's texts, as the log holds them. */
export type TextEvent =
  | { seq: number; type: 'point.added'; payload: { point: { id: string; texts: Localized } } }
  | { seq: number; type: 'point.edited'; payload: { pointId: string; texts: Localized } }
  | { seq: number; type: 'point.translation_confirmed'; payload: { pointId: string; lang: string } };

/** One step of the fold, shared by the domain state (`evolve`) and reads of the log. */
export function foldTextEvent(histories: Map<string, TextHistory>, e: TextEvent): void {
  switch (e.type) {
    case 'point.added':
      histories.set(e.payload.point.id, afterTextsSet(undefined, e.payload.point.texts, e.seq));
      return;
    case 'point.edited': {
      // An edit of a point never added is ignored, as `evolve` ignores it.
      const h = histories.get(e.payload.pointId);
      if (h) histories.set(e.payload.pointId, afterTextsSet(h, e.payload.texts, e.seq));
      return;
    }
    case 'point.translation_confirmed': {
      const h = histories.get(e.payload.pointId);
      if (h) histories.set(e.payload.pointId, afterConfirmed(h, e.payload.lang, e.seq));
      return;
    }
  }
}

export function textHistories(events: Iterable<TextEvent>): Map<string, TextHistory> {
  const out = new Map<string, TextHistory>();
  for (const e of events) foldTextEvent(out, e);
  return out;
}
