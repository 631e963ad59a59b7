import { describe, expect, it } from 'vitest';
import { canSee } from '../policy/visibility.ts';
import { codeOf, errorOf, eventOf, replay, table, testId } from '../testing/factory.ts';

function withNote() {
  const t = table({ parties: 2, points: 2 });
  const ru = t.party(0);
  const us = t.party(1);
  const written = eventOf(t.world.do(ru.negotiator.actor, 'writeNote', { text: 'Hold firm on 4.', pointId: t.pointId(0) }), 'note.written');
  return { t, ru, us, note: written.payload.note, seq: written.seq };
}

describe('writeNote', () => {
  it("records a note of the writer's party, seen by that party only, the event included", () => {
    const { t, ru, us, note } = withNote();
    const e = t.world.log.at(-1)!;
    expect(e).toMatchObject({ type: 'note.written', visibility: 'party', partyId: ru.id });
    expect(note).toEqual({
      id: note.id, partyId: ru.id, pointId: t.pointId(0), amendmentId: null, roundId: null, text: 'Hold firm on 4.',
      visibility: 'party', writtenBy: ru.negotiator.member.id, at: e.at, editedBy: null, editedAt: null,
    });
    expect(t.world.state.notes.get(note.id)).toEqual(note);
    for (const seat of [ru.principal, ru.advisor, ru.observer]) expect(canSee(seat.actor, e)).toBe(true);
    for (const seat of [us.principal, us.observer, t.mediator]) expect(canSee(seat.actor, e)).toBe(false);
  });

  it('may be general, or about one amendment or one round, never about two things at once', () => {
    const t = table({ parties: 1, points: 1 });
    const ru = t.party(0);
    expect(eventOf(t.world.do(ru.principal.actor, 'writeNote', { text: 'General.' }), 'note.written').payload.note.pointId).toBeNull();
    const amendmentId = eventOf(t.world.do(ru.negotiator.actor, 'draftAmendment', { partyId: ru.id, kind: 'delete', pointId: t.pointId(0) }), 'amendment.drafted').payload.amendment.id;
    expect(eventOf(t.world.do(ru.advisor.actor, 'writeNote', { text: 'On our draft.', amendmentId }), 'note.written').payload.note.amendmentId).toBe(amendmentId);
    const roundId = eventOf(t.world.do(t.mediator.actor, 'scheduleRound', { title: { en: 'Talks' }, startsAt: '2025-12-02T18:00:00Z' }), 'round.scheduled').payload.round.id;
    expect(eventOf(t.world.do(ru.advisor.actor, 'writeNote', { text: 'Before the round.', roundId }), 'note.written').payload.note.roundId).toBe(roundId);
    expect(codeOf(() => t.world.do(ru.advisor.actor, 'writeNote', { text: 'Both.', pointId: t.pointId(0), roundId }))).toBe('invalid_input');
  });

  it('refuses the mediator, observers, the system, empty text and unknown or invisible targets', () => {
    const { t, ru, us } = withNote();
    expect(codeOf(() => t.world.do(t.mediator.actor, 'writeNote', { text: 'x' }))).toBe('action_denied');
    expect(codeOf(() => t.world.do(ru.observer.actor, 'writeNote', { text: 'x' }))).toBe('action_denied');
    expect(codeOf(() => t.world.do({ kind: 'system' }, 'writeNote', { text: 'x' }))).toBe('action_denied');
    expect(codeOf(() => t.world.do({ kind: 'public' }, 'writeNote', { text: 'x' }))).toBe('action_denied');
    expect(codeOf(() => t.world.do(ru.principal.actor, 'writeNote', { text: '  ' }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(ru.principal.actor, 'writeNote', { text: 'x', pointId: testId(999) }))).toBe('point_not_found');
    const theirs = eventOf(t.world.do(us.negotiator.actor, 'draftAmendment', { partyId: us.id, kind: 'delete', pointId: t.pointId(1) }), 'amendment.drafted').payload.amendment.id;
    expect(codeOf(() => t.world.do(ru.principal.actor, 'writeNote', { text: 'x', amendmentId: theirs }))).toBe('amendment_not_found');
  });
});

describe('editNote', () => {
  it('changes the text for any writer of the party, and advances the revision', () => {
    const { t, ru, note, seq } = withNote();
    const e = eventOf(t.world.do(ru.advisor.actor, 'editNote', { noteId: note.id, text: 'Hold firm on 4 and 5.', basedOn: seq }), 'note.edited');
    expect(e).toMatchObject({ visibility: 'party', partyId: ru.id });
    expect(e.payload.note).toEqual({ ...note, text: 'Hold firm on 4 and 5.', editedBy: ru.advisor.member.id, editedAt: e.at });
    expect(t.world.state.notes.get(note.id)?.text).toBe('Hold firm on 4 and 5.');
    expect(t.world.state.revisions.get(note.id)).toBe(e.seq);
  });

  it('refuses a stale edit with the note as it is now', () => {
    const { t, ru, note, seq } = withNote();
    t.world.do(ru.principal.actor, 'editNote', { noteId: note.id, text: 'First edit.', basedOn: seq });
    const error = errorOf(() => t.world.do(ru.negotiator.actor, 'editNote', { noteId: note.id, text: 'Second edit.', basedOn: seq }));
    expect(error).toMatchObject({ code: 'version_conflict', detail: { basedOn: seq, current: { text: 'First edit.' } } });
  });

  it("hides another party's note as if it did not exist, and keeps observers from editing", () => {
    const { t, ru, us, note } = withNote();
    expect(codeOf(() => t.world.do(us.negotiator.actor, 'editNote', { noteId: note.id, text: 'Mine now.' }))).toBe('not_found');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'editNote', { noteId: note.id, text: 'Mine now.' }))).toBe('not_found');
    expect(codeOf(() => t.world.do(ru.observer.actor, 'editNote', { noteId: note.id, text: 'Mine now.' }))).toBe('action_denied');
    expect(codeOf(() => t.world.do(ru.principal.actor, 'editNote', { noteId: note.id, text: note.text }))).toBe('invalid_input');
  });
});

