import { describe, expect, it } from 'vitest';
import type { AmendmentStatus } from '../model.ts';
import { activePoints, latestPositions, latestVersion } from '../record/state.ts';
import { codeOf, errorOf, eventOf, eventsOf, table, type Table } from '../testing/factory.ts';
import type { DraftAmendmentInput } from './draft-amendment.ts';

/** Drafts and proposes an amendment for party `i`; returns its id. */
function propose(t: Table, input: Omit<DraftAmendmentInput, 'partyId'>, i = 0): string {
  const d = t.party(i);
  return eventOf(t.world.do(d.negotiator.actor, 'draftAmendment', { partyId: d.id, proposeTo: 'parties', ...input }), 'amendment.drafted').payload.amendment.id;
}

function accept(t: Table, amendmentIds: string[], versionLabel?: string) {
  return t.world.do(t.mediator.actor, 'acceptAmendments', { amendmentIds, versionLabel });
}

/** The working text as [id, number, English text]. */
function text(t: Table): [string, string, string | undefined][] {
  return activePoints(t.world.state).map((p) => [p.id, p.number, p.texts.en]);
}

const P = (i: number) => `Point ${i}: illustrative text.`;

describe('rejectAmendment', () => {
  it('rejects a proposal with a reason', () => {
    const t = table({ parties: 1, points: 2 });
    const id = propose(t, { kind: 'delete', pointId: t.pointId(0) });
    const e = eventOf(t.world.do(t.mediator.actor, 'rejectAmendment', { amendmentId: id, reason: 'Out of scope' }), 'amendment.rejected');
    expect(e).toMatchObject({ visibility: 'parties', partyId: t.party(0).id, payload: { amendmentId: id, reason: 'Out of scope', at: e.at } });
    expect(t.world.state.amendments.get(id)).toMatchObject({ status: 'rejected', decidedAt: e.at });
    expect(text(t)).toHaveLength(2);
  });

  it('needs a reason', () => {
    const t = table({ parties: 1, points: 2 });
    const id = propose(t, { kind: 'delete', pointId: t.pointId(0) });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'rejectAmendment', { amendmentId: id, reason: '  ' }))).toBe('invalid_input');
  });

  it('is for the mediator only', () => {
    const t = table({ parties: 2, points: 2 });
    const id = propose(t, { kind: 'delete', pointId: t.pointId(0) });
    expect(codeOf(() => t.world.do(t.party(1).principal.actor, 'rejectAmendment', { amendmentId: id, reason: 'no' }))).toBe('action_denied');
    expect(codeOf(() => t.world.do(t.party(0).principal.actor, 'rejectAmendment', { amendmentId: id, reason: 'no' }))).toBe('action_denied');
  });
});

