import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParleyError } from '../errors.ts';
import { parsePoints, type ParsedDocument } from './parse-points.ts';

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../test/fixtures/points/${name}`, import.meta.url)), 'utf8');
}

function pairs(doc: ParsedDocument): [string, string][] {
  return doc.points.map((p) => [p.number, p.text]);
}

describe('parsePoints on whole documents', () => {
  it('reads a 28-point plan: wrapped lines, run-together points, sub-items, numbers inside text', () => {
    const doc = parsePoints(fixture('en-28-point-plan.txt'));
    expect(doc.lang).toBe('en');
    expect(doc.preamble).toBe(
      'Illustrative 28-Point Framework Plan\n(text written for Parley\'s tests; not an official document)\n' +
        'The parties listed below accept the following points as the basis for negotiations. ' +
        'The numbering follows the draft of 20.11.2025.',
    );
    expect(doc.points.map((p) => p.number)).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    expect(doc.points.map((p) => p.text)).toEqual([
      "Ukraine's sovereignty will be confirmed.",
      "A comprehensive non-aggression agreement will be concluded between Russia, Ukraine and Europe. All ambiguities of the last thirty years will be considered settled.",
      "It is expected that Russia will not invade neighbouring countries and that NATO will not expand further.",
      "A dialogue will be held between Russia and NATO, mediated by the United States, to resolve all security issues and create conditions for de-escalation.",
      "Ukraine will receive reliable security guarantees. The guarantees mirror Article 5 of the NATO treaty in their wording but not in their scope.",
      "The size of the Ukrainian armed forces will be limited to 600,000 personnel.",
      "Ukraine agrees not to join NATO.",
      "NATO agrees not to station troops in Ukraine.",
      "European fighter jets will be stationed in Poland.",
      "The guarantee provided by the United States:\na) the United States will receive compensation for the guarantee;\nb) if Ukraine invades Russia, it will lose the guarantee;\nc) if Russia invades Ukraine, a coordinated military response will follow.",
      "Ukraine is eligible for membership of the European Union and will receive short-term preferential access to the European market.",
      "A powerful global package of measures to rebuild Ukraine, including:\n– the creation of a development fund for fast-growing industries;\n– joint reconstruction of energy infrastructure;\n– assistance to rebuild war-affected cities.",
      "Russia will be reintegrated into the global economy in stages, as agreed in 2. Moreover, sanctions will be lifted case by case.",
      "Frozen funds will be used as follows: 100 billion dollars to rebuild Ukraine.",
      "A joint security working group will be established to monitor the implementation of all provisions.",
      "Russia will enshrine in law its policy of non-aggression towards Europe and Ukraine.",
      "The parties agree to extend the validity of treaties on the non-proliferation and control of nuclear weapons.",
      "Ukraine agrees to remain a non-nuclear state under the Treaty on the Non-Proliferation of Nuclear Weapons.",
      "The Zaporizhzhia nuclear power plant will be restarted under the supervision of the IAEA.",
      "Both countries undertake to implement educational programmes that promote understanding and tolerance of different cultures.",
      "Territories: the lines of contact will be recognised de facto, as described in Annex 1.",
      "After future territorial arrangements are agreed, both parties undertake not to change them by force.",
      "Russia will not obstruct Ukraine's use of the Dnieper River for commercial activities.",
      "A humanitarian committee will be established to resolve outstanding issues:\n- all remaining prisoners and bodies will be exchanged on an \"all for all\" basis;\n- all civilian detainees and hostages will be returned.",
      "Ukraine will hold elections in 100 days.",
      "All parties involved in this conflict will receive full amnesty for their actions during the war.",
      "This agreement will be legally binding. Its implementation will be monitored and guaranteed by a Peace Council.",
      "Once all parties agree to this memorandum, the ceasefire will take effect immediately after both parties retreat to agreed points."
    ]);
    expect(doc.sections).toBeUndefined();
    expect(doc.closing).toBeUndefined();
  });

  it('reads Urdu points ("نکتہ 1:", Extended Arabic-Indic "نکتہ ۳:") and drops "اشتہار" and teasers', () => {
    const doc = parsePoints(fixture('ur-peace-points.txt'));
    expect(doc.lang).toBe('ur');
    expect(doc.preamble).toBe(
      'امن منصوبے کے اہم نکات\n(یہ متن صرف جانچ کے لیے لکھا گیا ہے)\nفریقین نے درج ذیل نکات پر اتفاق کیا ہے۔',
    );
    expect(pairs(doc)).toEqual([
      ['1', 'یوکرین کی خودمختاری کی تصدیق کی جائے گی۔'],
      ['2', 'روس، یوکرین اور یورپ کے درمیان ایک جامع عدم جارحیت کا معاہدہ طے پائے گا۔'],
      ['3', 'توقع ہے کہ روس ہمسایہ ممالک پر حملہ نہیں کرے گا اور نیٹو مزید توسیع نہیں کرے گا۔'],
      [
        '4',
        'انسانی ہمدردی کی ایک کمیٹی قائم کی جائے گی جو درج ذیل امور طے کرے گی:\n' +
          '- تمام قیدیوں کا تبادلہ "سب کے بدلے سب" کی بنیاد پر ہوگا؛\n' +
          '- تمام شہری قیدیوں کو واپس کیا جائے گا۔',
      ],
      ['5', 'یہ معاہدہ قانونی طور پر پابند ہوگا۔'],
    ]);
  });

  it('reads an Arabic agreement ("المادة ١") with lettered sub-items and a closing formula', () => {
    const doc = parsePoints(fixture('ar-agreement.txt'));
    expect(doc.lang).toBe('ar');
    expect(doc.preamble).toBe(
      'اتفاق إطار للسلام\n(نص مكتوب لأغراض الاختبار فقط)\nإن الطرفين، إذ يؤكدان التزامهما بالسلام، قد اتفقا على ما يلي:',
    );
    expect(pairs(doc)).toEqual([
      ['1', 'يتفق الطرفان على وقف شامل لإطلاق النار يدخل حيز التنفيذ فور التوقيع على هذا الاتفاق.'],
      ['2', 'تبادل الأسرى\nيلتزم الطرفان بما يلي:\nأ) الإفراج عن جميع الأسرى خلال ثلاثين يوماً؛\nب) تسليم رفات القتلى إلى ذويهم.'],
      ['3', 'تنشأ لجنة مشتركة لمراقبة تنفيذ أحكام هذا الاتفاق، وترفع تقاريرها إلى الطرفين كل شهر.'],
      ['4', 'يدخل هذا الاتفاق حيز النفاذ من تاريخ التوقيع عليه.'],
    ]);
    expect(doc.closing).toBe('حرر في جنيف بتاريخ ١ ديسمبر ٢٠٢٥ من نسختين أصليتين.');
  });

  it('reads a Russian agreement: "Статья N." titles, numbered paragraphs kept inside, sections, hyphenation', () => {
    const doc = parsePoints(fixture('ru-agreement.txt'));
    expect(doc.lang).toBe('ru');
    expect(doc.preamble).toBe(
      'РАМОЧНОЕ СОГЛАШЕНИЕ\nо прекращении огня\n(текст составлен для тестов)\n' +
        'Стороны, стремясь к прочному миру, согласились о нижеследующем:',
    );
    expect(pairs(doc)).toEqual([
      [
        '1',
        'Прекращение огня\n1. Стороны прекращают огонь по всей линии соприкосновения.\n' +
          '2. Наблюдение за соблюдением режима прекращения огня осуществляет смешанная комиссия.',
      ],
      [
        '2',
        'Обмен пленными\nСтороны обмениваются всеми пленными в течение тридцати дней после подписания настоящего ' +
          'соглашения. Суверенитет сторон не затрагивается. Обмен проводится под наблюдением Международного ' +
          'комитета Красного Креста.',
      ],
      ['3', 'Гарантии\nГарантии безопасности предоставляются в соответствии со статьёй 1 и действуют бессрочно.'],
      ['4', 'Заключительные положения\nНастоящее соглашение вступает в силу с даты подписания.'],
    ]);
    expect(doc.sections).toEqual([
      { title: 'Раздел I. Общие положения', beforePoint: 0 },
      { title: 'Раздел II. Гарантии безопасности', beforePoint: 2 },
    ]);
    expect(doc.closing).toBe('Совершено в Женеве 1 декабря 2025 года в двух экземплярах.');
  });

  it('reads a Ukrainian plan ("Пункт N.") with dash sub-items and drops "Реклама" and "Читайте також"', () => {
    const doc = parsePoints(fixture('uk-plan.txt'));
    expect(doc.lang).toBe('uk');
    expect(doc.preamble).toBe('Мирний план: основні пункти\nТекст складено для тестів.');
    expect(pairs(doc)).toEqual([
      ['1', 'Суверенітет України буде підтверджено.'],
      ['2', 'Між Росією, Україною та Європою буде укладено угоду про ненапад.'],
      ['3', 'Україна отримає надійні гарантії безпеки:\n– гарантії діятимуть десять років;\n– порушення гарантій матиме наслідки.'],
      ['4', 'Обмін полоненими відбудеться за формулою «всіх на всіх».'],
    ]);
  });

  it('reads a Croatian agreement ("Članak N.") without taking a wrapped date "12. prosinca" for a point', () => {
    const doc = parsePoints(fixture('hr-sporazum.txt'));
    expect(doc.lang).toBe('hr');
    expect(doc.preamble).toBe('OKVIRNI SPORAZUM O SURADNJI\n(tekst napisan za testove)\nStranke su se sporazumjele kako slijedi:');
    expect(pairs(doc)).toEqual([
      ['1', 'Stranke potvrđuju poštivanje suvereniteta i teritorijalne cjelovitosti.'],
      ['2', 'Povjerenstvo se sastaje najkasnije do 12. prosinca 2025. godine u Sarajevu.'],
      ['3', 'Ovaj sporazum stupa na snagu danom potpisivanja.'],
    ]);
  });

  it('reads Markdown: **1.**, ### 2., - 3., escaped 4\\., bold titles, ## section headings', () => {
    const doc = parsePoints(fixture('markdown-plan.md'));
    expect(doc.lang).toBe('en');
    expect(doc.preamble).toBe(
      "Framework for Peace\nIllustrative text written for Parley's tests.\nThe parties agree on the points below.",
    );
    expect(pairs(doc)).toEqual([
      ['1', 'A ceasefire takes effect at 00:00 on the day after signature.'],
      ['2', 'Monitoring\nA joint commission monitors the ceasefire. It reports to both parties every week.'],
      ['3', 'Heavy weapons are withdrawn 15 km from the line of contact:\n- artillery first;\n- then armoured vehicles.'],
      ['4', 'The administrative boundaries are not changed by force.'],
      ['5', 'Return of displaced persons. Displaced persons may return to their homes.'],
    ]);
    expect(doc.sections).toEqual([
      { title: 'Security', beforePoint: 0 },
      { title: 'Territory', beforePoint: 3 },
    ]);
  });

  it('reads a news-site copy: BOM, CRLF, tabs, stray indentation, ads, share buttons, credits', () => {
    const raw = fixture('news-copy.txt');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    expect(raw).toContain('\r\n');
    const doc = parsePoints(raw);
    expect(doc.lang).toBe('en');
    expect(doc.preamble).toBe(
      'WORLD NEWS\nWhat the leaked peace plan says: the full text\nBy a staff reporter\n' +
        'The document, seen by our newsroom, lists five points. We publish it in full.',
    );
    expect(pairs(doc)).toEqual([
      ['1', "Ukraine's sovereignty will be confirmed."],
      ['2', 'A non-aggression agreement will be concluded between Russia, Ukraine and Europe.'],
      ['3', 'Ukraine will receive security guarantees.'],
      ['4', 'Elections will be held within 100 days.'],
      ['5', 'The agreement will be legally binding.'],
    ]);
    expect(doc.closing).toBe('Reporting by A. Writer; Editing by B. Editor');
    const everything = JSON.stringify(doc);
    for (const chrome of ['Advertisement', 'Share this article', 'Read more', 'Skip to content', '©', 'Home | World']) {
      expect(everything).not.toContain(chrome);
    }
  });
});

describe('parsePoints marker shapes', () => {
  const shapes: [string, string, [string, string][]][] = [
    ['1.', '1. First point.\n2. Second point.', [['1', 'First point.'], ['2', 'Second point.']]],
    ['1)', '1) First point.\n2) Second point.', [['1', 'First point.'], ['2', 'Second point.']]],
    ['(1)', '(1) First point.\n(2) Second point.', [['1', 'First point.'], ['2', 'Second point.']]],
    ['1:', '1: First point.\n2: Second point.', [['1', 'First point.'], ['2', 'Second point.']]],
    ['Point 1:', 'Point 1: First point.\nPoint 2: Second point.', [['1', 'First point.'], ['2', 'Second point.']]],
    [
      'Article I (Roman numerals become digits)',
      'Article I\nThe first.\n\nArticle II\nThe second.\n\nArticle III\nThe third.\n\nArticle IV\nThe fourth.',
      [['1', 'The first.'], ['2', 'The second.'], ['3', 'The third.'], ['4', 'The fourth.']],
    ],
    ['ARTICLE ONE', 'ARTICLE ONE\nThe first.\nARTICLE TWO\nThe second.', [['1', 'The first.'], ['2', 'The second.']]],
    ['Article 1. Title', 'Article 1. Scope\nThis applies.\nArticle 2. Terms\nThose apply.', [['1', 'Scope\nThis applies.'], ['2', 'Terms\nThose apply.']]],
    ['Пункт 1', 'Пункт 1. Первый.\nПункт 2. Второй.', [['1', 'Первый.'], ['2', 'Второй.']]],
    ['Статья 1', 'Статья 1\nПервая статья.\nСтатья 2\nВторая статья.', [['1', 'Первая статья.'], ['2', 'Вторая статья.']]],
    ['Članak 1', 'Članak 1.\nPrvi.\nČlanak 2.\nDrugi.', [['1', 'Prvi.'], ['2', 'Drugi.']]],
    ['Član 1', 'Član 1\nPrvi član.\nČlan 2\nDrugi član.', [['1', 'Prvi član.'], ['2', 'Drugi član.']]],
    ['Artículo 1', 'Artículo 1. Primero.\nArtículo 2. Segundo.', [['1', 'Primero.'], ['2', 'Segundo.']]],
    ['المادة 1', 'المادة 1: النص الأول.\nالمادة 2: النص الثاني.', [['1', 'النص الأول.'], ['2', 'النص الثاني.']]],
    ['المادة (١)', 'المادة (١)\nالنص الأول.\nالمادة (٢)\nالنص الثاني.', [['1', 'النص الأول.'], ['2', 'النص الثاني.']]],
    ['البند ١', 'البند ١: النص الأول.\nالبند ٢: النص الثاني.', [['1', 'النص الأول.'], ['2', 'النص الثاني.']]],
    ['المادة الأولى (ordinal words)', 'المادة الأولى\nنص المادة الأولى.\nالمادة الثانية\nنص المادة الثانية.', [['1', 'نص المادة الأولى.'], ['2', 'نص المادة الثانية.']]],
    ['أولاً:', 'أولاً: وقف إطلاق النار.\nثانياً: تبادل الأسرى.', [['1', 'وقف إطلاق النار.'], ['2', 'تبادل الأسرى.']]],
    ['نکتہ 1', 'نکتہ 1: پہلا نکتہ۔\nنکتہ 2: دوسرا نکتہ۔', [['1', 'پہلا نکتہ۔'], ['2', 'دوسرا نکتہ۔']]],
    ['نکتہ نمبر 1', 'نکتہ نمبر 1: پہلا نکتہ۔\nنکتہ نمبر 2: دوسرا نکتہ۔', [['1', 'پہلا نکتہ۔'], ['2', 'دوسرا نکتہ۔']]],
    ['شق ۱', 'شق ۱: پہلی شق۔\nشق ۲: دوسری شق۔', [['1', 'پہلی شق۔'], ['2', 'دوسری شق۔']]],
    ['١. (Arabic-Indic digits)', '١. الأول.\n٢. الثاني.\n٣. الثالث.', [['1', 'الأول.'], ['2', 'الثاني.'], ['3', 'الثالث.']]],
    ['۱۔ (Extended Arabic-Indic, Urdu full stop)', '۱۔ پہلا۔\n۲۔ دوسرا۔', [['1', 'پہلا۔'], ['2', 'دوسرا۔']]],
    ['١٢ (multi-digit Arabic-Indic)', '١١. أحد عشر.\n١٢. اثنا عشر.', [['11', 'أحد عشر.'], ['12', 'اثنا عشر.']]],
    ['1 - (dash)', '1 - واحد.\n2 - اثنان.', [['1', 'واحد.'], ['2', 'اثنان.']]],
    ['第一条', '第一条 双方同意停火。\n第二条 双方交换战俘。', [['1', '双方同意停火。'], ['2', '双方交换战俘。']]],
    ['**1.**', '**1.** One.\n\n**2.** Two.', [['1', 'One.'], ['2', 'Two.']]],
    ['### 1.', '### 1. One\n\nText one.\n\n### 2. Two\n\nText two.', [['1', 'One\nText one.'], ['2', 'Two\nText two.']]],
    ['## Article 1', '## Article 1\n\nText one.\n\n## Article 2\n\nText two.', [['1', 'Text one.'], ['2', 'Text two.']]],
    ['- 1.', '- 1. One.\n- 2. Two.', [['1', 'One.'], ['2', 'Two.']]],
    ['**Point 1:**', '**Point 1:** One.\n**Point 2:** Two.', [['1', 'One.'], ['2', 'Two.']]],
    ['1\\. (escaped Markdown)', '1\\. One.\n2\\. Two.', [['1', 'One.'], ['2', 'Two.']]],
    ['1. 1. 1. (lazy Markdown numbering)', '1. One.\n1. Two.\n1. Three.', [['1', 'One.'], ['2', 'Two.'], ['3', 'Three.']]],
    ['1️⃣ (keycap emoji)', '1\uFE0F\u20E3 One.\n2\uFE0F\u20E3 Two.', [['1', 'One.'], ['2', 'Two.']]],
    ['🔟 (keycap ten)', '8\u20E3 Eight.\n9\uFE0F\u20E3 Nine.\n\u{1F51F} Ten.', [['8', 'Eight.'], ['9', 'Nine.'], ['10', 'Ten.']]],
    ['1.Text (lost space)', '1.Ukraine first.\n2.Russia second.', [['1', 'Ukraine first.'], ['2', 'Russia second.']]],
  ];

  it.each(shapes)('%s', (_name, text, expected) => {
    expect(pairs(parsePoints(text))).toEqual(expected);
  });
});

describe('parsePoints structure', () => {
  it('keeps every kind of sub-item inside its point, one per line', () => {
    const text = '1. Parent:\n1.1 child one;\n1.2 child two.\n(a) letter;\nb) letter;\ni) roman;\n(iv) roman;\n• bullet;\n— dash;\n– en dash;\n- hyphen.\n2. Next.';
    expect(pairs(parsePoints(text))).toEqual([
      ['1', 'Parent:\n1.1 child one;\n1.2 child two.\n(a) letter;\nb) letter;\ni) roman;\n(iv) roman;\n• bullet;\n— dash;\n– en dash;\n- hyphen.'],
      ['2', 'Next.'],
    ]);
  });

  it('joins a wrapped sub-item onto its own line', () => {
    const text = '1. Measures:\na) the first measure is\nlong;\nb) short.\n2. Next.';
    expect(pairs(parsePoints(text))[0]).toEqual(['1', 'Measures:\na) the first measure is long;\nb) short.']);
  });

  it('keeps nested lists of the same style inside their point when they are indented', () => {
    const text = '1. First:\n   1. nested one;\n   2. nested two.\n2. Second:\n   1. nested again.\n3. Third.';
    expect(pairs(parsePoints(text))).toEqual([
      ['1', 'First:\n1. nested one;\n2. nested two.'],
      ['2', 'Second:\n1. nested again.'],
      ['3', 'Third.'],
    ]);
  });

  it('treats Article N as the points when articles number their own paragraphs', () => {
    const text = 'Article 1\n1. One.\n2. Two.\n3. Three.\nArticle 2\n1. Uno.\n2. Dos.\nArticle 3\n1. Only.';
    const doc = parsePoints(text);
    expect(doc.points.map((p) => p.number)).toEqual(['1', '2', '3']);
    expect(doc.points[0]!.text).toBe('1. One.\n2. Two.\n3. Three.');
  });

  it('reports section headings between points instead of gluing them into a point', () => {
    const text = '1. One.\n\nSection II. Security\n\n2. Two.\n\nSECURITY GUARANTEES\n\n3. Three.\n\nHumanitarian issues\n4. Four.\n\nII. Final part\n\n5. Five.';
    const doc = parsePoints(text);
    expect(pairs(doc)).toEqual([['1', 'One.'], ['2', 'Two.'], ['3', 'Three.'], ['4', 'Four.'], ['5', 'Five.']]);
    expect(doc.sections).toEqual([
      { title: 'Section II. Security', beforePoint: 1 },
      { title: 'SECURITY GUARANTEES', beforePoint: 2 },
      { title: 'Humanitarian issues', beforePoint: 3 },
      { title: 'II. Final part', beforePoint: 4 },
    ]);
  });

  it('joins a heading written on two lines and keeps the introduction of a section apart', () => {
    const text = 'Intro.\n\nChapter 1\nSecurity\n1. One.\n\nChapter 2\nTerritory\nThe points below concern land.\n\n2. Two.';
    const doc = parsePoints(text);
    expect(doc.preamble).toBe('Intro.');
    expect(doc.sections).toEqual([
      { title: 'Chapter 1 — Security', beforePoint: 0 },
      { title: 'Chapter 2 — Territory', beforePoint: 1, text: 'The points below concern land.' },
    ]);
    expect(pairs(doc)).toEqual([['1', 'One.'], ['2', 'Two.']]);
  });

  it('reads Roman-numbered points when nothing else numbers the document', () => {
    expect(pairs(parsePoints('I. The first.\nII. The second.\nIII. The third.'))).toEqual([
      ['1', 'The first.'],
      ['2', 'The second.'],
      ['3', 'The third.'],
    ]);
  });

  it('splits points run together on one line only where the sequence continues', () => {
    const text =
      "1. Ukraine's sovereignty will be confirmed. 2. A non-aggression agreement will be signed in 2. " +
      'Moreover, the date 2.12.2025 stays. 3. Article 5 of the NATO treaty applies. 5. Not a point.';
    expect(pairs(parsePoints(text))).toEqual([
      ['1', "Ukraine's sovereignty will be confirmed."],
      ['2', 'A non-aggression agreement will be signed in 2. Moreover, the date 2.12.2025 stays.'],
      ['3', 'Article 5 of the NATO treaty applies. 5. Not a point.'],
    ]);
  });

  it('finds a list pasted as one paragraph after an introduction', () => {
    const doc = parsePoints('The plan reads: 1. Sovereignty is confirmed. 2. Troops withdraw. 3. Elections follow.');
    expect(doc.preamble).toBe('The plan reads:');
    expect(pairs(doc)).toEqual([['1', 'Sovereignty is confirmed.'], ['2', 'Troops withdraw.'], ['3', 'Elections follow.']]);
  });

  it('does not split on a reference to an existing point', () => {
    const text = '1. As set out in point 2. The parties agree.\n2. Second.';
    expect(pairs(parsePoints(text))).toEqual([['1', 'As set out in point 2. The parties agree.'], ['2', 'Second.']]);
  });

  it('does not take a wrapped "Article 5 of …" or a year at a line start for a point', () => {
    const text = '1. The guarantee mirrors\nArticle 5 of the NATO treaty.\n2. Signed in\n2025. The end.\n3. Third.';
    expect(pairs(parsePoints(text))).toEqual([
      ['1', 'The guarantee mirrors Article 5 of the NATO treaty.'],
      ['2', 'Signed in 2025. The end.'],
      ['3', 'Third.'],
    ]);
  });

  it('rejects numbers that break the sequence and accepts a small gap', () => {
    const text = '1. One.\n2. Two, see\n40. Not a point.\n4. Four (point 3 is missing).\n5. Five.';
    expect(parsePoints(text).points.map((p) => p.number)).toEqual(['1', '2', '4', '5']);
    expect(parsePoints(text).points[1]!.text).toBe('Two, see\n40. Not a point.');
  });

  it('joins hard-wrapped lines with one space, CJK lines with none', () => {
    expect(parsePoints('1. The parties   agree\n   to   stop.\n2. 双方同意\n停火。').points).toEqual([
      { number: '1', text: 'The parties agree to stop.' },
      { number: '2', text: '双方同意停火。' },
    ]);
  });

  it('removes a hyphen at a line break only when the document shows the word without it', () => {
    const text =
      '1. The sovereignty of Ukraine is confirmed.\n2. The sover-\neignty is respected. The non-\naggression pact holds. The well-\nknown rule stays.';
    expect(parsePoints(text).points[1]!.text).toBe(
      'The sovereignty is respected. The non-aggression pact holds. The well-known rule stays.',
    );
    expect(parsePoints('1. A soft\u00ADhy\u00AD\nphen.').points[0]!.text).toBe('A soft\u00ADhyphen.');
  });

  it('keeps paragraphs of a point on separate lines', () => {
    const text = '1. First paragraph.\n\nSecond paragraph of the same point.\n2. Next.';
    expect(parsePoints(text).points[0]!.text).toBe('First paragraph.\nSecond paragraph of the same point.');
  });

  it('handles Windows line endings, BOM, tabs and blank lines', () => {
    const doc = parsePoints('\uFEFFTitle\r\n\r\n\r\n\t1.\tFirst  point\r\n\t  wrapped.\r\n\r\n\r\n2. Second.\r\n');
    expect(doc.preamble).toBe('Title');
    expect(pairs(doc)).toEqual([['1', 'First point wrapped.'], ['2', 'Second.']]);
  });

  it('normalizes to NFC', () => {
    const decomposed = '1. Cafe\u0301 and c\u030Clanak.\n2. Second.';
    expect(parsePoints(decomposed).points[0]!.text).toBe('Café and članak.');
  });

  it('drops boilerplate repeated three times and known chrome in several languages', () => {
    const text = [
      '1. One.', 'Subscribe to our channel for more', '2. Two.', 'Subscribe to our channel for more', '3. Three.',
      'Subscribe to our channel for more', 'Реклама', '4. Four.', 'اشتہار', '5. Five.', 'إعلان', '6. Six.',
    ].join('\n');
    expect(pairs(parsePoints(text))).toEqual([
      ['1', 'One.'], ['2', 'Two.'], ['3', 'Three.'], ['4', 'Four.'], ['5', 'Five.'], ['6', 'Six.'],
    ]);
  });

  it('keeps a common word that ends a wrapped sentence', () => {
    expect(parsePoints('1. The parties will\nshare\nthe costs.\n2. Next.').points[0]!.text).toBe('The parties will share the costs.');
  });

  it('keeps the closing (signatures) apart from the last point', () => {
    const text = '1. One.\n2. Two.\n\nDone at Geneva on 1 December 2025.\nFor Ukraine: ________\nFor Russia: ________';
    const doc = parsePoints(text);
    expect(pairs(doc)).toEqual([['1', 'One.'], ['2', 'Two.']]);
    expect(doc.closing).toBe('Done at Geneva on 1 December 2025.\nFor Ukraine: ________\nFor Russia: ________');
  });

  it('returns no points and the whole text as preamble when nothing is numbered', () => {
    const doc = parsePoints('Just a statement.\nNothing numbered here.');
    expect(doc.points).toEqual([]);
    expect(doc.preamble).toBe('Just a statement.\nNothing numbered here.');
  });
});

describe('parsePoints language', () => {
  it('uses the given language, canonicalized', () => {
    expect(parsePoints('1. Text.', { lang: 'UK' }).lang).toBe('uk');
    expect(parsePoints('1. Text.', { lang: 'sr-latn' }).lang).toBe('sr-Latn');
  });

  it('refuses a language that is not a language tag', () => {
    expect(() => parsePoints('1. Text.', { lang: 'not a tag!' })).toThrow(ParleyError);
  });

  it('returns "und" for empty or language-less input', () => {
    expect(parsePoints('').lang).toBe('und');
    expect(parsePoints('1. 2025\n2. 42').lang).toBe('und');
  });
});

describe('parsePoints properties', () => {
  const latinWord = fc.stringMatching(/^[a-z]{3,9}$/);
  const cyrillicWord = fc.stringMatching(/^[а-я]{3,9}$/);
  const arabicWord = fc.stringMatching(/^[ابتثجحخدرسشصطعفقلمنهوي]{3,8}$/);
  const sentence = fc
    .tuple(fc.oneof(latinWord, cyrillicWord, arabicWord), fc.array(fc.oneof(latinWord, cyrillicWord, arabicWord), { minLength: 1, maxLength: 14 }))
    .map(([first, rest]) => `${first.charAt(0).toUpperCase()}${first.slice(1)} ${rest.join(' ')}.`);
  const pointList = fc.array(sentence, { minLength: 1, maxLength: 40 });

  it('gives back the points of a rendered "N. text" list', () => {
    fc.assert(
      fc.property(pointList, (texts) => {
        const doc = parsePoints(texts.map((t, i) => `${i + 1}. ${t}`).join('\n'));
        expect(doc.points).toEqual(texts.map((t, i) => ({ number: String(i + 1), text: t })));
        expect(doc.preamble).toBe('');
      }),
    );
  });

  it('gives back the same points whatever the marker style and digits', () => {
    const arabicIndic = (n: number): string => String(n).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const styles: ((n: number) => string)[] = [
      (n) => `${n})`,
      (n) => `(${n})`,
      (n) => `Article ${n}.`,
      (n) => `Пункт ${n}.`,
      (n) => `المادة ${arabicIndic(n)}:`,
      (n) => `**${n}.**`,
      (n) => `### ${n}.`,
    ];
    fc.assert(
      fc.property(pointList, fc.integer({ min: 0, max: styles.length - 1 }), (texts, s) => {
        const marker = styles[s]!;
        const doc = parsePoints(texts.map((t, i) => `${marker(i + 1)} ${t}`).join('\n\n'));
        expect(doc.points).toEqual(texts.map((t, i) => ({ number: String(i + 1), text: t })));
      }),
    );
  });

  it('undoes hard wrapping at any word boundary', () => {
    const wrapped = fc.array(fc.tuple(sentence, fc.array(fc.boolean(), { maxLength: 16 })), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(wrapped, (items) => {
        const rendered = items.map(([text, breaks], i) => {
          const words = text.split(' ');
          const withBreaks = words.map((w, k) => (k > 0 && breaks[k] === true ? `\n${w}` : k > 0 ? ` ${w}` : w));
          return `${i + 1}. ${withBreaks.join('')}`;
        });
        const doc = parsePoints(rendered.join('\n'));
        expect(doc.points).toEqual(items.map(([t], i) => ({ number: String(i + 1), text: t })));
      }),
    );
  });

  it('never throws and always returns ASCII point numbers', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const doc = parsePoints(text);
        for (const p of doc.points) expect(p.number).toMatch(/^[0-9]+$/);
      }),
    );
  });
});
