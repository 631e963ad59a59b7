import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTextFlags, flagTexts } from './unicode-safety.ts';

const kinds = (text: string) => findTextFlags(text).map((f) => `${f.kind} ${f.codePoint}`);

describe('findTextFlags: ordinary text is not flagged', () => {
  it.each([
    ['Persian with ZWNJ', 'ما می‌خواهیم این توافق‌نامه را امضا کنیم و آتش‌بس برقرار شود.'],
    ['Urdu with ZWNJ and Urdu punctuation', 'فریقین نے جنگ‌بندی پر اتفاق کیا ہے، اور یہ معاہدہ تیس دن میں نافذ ہوگا۔'],
    ['Arabic with harakat', 'بِسْمِ ٱللَّٰهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ، وَقْفُ إِطْلَاقِ النَّارِ فَوْرًا.'],
    ['Urdu and English in one sentence', 'NATO کی رکنیت پر Ukraine کا مؤقف 2030 تک نہیں بدلے گا۔'],
    ['Russian', 'Численность Вооружённых сил Украины будет ограничена 600 тысячами.'],
    ['Ukrainian', 'Україна отримає надійні гарантії безпеки.'],
    ['Chinese and Japanese', '停火协议立即生效。東京タワーへ行く。'],
    ['emoji ZWJ sequences, a subdivision flag, emoji presentation', 'Families 👨‍👩‍👧 and 🏴󠁧󠁢󠁥󠁮󠁧󠁿 ❤️ welcome.'],
    ['an RLM placing punctuation after an English word in Urdu', 'معاہدہ NATO\u200F، یوکرین'],
    ['a BOM at the very start', '\uFEFFThe parties agree.'],
  ])('%s', (_name, text) => {
    expect(findTextFlags(text)).toEqual([]);
  });
});

describe('findTextFlags: Trojan Source cases', () => {
  it('an RLO reordering an amount in English', () => {
    const text = 'Ukraine receives USD 1\u202E000,001\u202C in aid.';
    const flags = findTextFlags(text);
    expect(flags.map((f) => [f.kind, f.codePoint, f.name, f.index])).toEqual([
      ['bidi', 'U+202E', 'RIGHT-TO-LEFT OVERRIDE', 22],
      ['bidi', 'U+202C', 'POP DIRECTIONAL FORMATTING', 30],
    ]);
    expect(flags[0]!.char).toBe('\u202E');
  });

  it('an RLO in a Russian amount', () => {
    expect(kinds('Выплата составит 10\u202E00\u202C млн рублей.')).toEqual(['bidi U+202E', 'bidi U+202C']);
  });

  it('an isolate hiding a clause in Urdu', () => {
    expect(kinds('فریقین اتفاق کرتے ہیں \u2067یہ شق لاگو نہیں ہوگی\u2069 کہ جنگ بندی فوری ہوگی۔')).toEqual(['bidi U+2067', 'bidi U+2069']);
  });

  it('a left-to-right embedding in Arabic', () => {
    expect(kinds('وقف إطلاق النار \u202Aخلال 30 يوما\u202C')).toEqual(['bidi U+202A', 'bidi U+202C']);
  });

  it('an RLM inside a number or a word', () => {
    expect(kinds('within 3\u200F0 days')).toEqual(['bidi U+200F']);
    expect(kinds('Don\u200Ebass')).toEqual(['bidi U+200E']);
    expect(kinds('ٹھیک \u061C\u061C ہے')).toEqual(['bidi U+061C', 'bidi U+061C']);
  });

  it('a homoglyph party name: Latin with Cyrillic look-alikes', () => {
    const flags = findTextFlags('The Government of Ukrаine accepts.');
    expect(flags).toEqual([{
      kind: 'confusable', char: 'а', codePoint: 'U+0430', name: 'CYRILLIC SMALL LETTER A', index: 21, codePointIndex: 21,
      word: 'Ukrаine', scripts: ['Latn', 'Cyrl'], looksLike: 'a',
    }]);
  });

  it('a homoglyph the other way: Cyrillic with a Latin look-alike, and Greek in Latin', () => {
    expect(findTextFlags('Украинa согласна.').map((f) => [f.codePoint, f.looksLike])).toEqual([['U+0061', 'а']]);
    expect(findTextFlags('NATΟ').map((f) => [f.codePoint, f.name])).toEqual([['U+039F', 'GREEK CAPITAL LETTER OMICRON']]);
  });

  it('a zero-width space splitting a word, in English and Russian', () => {
    expect(kinds('with\u200Bdrawal of forces')).toEqual(['invisible U+200B']);
    expect(kinds('демили\u200Bтаризация')).toEqual(['invisible U+200B']);
  });

  it('other invisible characters', () => {
    expect(kinds('cease\u00ADfire')).toEqual(['invisible U+00AD']);
    expect(kinds('cease\u2060fire')).toEqual(['invisible U+2060']);
    expect(kinds('cease\uFEFFfire')).toEqual(['invisible U+FEFF']);
    expect(kinds('agree\u{E0041}\u{E0042}')).toEqual(['invisible U+E0041', 'invisible U+E0042']);
    expect(kinds('a\uFE0Fb')).toEqual(['invisible U+FE0F']);
    expect(kinds('Kyiv\u200C and\u200D Moscow')).toEqual(['invisible U+200C', 'invisible U+200D']);
    expect(kinds('name\u3164here')).toEqual(['invisible U+3164']);
    expect(kinds('e\u034F\u0301')).toEqual(['invisible U+034F']);
  });

  it('counts UTF-16 and code-point positions apart after an astral character', () => {
    const [f] = findTextFlags('𝐀𝐁 pay\u202E');
    expect(f).toMatchObject({ index: 8, codePointIndex: 6 });
  });
});

