import { describe, expect, it } from 'vitest';
import { quoteVariants } from './quotes.ts';

const pairs = (text: string, lang: string) => quoteVariants(text, lang).map((s) => [s.original, s.alternative]);

describe('quotation-mark style', () => {
  it('offers „ “ for « » and back in Russian and Ukrainian, the whole quoted span as the slot', () => {
    const ru = 'Стороны договорились о «дорожной карте» и о „режиме тишины“.';
    expect(pairs(ru, 'ru')).toEqual([['«дорожной карте»', '„дорожной карте“'], ['„режиме тишины“', '«режиме тишины»']]);
    const s = quoteVariants(ru, 'ru')[0]!;
    expect(ru.slice(s.start, s.end)).toBe(s.original);
    expect(s.note).toBe('quotation marks « » → „ “');
    expect(pairs('Сторони погодили «Мирний план» щодо п’яти областей.', 'uk')).toEqual([['«Мирний план»', '„Мирний план“']]);
  });

  it('leaves nested quotations alone, outside and inside', () => {
    expect(pairs('Сторони обговорили «план „Схід“ та інше».', 'uk')).toEqual([]);
    expect(pairs('Документ «Об "особом статусе"» принят.', 'ru')).toEqual([]);
  });

  it('leaves spans longer than 60 characters, empty spans and unmatched marks alone', () => {
    const long = `«${'мирное урегулирование '.repeat(3)}»`;
    expect(long.length).toBeGreaterThan(60);
    expect(pairs(`Принят ${long}.`, 'ru')).toEqual([]);
    expect(pairs('Пустые «» кавычки и «незакрытая цитата.', 'ru')).toEqual([]);
    expect(pairs('Лишняя » кавычка «текст».', 'ru')).toEqual([['«текст»', '„текст“']]);
  });

  it('uses „ “ and » « in German', () => {
    expect(pairs('Die Parteien billigen den „Friedensplan“ und das »Minsker Abkommen«.', 'de')).toEqual([
      ['„Friedensplan“', '»Friedensplan«'],
      ['»Minsker Abkommen«', '„Minsker Abkommen“'],
    ]);
  });

  it('uses « » with no-break spaces and “ ” in French', () => {
    expect(pairs('Les Parties adoptent la « feuille\u00A0de route » et le “plan”.', 'fr')).toEqual([
      ['« feuille\u00A0de route »', '“feuille\u00A0de route”'],
      ['“plan”', '«\u00A0plan\u00A0»'],
    ]);
    expect(pairs('Le «\u202Fcessez-le-feu\u202F» est confirmé.', 'fr')).toEqual([['«\u202Fcessez-le-feu\u202F»', '“cessez-le-feu”']]);
  });

  it('uses « » and “ ” in Arabic, Urdu and Persian, and never straight quotes', () => {
    expect(pairs('اتفق الطرفان على «خطة السلام» في موسكو.', 'ar')).toEqual([['«خطة السلام»', '“خطة السلام”']]);
    expect(pairs('اوشاکوف نے بات چیت کو “مفید” قرار دیا۔', 'ur')).toEqual([['“مفید”', '«مفید»']]);
    expect(pairs('طرفین درباره «طرح صلح» گفتگو کردند.', 'fa')).toEqual([['«طرح صلح»', '“طرح صلح”']]);
    // The seed's own quotations are straight: a retyping artefact, no slot.
    expect(pairs('اوشاکوف نے پانچ گھنٹے تک چلی بات چیت کو "مفید، تعمیری اور اہم" قرار دیا', 'ur')).toEqual([]);
  });

  it('offers nothing in English or in a language without a rule', () => {
    expect(pairs('The Parties adopt the “road map” and the ‘plan’.', 'en')).toEqual([]);
    expect(pairs('Le parti adottano la «road map».', 'it')).toEqual([]);
  });
});
