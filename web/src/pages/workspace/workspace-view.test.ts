import { describe, expect, it } from 'vitest';
import type { AmendmentOut, PositionOut, ReadoutOut } from '../../api/schemas.ts';
import type { NoteOut } from '../../../../src/protocol/notes.schema.ts';
import { amendmentBody, amendmentProblem, countOf, defaultVisibility, groupByAudience, myPositionsByPoint, positionProblem } from './workspace-view.ts';

const RU = '00000000-0000-4000-8000-0000000000a1';
const UA = '00000000-0000-4000-8000-0000000000a2';
const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';

let n = 0;
function position(o: Partial<PositionOut>): PositionOut {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(100 + n).padStart(12, '0')}`, partyId: RU, pointId: P1, amendmentId: null, versionId: null, level: 'accept', reason: '',
    visibility: 'party', setBy: RU, at: '2025-12-02T09:00:00.000Z', previousId: null, seq: n, ...o,
  };
}

describe('positionProblem', () => {
  it('asks for a level, then a reason for wording, reject and red line', () => {
    expect(positionProblem({ level: null, visibility: 'party', reason: '' }, null)).toBe('level_missing');
    for (const level of ['wording', 'reject', 'redline'] as const) {
      expect(positionProblem({ level, visibility: 'party', reason: '  ' }, null)).toBe('reason_required');
      expect(positionProblem({ level, visibility: 'party', reason: 'Why' }, null)).toBeNull();
    }
    expect(positionProblem({ level: 'accept', visibility: 'party', reason: '' }, null)).toBeNull();
  });

  it('refuses to resend the position as it already is, but takes a change of audience alone', () => {
    const current = { level: 'reject' as const, visibility: 'mediator' as const, reason: 'Too vague' };
    expect(positionProblem({ level: 'reject', visibility: 'mediator', reason: ' Too vague ' }, current)).toBe('unchanged');
    expect(positionProblem({ level: 'reject', visibility: 'parties', reason: 'Too vague' }, current)).toBeNull();
  });
});

describe('defaultVisibility', () => {
  it("keeps the last position's audience, or starts with the mediator", () => {
    expect(defaultVisibility(null)).toBe('mediator');
    expect(defaultVisibility(position({ visibility: 'public' }))).toBe('public');
  });
});

describe('myPositionsByPoint', () => {
  it("keeps my party's latest position per point and ignores others and amendments", () => {
    const old = position({ pointId: P1 });
    const newer = position({ pointId: P1, level: 'reject' });
    const theirs = position({ partyId: UA, pointId: P2 });
    const onAmendment = position({ pointId: null, amendmentId: P2 });
    const map = myPositionsByPoint([newer, old, theirs, onAmendment], RU);
    expect([...map.entries()]).toEqual([[P1, newer]]);
  });
});

describe('groupByAudience', () => {
  it('puts each current item of my party under its audience, notes always under my party', () => {
    const superseded = position({ pointId: P1, visibility: 'public' });
    const current = position({ pointId: P1, visibility: 'party' });
    const shared = position({ pointId: P2, visibility: 'mediator' });
    const theirs = position({ partyId: UA, pointId: P2, visibility: 'parties' });
    const amendment = { id: 'a', partyId: RU, visibility: 'parties' } as AmendmentOut;
    const readout = { id: 'r', partyId: RU, visibility: 'mediator' } as ReadoutOut;
    const mediatorReadout = { id: 'm', partyId: null, visibility: 'parties' } as ReadoutOut;
    const note = { id: 'n', partyId: RU, visibility: 'party' } as NoteOut;
    const g = groupByAudience(RU, { positions: [superseded, current, shared, theirs], amendments: [amendment], readouts: [readout, mediatorReadout], notes: [note] });
    expect(g.party).toEqual({ positions: [current], amendments: [], readouts: [], notes: [note] });
    expect(g.mediator).toEqual({ positions: [shared], amendments: [], readouts: [readout], notes: [] });
    expect(g.parties).toEqual({ positions: [], amendments: [amendment], readouts: [], notes: [] });
    expect(countOf(g.public)).toBe(0);
  });
});

describe('amendments', () => {
  it('needs a point to replace or delete, and text to replace or insert', () => {
    const base = { pointId: null, afterPointId: null, texts: {}, justification: '' };
    expect(amendmentProblem({ ...base, kind: 'replace' })).toBe('point_missing');
    expect(amendmentProblem({ ...base, kind: 'replace', pointId: P1 })).toBe('text_missing');
    expect(amendmentProblem({ ...base, kind: 'delete', pointId: P1 })).toBeNull();
    expect(amendmentProblem({ ...base, kind: 'insert', texts: { ur: ' ' } })).toBe('text_missing');
    expect(amendmentProblem({ ...base, kind: 'insert', texts: { ur: 'نیا نکتہ' } })).toBeNull();
  });

  it('sends only the fields its kind uses, without empty languages', () => {
    const d = { kind: 'insert' as const, pointId: P1, afterPointId: P2, texts: { en: ' New point ', ur: '' }, justification: ' Because ' };
    expect(amendmentBody(RU, d, null)).toEqual({ partyId: RU, kind: 'insert', pointId: null, afterPointId: P2, texts: { en: 'New point' }, justification: 'Because' });
    expect(amendmentBody(RU, { ...d, kind: 'delete' }, 'mediator')).toEqual({ partyId: RU, kind: 'delete', pointId: P1, afterPointId: null, texts: {}, justification: 'Because', proposeTo: 'mediator' });
  });
});
