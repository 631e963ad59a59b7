import { describe, expect, it } from 'vitest';
import type { PositionLevel, Visibility } from '../model.ts';
import type { Actor } from '../policy/actor.ts';
import { eventOf, table, type Delegation, type Table } from '../testing/factory.ts';
import { agreementMap } from './agreement-map.ts';

function set(t: Table, d: Delegation, point: number, level: PositionLevel, visibility: Visibility = 'parties') {
  return eventOf(t.world.do(d.negotiator.actor, 'setPosition', {
    partyId: d.id, pointId: t.pointId(point), level, reason: level === 'accept' || level === 'discuss' ? '' : `${level} reason`, visibility,
  }), 'position.set').payload.position;
}

const statuses = (t: Table, viewer: Actor) => agreementMap(t.world.state, viewer).rows.map((r) => r.status);

describe('agreementMap', () => {
  it('is points × parties, each cell the latest position, with a status per point and overall', () => {
    const t = table({ parties: 2, points: 3 });
    const [ru, us] = [t.party(0), t.party(1)];
    set(t, ru, 0, 'discuss');
    const accepted = set(t, ru, 0, 'accept');
    set(t, us, 0, 'accept');
    set(t, ru, 1, 'redline');
    set(t, us, 2, 'reject');
    const map = agreementMap(t.world.state, t.mediator.actor);
    expect(map.parties).toEqual([ru.id, us.id]);
    expect(map.rows.map((r) => [r.pointId, r.number, r.status, r.missing])).toEqual([
      [t.pointId(0), '1', 'agreed', []],
      [t.pointId(1), '2', 'blocked', [us.id]],
      [t.pointId(2), '3', 'contested', [ru.id]],
    ]);
    expect(map.rows[0]?.cells[ru.id]).toEqual({ id: accepted.id, level: 'accept', reason: '', visibility: 'parties', at: accepted.at });
    expect(map.rows[1]?.cells[us.id]).toBeNull();
    expect(map.overall).toEqual({ status: 'blocked', counts: { agreed: 1, close: 0, contested: 1, blocked: 1 }, total: 3 });
  });

  it('nothing is agreed until everything is agreed', () => {
    const t = table({ parties: 2, points: 2 });
    for (const d of t.parties) set(t, d, 0, 'accept');
    expect(agreementMap(t.world.state, t.mediator.actor).overall.status).toBe('close');
    for (const d of t.parties) set(t, d, 1, 'accept');
    expect(agreementMap(t.world.state, t.mediator.actor).overall.status).toBe('agreed');
  });

  it('a viewer\u2019s map ignores another party\u2019s private positions', () => {
    const t = table({ parties: 2, points: 1 });
    const [ru, us] = [t.party(0), t.party(1)];
    set(t, ru, 0, 'accept');
    set(t, us, 0, 'redline', 'party');
    const forRu = agreementMap(t.world.state, ru.principal.actor);
    expect(forRu.rows[0]).toMatchObject({ status: 'close', missing: [us.id] });
    expect(forRu.rows[0]?.cells[us.id]).toBeNull();
    expect(JSON.stringify(forRu)).not.toContain('redline');
    // The owning party and the system see it; the mediator does not (party-only).
    expect(statuses(t, us.observer.actor)).toEqual(['blocked']);
    expect(statuses(t, { kind: 'system' })).toEqual(['blocked']);
    expect(statuses(t, t.mediator.actor)).toEqual(['close']);
  });

  it('uses the latest visible position: a later private change does not hide an earlier shared one', () => {
    const t = table({ parties: 2, points: 1 });
    const [ru, us] = [t.party(0), t.party(1)];
    set(t, ru, 0, 'accept');
    const shared = set(t, us, 0, 'accept', 'parties');
    set(t, us, 0, 'redline', 'party');
    const forRu = agreementMap(t.world.state, ru.negotiator.actor);
    expect(forRu.rows[0]?.cells[us.id]).toMatchObject({ id: shared.id, level: 'accept' });
    expect(forRu.rows[0]?.status).toBe('agreed');
    expect(statuses(t, us.negotiator.actor)).toEqual(['blocked']);
  });

  it('shows positions shared with the mediator to the mediator and the party only', () => {
    const t = table({ parties: 2, points: 1 });
    const [ru, us] = [t.party(0), t.party(1)];
    set(t, us, 0, 'reject', 'mediator');
    expect(statuses(t, t.mediator.actor)).toEqual(['contested']);
    expect(statuses(t, us.advisor.actor)).toEqual(['contested']);
    expect(statuses(t, ru.principal.actor)).toEqual(['close']);
  });

  it('shows the public only public positions', () => {
    const t = table({ parties: 2, points: 1 });
    const [ru, us] = [t.party(0), t.party(1)];
    set(t, ru, 0, 'reject', 'parties');
    set(t, us, 0, 'accept', 'public');
    const map = agreementMap(t.world.state, { kind: 'public' });
    expect(map.rows[0]?.cells[ru.id]).toBeNull();
    expect(map.rows[0]?.cells[us.id]?.level).toBe('accept');
    expect(map.rows[0]?.status).toBe('close');
  });

  it('follows the working text: removed points leave, renumbered points keep their positions', () => {
    const t = table({ parties: 1, points: 3 });
    const ru = t.party(0);
    set(t, ru, 2, 'redline');
    t.world.do(t.mediator.actor, 'removePoint', { pointId: t.pointId(0) });
    const map = agreementMap(t.world.state, ru.principal.actor);
    expect(map.rows.map((r) => [r.pointId, r.number, r.status])).toEqual([[t.pointId(1), '1', 'close'], [t.pointId(2), '2', 'blocked']]);
  });

  it('ignores positions on amendments', () => {
    const t = table({ parties: 1, points: 1 });
    const ru = t.party(0);
    const a = eventOf(t.world.do(ru.negotiator.actor, 'draftAmendment', { partyId: ru.id, kind: 'delete', pointId: t.pointId(0), proposeTo: 'parties' }), 'amendment.drafted').payload.amendment;
    t.world.do(ru.negotiator.actor, 'setPosition', { partyId: ru.id, amendmentId: a.id, level: 'redline', reason: 'no', visibility: 'parties' });
    expect(statuses(t, ru.principal.actor)).toEqual(['close']);
  });

  it('an empty text is not agreed', () => {
    const t = table({ parties: 2, points: 0 });
    expect(agreementMap(t.world.state, t.mediator.actor)).toMatchObject({ rows: [], overall: { status: 'close', total: 0 } });
  });
});
