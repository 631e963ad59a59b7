import { describe, expect, it } from 'vitest';
import { ParleyError } from '../errors.ts';
import { activePoints } from '../record/state.ts';
import { codeOf, errorOf, eventOf, eventsOf, table, testId } from '../testing/factory.ts';

const numbers = (t: ReturnType<typeof table>) => activePoints(t.world.state).map((p) => p.number);
const texts = (t: ReturnType<typeof table>) => activePoints(t.world.state).map((p) => p.texts.en);

describe('addSection', () => {
  it('adds sections in order', () => {
    const t = table({ parties: 0, points: 0 });
    const s1 = eventOf(t.world.do(t.mediator.actor, 'addSection', { title: { en: 'Security' } }), 'section.added').payload.section;
    const s2 = eventOf(t.world.do(t.mediator.actor, 'addSection', { title: { en: 'Territory', ru: 'Территория' } }), 'section.added').payload.section;
    expect([s1.order, s2.order]).toEqual([1, 2]);
    expect(t.world.state.sections.get(s2.id)).toEqual(s2);
  });

  it('refuses a title in a language the negotiation does not use, and non-mediators', () => {
    const t = table({ parties: 1, points: 0, languages: ['en', 'ru'] });
    expect(errorOf(() => t.world.do(t.mediator.actor, 'addSection', { title: { ar: 'الأمن' } })))
      .toMatchObject({ code: 'invalid_input', message: expect.stringContaining("Language ar is not one of this negotiation's languages (en, ru)") as unknown });
    expect(codeOf(() => t.world.do(t.party(0).principal.actor, 'addSection', { title: { en: 'X' } }))).toBe('action_denied');
  });
});

