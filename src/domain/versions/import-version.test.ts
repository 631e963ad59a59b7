import { describe, expect, it } from 'vitest';
import { translationStatus } from '../framework/translation-status.ts';
import { activePoints } from '../record/state.ts';
import { codeOf, errorOf, eventOf, eventsOf, replay, table, type Table } from '../testing/factory.ts';
import { planImport, type ImportVersionInput } from './import-version.ts';

const PLAN = [
  'Ukraine\'s sovereignty will be confirmed by all parties to this agreement.',
  'A comprehensive non-aggression agreement will be concluded between Russia, Ukraine and Europe.',
  'NATO will not station troops in Ukraine.',
  'European fighter jets will be stationed in Poland.',
  'The size of the Ukrainian armed forces will be limited to 600,000 personnel, and Ukraine will receive reliable security guarantees from the United States.',
  'All parties to the conflict will receive full amnesty for their actions during the war.',
  'Humanitarian committees will exchange all prisoners and bodies on an all for all basis.',
];

const source = { name: 'plan-v2.docx', format: 'docx' as const, sha256: 'a'.repeat(64) };

/** A negotiation whose working text is PLAN (English, with a Russian text on point 1), frozen as v1. */
function planTable(): Table {
  const t = table({ parties: 2, points: 0 });
  for (const en of PLAN) t.world.do(t.mediator.actor, 'addPoint', { texts: { en } });
  const first = activePoints(t.world.state)[0]!;
  t.world.do(t.mediator.actor, 'editPoint', { pointId: first.id, texts: { en: PLAN[0]!, ru: 'Суверенитет Украины будет подтверждён всеми сторонами.' } });
  t.world.do(t.mediator.actor, 'createVersion', {});
  return t;
}

const idOf = (t: Table, text: string) => activePoints(t.world.state).find((p) => p.texts.en === text)!.id;

/** The revision: point 2 rewritten, 3 and 4 merged, 5 split in two, amnesty removed, one point added, prisoners moved up. */
const REVISION: ImportVersionInput['points'] = [
  { number: '1', text: PLAN[0]! },
  { number: '2', text: 'Humanitarian committees will exchange all prisoners and bodies on an all for all basis.' },
  { number: '3', text: 'A comprehensive non-aggression agreement will be concluded between Russia, Ukraine and the European Union.' },
  { number: '4', text: 'NATO will not station troops in Ukraine, and European fighter jets will be stationed in Poland.' },
  { number: '5', text: 'The size of the Ukrainian armed forces will be limited to 800,000 personnel.' },
  { number: '6', text: 'Ukraine will receive reliable security guarantees from the United States.' },
  { number: '7', text: 'A Peace Council chaired by the mediator will oversee the implementation of this agreement.' },
];

