import { describe, expect, it } from 'vitest';
import { codeOf, eventOf, table, testId } from '../testing/factory.ts';

// Quote 7 of the seed's answer key (line 6).
const quote = 'کچھ امریکی تجاویز کم و بیش قابل قبول معلوم ہوتی ہیں، لیکن ان پر بات کرنے کی ضرورت ہے۔';

function setup() {
  const t = table({ parties: 2, points: 2 });
  const ushakov = eventOf(t.world.do(t.mediator.actor, 'addPerson', { names: { en: 'Yuri Ushakov', ur: 'یوری اوشاکوف' }, partyId: t.party(0).id }), 'person.added').payload.person;
  return { t, ushakov };
}

describe('recordStatement', () => {
  it('records a public statement attributed to the speaker\u2019s party', () => {
    const { t, ushakov } = setup();
    const e = eventOf(t.world.do(t.party(1).observer.actor, 'recordStatement', {
      personId: ushakov.id, speakerAsNamed: 'اوشاکوف', quote, lang: 'ur', translations: { en: 'Some American proposals seem more or less acceptable, but they need to be discussed.' },
      source: { title: 'News report', publisher: 'Urdu daily', url: 'https://example.org/report', line: 6 },
      date: '2025-12-03', pointIds: [t.pointId(0)], stance: 'discuss',
    }), 'statement.recorded');
    expect(e).toMatchObject({ visibility: 'public', partyId: null });
    expect(e.payload.statement).toMatchObject({ personId: ushakov.id, partyId: t.party(0).id, quote, lang: 'ur', kind: 'speech', stance: 'discuss', pointIds: [t.pointId(0)] });
    expect(t.world.state.statements.get(e.payload.statement.id)).toEqual(e.payload.statement);
  });

  it('may name no known person (a pronoun, "the official")', () => {
    const { t } = setup();
    const s = eventOf(t.world.do(t.mediator.actor, 'recordStatement', { speakerAsNamed: 'انہوں نے', quote, lang: 'ur', date: '2025-12-03', kind: 'reported' }), 'statement.recorded').payload.statement;
    expect(s).toMatchObject({ personId: null, partyId: null, source: { title: '', publisher: '', url: '', line: null }, translations: {}, stance: null, kind: 'reported' });
  });

  it('keeps the quote as entered, NFC-normalized', () => {
    const { t } = setup();
    // "й" typed as и + combining breve.
    const s = eventOf(t.world.do(t.mediator.actor, 'recordStatement', { quote: '\u0438\u0306', lang: 'ru', date: '2025-12-03' }), 'statement.recorded').payload.statement;
    expect(s.quote).toBe('\u0439');
  });

  it('anyone at the table may record one; the public may not', () => {
    const { t } = setup();
    for (const role of ['principal', 'negotiator', 'advisor', 'observer'] as const) {
      expect(codeOf(() => t.world.do(t.party(0)[role].actor, 'recordStatement', { quote: 'q', lang: 'en', date: '2025-12-03' }))).toBe('no error');
    }
    expect(codeOf(() => t.world.do({ kind: 'public' }, 'recordStatement', { quote: 'q', lang: 'en', date: '2025-12-03' }))).toBe('action_denied');
  });

  it('refuses unknown people and points, an empty quote, NUL, a bad date or language code', () => {
    const { t } = setup();
    const m = t.mediator.actor;
    const base = { quote: 'q', lang: 'en', date: '2025-12-03' };
    expect(codeOf(() => t.world.do(m, 'recordStatement', { ...base, personId: testId(999) }))).toBe('person_not_found');
    expect(codeOf(() => t.world.do(m, 'recordStatement', { ...base, pointIds: [testId(999)] }))).toBe('point_not_found');
    for (const bad of [{ quote: '  ' }, { quote: 'a\u0000b' }, { date: '3 Dec 2025' }, { lang: 'Urdu' }]) {
      expect(codeOf(() => t.world.do(m, 'recordStatement', { ...base, ...bad }))).toBe('invalid_input');
    }
    expect(t.world.state.statements.size).toBe(0);
  });
});
