import { describe, expect, it } from 'vitest';
import { table, testId } from '../testing/factory.ts';
import type { EventBody } from './events.ts';
import { evolve } from './evolve.ts';
import { emptyState } from './state.ts';

const at = '2025-12-03T10:00:00.000Z';
const unknown = testId(999);

describe('evolve', () => {
  it('ignores events about items it does not hold, instead of inventing them', () => {
    const t = table({ parties: 1, points: 1, firstVersion: true });
    const before = structuredClone(t.world.state);
    const strays: EventBody[] = [
      { type: 'point.edited', payload: { pointId: unknown, texts: { en: 'x' }, tags: [], number: '9', sectionId: null } },
      { type: 'point.moved', payload: { pointId: unknown, order: 1, number: '1' } },
      { type: 'point.removed', payload: { pointId: unknown } },
      { type: 'version.initialed', payload: { versionId: unknown, partyId: unknown, memberId: unknown, contentHash: 'a'.repeat(64), at } },
      { type: 'amendment.withdrawn', payload: { amendmentId: unknown, at } },
      { type: 'amendment.rejected', payload: { amendmentId: unknown, reason: 'x', at } },
      { type: 'amendment.accepted', payload: { amendmentId: unknown, resultPointId: null, resultVersionId: null, at } },
    ];
    for (const e of strays) evolve(t.world.state, e);
    expect(t.world.state).toStrictEqual(before);
  });

  it('applies negotiation.updated over the negotiation, and only once it exists', () => {
    const payload = { title: { en: 'Renamed' }, description: { en: 'd' }, languages: ['en', 'ar'], draftingLanguage: 'ar' };
    const empty = emptyState();
    evolve(empty, { type: 'negotiation.updated', payload });
    expect(empty.negotiation).toBeNull();
    const t = table({ parties: 0, points: 0 });
    const created = t.world.state.negotiation!;
    evolve(t.world.state, { type: 'negotiation.updated', payload });
    expect(t.world.state.negotiation).toEqual({ id: created.id, createdAt: created.createdAt, ...payload });
  });

  it('does not change the objects it was given or the ones it replaces', () => {
    const t = table({ parties: 0, points: 1 });
    const old = t.world.state.points.get(t.pointId(0))!;
    const frozen = structuredClone(old);
    const event: EventBody = { type: 'point.edited', payload: { pointId: old.id, texts: { en: 'new' }, tags: ['territory'], number: '1', sectionId: null } };
    const payload = structuredClone(event.payload);
    evolve(t.world.state, event);
    expect(old).toStrictEqual(frozen);
    expect(event.payload).toStrictEqual(payload);
    expect(t.world.state.points.get(old.id)).toMatchObject({ texts: { en: 'new' }, tags: ['territory'] });
  });
});
