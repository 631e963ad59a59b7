import { describe, expect, it } from 'vitest';
import type { Position, PositionLevel, Visibility } from '../model.ts';
import type { Actor } from '../policy/actor.ts';
import { canSee } from '../policy/visibility.ts';
import { testId } from '../testing/factory.ts';
import { findDiscrepancies, leanOf, type StatementSeen } from './discrepancies.ts';

const RU = testId(1);
const US = testId(2);
const P1 = testId(11);
const P2 = testId(12);

let seq = 0;
function position(partyId: string, pointId: string, level: PositionLevel, visibility: Visibility, at = `2025-12-0${++seq % 9 + 1}T10:00:00.000Z`): Position {
  return { id: testId(100 + ++seq), partyId, pointId, amendmentId: null, versionId: null, level, reason: 'why', visibility, setBy: testId(50), at, previousId: null };
}
function statement(partyId: string | null, pointIds: string[], stance: PositionLevel | null, date = '2025-12-03', visibility: Visibility = 'public'): StatementSeen {
  return { id: testId(200 + ++seq), partyId, personId: null, pointIds, stance, date, quote: 'Words.', lang: 'en', visibility };
}

const mediator: Actor = { kind: 'member', memberId: testId(60), partyId: null, role: 'mediator' };
const ruNegotiator: Actor = { kind: 'member', memberId: testId(61), partyId: RU, role: 'negotiator' };
const usObserver: Actor = { kind: 'member', memberId: testId(62), partyId: US, role: 'observer' };
const outsider: Actor = { kind: 'public' };

describe('findDiscrepancies', () => {
  it('finds a friendly public word against a red line, for whoever may see the red line', () => {
    const positions = [position(RU, P1, 'redline', 'party')];
    const statements = [statement(RU, [P1], 'discuss')];
    const d = findDiscrepancies({ viewer: ruNegotiator, statements, positions });
    expect(d).toEqual([expect.objectContaining({ partyId: RU, pointId: P1, direction: 'softer_in_public', position: expect.objectContaining({ level: 'redline', visibility: 'party' }) as unknown })]);
    expect(d[0]!.statements.map((s) => s.stance)).toEqual(['discuss']);
    // The red line is Russia's own: the mediator and the United States may not see it.
    expect(findDiscrepancies({ viewer: mediator, statements, positions })).toEqual([]);
    expect(findDiscrepancies({ viewer: usObserver, statements, positions })).toEqual([]);
    expect(findDiscrepancies({ viewer: outsider, statements, positions })).toEqual([]);
  });

  it('compares with the latest position the viewer may see, not the latest position', () => {
    // Russia told the mediator it rejects point 1, then privately moved to accept it.
    const positions = [position(RU, P1, 'reject', 'mediator', '2025-12-01T10:00:00.000Z'), position(RU, P1, 'accept', 'party', '2025-12-02T10:00:00.000Z')];
    const statements = [statement(RU, [P1], 'accept')];
    expect(findDiscrepancies({ viewer: mediator, statements, positions }).map((d) => d.position.level)).toEqual(['reject']);
    expect(findDiscrepancies({ viewer: ruNegotiator, statements, positions })).toEqual([]);
  });

  it('finds the reverse: a hard public line against an accepting position', () => {
    const positions = [position(US, P2, 'accept', 'parties')];
    const d = findDiscrepancies({ viewer: ruNegotiator, statements: [statement(US, [P2], 'reject')], positions });
    expect(d.map((x) => x.direction)).toEqual(['harder_in_public']);
  });

  it('is silent where words and position lean the same way, or either is about the wording only', () => {
    const positions = [position(RU, P1, 'reject', 'public'), position(RU, P2, 'wording', 'public')];
    const statements = [statement(RU, [P1], 'redline'), statement(RU, [P2], 'accept'), statement(RU, [P1], 'wording'), statement(null, [P1], 'accept'), statement(RU, [P1], null)];
    expect(findDiscrepancies({ viewer: mediator, statements, positions })).toEqual([]);
  });

  it("compares a party's words only with that party's position, point by point", () => {
    const positions = [position(US, P1, 'redline', 'public'), position(RU, P2, 'redline', 'public')];
    const d = findDiscrepancies({ viewer: mediator, statements: [statement(RU, [P1, P2], 'accept')], positions });
    expect(d.map((x) => [x.partyId, x.pointId])).toEqual([[RU, P2]]);
    expect(findDiscrepancies({ viewer: mediator, statements: [statement(RU, [P1, P2], 'accept')], positions, pointId: P1 })).toEqual([]);
  });

  it('groups the statements of one party and point, newest first', () => {
    const positions = [position(RU, P1, 'redline', 'public')];
    const statements = [statement(RU, [P1], 'accept', '2025-12-01'), statement(RU, [P1], 'discuss', '2025-12-05')];
    const [d] = findDiscrepancies({ viewer: mediator, statements, positions });
    expect(d!.statements.map((s) => s.date)).toEqual(['2025-12-05', '2025-12-01']);
  });

  it('never reveals a position the viewer may not see, whatever it is handed (property over every visibility and viewer)', () => {
    const viewers = [mediator, ruNegotiator, usObserver, outsider];
    const visibilities: Visibility[] = ['party', 'mediator', 'parties', 'public'];
    for (const viewer of viewers) {
      for (const vis of visibilities) {
        for (const owner of [RU, US]) {
          const positions = [position(owner, P1, 'redline', vis)];
          const found = findDiscrepancies({ viewer, statements: [statement(owner, [P1], 'accept')], positions });
          expect(found.length, `${JSON.stringify(viewer)} ${vis} ${owner}`).toBe(canSee(viewer, { visibility: vis, partyId: owner }) ? 1 : 0);
        }
      }
    }
  });

  it('leans: accept and discuss favourable, reject and red line opposed, wording neither', () => {
    expect((['accept', 'discuss', 'wording', 'reject', 'redline'] as const).map(leanOf)).toEqual(['favourable', 'favourable', 'neutral', 'opposed', 'opposed']);
  });
});
