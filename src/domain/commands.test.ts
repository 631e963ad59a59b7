import { describe, expect, it } from 'vitest';
import { decide, useCases } from './commands.ts';
import { EventBody } from './record/events.ts';
import { emptyState } from './record/state.ts';
import { codeOf, table, TestClock, IdCounter } from './testing/factory.ts';

describe('decide', () => {
  it('runs the use case named by the command, without touching the state', () => {
    const t = table({ parties: 1, points: 1 });
    const state = t.world.state;
    const before = structuredClone(state);
    const ids = new IdCounter(500);
    const events = decide(state, { actor: t.mediator.actor, now: new TestClock().now(), newId: () => ids.next() }, { name: 'addPoint', input: { texts: { en: 'x' } } });
    expect(events.map((e) => e.type)).toEqual(['point.added']);
    expect(state).toStrictEqual(before);
  });

  it('passes refusals through', () => {
    expect(codeOf(() => decide(emptyState(), { actor: { kind: 'system' }, now: new TestClock().now(), newId: () => 'x' }, { name: 'removePoint', input: { pointId: '00000000-0000-4000-8000-000000000001' } })))
      .toBe('point_not_found');
  });

  it('has one use case per command name, each producing events the log accepts', () => {
    expect(Object.keys(useCases).sort()).toEqual([
      'acceptAmendments', 'addMember', 'addParty', 'addPerson', 'addPoint', 'addSection', 'approveVariants', 'confirmTranslation', 'createNegotiation',
      'createVersion', 'deleteNote', 'draftAmendment', 'editNote', 'editPoint', 'editStatement', 'importReport', 'importVersion',
      'initialVersion', 'proposeAmendment', 'recordSettlementPackage', 'recordSettlementPackages', 'recordStatement', 'rejectAmendment', 'removePoint', 'revokeVariant', 'saveSettlementSpace',
      'scheduleRound', 'setPosition', 'setSettlementBaseline', 'shareSettlementPackage', 'submitSettlementScores', 'updatePerson', 'updateRound', 'withdrawAmendment',
      'writeNote', 'writeReadout',
    ]);
    const types = EventBody.options.map((o) => o.shape.type.value);
    expect(types).toContain('negotiation.created');
    expect(new Set(types).size).toBe(types.length);
  });
});
