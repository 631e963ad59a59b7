import { describe, expect, it } from 'vitest';
import { Id, Lang, Localized, NonEmptyText, Text } from './model.ts';

describe('Text', () => {
  it('normalizes to NFC and unifies line breaks', () => {
    expect(Text.parse('Cafe\u0301\r\n')).toBe('Caf\u00e9\n');
  });

  it('refuses NUL with a message a person can act on', () => {
    const r = Text.safeParse('a\u0000b');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('contains control characters (such as NUL) that cannot be stored');
  });

  it('NonEmptyText refuses blank text', () => {
    expect(NonEmptyText.safeParse(' \n\t').error?.issues[0]?.message).toBe('must not be empty');
    expect(NonEmptyText.parse(' x ')).toBe(' x ');
  });
});

describe('Lang and Localized', () => {
  it('accept language codes as users type them', () => {
    for (const ok of ['en', 'ur', 'ru', 'uk', 'zh-Hant', 'fil', 'sr-Latn-RS']) expect(Lang.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['EN', 'english', 'e', '', 'en_US']) expect(Lang.safeParse(bad).success, bad).toBe(false);
  });

  it('normalizes every value and checks every key', () => {
    expect(Localized.parse({ en: 'Re\u0301sume\u0301', ru: 'И\u0306' })).toEqual({ en: 'R\u00e9sum\u00e9', ru: '\u0419' });
    expect(Localized.safeParse({ English: 'x' }).success).toBe(false);
    expect(Localized.safeParse({ en: 'a\u0000' }).success).toBe(false);
  });
});

describe('Id', () => {
  it('is a UUID', () => {
    expect(Id.safeParse('0b7e3c1a-8f0e-4a57-9d0c-5e2a1f3b4c6d').success).toBe(true);
    expect(Id.safeParse('point-7').success).toBe(false);
  });
});