describe('importVersion: a document without ids becomes the next version with point lineage', () => {
  it('keeps each point\'s identity by content and records merges, splits, additions and removals', () => {
    const t = planTable();
    const before = new Map(PLAN.map((text) => [text, idOf(t, text)]));
    const events = t.world.do(t.mediator.actor, 'importVersion', { lang: 'en', points: REVISION, source, label: 'Revised plan' });

    const version = eventOf(events, 'version.created').payload.version;
    expect(version).toMatchObject({ seqNo: 2, label: 'Revised plan' });
    expect(version.points.map((p) => [p.number, p.texts.en])).toEqual(REVISION.map((p) => [p.number, p.text]));

    // Identity follows content, never the number.
    const ids = version.points.map((p) => p.pointId);
    expect(ids[0]).toBe(before.get(PLAN[0]!));
    expect(ids[1]).toBe(before.get(PLAN[6]!));
    expect(ids[2]).toBe(before.get(PLAN[1]!));
    expect([before.get(PLAN[2]!), before.get(PLAN[3]!)]).toContain(ids[3]);
    // A split: the piece most like the old point keeps its id, the other is a new point.
    expect([ids[4], ids[5]].filter((id) => id === before.get(PLAN[4]!))).toHaveLength(1);
    expect([ids[4], ids[5]].filter((id) => [...before.values()].includes(id!))).toHaveLength(1);
    expect([...before.values()]).not.toContain(ids[6]);

    const record = eventOf(events, 'version.imported').payload.import;
    expect(record).toMatchObject({ versionId: version.id, lang: 'en', source, importedBy: t.mediator.member.id });
    const link = (kind: string) => record.links.filter((l) => l.kind === kind).map((l) => [l.oldNumber, l.newNumber]);
    expect(link('unchanged')).toEqual([['1', '1']]);
    expect(link('renumbered')).toEqual([['7', '2']]);
    expect(link('changed')).toEqual([['2', '3']]);
    expect(link('merged').sort()).toEqual([['3', '4'], ['4', '4']]);
    expect(link('split').sort()).toEqual([['5', '5'], ['5', '6']]);
    expect(link('added')).toEqual([[null, '7']]);
    expect(link('removed')).toEqual([['6', null]]);
    // A link names both points by id, so the lineage survives later renumbering.
    const split = record.links.filter((l) => l.kind === 'split');
    expect(new Set(split.map((l) => l.oldPointId))).toEqual(new Set([before.get(PLAN[4]!)]));
    expect(new Set(split.map((l) => l.newPointId))).toEqual(new Set([ids[4], ids[5]]));

    // The merged-away point and the removed one are gone from the working text.
    const removed = eventsOf(events, 'point.removed').map((e) => e.payload.pointId).sort();
    const mergedAway = [before.get(PLAN[2]!), before.get(PLAN[3]!)].find((id) => id !== ids[3]);
    expect(removed).toEqual([mergedAway, before.get(PLAN[5]!)].sort());
    expect(activePoints(t.world.state).map((p) => p.id)).toEqual(ids);
  });

  it('marks the other languages of a changed point as translation pending', () => {
    const t = planTable();
    const first = idOf(t, PLAN[0]!);
    t.world.do(t.mediator.actor, 'importVersion', {
      lang: 'en', source,
      points: [{ number: '1', text: 'Ukraine\'s sovereignty will be confirmed by all parties to this agreement and guaranteed.' }, ...PLAN.slice(1).map((text, i) => ({ number: String(i + 2), text }))],
    });
    const p = t.world.state.points.get(first)!;
    expect(p.texts.ru).toBe('Суверенитет Украины будет подтверждён всеми сторонами.');
    expect(translationStatus(t.world.state.textHistory.get(first))).toEqual({ en: 'current', ru: 'pending' });
  });

  it('places points under the document\'s headings, reusing a section with the same title and adding the others', () => {
    const t = planTable();
    const security = eventOf(t.world.do(t.mediator.actor, 'addSection', { title: { en: 'Security' } }), 'section.added').payload.section;
    const events = t.world.do(t.mediator.actor, 'importVersion', {
      lang: 'en', source,
      points: PLAN.map((text, i) => ({ number: String(i + 1), text })),
      sections: [{ title: 'SECURITY', beforePoint: 0 }, { title: 'Humanitarian questions', beforePoint: 5 }],
    });
    const added = eventsOf(events, 'section.added').map((e) => e.payload.section);
    expect(added.map((s) => s.title)).toEqual([{ en: 'Humanitarian questions' }]);
    const version = eventOf(events, 'version.created').payload.version;
    expect(version.points.map((p) => p.sectionId)).toEqual([...Array<string>(5).fill(security.id), added[0]!.id, added[0]!.id]);
  });

  it('makes the first version of an empty working text', () => {
    const t = table({ parties: 1, points: 0 });
    const events = t.world.do(t.mediator.actor, 'importVersion', { lang: 'en', source, points: PLAN.map((text, i) => ({ number: String(i + 1), text })) });
    expect(eventOf(events, 'version.created').payload.version.seqNo).toBe(1);
    expect(eventOf(events, 'version.imported').payload.import.links.every((l) => l.kind === 'added')).toBe(true);
  });

  it('folds to the same state as the events it recorded (replay)', () => {
    const t = planTable();
    t.world.do(t.mediator.actor, 'importVersion', { lang: 'en', points: REVISION, source });
    const again = replay(t.world.log);
    expect([...again.points.values()]).toEqual([...t.world.state.points.values()]);
    expect([...again.imports.values()]).toEqual([...t.world.state.imports.values()]);
  });

  it('previews exactly what it then records', () => {
    const t = planTable();
    const ctx = { actor: t.mediator.actor, now: '2026-01-01T00:00:00.000Z', newId: () => '00000000-0000-4000-8000-0000000fffff' };
    const plan = planImport(t.world.state, ctx, { lang: 'en', points: REVISION });
    expect(plan.counts).toEqual({ unchanged: 1, changed: 1, renumbered: 1, added: 1, removed: 1, merged: 2, split: 2 });
    expect(plan.links.find((l) => l.kind === 'removed')).toMatchObject({ oldText: PLAN[5], newText: null });
    const recorded = eventOf(t.world.do(t.mediator.actor, 'importVersion', { lang: 'en', points: REVISION, source }), 'version.imported').payload.import.links;
    expect(recorded.map((l) => [l.kind, l.oldNumber, l.newNumber])).toEqual(plan.links.map((l) => [l.kind, l.oldNumber, l.newNumber]));
  });
});

