import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../record/events.ts';
import { latestVersion } from '../record/state.ts';
import { codeOf, errorOf, eventOf, table } from '../testing/factory.ts';

function withVersion(visibility: 'parties' | 'mediator' = 'parties') {
  const t = table({ parties: 2, points: 2 });
  const v = eventOf(t.world.do(t.mediator.actor, 'createVersion', { visibility }), 'version.created').payload.version;
  return { t, v, ru: t.party(0), us: t.party(1) };
}

describe('initialVersion', () => {
  it('records a principal\u2019s initials over the content hash', () => {
    const { t, v, ru } = withVersion();
    const events: RecordedEvent[] = t.world.do(ru.principal.actor, 'initialVersion', { versionId: v.id, contentHash: v.contentHash });
    const e = eventOf(events, 'version.initialed');
    expect(e.payload).toEqual({ versionId: v.id, partyId: ru.id, memberId: ru.principal.member.id, contentHash: v.contentHash, at: e.at });
    expect(e).toMatchObject({ visibility: 'parties', partyId: null });
    expect(t.world.state.versions.get(v.id)?.initials).toEqual([{ partyId: ru.id, memberId: ru.principal.member.id, contentHash: v.contentHash, at: e.at }]);
  });

  it('refuses a wrong hash with version_conflict', () => {
    const { t, v, ru } = withVersion();
    const e = errorOf(() => t.world.do(ru.principal.actor, 'initialVersion', { versionId: v.id, contentHash: 'a'.repeat(64) }));
    expect(e).toMatchObject({ code: 'version_conflict', status: 409, detail: { expected: v.contentHash } });
  });

  it('refuses the hash of an earlier version', () => {
    const { t, v, ru } = withVersion();
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), texts: { en: 'changed' } });
    const v2 = eventOf(t.world.do(t.mediator.actor, 'createVersion', {}), 'version.created').payload.version;
    expect(codeOf(() => t.world.do(ru.principal.actor, 'initialVersion', { versionId: v2.id, contentHash: v.contentHash }))).toBe('version_conflict');
  });

  it('lets each party initial once', () => {
    const { t, v, ru, us } = withVersion();
    t.world.do(ru.principal.actor, 'initialVersion', { versionId: v.id, contentHash: v.contentHash });
    expect(codeOf(() => t.world.do(ru.principal.actor, 'initialVersion', { versionId: v.id, contentHash: v.contentHash }))).toBe('already_exists');
    t.world.do(us.principal.actor, 'initialVersion', { versionId: v.id, contentHash: v.contentHash });
    expect(t.world.state.versions.get(v.id)?.initials.map((i) => i.partyId)).toEqual([ru.id, us.id]);
  });

  it('is for principals only', () => {
    const { t, v, ru } = withVersion();
    const input = { versionId: v.id, contentHash: v.contentHash };
    for (const seat of [ru.negotiator, ru.advisor, ru.observer]) expect(codeOf(() => t.world.do(seat.actor, 'initialVersion', input))).toBe('action_denied');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'initialVersion', input))).toBe('action_denied');
    expect(codeOf(() => t.world.do({ kind: 'system' }, 'initialVersion', input))).toBe('action_denied');
    expect(codeOf(() => t.world.do({ kind: 'public' }, 'initialVersion', input))).toBe('action_denied');
  });

  it('refuses an unknown version', () => {
    const { t, ru, v } = withVersion();
    expect(codeOf(() => t.world.do(ru.principal.actor, 'initialVersion', { versionId: t.pointId(0), contentHash: v.contentHash }))).toBe('version_not_found');
  });

  it('does not let a party initial, or learn the hash of, a version it may not see', () => {
    const { t, v, ru } = withVersion('mediator');
    const e = errorOf(() => t.world.do(ru.principal.actor, 'initialVersion', { versionId: v.id, contentHash: 'a'.repeat(64) }));
    expect(e).toMatchObject({ code: 'version_not_found' });
    expect(JSON.stringify(e)).not.toContain(v.contentHash);
    expect(codeOf(() => t.world.do(ru.principal.actor, 'initialVersion', { versionId: v.id, contentHash: v.contentHash }))).toBe('version_not_found');
  });

  it('notices a stored version whose text no longer matches its hash', () => {
    const { t, v, ru } = withVersion();
    const stored = t.world.state.versions.get(v.id)!;
    t.world.state.versions.set(v.id, { ...stored, points: stored.points.map((p) => ({ ...p, texts: { en: 'swapped' } })) });
    expect(codeOf(() => t.world.do(ru.principal.actor, 'initialVersion', { versionId: v.id, contentHash: v.contentHash }))).toBe('chain_broken');
    expect(latestVersion(t.world.state)?.initials).toEqual([]);
  });
});
