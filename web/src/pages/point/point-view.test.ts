import { describe, expect, it } from 'vitest';
import type { PositionOut } from '../../api/schemas.ts';
import {
  amendmentActions, amendmentsOfPoint, cleanTexts, compareTexts, defaultCompareVersion, historyByParty, latestByParty,
  likelyLanguage, mayDraftAmendment, numbersAcrossVersions, orderLanguages, tagLabel,
} from './point-view.ts';

const P = '11111111-1111-4111-8111-111111111111';
const Q = '22222222-2222-4222-8222-222222222222';
const RU = '33333333-3333-4333-8333-333333333333';
const UA = '44444444-4444-4444-8444-444444444444';

const vp = (pointId: string, number: string, en: string) => ({ pointId, number, sectionId: null, texts: { en }, tags: [], illustrative: false, flags: {} });
const version = (id: string, seqNo: number, points: ReturnType<typeof vp>[]) => ({ id, seqNo, label: `v${seqNo}`, points });

let seq = 0;
const position = (partyId: string, level: PositionOut['level'], over: Partial<PositionOut> = {}): PositionOut => ({
  id: crypto.randomUUID(), partyId, pointId: P, amendmentId: null, versionId: null, level, reason: '', visibility: 'parties',
  setBy: crypto.randomUUID(), at: '2025-12-02T10:00:00Z', previousId: null, seq: ++seq, ...over,
});

describe('orderLanguages', () => {
  it('puts the drafting language first, then the negotiation order, and skips empty texts', () => {
    expect(orderLanguages({ ru: 'р', ur: 'ا', en: 'e', uk: ' ', fr: 'f' }, 'en', ['en', 'ur', 'ru', 'uk'])).toEqual(['en', 'ur', 'ru', 'fr']);
    expect(orderLanguages({ en: 'e', ur: 'ا' }, 'ur', ['en', 'ur'])).toEqual(['ur', 'en']);
  });
});

describe('cleanTexts', () => {
  it('trims each language and drops the ones left empty', () => {
    expect(cleanTexts({ en: ' a ', ur: '  ', ru: 'б' })).toEqual({ en: 'a', ru: 'б' });
  });
});

describe('likelyLanguage', () => {
  const langs = ['en', 'ur', 'ru', 'uk'];
  it('tells the negotiation\'s languages apart by script', () => {
    expect(likelyLanguage('No compromise so far.', langs)).toBe('en');
    expect(likelyLanguage('اب تک کوئی سمجھوتہ نہیں ہو سکا۔', langs)).toBe('ur');
    expect(likelyLanguage('Компромисса пока нет.', langs)).toBe('ru');
    expect(likelyLanguage('Компроміс поки що не знайдено.', langs)).toBe('uk');
    expect(likelyLanguage('لا حل', ['en', 'ar'])).toBe('ar');
  });
  it('gives no language when the script is none of theirs', () => {
    expect(likelyLanguage('和平', langs)).toBeNull();
    expect(likelyLanguage('Hello', ['ur', 'ru'])).toBeNull();
  });
});

describe('tagLabel', () => {
  it('reads PA-X tags as their label path and humanizes a negotiation\'s own slugs', () => {
    expect(tagLabel('security-sector/ceasefire')).toBe('Security sector › Ceasefire');
    expect(tagLabel('governance')).toBe('Governance');
    expect(tagLabel('sanctions')).toBe('Sanctions');
    expect(tagLabel('security-sector/new-idea')).toBe('Security sector › New idea');
  });
});

describe('numbersAcrossVersions', () => {
  it('lists the number in each version oldest first, null where the point was absent', () => {
    const vs = [version('c', 3, [vp(P, '8', 'x')]), version('a', 1, [vp(Q, '1', 'y')]), version('b', 2, [vp(P, '7', 'x')])];
    expect(numbersAcrossVersions(vs, P).map((n) => [n.seqNo, n.number])).toEqual([[1, null], [2, '7'], [3, '8']]);
  });
});

describe('compareTexts', () => {
  it('tells unchanged, changed, added and removed languages apart', () => {
    const r = compareTexts({ en: 'a', ru: 'б', uk: 'в' }, { en: 'a', ru: 'г', ur: 'ا' }, ['en', 'ur']);
    expect(r).toEqual([
      { lang: 'en', change: 'unchanged' }, { lang: 'ur', change: 'added' }, { lang: 'ru', change: 'changed' }, { lang: 'uk', change: 'removed' },
    ]);
  });
});

