import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.ts';

describe('detectLanguage', () => {
  const samples: [string, string][] = [
    ['en', 'The parties agree that the sovereignty of the country will be confirmed and a ceasefire will take effect immediately.'],
    ['ur', 'فریقین اس بات پر متفق ہیں کہ ملک کی خودمختاری کی تصدیق کی جائے گی اور دستخط کے فوراً بعد جنگ بندی نافذ ہو جائے گی۔'],
    ['ar', 'يتفق الطرفان على تأكيد سيادة البلاد ويدخل وقف إطلاق النار حيز التنفيذ فور التوقيع على هذا الاتفاق.'],
    ['fa', 'طرفین توافق می‌کنند که حاکمیت کشور تأیید شود و آتش‌بس بلافاصله پس از امضا اجرا خواهد شد.'],
    ['ru', 'Стороны соглашаются, что суверенитет страны будет подтверждён, а прекращение огня вступит в силу сразу после подписания.'],
    ['uk', 'Сторони погоджуються, що суверенітет країни буде підтверджено, а припинення вогню набуде чинності одразу після підписання.'],
    ['hr', 'Stranke su suglasne da će se suverenitet zemlje potvrditi, a prekid vatre stupa na snagu odmah nakon potpisivanja.'],
    ['fr', "Les parties conviennent que la souveraineté du pays sera confirmée et qu'un cessez-le-feu entrera en vigueur dès la signature."],
    ['es', 'Las partes acuerdan que la soberanía del país será confirmada y que el alto el fuego entrará en vigor tras la firma.'],
    ['zh', '双方同意确认该国的主权，停火将在签署后立即生效。'],
  ];

  it.each(samples)('recognises %s', (code, text) => {
    expect(detectLanguage(text)).toBe(code);
  });

  it('tells Urdu, Arabic and Persian apart on short phrases', () => {
    expect(detectLanguage('جنگ بندی فوری طور پر نافذ ہوگی۔')).toBe('ur');
    expect(detectLanguage('وقف إطلاق النار فوراً.')).toBe('ar');
    expect(detectLanguage('آتش‌بس فوری اجرا می‌شود.')).toBe('fa');
  });

  it('ignores numbers and markers', () => {
    expect(detectLanguage('1. NATO 2. EU 3. USA')).not.toBe('it');
  });

  it('returns "und" when there is nothing to go on', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('12345 — 2.12.2025 ***')).toBe('und');
  });
});