describe('importVersion refuses what it cannot import faithfully', () => {
  const points = PLAN.map((text, i) => ({ number: String(i + 1), text }));

  it('a document identical to the last version', () => {
    const t = planTable();
    expect(errorOf(() => t.world.do(t.mediator.actor, 'importVersion', { lang: 'en', source, points })))
      .toMatchObject({ code: 'invalid_input', message: expect.stringContaining('has not changed since v1') as string });
  });

  it('a working text changed since the preview', () => {
    const t = planTable();
    const seq = t.world.state.seq;
    t.world.do(t.mediator.actor, 'editPoint', { pointId: idOf(t, PLAN[1]!), texts: { en: 'Edited meanwhile.' } });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'importVersion', { lang: 'en', source, points: REVISION, basedOn: seq }))).toBe('version_conflict');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'importVersion', { lang: 'en', source, points: REVISION, basedOn: t.world.state.seq }))).toBe('no error');
  });

  it('a language the negotiation does not use, or one the working text has no text in', () => {
    const t = planTable();
    expect(codeOf(() => t.world.do(t.mediator.actor, 'importVersion', { lang: 'fr', source, points }))).toBe('invalid_input');
    expect(errorOf(() => t.world.do(t.mediator.actor, 'importVersion', { lang: 'ur', source, points: [{ number: '1', text: 'یوکرین کی خودمختاری کی تصدیق کی جائے گی۔' }] })))
      .toMatchObject({ code: 'invalid_import', message: expect.stringContaining('no ur text to compare') as string });
  });

  it('a working text with a point the document\'s language has no text for (it would be lost)', () => {
    const t = planTable();
    t.world.do(t.mediator.actor, 'addPoint', { texts: { ru: 'Только по-русски.' } });
    expect(errorOf(() => t.world.do(t.mediator.actor, 'importVersion', { lang: 'en', source, points: REVISION })))
      .toMatchObject({ code: 'invalid_import', message: expect.stringContaining('Point 8 of the working text has no en text') as string });
  });

  it('a document numbering two points alike, or with no points', () => {
    const t = planTable();
    expect(errorOf(() => t.world.do(t.mediator.actor, 'importVersion', { lang: 'en', source, points: [{ number: '1', text: 'One.' }, { number: '1', text: 'Again.' }] })))
      .toMatchObject({ code: 'invalid_import', message: expect.stringContaining('Point 1 appears twice') as string });
    expect(codeOf(() => t.world.do(t.mediator.actor, 'importVersion', { lang: 'en', source, points: [] }))).toBe('invalid_input');
  });

  it('anyone but the mediator', () => {
    const t = planTable();
    for (const seat of [t.party(0).principal, t.party(1).negotiator]) {
      expect(codeOf(() => t.world.do(seat.actor, 'importVersion', { lang: 'en', source, points: REVISION }))).toBe('action_denied');
    }
  });
});

describe('importVersion: a document made from a reader\'s fingerprinted copy', () => {
  it('reads its format marks as the master\'s characters: an unchanged point stays unchanged, a changed one keeps the edit', () => {
    const t = planTable();
    // What a delegate's copy looks like: some spaces no-break, a hyphen non-breaking.
    const marked = (s: string) => s.replace(/ (?=will)/gu, '\u00A0').replace('non-aggression', 'non\u2011aggression');
    const points = PLAN.map((text, i) => ({ number: String(i + 1), text: i === 2 ? 'NATO will never station troops in Ukraine.' : marked(text) }));
    const events = t.world.do(t.mediator.actor, 'importVersion', { lang: 'en', points, source, label: 'From a copy' });
    const edited = eventsOf(events, 'point.edited');
    expect(edited.map((e) => e.payload.texts.en)).toEqual(['NATO will never station troops in Ukraine.']);
    const version = eventOf(events, 'version.created').payload.version;
    expect(version.points.map((p) => p.texts.en).filter((x) => /[\u00A0\u2011]/u.test(x!))).toEqual([]);
    // The preview says so too: only the edited point is "changed".
    const plan = planImport(planTable().world.state, { actor: t.mediator.actor, now: '2026-01-01T00:00:00.000Z', newId: () => crypto.randomUUID() }, { lang: 'en', points });
    expect(plan.counts).toMatchObject({ unchanged: PLAN.length - 1, changed: 1 });
  });
});