describe('defaultCompareVersion', () => {
  it('picks the newest version whose text differs from now, else the newest', () => {
    const vs = [version('a', 1, [vp(P, '1', 'old')]), version('b', 2, [vp(P, '1', 'now')]), version('c', 3, [vp(P, '1', 'now')])];
    expect(defaultCompareVersion(vs, P, { en: 'now' })).toBe('a');
    expect(defaultCompareVersion(vs, P, { en: 'newer' })).toBe('c');
    expect(defaultCompareVersion([version('a', 1, [])], P, { en: 'x' })).toBe('a');
    expect(defaultCompareVersion([], P, { en: 'x' })).toBeNull();
  });
});

describe('latestByParty', () => {
  it('keeps each party\'s latest position on the point, ignores amendments and other points, null for silence', () => {
    const older = position(RU, 'discuss');
    const newer = position(RU, 'redline');
    const onAmendment = position(RU, 'accept', { amendmentId: Q, pointId: null });
    const other = position(RU, 'accept', { pointId: Q });
    const m = latestByParty([newer, older, onAmendment, other], P, [RU, UA]);
    expect(m.get(RU)?.id).toBe(newer.id);
    expect(m.get(UA)).toBeNull();
  });
});

describe('historyByParty', () => {
  it('groups oldest first and marks where the level moved', () => {
    const a = position(UA, 'discuss');
    const b = position(UA, 'discuss', { reason: 'again' });
    const c = position(UA, 'reject');
    const h = historyByParty([c, a, b]).get(UA)!;
    expect(h.map((e) => [e.position.id, e.previousLevel, e.levelChanged])).toEqual([[a.id, null, false], [b.id, 'discuss', false], [c.id, 'discuss', true]]);
  });
});

describe('amendmentsOfPoint', () => {
  it('keeps amendments on the point and the insertion that created it, proposed first', () => {
    const base = { partyId: RU, baseVersionId: null, texts: {}, baseTexts: null, afterPointId: null, number: null, justification: '', visibility: 'parties' as const, createdBy: RU, decidedAt: null, resultVersionId: null, rejectionReason: null, flags: {} };
    const list = [
      { ...base, id: 'acc', kind: 'replace' as const, pointId: P, status: 'accepted' as const, createdAt: '2025-01-01T00:00:00Z', resultPointId: P },
      { ...base, id: 'prop', kind: 'replace' as const, pointId: P, status: 'proposed' as const, createdAt: '2025-01-02T00:00:00Z', resultPointId: null },
      { ...base, id: 'ins', kind: 'insert' as const, pointId: null, status: 'accepted' as const, createdAt: '2025-01-03T00:00:00Z', resultPointId: P },
      { ...base, id: 'other', kind: 'replace' as const, pointId: Q, status: 'proposed' as const, createdAt: '2025-01-03T00:00:00Z', resultPointId: null },
    ];
    expect(amendmentsOfPoint(list, P).map((a) => a.id)).toEqual(['prop', 'ins', 'acc']);
  });
});

describe('amendmentActions', () => {
  const mediator = { role: 'mediator', partyId: null };
  const ruNegotiator = { role: 'negotiator', partyId: RU };
  it('gives the mediator accept and reject on proposals only', () => {
    expect(amendmentActions({ status: 'proposed', partyId: RU }, mediator)).toEqual(['accept', 'reject']);
    expect(amendmentActions({ status: 'draft', partyId: RU }, mediator)).toEqual([]);
  });
  it('lets the own party propose a draft and withdraw, and nobody else', () => {
    expect(amendmentActions({ status: 'draft', partyId: RU }, ruNegotiator)).toEqual(['propose', 'withdraw']);
    expect(amendmentActions({ status: 'proposed', partyId: RU }, ruNegotiator)).toEqual(['withdraw']);
    expect(amendmentActions({ status: 'accepted', partyId: RU }, ruNegotiator)).toEqual([]);
    expect(amendmentActions({ status: 'proposed', partyId: UA }, ruNegotiator)).toEqual([]);
    expect(amendmentActions({ status: 'draft', partyId: RU }, { role: 'advisor', partyId: RU })).toEqual([]);
  });
  it('lets party principals, negotiators and advisors draft, not observers or the mediator', () => {
    expect(mayDraftAmendment({ role: 'advisor', partyId: RU })).toBe(true);
    expect(mayDraftAmendment({ role: 'observer', partyId: RU })).toBe(false);
    expect(mayDraftAmendment(mediator)).toBe(false);
  });
});