describe('acceptAmendments', () => {
  it('replace: a new version with the new text, other languages kept', () => {
    const t = table({ parties: 1, points: 3, firstVersion: true });
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(1), texts: { en: P(2), ru: 'Пункт 2' } });
    const v1 = latestVersion(t.world.state)!;
    const id = propose(t, { kind: 'replace', pointId: t.pointId(1), texts: { en: 'Replaced' }, justification: 'clarity' });
    const events = accept(t, [id], 'v2 (amended)');
    expect(events.map((e) => e.type)).toEqual(['point.edited', 'version.created', 'amendment.accepted']);
    const v2 = eventOf(events, 'version.created').payload.version;
    expect(v2).toMatchObject({ seqNo: 2, label: 'v2 (amended)', amendmentIds: [id], visibility: 'parties' });
    expect(v2.points.map((p) => p.texts)).toEqual([{ en: P(1) }, { en: 'Replaced', ru: 'Пункт 2' }, { en: P(3) }]);
    expect(eventOf(events, 'amendment.accepted').payload).toEqual({ amendmentId: id, resultPointId: t.pointId(1), resultVersionId: v2.id, at: eventOf(events, 'amendment.accepted').at });
    expect(t.world.state.amendments.get(id)).toMatchObject({ status: 'accepted', resultVersionId: v2.id, resultPointId: t.pointId(1) });
    expect(t.world.state.versions.get(v1.id)?.points[1]?.texts.en).toBe(P(2));
    expect(text(t)[1]).toEqual([t.pointId(1), '2', 'Replaced']);
  });

  it('replace may renumber the point', () => {
    const t = table({ parties: 1, points: 2 });
    const id = propose(t, { kind: 'replace', pointId: t.pointId(1), texts: { en: 'Replaced' }, number: '2a' });
    accept(t, [id]);
    expect(text(t)).toEqual([[t.pointId(0), '1', P(1)], [t.pointId(1), '2a', 'Replaced']]);
  });

  it('replace refuses a new number another point has', () => {
    const t = table({ parties: 1, points: 3 });
    const id = propose(t, { kind: 'replace', pointId: t.pointId(1), texts: { en: 'Replaced' }, number: '3' });
    expect(errorOf(() => accept(t, [id]))).toMatchObject({ code: 'already_exists', message: 'Point 3 already exists.' });
    expect(text(t).map(([, n]) => n)).toEqual(['1', '2', '3']);
    expect(t.world.state.amendments.get(id)?.status).toBe('proposed');
  });

  it('insert: a new point after the one named, the rest renumbered with their ids', () => {
    const t = table({ parties: 1, points: 3 });
    const id = propose(t, { kind: 'insert', afterPointId: t.pointId(0), texts: { en: 'Inserted' } });
    const events = accept(t, [id]);
    const added = eventOf(events, 'point.added').payload.point;
    expect(text(t)).toEqual([
      [t.pointId(0), '1', P(1)], [added.id, '2', 'Inserted'], [t.pointId(1), '3', P(2)], [t.pointId(2), '4', P(3)],
    ]);
    expect(t.world.state.amendments.get(id)?.resultPointId).toBe(added.id);
    expect(eventOf(events, 'version.created').payload.version.points.map((p) => p.number)).toEqual(['1', '2', '3', '4']);
  });

  it('insert first, into the section of its neighbour', () => {
    const t = table({ parties: 1, points: 2 });
    const s = eventOf(t.world.do(t.mediator.actor, 'addSection', { title: { en: 'Security' } }), 'section.added').payload.section;
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), sectionId: s.id });
    const id = propose(t, { kind: 'insert', afterPointId: null, texts: { en: 'First' } });
    const added = eventOf(accept(t, [id]), 'point.added').payload.point;
    expect(text(t).map(([pid, n]) => [pid, n])).toEqual([[added.id, '1'], [t.pointId(0), '2'], [t.pointId(1), '3']]);
    expect(t.world.state.points.get(added.id)?.sectionId).toBe(s.id);
  });

  it('insert with a number that renumbering overrides does not duplicate a number', () => {
    const t = table({ parties: 1, points: 3 });
    const id = propose(t, { kind: 'insert', afterPointId: null, texts: { en: 'First' }, number: '4' });
    accept(t, [id]);
    expect(text(t).map(([, n]) => n)).toEqual(['1', '2', '3', '4']);
  });

  it('delete: the point leaves the text, the rest renumbered', () => {
    const t = table({ parties: 1, points: 3 });
    const id = propose(t, { kind: 'delete', pointId: t.pointId(0) });
    const events = accept(t, [id]);
    expect(text(t)).toEqual([[t.pointId(1), '1', P(2)], [t.pointId(2), '2', P(3)]]);
    expect(t.world.state.points.get(t.pointId(0))?.removed).toBe(true);
    expect(eventOf(events, 'amendment.accepted').payload.resultPointId).toBeNull();
  });

  it('move: first, or after another point; numbers change, ids stay', () => {
    const t = table({ parties: 1, points: 4 });
    const first = propose(t, { kind: 'move', pointId: t.pointId(3), afterPointId: null });
    accept(t, [first]);
    expect(text(t)).toEqual([[t.pointId(3), '1', P(4)], [t.pointId(0), '2', P(1)], [t.pointId(1), '3', P(2)], [t.pointId(2), '4', P(3)]]);
    const back = propose(t, { kind: 'move', pointId: t.pointId(3), afterPointId: t.pointId(1) });
    accept(t, [back]);
    expect(text(t).map(([pid, n]) => [pid, n])).toEqual([[t.pointId(0), '1'], [t.pointId(1), '2'], [t.pointId(3), '3'], [t.pointId(2), '4']]);
    expect(t.world.state.amendments.get(back)?.resultPointId).toBe(t.pointId(3));
  });

  it('a move that changes nothing yields no new version', () => {
    const t = table({ parties: 1, points: 3, firstVersion: true });
    const id = propose(t, { kind: 'move', pointId: t.pointId(1), afterPointId: t.pointId(0) });
    expect(errorOf(() => accept(t, [id]))).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('has not changed') as unknown });
    expect(t.world.state.amendments.get(id)?.status).toBe('proposed');
  });

  it('applies several amendments in the order given, into one version', () => {
    const t = table({ parties: 2, points: 3, firstVersion: true });
    const a = propose(t, { kind: 'delete', pointId: t.pointId(0) }, 0);
    const b = propose(t, { kind: 'insert', afterPointId: t.pointId(2), texts: { en: 'Allies\u2019 point' } }, 1);
    const c = propose(t, { kind: 'replace', pointId: t.pointId(1), texts: { en: 'Reworded' } }, 1);
    const events = accept(t, [a, b, c]);
    const v2 = eventOf(events, 'version.created').payload.version;
    expect(v2.amendmentIds).toEqual([a, b, c]);
    expect(v2.points.map((p) => [p.number, p.texts.en])).toEqual([['1', 'Reworded'], ['2', P(3)], ['3', 'Allies\u2019 point']]);
    expect(eventsOf(events, 'amendment.accepted').map((e) => [e.payload.amendmentId, e.partyId, e.payload.resultVersionId])).toEqual([
      [a, t.party(0).id, v2.id], [b, t.party(1).id, v2.id], [c, t.party(1).id, v2.id],
    ]);
    expect([a, b, c].map((id) => t.world.state.amendments.get(id)?.status)).toEqual(['accepted', 'accepted', 'accepted']);
  });

  it('lineage survives renumbering: a position on point 3 of v1 is on point 2 of v2', () => {
    const t = table({ parties: 1, points: 3, firstVersion: true });
    const ru = t.party(0);
    const v1 = latestVersion(t.world.state)!;
    t.world.do(ru.negotiator.actor, 'setPosition', { partyId: ru.id, pointId: t.pointId(2), level: 'redline', reason: 'territory' });
    const del = propose(t, { kind: 'delete', pointId: t.pointId(0) });
    const v2 = eventOf(accept(t, [del]), 'version.created').payload.version;
    const inV1 = v1.points.find((p) => p.pointId === t.pointId(2));
    const inV2 = v2.points.find((p) => p.pointId === t.pointId(2));
    expect([inV1?.number, inV2?.number]).toEqual(['3', '2']);
    expect(inV2?.texts).toEqual(inV1?.texts);
    const position = [...latestPositions(t.world.state.positions).values()][0];
    expect(position).toMatchObject({ pointId: t.pointId(2), versionId: v1.id, level: 'redline' });
    expect(t.world.state.points.get(position!.pointId!)?.number).toBe('2');
  });

  it('refuses a replacement whose point changed after it was drafted: no silent overwrite', () => {
    const t = table({ parties: 1, points: 2, firstVersion: true });
    const id = propose(t, { kind: 'replace', pointId: t.pointId(0), texts: { en: 'Party wording' }, justification: 'ours' });
    t.world.do(t.mediator.actor, 'editPoint', { pointId: t.pointId(0), texts: { en: 'Mediator wording' } });
    const before = t.world.log.length;
    expect(codeOf(() => accept(t, [id]))).toBe('version_conflict');
    expect(t.world.log).toHaveLength(before);
    expect(t.world.state.points.get(t.pointId(0))?.texts).toEqual({ en: 'Mediator wording' });
    // Two replacements of one point in one batch: the second was written against the old text.
    const t2 = table({ parties: 1, points: 1, firstVersion: true });
    const a = propose(t2, { kind: 'replace', pointId: t2.pointId(0), texts: { en: 'A' }, justification: 'a' });
    const b = propose(t2, { kind: 'replace', pointId: t2.pointId(0), texts: { en: 'B' }, justification: 'b' });
    expect(codeOf(() => accept(t2, [a, b]))).toBe('version_conflict');
  });

  it('is all or nothing: when one amendment no longer applies nothing is recorded', () => {
    const t = table({ parties: 2, points: 3, firstVersion: true });
    const del = propose(t, { kind: 'delete', pointId: t.pointId(1) }, 0);
    const rep = propose(t, { kind: 'replace', pointId: t.pointId(1), texts: { en: 'too late' } }, 1);
    const ins = propose(t, { kind: 'insert', afterPointId: t.pointId(0), texts: { en: 'fine' } }, 1);
    const before = structuredClone(t.world.state);
    const logLength = t.world.log.length;
    expect(errorOf(() => accept(t, [ins, del, rep]))).toMatchObject({ code: 'point_not_found', message: 'Point 3 was removed from the working text.' });
    expect(t.world.state).toStrictEqual(before);
    expect(t.world.log).toHaveLength(logLength);
    expect([del, rep, ins].map((id) => t.world.state.amendments.get(id)?.status)).toEqual(['proposed', 'proposed', 'proposed']);
    // Without the conflicting one, the others go through.
    accept(t, [ins, del]);
    expect(text(t).map(([, n, en]) => [n, en])).toEqual([['1', P(1)], ['2', 'fine'], ['3', P(3)]]);
  });

  it('an amendment whose point was removed from the working text no longer applies', () => {
    const t = table({ parties: 1, points: 3 });
    const rep = propose(t, { kind: 'replace', pointId: t.pointId(2), texts: { en: 'x' } });
    const mov = propose(t, { kind: 'move', pointId: t.pointId(0), afterPointId: t.pointId(2) });
    const ins = propose(t, { kind: 'insert', afterPointId: t.pointId(2), texts: { en: 'x' } });
    t.world.do(t.mediator.actor, 'removePoint', { pointId: t.pointId(2) });
    for (const id of [rep, mov, ins]) expect(codeOf(() => accept(t, [id]))).toBe('point_not_found');
  });

  it('refuses the same amendment twice, an empty list and non-mediators', () => {
    const t = table({ parties: 1, points: 2 });
    const id = propose(t, { kind: 'delete', pointId: t.pointId(0) });
    expect(errorOf(() => accept(t, [id, id]))).toMatchObject({ code: 'invalid_input', message: 'The same amendment is listed twice.' });
    expect(codeOf(() => accept(t, []))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.party(0).principal.actor, 'acceptAmendments', { amendmentIds: [id] }))).toBe('action_denied');
    expect(codeOf(() => accept(t, [t.pointId(0)]))).toBe('amendment_not_found');
  });
});