describe('flagTexts', () => {
  it('answers every language, flagged or not', () => {
    const flags = flagTexts({ en: 'Ukrаine', ur: 'یوکرین' });
    expect(Object.keys(flags).sort()).toEqual(['en', 'ur']);
    expect(flags.ur).toEqual([]);
    expect(flags.en).toHaveLength(1);
  });
});

describe('findTextFlags properties', () => {
  const alphabet = (chars: string) => fc.constantFrom(...Array.from(chars));
  const urdu = 'ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہھءیے';
  const persian = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';

  it('positions point at the flagged character in both counts', () => {
    const risky = fc.constantFrom('\u202E', '\u2066', '\u200B', '\u00AD', 'а', 'ο', '\u{1F600}', '\u{1D400}', 'a', ' ', 'ی');
    fc.assert(fc.property(fc.array(risky, { maxLength: 40 }).map((a) => a.join('')), (text) => {
      const cps = Array.from(text);
      for (const f of findTextFlags(text)) {
        expect(text.slice(f.index, f.index + f.char.length)).toBe(f.char);
        expect(cps[f.codePointIndex]).toBe(f.char);
        expect(cps.slice(0, f.codePointIndex).join('').length).toBe(f.index);
      }
    }));
  });

  it('never flags Urdu or Persian words with ZWNJ between letters', () => {
    const word = (letters: string) => fc.array(alphabet(letters), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
    const zwnjWord = (letters: string) => fc.tuple(word(letters), word(letters)).map(([a, b]) => `${a}\u200C${b}`);
    const sentence = (letters: string) => fc.array(fc.oneof(word(letters), zwnjWord(letters)), { minLength: 1, maxLength: 12 }).map((w) => `${w.join(' ')}۔`);
    fc.assert(fc.property(fc.oneof(sentence(urdu), sentence(persian)), (text) => {
      expect(findTextFlags(text)).toEqual([]);
    }));
  });

  it('flags every bidi override or isolate wherever it is put', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom('\u202A', '\u202B', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068'), fc.string(), (a, ctl, b) => {
      const text = `${a}${ctl}${b}`;
      expect(findTextFlags(text).some((f) => f.kind === 'bidi' && f.index === a.length && f.char === ctl)).toBe(true);
    }));
  });
});
