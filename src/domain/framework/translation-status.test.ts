import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeOf, errorOf, eventOf, table } from '../testing/factory.ts';
import { afterConfirmed, afterTextsSet, textHistories, translationStatus, type TextEvent } from './translation-status.ts';

const P = '00000000-0000-4000-8000-000000000001';

describe('translationStatus', () => {
  it('is current for every language of a new point', () => {
    expect(translationStatus(afterTextsSet(undefined, { en: 'A', ur: 'ا', ru: 'А' }, 1))).toEqual({ en: 'current', ur: 'current', ru: 'current' });
  });

  it('marks the languages that did not change pending, until edited or confirmed', () => {
    const h1 = afterTextsSet(undefined, { en: 'A', ur: 'ا', ru: 'А' }, 1);
    const h2 = afterTextsSet(h1, { en: 'A2', ur: 'ا', ru: 'А' }, 5);
    expect(translationStatus(h2)).toEqual({ en: 'current', ur: 'pending', ru: 'pending' });
    const h3 = afterTextsSet(h2, { en: 'A2', ur: 'ب', ru: 'А' }, 7);
    expect(translationStatus(h3)).toEqual({ en: 'pending', ur: 'current', ru: 'pending' });
    // Both edited at once: the other languages change together, so only Russian lags.
    const h4 = afterTextsSet(h3, { en: 'A3', ur: 'پ', ru: 'А' }, 9);
    expect(translationStatus(h4)).toEqual({ en: 'current', ur: 'current', ru: 'pending' });
    expect(translationStatus(afterConfirmed(h4, 'ru', 10))).toEqual({ en: 'current', ur: 'current', ru: 'current' });
  });

  it('keeps a confirmation until another language changes again', () => {
    let h = afterTextsSet(undefined, { en: 'A', ur: 'ا' }, 1);
    h = afterTextsSet(h, { en: 'B', ur: 'ا' }, 2);
    h = afterConfirmed(h, 'ur', 3);
    expect(translationStatus(h).ur).toBe('current');
    h = afterTextsSet(h, { en: 'C', ur: 'ا' }, 4);
    expect(translationStatus(h).ur).toBe('pending');
  });

  it('treats a language added later as the newest text', () => {
    let h = afterTextsSet(undefined, { en: 'A' }, 1);
    h = afterTextsSet(h, { en: 'A', uk: 'А' }, 2);
    expect(translationStatus(h)).toEqual({ en: 'pending', uk: 'current' });
  });

  it('folds the log the same way, one event at a time', () => {
    const events: TextEvent[] = [
      { seq: 1, type: 'point.added', payload: { point: { id: P, texts: { en: 'A', ur: 'ا' } } } },
      { seq: 2, type: 'point.edited', payload: { pointId: P, texts: { en: 'B', ur: 'ا' } } },
      { seq: 3, type: 'point.translation_confirmed', payload: { pointId: P, lang: 'ur' } },
    ];
    expect(translationStatus(textHistories(events.slice(0, 2)).get(P))).toEqual({ en: 'current', ur: 'pending' });
    expect(translationStatus(textHistories(events).get(P))).toEqual({ en: 'current', ur: 'current' });
  });

  it('law: the languages changed by the last edit are current, and one language left alone behind a change is pending', () => {
    const langs = ['en', 'ur', 'ru', 'uk'] as const;
    const edit = fc.record({ changed: fc.subarray([...langs], { minLength: 1 }), confirm: fc.option(fc.constantFrom(...langs)) });
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
      let texts: Record<string, string> = Object.fromEntries(langs.map((l) => [l, `${l}0`]));
      let h = afterTextsSet(undefined, texts, 1);
      let seq = 1;
      for (const [i, e] of edits.entries()) {
        texts = { ...texts, ...Object.fromEntries(e.changed.map((l) => [l, `${l}${i + 1}`])) };
        h = afterTextsSet(h, texts, ++seq);
        const s = translationStatus(h);
        for (const l of e.changed) expect(s[l]).toBe('current');
        if (e.changed.length < langs.length) expect(langs.filter((l) => !e.changed.includes(l)).every((l) => s[l] === 'pending')).toBe(true);
        if (e.confirm) {
          h = afterConfirmed(h, e.confirm, ++seq);
          expect(translationStatus(h)[e.confirm]).toBe('current');
        }
      }
    }));
  });
});

describe('confirmTranslation', () => {
  it('the mediator confirms a pending language unchanged; the state follows the events', () => {
    const t = table({ parties: 1, points: 1, languages: ['en', 'ur', 'ru'] });
    const id = t.pointId(0);
    t.world.do(t.mediator.actor, 'editPoint', { pointId: id, texts: { en: 'New English', ur: 'اردو', ru: 'Русский' } });
    t.world.do(t.mediator.actor, 'editPoint', { pointId: id, texts: { en: 'Newer English', ur: 'اردو', ru: 'Русский' } });
    expect(translationStatus(t.world.state.textHistory.get(id))).toEqual({ en: 'current', ur: 'pending', ru: 'pending' });
    const events = t.world.do(t.mediator.actor, 'confirmTranslation', { pointId: id, lang: 'ur' });
    expect(eventOf(events, 'point.translation_confirmed')).toMatchObject({ payload: { pointId: id, lang: 'ur' }, visibility: 'parties', partyId: null });
    expect(translationStatus(t.world.state.textHistory.get(id))).toEqual({ en: 'current', ur: 'current', ru: 'pending' });
  });

  it('refuses a language that is not pending, one the point has no text in, a party member, and a stale view', () => {
    const t = table({ parties: 1, points: 1, languages: ['en', 'ur'] });
    const id = t.pointId(0);
    t.world.do(t.mediator.actor, 'editPoint', { pointId: id, texts: { en: 'A', ur: 'ا' } });
    expect(errorOf(() => t.world.do(t.mediator.actor, 'confirmTranslation', { pointId: id, lang: 'ur' })))
      .toMatchObject({ code: 'invalid_input', message: 'The ur text of point 1 is not pending: nothing to confirm.' });
    t.world.do(t.mediator.actor, 'editPoint', { pointId: id, texts: { en: 'B', ur: 'ا' } });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'confirmTranslation', { pointId: id, lang: 'ru' }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.parties[0]!.principal.actor, 'confirmTranslation', { pointId: id, lang: 'ur' }))).toBe('action_denied');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'confirmTranslation', { pointId: id, lang: 'ur', basedOn: 1 }))).toBe('version_conflict');
  });
});
