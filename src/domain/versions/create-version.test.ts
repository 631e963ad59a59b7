import { describe, expect, it } from 'vitest';
import { latestVersion, versionsInOrder } from '../record/state.ts';
import { codeOf, errorOf, eventOf, table } from '../testing/factory.ts';
import { snapshotWorkingText, versionContentHash } from './snapshot.ts';

describe('createVersion', () => {
  it('freezes the working text as v1, v2, ... with a content hash', () => {
    const t = table({ parties: 1, points: 3 });
    const events = t.world.do(t.mediator.actor, 'createVersion', { note: 'First draft' });
    const v1 = eventOf(events, 'version.created').payload.version;
    expect(events[0]).toMatchObject({ visibility: 'parties', partyId: null });
    expect(v1).toMatchObject({ seqNo: 1, label: 'v1', note: 'First draft', createdBy: t.mediator.member.id, amendmentIds: [], visibility: 'parties', initials: [], sections: [] });
    expect(v1.points.map((p) => [p.pointId, p.number, p.texts.en])).toEqual(t.pointIds.map((id, i) => [id, String(i + 1), `Point ${i + 1}: illustrative text.`]));
    expect(v1.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.contentHash).toBe(versionContentHash(snapshotWorkingText(t.world.state)));

    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), texts: { en: 'Changed' } });
    const v2 = eventOf(t.world.do(t.mediator.actor, 'createVersion', { label: '  Revised plan  ' }), 'version.created').payload.version;
    expect(v2).toMatchObject({ seqNo: 2, label: 'Revised plan' });
    expect(v2.contentHash).not.toBe(v1.contentHash);
    expect(versionsInOrder(t.world.state).map((v) => v.id)).toEqual([v1.id, v2.id]);
    expect(latestVersion(t.world.state)?.id).toBe(v2.id);
  });

  it('refuses an unchanged text', () => {
    const t = table({ parties: 0, points: 2, firstVersion: true });
    expect(errorOf(() => t.world.do(t.mediator.actor, 'createVersion', {})))
      .toMatchObject({ code: 'invalid_input', message: 'The working text has not changed since v1: nothing to version.' });
  });

  it('refuses an empty working text', () => {
    const t = table({ parties: 0, points: 0 });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'createVersion', {}))).toBe('invalid_input');
  });

  it('is immutable: later edits of the working text change neither the content nor the hash of an earlier version', () => {
    const t = table({ parties: 0, points: 3 });
    const s = eventOf(t.world.do(t.mediator.actor, 'addSection', { title: { en: 'Security' } }), 'section.added').payload.section;
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), sectionId: s.id, tags: ['security-sector'] });
    const v1 = eventOf(t.world.do(t.mediator.actor, 'createVersion', {}), 'version.created').payload.version;
    const frozen = structuredClone(v1);
    expect(frozen.sections.map((x) => x.id)).toEqual([s.id]);

    const m = t.mediator.actor;
    t.world.do(m, 'editPoint', { pointId: t.pointId(0), texts: { en: 'Rewritten', ru: 'Переписано' }, tags: ['territory'], sectionId: null });
    t.world.do(m, 'removePoint', { pointId: t.pointId(1) });
    t.world.do(m, 'addPoint', { texts: { en: 'New first' }, afterPointId: null });
    t.world.do(m, 'createVersion', {});

    const stored = t.world.state.versions.get(v1.id);
    expect(stored).toStrictEqual(frozen);
    expect(versionContentHash(stored!)).toBe(frozen.contentHash);
  });

  it('hashes the text only: two versions that read the same hash the same', () => {
    const t = table({ parties: 0, points: 2, firstVersion: true });
    const v1 = latestVersion(t.world.state)!;
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), texts: { en: 'Changed' } });
    t.world.do(t.mediator.actor, 'createVersion', {});
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), texts: { en: 'Point 1: illustrative text.' } });
    const v3 = eventOf(t.world.do(t.mediator.actor, 'createVersion', { label: 'back to v1' }), 'version.created').payload.version;
    expect(v3.contentHash).toBe(v1.contentHash);
    expect(v3.seqNo).toBe(3);
  });

  it('may be for the mediator only, never for one party', () => {
    const t = table({ parties: 1, points: 1 });
    const v = eventOf(t.world.do(t.mediator.actor, 'createVersion', { visibility: 'mediator' }), 'version.created');
    expect(v).toMatchObject({ visibility: 'mediator', partyId: null });
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), texts: { en: 'x' } });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'createVersion', { visibility: 'party' as 'parties' }))).toBe('invalid_input');
  });

  it('is for the mediator only', () => {
    const t = table({ parties: 1, points: 1 });
    expect(codeOf(() => t.world.do(t.party(0).principal.actor, 'createVersion', {}))).toBe('action_denied');
  });
});
