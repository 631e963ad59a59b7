/**
 * Folds one event into the state. It trusts the event: validation happened when the use
 * case decided it, and a replayed log was verified before it is folded. It mutates `state`
 * in place because folding thousands of events immutably would copy the maps each time;
 * callers that need the old state keep a clone.
 */
import { foldTextEvent } from '../framework/translation-status.ts';
import { scoresRevisionKey, spaceRevisionKey } from '../settlement/commands/settlement-records.ts';
import type { EventBody } from './events.ts';
import type { NegotiationState } from './state.ts';

export function evolve(state: NegotiationState, event: EventBody & { seq?: number }): void {
  if (event.seq !== undefined) {
    const touched = touchedEntity(event);
    if (touched) state.revisions.set(touched, event.seq);
  }
  switch (event.type) {
    case 'negotiation.created':
      state.negotiation = event.payload.negotiation;
      return;
    case 'negotiation.updated':
      if (state.negotiation) state.negotiation = { ...state.negotiation, ...event.payload };
      return;
    case 'party.added':
      state.parties.set(event.payload.party.id, event.payload.party);
      return;
    case 'person.added':
    case 'person.updated':
      state.persons.set(event.payload.person.id, event.payload.person);
      return;
    case 'member.added':
    case 'member.updated':
      state.members.set(event.payload.member.id, event.payload.member);
      return;
    case 'section.added':
      state.sections.set(event.payload.section.id, event.payload.section);
      return;
    case 'point.added':
      state.points.set(event.payload.point.id, event.payload.point);
      foldTextEvent(state.textHistory, { seq: event.seq ?? state.seq + 1, type: event.type, payload: event.payload });
      return;
    case 'point.translation_confirmed':
      foldTextEvent(state.textHistory, { seq: event.seq ?? state.seq + 1, type: event.type, payload: event.payload });
      return;
    case 'point.edited': {
      foldTextEvent(state.textHistory, { seq: event.seq ?? state.seq + 1, type: event.type, payload: event.payload });
      const p = state.points.get(event.payload.pointId);
      if (p) {
        const { texts, tags, number, sectionId } = event.payload;
        state.points.set(p.id, { ...p, texts, tags, number, sectionId });
      }
      return;
    }
    case 'point.moved': {
      const p = state.points.get(event.payload.pointId);
      if (p) state.points.set(p.id, { ...p, order: event.payload.order, number: event.payload.number });
      return;
    }
    case 'point.removed': {
      const p = state.points.get(event.payload.pointId);
      if (p) state.points.set(p.id, { ...p, removed: true });
      return;
    }
    case 'version.created':
      state.versions.set(event.payload.version.id, event.payload.version);
      return;
    case 'version.imported':
      state.imports.set(event.payload.import.versionId, event.payload.import);
      return;
    case 'version.initialed': {
      const v = state.versions.get(event.payload.versionId);
      if (v) {
        const { partyId, memberId, contentHash, at } = event.payload;
        state.versions.set(v.id, { ...v, initials: [...v.initials, { partyId, memberId, contentHash, at }] });
      }
      return;
    }
    case 'amendment.drafted':
    case 'amendment.proposed':
      state.amendments.set(event.payload.amendment.id, event.payload.amendment);
      return;
    case 'amendment.withdrawn':
    case 'amendment.rejected': {
      const a = state.amendments.get(event.payload.amendmentId);
      if (a) state.amendments.set(a.id, { ...a, status: event.type === 'amendment.withdrawn' ? 'withdrawn' : 'rejected', decidedAt: event.payload.at });
      return;
    }
    case 'amendment.accepted': {
      const a = state.amendments.get(event.payload.amendmentId);
      if (a) {
        state.amendments.set(a.id, {
          ...a,
          status: 'accepted',
          decidedAt: event.payload.at,
          resultPointId: event.payload.resultPointId,
          resultVersionId: event.payload.resultVersionId,
        });
      }
      return;
    }
    case 'position.set':
      state.positions.push(event.payload.position);
      return;
    case 'round.scheduled':
    case 'round.updated':
      state.rounds.set(event.payload.round.id, event.payload.round);
      return;
    case 'readout.written':
      state.readouts.set(event.payload.readout.id, event.payload.readout);
      return;
    case 'statement.recorded':
    case 'statement.edited':
      state.statements.set(event.payload.statement.id, event.payload.statement);
      return;
    case 'report.imported':
      state.reports.set(event.payload.report.id, event.payload.report);
      return;
    case 'note.written':
    case 'note.edited':
      state.notes.set(event.payload.note.id, event.payload.note);
      return;
    case 'note.deleted':
      state.notes.delete(event.payload.noteId);
      return;
    case 'settlement.space.saved':
      state.settlement.space = event.payload.space;
      state.settlement.spaceSeq = event.seq ?? state.seq + 1;
      return;
    case 'settlement.scores.sealed':
      state.settlement.scores.set(event.payload.scores.partyId, event.payload.scores);
      return;
    case 'settlement.scores.submitted':
      state.settlement.submissions.set(event.payload.submission.partyId, event.payload.submission);
      return;
    case 'settlement.package.recorded':
    case 'settlement.package.shared':
      state.settlement.packages.set(event.payload.package.id, event.payload.package);
      return;
    case 'settlement.baseline.set':
      state.settlement.baselineId = event.payload.packageId;
      return;
    case 'fingerprint.variants.approved':
      for (const v of event.payload.variants) state.fingerprintVariants.set(v.id, v);
      return;
    case 'fingerprint.variant.revoked':
      state.fingerprintVariants.delete(event.payload.variantId);
      return;
  }
}

/** The entity whose revision an event advances, for stale-write checks. */
function touchedEntity(event: EventBody): string | null {
  switch (event.type) {
    case 'point.added': return event.payload.point.id;
    case 'point.edited':
    case 'point.moved':
    case 'point.removed':
    case 'point.translation_confirmed': return event.payload.pointId;
    case 'person.added':
    case 'person.updated': return event.payload.person.id;
    case 'round.scheduled':
    case 'round.updated': return event.payload.round.id;
    case 'amendment.drafted':
    case 'amendment.proposed': return event.payload.amendment.id;
    case 'amendment.withdrawn':
    case 'amendment.rejected':
    case 'amendment.accepted': return event.payload.amendmentId;
    case 'note.written':
    case 'note.edited': return event.payload.note.id;
    case 'statement.recorded':
    case 'statement.edited': return event.payload.statement.id;
    case 'note.deleted': return event.payload.noteId;
    case 'settlement.space.saved': return spaceRevisionKey;
    case 'settlement.scores.sealed': return scoresRevisionKey(event.payload.scores.partyId);
    default: return null;
  }
}
