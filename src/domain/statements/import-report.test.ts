import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay } from '../testing/factory.ts';
import { codeOf, errorOf, eventOf, eventsOf, table, testId } from '../testing/factory.ts';
import { previewReport } from './preview-report.ts';

const seed = readFileSync(new URL('../../demo/seed/000_d5d1f4a12c482239.txt', import.meta.url), 'utf8');

function setup() {
  const t = table({ parties: 2, points: 2 });
  const m = t.mediator.actor;
  const ushakov = eventOf(t.world.do(m, 'addPerson', { names: { en: 'Yuri Ushakov', ur: 'یوری اوشاکوف' }, aliases: ['Ushakov', 'اوشاکوف'], partyId: t.party(0).id }), 'person.added').payload.person;
  const putin = eventOf(t.world.do(m, 'addPerson', { names: { en: 'Vladimir Putin', ur: 'ولادیمیر پوتن' }, aliases: ['Putin', 'پوتن'], partyId: t.party(0).id }), 'person.added').payload.person;
  return { t, m, ushakov, putin };
}

const report = { title: 'Seed report', publisher: 'An Urdu daily', url: 'https://example.org/seed', date: '2025-12-03', lang: 'ur' };

describe('previewReport', () => {
  it('finds the seed report\u2019s quotations, resolves the speakers to persons and their party, and suggests stances', () => {
    const { t, ushakov, putin } = setup();
    const p = previewReport(t.world.state, t.party(1).observer.actor, { text: seed, lang: 'ur' });
    expect(p.candidates).toHaveLength(13);
    expect(p).toMatchObject({ lang: 'ur', format: 'text', alreadyImported: null });
    expect(new Set(p.candidates.map((c) => c.personId))).toEqual(new Set([ushakov.id, putin.id]));
    expect(p.candidates.every((c) => c.partyId === t.party(0).id)).toBe(true);
    const q7 = p.candidates.find((c) => c.line === 6)!;
    expect(q7.stance).toMatchObject({ level: 'discuss' });
    expect(p.candidates.find((c) => c.quote.includes('ناقابل قبول'))?.stance?.level).toBe('reject');
    // Nothing is recorded by a preview.
    expect(t.world.state.reports.size).toBe(0);
  });

  it('refuses empty, binary, huge and quotation-less reports with a clear reason', () => {
    const { t, m } = setup();
    const s = t.world.state;
    expect(codeOf(() => previewReport(s, m, { text: '   \n' }))).toBe('invalid_import');
    expect(codeOf(() => previewReport(s, m, { text: 'PK\u0003\u0004\u0000\u0000binary' }))).toBe('invalid_import');
    expect(codeOf(() => previewReport(s, m, { text: 'x'.repeat(2_000_001) }))).toBe('file_too_large');
    const none = errorOf(() => previewReport(s, m, { text: 'The delegations met in Moscow on Tuesday. The talks lasted five hours.', lang: 'en' }));
    expect(none).toMatchObject({ code: 'invalid_import', message: expect.stringContaining('No quotations') as unknown });
    expect(codeOf(() => previewReport(s, { kind: 'public' }, { text: seed }))).toBe('action_denied');
  });

  it('reads HTML by name or by content, and numbers lines of the article text', () => {
    const { t, m } = setup();
    const html = '<html><body><nav>Home | World</nav><article><h1>Talks</h1><p>“The proposals are unacceptable,” Ushakov said.</p></article></body></html>';
    const p = previewReport(t.world.state, m, { text: html, name: 'page.html', lang: 'en' });
    expect(p.format).toBe('html');
    expect(p.candidates).toHaveLength(1);
    expect(p.lines[p.candidates[0]!.line - 1]).toContain('The proposals are unacceptable');
    expect(p.candidates[0]).toMatchObject({ stance: { level: 'reject' } });
  });
});

