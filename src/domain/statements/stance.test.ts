import { describe, expect, it } from 'vitest';
import { stanceHits, suggestStance } from './stance.ts';

const level = (text: string, lang: string) => suggestStance(text, lang)?.level ?? null;

describe('suggestStance', () => {
  it.each([
    ['en', 'This proposal is acceptable to us.', 'accept', 'acceptable'],
    ['en', 'The talks were constructive.', 'discuss', 'constructive'],
    ['en', 'These points need to be discussed further.', 'discuss', 'need to be discussed'],
    ['en', 'The wording needs work.', 'wording', 'wording'],
    ['en', 'The demand is unacceptable.', 'reject', 'unacceptable'],
    ['en', 'Crimea is a red line for us.', 'redline', 'red line'],
    ['en', 'There will be no compromise on sovereignty.', 'redline', 'no compromise'],
    ['ru', 'Это предложение приемлемо.', 'accept', 'приемлемо'],
    ['ru', 'Разговор был конструктивным.', 'discuss', 'конструктивным'],
    ['ru', 'Такие требования неприемлемы для России.', 'reject', 'неприемлемы'],
    ['ru', 'Это красная линия.', 'redline', 'красная линия'],
    ['uk', 'Ми підтримуємо цей план.', 'accept', 'підтримуємо'],
    ['uk', 'Ці умови неприйнятні.', 'reject', 'неприйнятні'],
    ['uk', 'Територіальна цілісність — наша червона лінія.', 'redline', 'червона лінія'],
    ['ar', 'هذا الاقتراح مقبول.', 'accept', 'مقبول'],
    ['ar', 'كانت المحادثات بناءة.', 'discuss', 'بناءة'],
    ['ar', 'هذا الشرط مرفوض.', 'reject', 'مرفوض'],
    ['ar', 'السيادة خط أحمر.', 'redline', 'خط أحمر'],
    ['fa', 'این پیشنهاد قابل قبول است.', 'accept', 'قابل قبول'],
    ['fa', 'گفتگوها سازنده بود.', 'discuss', 'سازنده'],
    ['fa', 'این یک خط قرمز است.', 'redline', 'خط قرمز'],
    ['ur', 'یہ تجویز قابل قبول ہے۔', 'accept', 'قابل قبول'],
    ['ur', 'بات چیت مفید، تعمیری اور اہم تھی۔', 'discuss', 'تعمیری'],
    ['ur', 'یہ ہمارے لیے سرخ لکیر ہے۔', 'redline', 'سرخ لکیر'],
  ])('%s: %s', (lang, text, expected, cue) => {
    const s = suggestStance(text, lang);
    expect(s?.level).toBe(expected);
    // Every cue found is reported; the winning one is named as written.
    expect(s?.hits.map((h) => h.cue)).toContain(s?.cue);
    expect(s?.cue).toBe(cue);
  });

  it.each([
    ['en', 'This is not acceptable.', 'reject', 'not acceptable'],
    ['en', "We can't accept the demand.", 'reject', "can't accept"],
    ['en', 'Crimea is not a red line.', 'discuss', 'not a red line'],
    ['en', 'The status of the territories is not negotiable.', 'redline', 'not negotiable'],
    ['ru', 'Это не приемлемо.', 'reject', 'не приемлемо'],
    ['ru', 'Вопрос территорий не обсуждается.', 'redline', 'не обсуждается'],
    ['uk', 'Це не прийнятно.', 'reject', 'не прийнятно'],
    ['ar', 'هذا غير مقبول على الإطلاق.', 'reject', 'غير مقبول'],
    ['ar', 'لا نقبل هذه الشروط.', 'reject', 'لا نقبل'],
    ['ar', 'هذا ليس مقبولا.', 'reject', 'ليس مقبولا'],
    ['fa', 'این پیشنهاد غیرقابل قبول است.', 'reject', 'غیرقابل قبول'],
    ['fa', 'این پیشنهاد قابل قبول نیست.', 'reject', 'قابل قبول نیست'],
    ['ur', 'یہ مطالبات ناقابل قبول ہیں۔', 'reject', 'ناقابل قبول'],
    ['ur', 'ہم یہ شرط قبول نہیں کریں گے۔', 'reject', 'قبول نہیں'],
  ])('negation, %s: %s', (lang, text, expected, cue) => {
    expect(level(text, lang)).toBe(expected);
    if (cue) expect(suggestStance(text, lang)?.cue).toBe(cue);
  });

  it('the most reserved cue wins: friendly words around a reservation', () => {
    // Quote 7 of the seed's answer key.
    const ushakov = 'کچھ امریکی تجاویز کم و بیش قابل قبول معلوم ہوتی ہیں، لیکن ان پر بات کرنے کی ضرورت ہے۔';
    expect(level(ushakov, 'ur')).toBe('discuss');
    expect(level('We had constructive talks, but Crimea is a red line.', 'en')).toBe('redline');
    expect(stanceHits('We had constructive talks, but Crimea is a red line.', 'en').map((h) => h.level)).toEqual(['discuss', 'redline']);
  });

  it('reads Arabic-script variants and the Persian half-space alike', () => {
    expect(level('این پیشنهاد غیر\u200Cقابل قبول است.', 'fa')).toBe('reject');
    expect(level('این پیشنهاد غیر قابل قبول است.', 'fa')).toBe('reject');
    // Arabic ي/ك typed in Urdu text.
    expect(level('يہ تجويز ناقابل قبول ہے', 'ur')).toBe('reject');
    // An Arabic conjunction glued to the cue.
    expect(level('وهذا مرفوض وغير مقبول', 'ar')).toBe('reject');
  });

  it('gives the range of the cue in the text', () => {
    const text = 'Ushakov said: this is not acceptable.';
    const s = suggestStance(text, 'en')!;
    expect(text.slice(s.start, s.end)).toBe('not acceptable');
    expect(s.negated).toBe(true);
  });

  it('says nothing when nothing signals a stance, and tries every language for an unknown one', () => {
    expect(suggestStance('The delegations met in Moscow on Tuesday.', 'en')).toBeNull();
    expect(suggestStance('', 'en')).toBeNull();
    expect(level('Это неприемлемо.', 'und')).toBe('reject');
    expect(level('Це неприйнятно.', 'uk-UA')).toBe('reject');
  });
});
