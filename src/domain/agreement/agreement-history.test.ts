import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Position, PositionLevel, Visibility } from '../model.ts';
import { canSee } from '../policy/visibility.ts';
import { agreementHistory, type Checkpoint } from './agreement-history.ts';

const [A, B] = [randomUUID(), randomUUID()];
const [P1, P2, P3] = [randomUUID(), randomUUID(), randomUUID()];
const points = [{ id: P1 }, { id: P2 }, { id: P3 }];

function pos(partyId: string, pointId: string | null, level: PositionLevel, at: string, visibility: Visibility = 'parties'): Position {
  return {
    id: randomUUID(), partyId, pointId, amendmentId: pointId ? null : randomUUID(), versionId: null, level,
    reason: `${level} reason`, visibility, setBy: randomUUID(), at, previousId: null,
  };
}

const cp = (kind: Checkpoint['kind'], at: string, extra: Partial<Checkpoint> = {}): Checkpoint =>
  ({ kind, id: kind === 'now' ? null : randomUUID(), at, label: kind === 'version' ? 'v' : null, title: kind === 'round' ? { en: 'Round' } : null, ...extra });

describe('agreementHistory', () => {
  it('counts statuses at each checkpoint from the positions taken by then, in time order', () => {
    const positions = [
      pos(A, P1, 'accept', '2025-01-01T10:00:00.000Z'),
      pos(B, P1, 'accept', '2025-01-05T10:00:00.000Z'),
      pos(A, P2, 'redline', '2025-01-02T10:00:00.000Z'),
      pos(A, P2, 'discuss', '2025-01-06T10:00:00.000Z'),
      pos(B, P3, 'reject', '2025-01-03T10:00:00.000Z'),
    ];
    const h = agreementHistory([A, B], points, positions, [
      cp('now', '2025-02-01T00:00:00.000Z'),
      cp('round', '2025-01-04T00:00:00.000Z'),
      cp('version', '2025-01-01T00:00:00.000Z'),
    ]);
    expect(h.parties).toEqual([A, B]);
    expect(h.checkpoints.map((c) => [c.kind, c.counts, c.total])).toEqual([
      ['version', { agreed: 0, close: 3, contested: 0, blocked: 0 }, 3],
      // P1 only A accepts (close), P2 A's red line (blocked), P3 B rejects (contested).
      ['round', { agreed: 0, close: 1, contested: 1, blocked: 1 }, 3],
      // P1 agreed, P2 the red line is lifted to "discuss" (close), P3 still contested.
      ['now', { agreed: 1, close: 1, contested: 1, blocked: 0 }, 3],
    ]);
  });

  it("counts a checkpoint's own points (a version's text) when given, and ignores positions on amendments", () => {
    const positions = [pos(A, null, 'redline', '2025-01-01T00:00:00.000Z'), pos(A, P3, 'redline', '2025-01-01T00:00:00.000Z')];
    const h = agreementHistory([A, B], points, positions, [cp('version', '2025-01-02T00:00:00.000Z', { pointIds: [P1, P2] }), cp('now', '2025-01-03T00:00:00.000Z')]);
    expect(h.checkpoints[0]).toMatchObject({ total: 2, counts: { agreed: 0, close: 2, contested: 0, blocked: 0 } });
    expect(h.checkpoints[1]).toMatchObject({ total: 3, counts: { blocked: 1, close: 2 } });
  });

  it('a position taken exactly at the checkpoint counts; equal times keep the order given (the later one wins)', () => {
    const at = '2025-03-01T12:00:00.000Z';
    const h = agreementHistory([A], [{ id: P1 }], [pos(A, P1, 'redline', at), pos(A, P1, 'accept', at)], [cp('round', at)]);
    expect(h.checkpoints[0]?.counts).toEqual({ agreed: 1, close: 0, contested: 0, blocked: 0 });
  });

  it("shows a party's private red line only to that party's own history", () => {
    const positions = [pos(A, P1, 'redline', '2025-01-01T00:00:00.000Z', 'party'), pos(B, P1, 'accept', '2025-01-01T00:00:00.000Z')];
    const forViewer = (party: string) => agreementHistory([A, B], [{ id: P1 }], positions.filter((p) => canSee({ kind: 'member', memberId: randomUUID(), partyId: party, role: 'negotiator' }, p)), [cp('now', '2025-01-02T00:00:00.000Z')]);
    expect(forViewer(A).checkpoints[0]?.counts.blocked).toBe(1);
    expect(forViewer(B).checkpoints[0]?.counts).toEqual({ agreed: 0, close: 1, contested: 0, blocked: 0 });
  });

  it('an empty text has no points to count', () => {
    expect(agreementHistory([A, B], [], [], [cp('now', '2025-01-01T00:00:00.000Z')]).checkpoints[0]).toMatchObject({ total: 0, counts: { agreed: 0, close: 0, contested: 0, blocked: 0 } });
  });
});
