import { describe, expect, it } from 'vitest';
import { activePoints } from '../record/state.ts';
import { codeOf, errorOf, eventOf, eventsOf, table, testId } from '../testing/factory.ts';

describe('editPoint', () => {
  it('changes texts, tags, number and section, keeping the id', () => {
    const t = table({ parties: 0, points: 2 });
    const s = eventOf(t.world.do(t.mediator.actor, 'addSection', { title: { en: 'Territory' } }), 'section.added').payload.section;
    const events = t.world.do(t.mediator.actor, 'editPoint', {
      pointId: t.pointId(1), texts: { en: 'Revised', ru: 'Пересмотрено' }, tags: ['territory'], number: '2bis', sectionId: s.id,
    });
    expect(events).toHaveLength(1);
    expect(eventOf(events, 'point.edited').payload).toEqual({ pointId: t.pointId(1), texts: { en: 'Revised', ru: 'Пересмотрено' }, tags: ['territory'], number: '2bis', sectionId: s.id });
    expect(t.world.state.points.get(t.pointId(1))).toMatchObject({ id: t.pointId(1), number: '2bis', order: 2, texts: { en: 'Revised', ru: 'Пересмотрено' }, tags: ['territory'], sectionId: s.id, illustrative: true, removed: false });
  });

  it('leaves out what is not given, and can take a point out of its section', () => {
    const t = table({ parties: 0, points: 1 });
    const s = eventOf(t.world.do(t.mediator.actor, 'addSection', { title: { en: 'Territory' } }), 'section.added').payload.section;
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), sectionId: s.id });
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), tags: ['territory'] });
    expect(t.world.state.points.get(t.pointId(0))).toMatchObject({ sectionId: s.id, tags: ['territory'], texts: { en: 'Point 1: illustrative text.' } });
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), sectionId: null });
    expect(t.world.state.points.get(t.pointId(0))?.sectionId).toBeNull();
    // An edit of the text alone keeps the tags (they are not reset to none).
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), texts: { en: 'Only the text changes.' } });
    expect(t.world.state.points.get(t.pointId(0))?.tags).toEqual(['territory']);
  });

  it('refuses an edit that changes nothing, whatever the key order of the texts', () => {
    const t = table({ parties: 0, points: 1 });
    expect(errorOf(() => t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), texts: { en: 'Point 1: illustrative text.' } })))
      .toMatchObject({ code: 'invalid_input', message: 'Nothing to change: point 1 already reads like this.' });
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), texts: { en: 'A', ru: 'Б' } });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), texts: { ru: 'Б', en: 'A' } }))).toBe('invalid_input');
  });

  it('refuses a number another point has', () => {
    const t = table({ parties: 0, points: 2 });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(1), number: '1' }))).toBe('already_exists');
  });

  it('refuses unknown or removed points, unknown sections and languages, and non-mediators', () => {
    const t = table({ parties: 1, points: 2, languages: ['en', 'ru'] });
    const m = t.mediator.actor;
    expect(codeOf(() => t.world.do(m, 'editPoint', { pointId: testId(999), texts: { en: 'x' } }))).toBe('point_not_found');
    expect(codeOf(() => t.world.do(m, 'editPoint', { pointId: t.pointId(0), sectionId: testId(999) }))).toBe('not_found');
    expect(codeOf(() => t.world.do(m, 'editPoint', { pointId: t.pointId(0), texts: { uk: 'х' } }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.party(0).principal.actor, 'editPoint', { pointId: t.pointId(0), texts: { en: 'x' } }))).toBe('action_denied');
    t.world.do(m, 'removePoint', { pointId: t.pointId(0) });
    expect(errorOf(() => t.world.do(m, 'editPoint', { pointId: t.pointId(0), texts: { en: 'x' } })))
      .toMatchObject({ code: 'point_not_found', message: 'Point 1 was removed from the working text.' });
  });
});

describe('removePoint', () => {
  it('flags the point removed and renumbers the rest, ids unchanged', () => {
    const t = table({ parties: 0, points: 4 });
    const events = t.world.do(t.mediator.actor, 'removePoint', { pointId: t.pointId(1) });
    expect(events.map((e) => e.type)).toEqual(['point.removed', 'point.moved', 'point.moved']);
    expect(eventsOf(events, 'point.moved').map((e) => e.payload)).toEqual([
      { pointId: t.pointId(2), order: 2, number: '2' },
      { pointId: t.pointId(3), order: 3, number: '3' },
    ]);
    expect(activePoints(t.world.state).map((p) => [p.id, p.number])).toEqual([[t.pointId(0), '1'], [t.pointId(2), '2'], [t.pointId(3), '3']]);
    // The removed point is kept, flagged: history is never lost.
    expect(t.world.state.points.get(t.pointId(1))).toMatchObject({ removed: true, number: '2' });
  });

  it('removing the last point moves nothing', () => {
    const t = table({ parties: 0, points: 2 });
    expect(t.world.do(t.mediator.actor, 'removePoint', { pointId: t.pointId(1) }).map((e) => e.type)).toEqual(['point.removed']);
  });

  it('refuses a point removed already, and non-mediators', () => {
    const t = table({ parties: 1, points: 2 });
    expect(codeOf(() => t.world.do(t.party(0).negotiator.actor, 'removePoint', { pointId: t.pointId(0) }))).toBe('action_denied');
    t.world.do(t.mediator.actor, 'removePoint', { pointId: t.pointId(0) });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'removePoint', { pointId: t.pointId(0) }))).toBe('point_not_found');
  });
});