describe('deleteNote', () => {
  it('drops the note from the state while the log keeps what it said', () => {
    const { t, ru, note, seq } = withNote();
    const e = eventOf(t.world.do(ru.principal.actor, 'deleteNote', { noteId: note.id, basedOn: seq }), 'note.deleted');
    expect(e).toMatchObject({ visibility: 'party', partyId: ru.id, payload: { noteId: note.id, at: e.at } });
    expect(t.world.state.notes.has(note.id)).toBe(false);
    expect(t.world.log.some((x) => x.type === 'note.written' && x.payload.note.text === 'Hold firm on 4.')).toBe(true);
    expect(replay(t.world.log).notes).toEqual(t.world.state.notes);
    expect(codeOf(() => t.world.do(ru.principal.actor, 'deleteNote', { noteId: note.id }))).toBe('not_found');
  });

  it('refuses other parties, the mediator, observers and a stale view', () => {
    const { t, ru, us, note, seq } = withNote();
    expect(codeOf(() => t.world.do(us.principal.actor, 'deleteNote', { noteId: note.id }))).toBe('not_found');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'deleteNote', { noteId: note.id }))).toBe('not_found');
    expect(codeOf(() => t.world.do(ru.observer.actor, 'deleteNote', { noteId: note.id }))).toBe('action_denied');
    t.world.do(ru.principal.actor, 'editNote', { noteId: note.id, text: 'Changed.' });
    expect(codeOf(() => t.world.do(ru.negotiator.actor, 'deleteNote', { noteId: note.id, basedOn: seq }))).toBe('version_conflict');
    expect(t.world.state.notes.has(note.id)).toBe(true);
  });
});