describe('the amendment lifecycle', () => {
  /** An amendment of party 0 brought into `status` through real commands. */
  function amendmentIn(status: AmendmentStatus) {
    const t = table({ parties: 1, points: 3 });
    const ru = t.party(0);
    const id = eventOf(t.world.do(ru.negotiator.actor, 'draftAmendment', { partyId: ru.id, kind: 'replace', pointId: t.pointId(0), texts: { en: 'new' } }), 'amendment.drafted').payload.amendment.id;
    if (status !== 'draft') t.world.do(ru.negotiator.actor, 'proposeAmendment', { amendmentId: id });
    if (status === 'accepted') accept(t, [id]);
    if (status === 'rejected') t.world.do(t.mediator.actor, 'rejectAmendment', { amendmentId: id, reason: 'no' });
    if (status === 'withdrawn') t.world.do(ru.negotiator.actor, 'withdrawAmendment', { amendmentId: id });
    expect(t.world.state.amendments.get(id)?.status).toBe(status);
    return { t, ru, id };
  }

  type Step = 'propose' | 'withdraw' | 'reject' | 'accept';
  /** Where each step leads from each status; absent = invalid_transition. */
  const transitions: Record<AmendmentStatus, Partial<Record<Step, AmendmentStatus>>> = {
    draft: { propose: 'proposed', withdraw: 'withdrawn' },
    proposed: { withdraw: 'withdrawn', reject: 'rejected', accept: 'accepted' },
    accepted: {},
    rejected: {},
    withdrawn: {},
  };

  for (const from of Object.keys(transitions) as AmendmentStatus[]) {
    for (const step of ['propose', 'withdraw', 'reject', 'accept'] as const) {
      const to = transitions[from][step];
      it(`${from} --${step}--> ${to ?? 'invalid_transition'}`, () => {
        const { t, ru, id } = amendmentIn(from);
        const run = () => {
          switch (step) {
            case 'propose': return t.world.do(ru.principal.actor, 'proposeAmendment', { amendmentId: id });
            case 'withdraw': return t.world.do(ru.principal.actor, 'withdrawAmendment', { amendmentId: id });
            case 'reject': return t.world.do(t.mediator.actor, 'rejectAmendment', { amendmentId: id, reason: 'no' });
            case 'accept': return accept(t, [id]);
          }
        };
        if (to) {
          expect(codeOf(run)).toBe('no error');
          expect(t.world.state.amendments.get(id)?.status).toBe(to);
        } else {
          const before = t.world.log.length;
          // The mediator never sees a party's draft, so to them it does not exist.
          expect(codeOf(run)).toBe(from === 'draft' && (step === 'reject' || step === 'accept') ? 'amendment_not_found' : 'invalid_transition');
          expect(t.world.state.amendments.get(id)?.status).toBe(from);
          expect(t.world.log).toHaveLength(before);
        }
      });
    }
  }
});
