import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQuotes, quoteSourceText } from './extract-quotes.ts';

const seed = readFileSync(new URL('../../demo/seed/000_d5d1f4a12c482239.txt', import.meta.url), 'utf8');

describe('extractQuotes', () => {
  it('finds the seed report’s 13 quotations without being told who anyone is', () => {
    const quotes = extractQuotes(seed);
    expect(quotes.map((q) => q.line)).toEqual([4, 4, 4, 5, 5, 5, 6, 7, 10, 11, 12, 12, 12]);
    expect(quotes.every((q) => q.lang === 'ur')).toBe(true);
    // No people list: the names are the text's own, the fullest form it gives.
    expect(quotes.slice(0, 9).every((q) => q.person === 'یوری اوشاکوف')).toBe(true);
    expect(quotes.slice(9).every((q) => q.person === 'پوتن')).toBe(true);
  });

  it('gives offsets in code points that point at the quotation in its line', () => {
    const lines = quoteSourceText(seed).split('\n');
    for (const q of extractQuotes(seed)) {
      if (q.endLine !== q.line) continue;
      expect(Array.from(lines[q.line - 1]!).slice(q.start, q.end).join('')).toBe(q.quote);
    }
  });

  it('marks open and continued quotations', () => {
    const quotes = extractQuotes(seed);
    const third = quotes[2]!;
    const fourth = quotes[3]!;
    expect(third.open).toBe(true);
    expect(fourth.continued).toBe(true);
    expect(fourth.via).toBe('continuation');
  });

  it('resolves pronouns and roles to the right earlier person', () => {
    const text = [
      'Kremlin spokesman Dmitry Peskov spoke to reporters on Tuesday. "We are ready for talks," he said.',
      'Foreign Minister Sergei Lavrov was blunter. "Europe does not want peace," Lavrov said. "It wants war," he added.',
      'Asked about Kyiv, the spokesman said the position was "unrealistic".',
    ].join('\n');
    const q = extractQuotes(text, { lang: 'en' });
    // "the spokesman" is the one the text called a spokesman, not the last speaker.
    expect(q.map((x) => x.person)).toEqual(['Dmitry Peskov', 'Sergei Lavrov', 'Sergei Lavrov', 'Dmitry Peskov']);
    expect(q[2]!.via).toBe('pronoun');
    expect(q[3]!.via).toBe('role');
  });

  it('takes a headline "Name: words" as reported speech, and "Name: «…»" as speech', () => {
    const q = extractQuotes('Песков: Россия готова к переговорам\nУшаков: «Работа будет продолжена»\nТекст статьи без цитат.', { lang: 'ru' });
    expect(q.map((x) => [x.kind, x.speaker, x.quote])).toEqual([
      ['reported', 'Песков', 'Россия готова к переговорам'],
      ['speech', 'Ушаков', 'Работа будет продолжена'],
    ]);
  });

  it('does not take names, titles or scare quotes for quotations', () => {
    const text = [
      'Газета «Ведомости» написала, что встреча пройдёт в Женеве, а телеканал «Россия 24» показал кадры.',
      'The plan was first reported by the "Financial Times" and posted on "Truth Social".',
      'The so-called "coalition of the willing" meets on Friday.',
      'روزنامه «کومرسانت» نوشت که دور بعدی در ژانویه است.',
    ].join('\n');
    expect(extractQuotes(text)).toEqual([]);
  });

  it('reads a quotation in another script inside an Urdu report (mixed direction)', () => {
    const text = 'امریکی ایلچی اسٹیو وٹکوف نے کہا کہ "We are going to get this done." انہوں نے مزید تفصیل نہیں بتائی۔';
    const [q] = extractQuotes(text, { people: [{ name: 'Steve Witkoff', aliases: ['وٹکوف', 'Witkoff'] }] });
    expect(q).toMatchObject({ quote: 'We are going to get this done.', person: 'Steve Witkoff', lang: 'en', line: 1 });
  });

  it('reads the article out of an HTML page and ignores the page around it', () => {
    const html = `<!doctype html><html><head><script>var s = "“not this”";</script></head><body>
      <nav><a href="/">“Home”</a></nav>
      <article><h1>Talks end</h1><p>&ldquo;We are closer than ever,&rdquo; Rubio said.</p></article>
      <aside class="related"><p>“Peace is close,” says envoy</p></aside>
      <footer>“Trusted news” since 1901</footer></body></html>`;
    const q = extractQuotes(html);
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ quote: 'We are closer than ever,', speaker: 'Rubio', line: 2 });
  });

  it('finds nothing in a report without quotations', () => {
    expect(extractQuotes('Negotiators will meet again next week in Geneva.\nNo date has been set.')).toEqual([]);
  });

  it('attributes Arabic, Persian and Ukrainian quotations by their own grammar', () => {
    expect(extractQuotes('وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين: «العمل مستمر».')[0]).toMatchObject({ person: 'دميتري بيسكوف', cue: 'وقال' });
    expect(extractQuotes('دیمیتری پسکوف روز چهارشنبه گفت: «کار ادامه دارد.»')[0]).toMatchObject({ person: 'دیمیتری پسکوف' });
    expect(extractQuotes('«Ми готові до розмови», — сказав Андрій Сибіга. «Але не до капітуляції», — додав він.').map((q) => q.person)).toEqual(['Андрій Сибіга', 'Андрій Сибіга']);
  });

  it('gives a role speaker the whole role phrase, not its head word', () => {
    const text = 'پوتن کے معاون یوری اوشاکوف نے کہا کہ بات چیت جاری ہے۔\nبعد میں پوتن کے معاون نے کہا: ’’ہم کسی دباؤ میں نہیں آئیں گے۔‘‘';
    expect(extractQuotes(text, { lang: 'ur' })[0]).toMatchObject({ person: 'یوری اوشاکوف', via: 'role', mention: 'پوتن کے معاون' });
  });

  it('ties "Moscow said" to the party given by id, English name or other names', () => {
    const people = [
      { name: 'Yuri Ushakov', party: 'p_7f3a', partyNames: ['Россия'], aliases: ['Ushakov'] },
      { name: 'Marco Rubio', party: 'US delegation', aliases: ['Rubio'] },
    ];
    const text = 'Yuri Ushakov said the talks were useful.\nMarco Rubio said: "We will see what happens next week."\n"Nothing has been agreed yet," Moscow said.';
    expect(extractQuotes(text, { lang: 'en', people }).at(-1)).toMatchObject({ person: 'Yuri Ushakov', party: 'p_7f3a', via: 'metonym' });
    // "us" is a word, not three letters inside "Russia".
    const russia = [{ name: 'Yuri Ushakov', party: 'Russia', aliases: ['Ushakov'] }];
    const q = extractQuotes('Ushakov said: "We are ready to talk."\n"We are studying the text," Washington said.', { lang: 'en', people: russia });
    expect(q.at(-1)).toMatchObject({ speaker: 'Washington', person: null });
  });

  it('splits a Russian quotation around the attribution set off by dashes inside it', () => {
    const q = extractQuotes('«Мы видим в нем рациональные элементы, — отметила Мария Захарова. — Но многие формулировки требуют уточнения».', { lang: 'ru' });
    expect(q.map((x) => [x.quote, x.person])).toEqual([
      ['Мы видим в нем рациональные элементы,', 'Мария Захарова'],
      ['Но многие формулировки требуют уточнения', 'Мария Захарова'],
    ]);
    const line = Array.from('«Мы видим в нем рациональные элементы, — отметила Мария Захарова. — Но многие формулировки требуют уточнения».');
    for (const x of q) expect(line.slice(x.start, x.end).join('')).toBe(x.quote);
  });

  it('ends a role at the verb or the preposition after it, and lets a nationality adjective point back', () => {
    expect(extractQuotes('Помощник Путина заявил: «Мы не спешим и не будем спешить».', { lang: 'ru' })[0]).toMatchObject({ speaker: 'Помощник Путина', via: 'role' });
    const ar = 'قال الرئيس الأوكراني فولوديمير زيلينسكي: "لن نتنازل عن أرضنا".\nوأشار الرئيس الأوكراني إلى أن "الضمانات ضرورية".\nوأضاف المسؤول الأوكراني أن "العمل مستمر مع الشركاء".';
    expect(extractQuotes(ar, { lang: 'ar' }).map((q) => [q.person, q.mention])).toEqual([
      ['فولوديمير زيلينسكي', null],
      ['فولوديمير زيلينسكي', 'الرئيس الأوكراني'],
      ['فولوديمير زيلينسكي', 'المسؤول الأوكراني'],
    ]);
  });

  it('takes an outlet named in marks right after the verb as the source', () => {
    const q = extractQuotes('Дмитрий Песков ответил на вопросы журналистов.\n«Переговоры зашли в тупик», — пишет «Коммерсантъ» со ссылкой на источники.', { lang: 'ru' });
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ speaker: 'Коммерсантъ', cue: 'пишет' });
  });
});