describe('importReport', () => {
  it('records the report and the accepted statements in one command, each linked to its report and line', () => {
    const { t, m, ushakov } = setup();
    const p = previewReport(t.world.state, m, { text: seed, lang: 'ur' });
    const chosen = p.candidates.slice(0, 3);
    const translation = (i: number): Record<string, string> => (i === 0 ? { en: 'useful, constructive and important' } : {});
    const events = t.world.do(t.party(1).negotiator.actor, 'importReport', {
      report: { ...report, text: seed },
      statements: chosen.map((c, i) => ({
        personId: c.personId, speakerAsNamed: c.speaker ?? '', quote: c.quote, kind: c.kind, line: c.line,
        pointIds: i === 0 ? [t.pointId(0)] : [], stance: c.stance?.level ?? null, translations: translation(i),
      })),
    });
    const r = eventOf(events, 'report.imported').payload.report;
    expect(r).toMatchObject({ title: 'Seed report', lang: 'ur', format: 'text', visibility: 'public', importedBy: t.party(1).negotiator.member.id });
    expect(r.sha256).toBe(p.sha256);
    const statements = eventsOf(events, 'statement.recorded').map((e) => e.payload.statement);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toMatchObject({
      reportId: r.id, personId: ushakov.id, partyId: t.party(0).id, date: '2025-12-03', lang: 'ur', pointIds: [t.pointId(0)], stance: 'discuss',
      source: { title: 'Seed report', publisher: 'An Urdu daily', url: 'https://example.org/seed', line: chosen[0]!.line }, translations: { en: 'useful, constructive and important' },
    });
    expect(replay(t.world.log)).toEqual(t.world.state);
  });

  it('records nothing when one statement is wrong: all or nothing', () => {
    const { t, m } = setup();
    const base = { report: { ...report, text: seed } };
    const good = { quote: 'مفید، تعمیری اور اہم', line: 4 };
    expect(codeOf(() => t.world.do(m, 'importReport', { ...base, statements: [good, { quote: 'words the report never printed', line: 4 }] }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(m, 'importReport', { ...base, statements: [good, { ...good, line: 99 }] }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(m, 'importReport', { ...base, statements: [good, { ...good, personId: testId(999) }] }))).toBe('person_not_found');
    expect(codeOf(() => t.world.do(m, 'importReport', { ...base, statements: [good, { ...good, pointIds: [testId(999)] }] }))).toBe('point_not_found');
    expect(codeOf(() => t.world.do(m, 'importReport', { ...base, statements: [] }))).toBe('invalid_input');
    expect(t.world.state.reports.size + t.world.state.statements.size).toBe(0);
    expect(codeOf(() => t.world.do({ kind: 'public' }, 'importReport', { ...base, statements: [good] }))).toBe('action_denied');
  });

  it('imports one report once', () => {
    const { t, m } = setup();
    const input = { report: { ...report, text: seed }, statements: [{ quote: 'مفید، تعمیری اور اہم', line: 4 }] };
    t.world.do(m, 'importReport', input);
    expect(codeOf(() => t.world.do(m, 'importReport', input))).toBe('already_exists');
    expect(previewReport(t.world.state, m, { text: seed }).alreadyImported).toBe([...t.world.state.reports.keys()][0]);
    expect(previewReport(t.world.state, m, { text: seed }).candidates.find((c) => c.line === 4 && c.quote === 'مفید، تعمیری اور اہم')?.duplicateOf).toBeTruthy();
  });

  it('accepts a quote continued across lines, and a report for the table only', () => {
    const { t, m } = setup();
    const text = 'Moscow, 3 December.\n“We are ready to talk,\nbut the demand is unacceptable,” Ushakov said.\n';
    const events = t.world.do(m, 'importReport', { report: { ...report, lang: 'en', text, visibility: 'parties' }, statements: [{ quote: 'We are ready to talk, but the demand is unacceptable,', line: 2 }] });
    expect(events.map((e) => e.visibility)).toEqual(['parties', 'parties']);
  });
});

describe('editStatement', () => {
  function imported() {
    const s = setup();
    const events = s.t.world.do(s.m, 'importReport', { report: { ...report, text: seed }, statements: [{ quote: 'مفید، تعمیری اور اہم', line: 4, speakerAsNamed: 'انہوں' }] });
    return { ...s, statement: eventOf(events, 'statement.recorded').payload.statement, seq: events.at(-1)!.seq };
  }

  it('fixes the speaker (and so the party), links points, sets the stance and adds a translation', () => {
    const { t, ushakov, statement, seq } = imported();
    const e = eventOf(t.world.do(t.party(1).observer.actor, 'editStatement', {
      statementId: statement.id, basedOn: seq, personId: ushakov.id, pointIds: [t.pointId(1), t.pointId(1)], stance: 'discuss', translations: { en: 'useful, constructive and important', ur: 'ignored: the quote\u2019s own language' },
    }), 'statement.edited');
    expect(e.payload.statement).toMatchObject({ id: statement.id, personId: ushakov.id, partyId: t.party(0).id, pointIds: [t.pointId(1)], stance: 'discuss', translations: { en: 'useful, constructive and important' }, quote: statement.quote, reportId: statement.reportId });
    expect(e.visibility).toBe('public');
    expect(t.world.state.statements.get(statement.id)?.stance).toBe('discuss');
  });

  it('refuses a stale revision with the statement as it is now, and an edit that changes nothing', () => {
    const { t, m, ushakov, statement, seq } = imported();
    t.world.do(m, 'editStatement', { statementId: statement.id, basedOn: seq, stance: 'accept' });
    const stale = errorOf(() => t.world.do(m, 'editStatement', { statementId: statement.id, basedOn: seq, personId: ushakov.id }));
    expect(stale).toMatchObject({ code: 'version_conflict', detail: { current: { stance: 'accept' } } });
    expect(codeOf(() => t.world.do(m, 'editStatement', { statementId: statement.id, stance: 'accept' }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(m, 'editStatement', { statementId: testId(999), stance: 'accept' }))).toBe('not_found');
    expect(codeOf(() => t.world.do({ kind: 'public' }, 'editStatement', { statementId: statement.id, stance: 'reject' }))).toBe('action_denied');
  });
});
