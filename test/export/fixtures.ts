/**
 * Two versions of a small bilingual (English, Urdu) text and the accepted amendments between
 * them: a party's replacement of point 2, a party's new point, the mediator's own edit of
 * point 1 and the removal of point 3; the new point goes second, so old point 2 becomes 3.
 */
import type { Amendment, Party, Version, VersionPoint } from '../../src/domain/model.ts';
import { buildRedline, type RedlineDocument } from '../../src/export/redline.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const ALPHA = id(901);
export const BETA = id(902);
export const parties: Party[] = [
  { id: ALPHA, name: { en: 'Alphaland', ur: 'الفا لینڈ' }, shortName: 'Alpha', broker: false },
  { id: BETA, name: { en: 'Betastan', ur: 'بیٹا ستان' }, shortName: 'Beta', broker: false },
];

const p = (n: number, number: string, en: string, ur: string): VersionPoint => ({ pointId: id(n), number, sectionId: null, texts: { en, ur }, tags: [], illustrative: false });

function version(seqNo: number, label: string, createdAt: string, points: VersionPoint[]): Version {
  return { id: id(100 + seqNo), seqNo, label, note: '', createdAt, createdBy: id(1), amendmentIds: [], points, sections: [], contentHash: String(seqNo).repeat(64).slice(0, 64), visibility: 'parties', initials: [] };
}

export const v1 = version(1, 'First draft', '2026-03-01T10:00:00.000Z', [
  p(1, '1', 'The parties agree to a ceasefire along the line of contact.', 'فریقین رابطے کی لکیر پر جنگ بندی پر متفق ہیں۔'),
  p(2, '2', 'Prisoners are exchanged within thirty days.', 'قیدیوں کا تبادلہ تیس دن کے اندر ہوگا۔'),
  p(3, '3', 'A buffer zone is established.', 'ایک بفر زون قائم کیا جاتا ہے۔'),
  p(4, '4', 'Elections are held within one year.', 'ایک سال کے اندر انتخابات ہوں گے۔'),
]);

export const v2 = version(2, 'Revised draft', '2026-03-08T16:30:00.000Z', [
  p(1, '1', 'The parties agree to a complete ceasefire along the line of contact.', 'فریقین رابطے کی لکیر پر مکمل جنگ بندی پر متفق ہیں۔'),
  p(5, '2', 'A joint commission meets monthly.', 'ایک مشترکہ کمیشن ہر ماہ ملتا ہے۔'),
  p(2, '3', 'All prisoners are exchanged within sixty days.', 'تمام قیدیوں کا تبادلہ ساٹھ دن کے اندر ہوگا۔'),
  p(4, '4', 'Elections are held within one year.', 'ایک سال کے اندر انتخابات ہوں گے۔'),
]);

const amendment = (n: number, partyId: string, kind: Amendment['kind'], pointId: string | null, resultPointId: string | null, decidedAt: string): Amendment => ({
  id: id(n), partyId, baseVersionId: v1.id, kind, pointId, texts: {}, baseTexts: null, afterPointId: null, number: null, justification: '',
  status: 'accepted', visibility: 'parties', createdBy: id(2), createdAt: '2026-03-02T09:00:00.000Z', decidedAt, resultPointId, resultVersionId: v2.id,
});

export const amendments: Amendment[] = [
  amendment(501, ALPHA, 'replace', id(2), null, '2026-03-07T12:00:00.000Z'),
  amendment(502, BETA, 'insert', null, id(5), '2026-03-07T13:00:00.000Z'),
  amendment(503, BETA, 'delete', id(3), null, '2026-03-07T14:00:00.000Z'),
];

export function sampleRedline(lang: 'en' | 'ur'): RedlineDocument {
  return buildRedline({
    a: v1, b: v2, title: { en: 'Test talks', ur: 'آزمائشی مذاکرات' }, lang, amendments, parties,
    versionsBetween: new Set([v2.id]), mediatorName: lang === 'ur' ? 'ثالث کا دفتر' : "Mediator's office",
  });
}
