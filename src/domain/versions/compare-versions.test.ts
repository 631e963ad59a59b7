import { describe, expect, it } from 'vitest';
import { compareVersions, comparisonWordStats, type ComparablePoint } from './compare-versions.ts';

const p = (pointId: string, number: string, en: string, sectionId: string | null = 's1', more: Record<string, string> = {}): ComparablePoint =>
  ({ pointId, number, sectionId, texts: { en, ...more } });

const summary = (rows: ReturnType<typeof compareVersions>['rows']) =>
  rows.map((r) => `${r.pointId}:${r.status}${r.renumbered ? '#' : ''}${r.moved ? '>' : ''}`);

describe('compareVersions', () => {
  it('reads two identical versions as unchanged, in order', () => {
    const v = [p('a', '1', 'One.'), p('b', '2', 'Two.')];
    const c = compareVersions(v, v);
    expect(summary(c.rows)).toEqual(['a:unchanged', 'b:unchanged']);
    expect(c.counts).toEqual({ unchanged: 2, changed: 0, added: 0, removed: 0, moved: 0, renumbered: 0 });
  });

  it('matches points by id, so a deletion renumbers the rest without calling them changed or moved', () => {
    const v1 = [p('a', '1', 'One.'), p('b', '2', 'Two.'), p('c', '3', 'Three.'), p('d', '4', 'Four.')];
    const v2 = [p('a', '1', 'One.'), p('c', '2', 'Three.'), p('d', '3', 'Four, amended.')];
    const c = compareVersions(v1, v2);
    expect(summary(c.rows)).toEqual(['a:unchanged', 'b:removed', 'c:unchanged#', 'd:changed#']);
    expect(c.counts).toMatchObject({ unchanged: 2, changed: 1, removed: 1, added: 0, moved: 0, renumbered: 2 });
    const d = c.rows[3]!;
    expect([d.a?.number, d.b?.number]).toEqual(['4', '3']);
  });

  it('places an added point where the second version has it', () => {
    const v1 = [p('a', '1', 'One.'), p('b', '2', 'Two.')];
    const v2 = [p('a', '1', 'One.'), p('x', '2', 'New.'), p('b', '3', 'Two.')];
    expect(summary(compareVersions(v1, v2).rows)).toEqual(['a:unchanged', 'x:added', 'b:unchanged#']);
  });

  it('calls a point moved only when its order among the shared points changed', () => {
    const v1 = [p('a', '1', 'One.'), p('b', '2', 'Two.'), p('c', '3', 'Three.'), p('d', '4', 'Four.')];
    const v2 = [p('a', '1', 'One.'), p('c', '2', 'Three.'), p('d', '3', 'Four.'), p('b', '4', 'Two.')];
    const c = compareVersions(v1, v2);
    // One point moved to the end; the two it jumped over were only renumbered.
    expect(summary(c.rows)).toEqual(['a:unchanged', 'c:unchanged#', 'd:unchanged#', 'b:moved#>']);
    expect(c.counts.moved).toBe(1);
  });

  it('keeps a moved point whose text also changed as changed, still flagged as moved', () => {
    const v1 = [p('a', '1', 'One.'), p('b', '2', 'Two.')];
    const v2 = [p('b', '1', 'Two, amended.'), p('a', '2', 'One.')];
    const rows = compareVersions(v1, v2).rows;
    const moved = rows.filter((r) => r.moved);
    expect(moved).toHaveLength(1);
    const b = rows.find((r) => r.pointId === 'b')!;
    expect(b.status).toBe('changed');
  });

  it('puts removed points back after their predecessor, a run of them in their first order', () => {
    const v1 = [p('a', '1', 'A'), p('b', '2', 'B'), p('c', '3', 'C'), p('d', '4', 'D'), p('e', '5', 'E')];
    const v2 = [p('c', '1', 'C'), p('e', '2', 'E')];
    expect(compareVersions(v1, v2).rows.map((r) => r.pointId)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('sees a change in any language and names the languages changed', () => {
    const v1 = [p('a', '1', 'Same.', 's1', { ur: 'پرانا' , ru: 'То же.' })];
    const v2 = [p('a', '1', 'Same.', 's1', { ur: 'نیا', ru: 'То же.' })];
    const r = compareVersions(v1, v2).rows[0]!;
    expect(r.status).toBe('changed');
    expect(r.changedLanguages).toEqual(['ur']);
  });

  it('treats a change of section alone as a move', () => {
    const r = compareVersions([p('a', '1', 'A', 's1')], [p('a', '1', 'A', 's2')]).rows[0]!;
    expect(r).toMatchObject({ status: 'moved', sectionChanged: true, moved: false, sectionId: 's2' });
  });
});

describe('comparisonWordStats', () => {
  it('counts words inserted and deleted in one language, added and removed points included', () => {
    const v1 = [p('a', '1', 'Limited to 600,000 personnel.'), p('b', '2', 'Frozen assets fund reconstruction.')];
    const v2 = [p('a', '1', 'Limited to 800,000 personnel in peacetime.'), p('c', '2', 'A new point.')];
    const { rows } = compareVersions(v1, v2);
    // a: "600,000" out, "800,000 in peacetime" in; b: 4 words out; c: 3 words in.
    expect(comparisonWordStats(rows, 'en')).toEqual({ inserted: 3 + 3, deleted: 1 + 4, moved: 0 });
    expect(comparisonWordStats(rows, 'ur')).toEqual({ inserted: 0, deleted: 0, moved: 0 });
  });

  it('counts a moved sentence as moved, and only the words edited on the way as inserted or deleted', () => {
    const before = 'Monitors report every week to the joint commission. Heavy weapons are withdrawn fifteen kilometres from the line. Prisoners are exchanged.';
    const after = 'Heavy weapons are withdrawn fifteen kilometres from the line. Prisoners are exchanged. Monitors report every week to the joint commission.';
    const { rows } = compareVersions([p('a', '1', before)], [p('a', '1', after)]);
    const stats = comparisonWordStats(rows, 'en');
    expect(stats.moved).toBeGreaterThanOrEqual(8);
    expect(stats.inserted + stats.deleted).toBeLessThan(4);
  });
});
