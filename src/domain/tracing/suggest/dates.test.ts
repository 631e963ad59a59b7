import { describe, expect, it } from 'vitest';
import { dateVariants } from './dates.ts';

const pairs = (text: string, lang: string) => dateVariants(text, lang).map((s) => [s.original, s.alternative]);

describe('dates', () => {
  it('swaps day-first and month-first long dates in English', () => {
    expect(pairs('The Agreement was signed on 24 February 2022 in Minsk.', 'en')).toEqual([['24 February 2022', 'February 24, 2022']]);
    expect(pairs('The Agreement was signed on February 24, 2022, in Minsk.', 'en')).toEqual([['February 24, 2022', '24 February 2022']]);
    expect(pairs('on 2 December 2025', 'en')).toEqual([['2 December 2025', 'December 2, 2025']]);
  });

  it('skips impossible dates and dates inside longer numbers or words', () => {
    expect(pairs('on 30 February 2022', 'en')).toEqual([]);
    expect(pairs('on 124 February 2022', 'en')).toEqual([]);
    expect(pairs('Подписано 31.04.2022.', 'ru')).toEqual([]);
    expect(pairs('номер 1.24.02.2022', 'ru')).toEqual([]);
  });

  it('offers the numeric form for a Russian or Ukrainian long date, with its year word', () => {
    expect(pairs('Соглашение подписано 24 февраля 2022 г. в Минске.', 'ru')).toEqual([['24 февраля 2022 г.', '24.02.2022']]);
    expect(pairs('Соглашение от 4 марта 2022 года вступает в силу.', 'ru')).toEqual([['4 марта 2022 года', '04.03.2022']]);
    expect(pairs('Соглашение от 4 марта 2022 вступает в силу.', 'ru')).toEqual([['4 марта 2022', '04.03.2022']]);
    expect(pairs('Угоду підписано 24 лютого 2022 р. у Мінську.', 'uk')).toEqual([['24 лютого 2022 р.', '24.02.2022']]);
    expect(pairs('Угоду укладено 1 травня 2023 року.', 'uk')).toEqual([['1 травня 2023 року', '01.05.2023']]);
  });

  it('keeps the full stop when the abbreviation ends the sentence, and skips what might be a name after it', () => {
    expect(pairs('Соглашение подписано 24 февраля 2022 г.', 'ru')).toEqual([['24 февраля 2022 г.', '24.02.2022.']]);
    expect(pairs('Подписано 24 февраля 2022 г. Москва', 'ru')).toEqual([]);
  });

  it('offers the long form for a numeric Russian or Ukrainian date', () => {
    expect(pairs('Соглашение от 24.02.2022 вступает в силу.', 'ru')).toEqual([['24.02.2022', '24 февраля 2022 г.']]);
    expect(pairs('Соглашение от 24.02.2022 года вступает в силу.', 'ru')).toEqual([['24.02.2022', '24 февраля 2022']]);
    expect(pairs('Соглашение вступает в силу 01.04.2021.', 'ru')).toEqual([['01.04.2021.', '1 апреля 2021 г.']]);
    expect(pairs('Угода від 24.02.2022 р. діє.', 'uk')).toEqual([['24.02.2022', '24 лютого 2022']]);
  });

  it('builds the Russian and Ukrainian month names in the genitive', () => {
    const months = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
    months.forEach((m, i) => {
      const mm = String(i + 1).padStart(2, '0');
      expect(pairs(`от 10 ${m} 2024 г., далее`, 'ru')).toEqual([[`10 ${m} 2024 г.`, `10.${mm}.2024`]]);
    });
    expect(pairs('від 10 вересня 2024 р., далі', 'uk')).toEqual([['10 вересня 2024 р.', '10.09.2024']]);
  });

  it('offers the numeric form in the CLDR order and the text’s digits for Arabic, Urdu and Persian', () => {
    expect(pairs('وقع الطرفان الاتفاق في 24 فبراير 2022 في مينسك', 'ar')).toEqual([['24 فبراير 2022', '24/02/2022']]);
    expect(pairs('وقع الطرفان الاتفاق في ٢٤ شباط ٢٠٢٢ في مينسك', 'ar')).toEqual([['٢٤ شباط ٢٠٢٢', '٢٤/٠٢/٢٠٢٢']]);
    expect(pairs('ماسکو میں 2 دسمبر، 2025 کو بات چیت ہوئی', 'ur')).toEqual([['2 دسمبر، 2025', '02/12/2025']]);
    expect(pairs('طرفین در ۲۴ فوریهٔ ۲۰۲۲ توافق کردند', 'fa')).toEqual([['۲۴ فوریهٔ ۲۰۲۲', '۲۰۲۲/۰۲/۲۴']]);
    expect(pairs('طرفین در ۲۴ فوریه ۲۰۲۲ توافق کردند', 'fa')).toEqual([['۲۴ فوریه ۲۰۲۲', '۲۰۲۲/۰۲/۲۴']]);
  });

  it('offers the long form for a numeric Gregorian date there, with the text’s month names', () => {
    expect(pairs('وقع الاتفاق في ٢٤/٠٢/٢٠٢٢ في مينسك', 'ar')).toEqual([['٢٤/٠٢/٢٠٢٢', '٢٤ فبراير ٢٠٢٢']]);
    // Long forms first, then numeric ones: the text names months the Levantine way, and so does the alternative.
    expect(pairs('وقع الاتفاق في 24/02/2022 بعد اجتماع 3 آذار 2021', 'ar')).toEqual([['3 آذار 2021', '03/03/2021'], ['24/02/2022', '24 شباط 2022']]);
    // A Hijri date is written the same way: years outside 1900–2100 are not read.
    expect(pairs('بتاريخ ١٤٤٣/٠٧/٢٣هـ', 'ar')).toEqual([]);
    expect(pairs('بتاريخ 23/07/1443', 'ar')).toEqual([]);
  });

  it('has no bidi marks in any alternative, though CLDR puts them in Arabic numeric dates', () => {
    for (const [s] of [dateVariants('في 24 فبراير 2022', 'ar'), dateVariants('في 24/02/2022', 'ar')]) {
      expect(s).toBeDefined();
      expect(s!.alternative).not.toMatch(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/u);
    }
  });

  it('offers nothing for other languages', () => {
    expect(pairs('le 24 février 2022', 'fr')).toEqual([]);
  });
});