describe('addPoint', () => {
  it('adds a point at the end with the next number', () => {
    const t = table({ parties: 1, points: 2 });
    const events = t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'Third', ru: 'Третий' }, tags: ['security-sector/ceasefire'] });
    expect(events.map((e) => e.type)).toEqual(['point.added']);
    const p = eventOf(events, 'point.added').payload.point;
    expect(p).toEqual({
      id: p.id, number: '3', sectionId: null, order: 3, texts: { en: 'Third', ru: 'Третий' },
      tags: ['security-sector/ceasefire'], illustrative: false, removed: false,
    });
    expect(events[0]).toMatchObject({ visibility: 'parties', partyId: null });
    expect(numbers(t)).toEqual(['1', '2', '3']);
  });

  it('inserts first (afterPointId null) and renumbers the rest, keeping their ids', () => {
    const t = table({ parties: 0, points: 3 });
    const events = t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'New first' }, afterPointId: null });
    const p = eventOf(events, 'point.added').payload.point;
    expect(eventsOf(events, 'point.moved').map((e) => e.payload)).toEqual([
      { pointId: t.pointId(0), order: 2, number: '2' },
      { pointId: t.pointId(1), order: 3, number: '3' },
      { pointId: t.pointId(2), order: 4, number: '4' },
    ]);
    expect(activePoints(t.world.state).map((x) => x.id)).toEqual([p.id, ...t.pointIds]);
    expect(numbers(t)).toEqual(['1', '2', '3', '4']);
  });

  it('inserts after a given point', () => {
    const t = table({ parties: 0, points: 3 });
    t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'Between 1 and 2' }, afterPointId: t.pointId(0) });
    expect(texts(t)).toEqual(['Point 1: illustrative text.', 'Between 1 and 2', 'Point 2: illustrative text.', 'Point 3: illustrative text.']);
    expect(numbers(t)).toEqual(['1', '2', '3', '4']);
  });

  it('keeps numbers chosen by the drafters when they are not plain integers', () => {
    const t = table({ parties: 0, points: 2 });
    t.world.do(t.mediator.actor, 'addPoint', { texts: { en: '1a' }, number: '1a', afterPointId: t.pointId(0) });
    expect(numbers(t)).toEqual(['1', '1a', '2']);
    t.world.do(t.mediator.actor, 'addPoint', { texts: { en: '3' }, number: '3' });
    expect(numbers(t)).toEqual(['1', '1a', '2', '3']);
    t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'first' }, number: '0', afterPointId: null });
    expect(numbers(t)).toEqual(['0', '1', '1a', '2', '3']);
  });

  it('refuses a default number that another point keeps when the numbering is not plain', () => {
    const t = table({ parties: 0, points: 2 });
    t.world.do(t.mediator.actor, 'addPoint', { texts: { en: '1a' }, number: '1a', afterPointId: t.pointId(0) });
    // First place would be "1", which point 1 keeps (non-plain numbers are not renumbered).
    expect(errorOf(() => t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'first' }, afterPointId: null })))
      .toMatchObject({ code: 'already_exists', message: 'Point 1 already exists; give the new point a number of its own.' });
    expect(numbers(t)).toEqual(['1', '1a', '2']);
  });

  it('never leaves two points with the same plain number, even when a number was asked for', () => {
    const t = table({ parties: 0, points: 4 });
    const events = t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'asked to be 5, put first' }, number: '5', afterPointId: null });
    expect(numbers(t)).toEqual(['1', '2', '3', '4', '5']);
    expect(eventOf(events, 'point.added').payload.point.number).toBe('1');
    expect(eventsOf(events, 'point.moved').every((e) => e.payload.pointId !== eventOf(events, 'point.added').payload.point.id)).toBe(true);
  });

  it('refuses a number already in use', () => {
    const t = table({ parties: 0, points: 2 });
    expect(errorOf(() => t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'x' }, number: '2' })))
      .toMatchObject({ code: 'already_exists', message: 'Point 2 already exists; choose another number or leave it empty.' });
  });

  it('puts a point in a section', () => {
    const t = table({ parties: 0, points: 0 });
    const s = eventOf(t.world.do(t.mediator.actor, 'addSection', { title: { en: 'Territory' } }), 'section.added').payload.section;
    const p = eventOf(t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'x' }, sectionId: s.id }), 'point.added').payload.point;
    expect(p.sectionId).toBe(s.id);
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'x' }, sectionId: testId(999) }))).toBe('not_found');
  });

  it('refuses an unknown or removed point to insert after', () => {
    const t = table({ parties: 0, points: 2 });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'x' }, afterPointId: testId(999) }))).toBe('point_not_found');
    t.world.do(t.mediator.actor, 'removePoint', { pointId: t.pointId(0) });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'x' }, afterPointId: t.pointId(0) }))).toBe('point_not_found');
  });

  it('refuses a language the negotiation does not use', () => {
    const t = table({ parties: 0, points: 0, languages: ['en', 'ru'] });
    expect(errorOf(() => t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'x', ur: 'ایکس' } })))
      .toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^Language ur is not one of/) as unknown });
    expect(t.world.state.points.size).toBe(0);
  });

  it('is for the mediator only', () => {
    const t = table({ parties: 1, points: 0 });
    for (const role of ['principal', 'negotiator', 'advisor', 'observer'] as const) {
      expect(codeOf(() => t.world.do(t.party(0)[role].actor, 'addPoint', { texts: { en: 'x' } }))).toBe('action_denied');
    }
    expect(codeOf(() => t.world.do({ kind: 'public' }, 'addPoint', { texts: { en: 'x' } }))).toBe('action_denied');
  });

  it('needs text in at least one language and tags as slugs', () => {
    const t = table({ parties: 0, points: 0 });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addPoint', { texts: {} }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addPoint', { texts: { en: '   ' } }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'x' }, tags: ['Security Sector'] }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'x' }, tags: ['territory', 'security-sector/ceasefire', 'ukrainian-own-tag'] }))).toBe('no error');
  });

  it('stores text NFC-normalized: a decomposed string comes back composed', () => {
    const t = table({ parties: 0, points: 0, languages: ['en', 'uk'] });
    const decomposed = 'Cafe\u0301 \u0438\u0306'; // e + combining acute; и + combining breve
    expect(decomposed).toHaveLength(8);
    const p = eventOf(t.world.do(t.mediator.actor, 'addPoint', { texts: { en: decomposed } }), 'point.added').payload.point;
    expect(p.texts.en).toBe('Caf\u00e9 \u0439');
    expect(t.world.state.points.get(p.id)?.texts.en).toBe('Café й');
    expect(t.world.log.at(-1)?.payload).toMatchObject({ point: { texts: { en: 'Café й' } } });
  });

  it('refuses NUL and other control characters with a clear message', () => {
    const t = table({ parties: 0, points: 0 });
    for (const bad of ['nul\u0000here', 'bell\u0007', 'del\u007f']) {
      const e = errorOf(() => t.world.do(t.mediator.actor, 'addPoint', { texts: { en: bad } }));
      expect(e).toBeInstanceOf(ParleyError);
      expect((e as ParleyError).code).toBe('invalid_input');
      expect((e as ParleyError).message).toBe('texts.en: contains control characters (such as NUL) that cannot be stored');
    }
    expect(codeOf(() => t.world.do(t.mediator.actor, 'addPoint', { texts: { en: 'tab\tand\nnew line\r\nare fine' } }))).toBe('no error');
    expect(t.world.state.points.size).toBe(1);
    expect([...t.world.state.points.values()][0]?.texts.en).toBe('tab\tand\nnew line\nare fine');
  });
});
