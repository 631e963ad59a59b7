import { describe, expect, it } from 'vitest';
import { fold } from './fold.ts';
import { PeopleIndex } from './people.ts';
import { tokenize } from './tokens.ts';

const people = new PeopleIndex([
  { name: 'Yuri Ushakov', party: 'Russia', aliases: ['Ushakov', 'اوشاکوف', 'Ушаков', 'أوشاكوف'] },
  { name: 'Volodymyr Zelensky', party: 'Ukraine', aliases: ['Зеленський', 'Зеленский'] },
  { name: 'Vladimir Putin', party: 'Russia', aliases: ['بوتين', 'Путин'] },
]);

function who(text: string, lang: string): string | null {
  const tokens = tokenize(text, lang);
  for (let i = 0; i < tokens.length; i++) {
    const m = people.matchAt(tokens, i);
    if (m !== null) return m.entity.name;
  }
  return null;
}

describe('fold', () => {
  it('makes Arabic and Urdu/Persian letter variants equal', () => {
    expect(fold('كييف')).toBe(fold('کییف'));
    expect(fold('رئيس')).toBe(fold('رئیس'));
    expect(fold('ہ')).toBe(fold('ه'));
    expect(fold('Ёлка')).toBe(fold('елка'));
    expect(fold('می‌گوید')).toBe(fold('میگوید'));
  });
});

describe('PeopleIndex', () => {
  it('finds aliases in several scripts', () => {
    expect(who('اوشاکوف نے کہا', 'ur')).toBe('Yuri Ushakov');
    expect(who('وقال أوشاكوف إن', 'ar')).toBe('Yuri Ushakov');
    expect(who('said Ushakov', 'en')).toBe('Yuri Ushakov');
  });

  it('matches Arabic-script names written with the other letter forms', () => {
    expect(who('قال اوشاكوف', 'ar')).toBe('Yuri Ushakov');
  });

  it('matches Russian and Ukrainian surnames inflected, by their stem', () => {
    expect(who('по словам Ушакова', 'ru')).toBe('Yuri Ushakov');
    expect(who('встреча с Ушаковым', 'ru')).toBe('Yuri Ushakov');
    expect(who('за словами Зеленського', 'uk')).toBe('Volodymyr Zelensky');
    expect(who('Путину сообщили', 'ru')).toBe('Vladimir Putin');
    expect(who('Ушкин сказал', 'ru')).toBeNull();
  });

  it('matches Arabic names behind a glued conjunction or preposition', () => {
    expect(who('ولبوتين', 'ar')).toBeNull();
    expect(who('وبوتين قال', 'ar')).toBe('Vladimir Putin');
  });

  it('completes a name met alone by the fuller form the text gives later', () => {
    const index = new PeopleIndex();
    const first = index.addFromText(['Witkoff']);
    const full = index.addFromText(['Steve', 'Witkoff']);
    expect(full).toBe(first);
    expect(first.name).toBe('Steve Witkoff');
  });
});
