/**
 * Reading leaks against a master in English, Russian and Urdu: whole copies, excerpts,
 * retyped and edited texts, a leak inside an article, unrelated text. The law above all:
 * a slot read is never read wrong (fast-check over random codewords and excerpts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../redline/tokenize.ts';
import { seededRandom } from '../testing/seeded-random.ts';
import { readLeak } from './read-leak.ts';
import type { Slot, SlotReading } from './slots.ts';

type Bit = 0 | 1;

interface Doc {
  lang: string;
  master: string[];
  slots: Slot[];
}

/** A slot builder over one master: finds phrases, so the fixtures read as text. */
function builder(master: readonly string[]) {
  const slots: Slot[] = [];
  const find = (p: number, phrase: string, nth = 0) => {
    let at = -1;
    for (let k = 0; k <= nth; k++) {
      at = master[p]!.indexOf(phrase, at + 1);
      if (at < 0) throw new Error(`fixture: "${phrase}" not in paragraph ${p}`);
    }
    return at;
  };
  return {
    slots,
    /** A wording slot: `phrase` (the master's) or `alt`. */
    wording(p: number, phrase: string, alt: string, nth = 0) {
      const start = find(p, phrase, nth);
      slots.push({ id: `w${slots.length}`, kind: 'wording', paragraph: p, start, end: start + phrase.length, forms: [phrase, alt] });
    },
    /** A wording slot inside `context`: the part `phrase` at its first place in it. */
    within(p: number, context: string, phrase: string, alt: string) {
      const start = find(p, context) + context.indexOf(phrase);
      slots.push({ id: `w${slots.length}`, kind: 'wording', paragraph: p, start, end: start + phrase.length, forms: [phrase, alt] });
    },
    /** A format slot: the separator between `left` and `right`. */
    format(p: number, left: string, right: string, kind: 'space' | 'hyphen') {
      const sep = kind === 'space' ? ' ' : '-';
      const start = find(p, left + sep + right) + left.length;
      slots.push({ id: `f${slots.length}`, kind: 'format', paragraph: p, start, end: start + 1, forms: kind === 'space' ? [' ', '\u00A0'] : ['-', '\u2011'] });
    },
  };
}

const en = ((): Doc => {
  const master = [
    'The Parties shall observe a complete ceasefire along the line of contact as of 00:00 on 24 February 2022, and shall withdraw heavy weapons within ten (10) days to a distance of not less than fifteen (15) kilometres from that line.',
    'The Joint Monitoring Commission, composed of representatives of the Parties, the mediator and the observers, shall verify compliance and report to the Parties every seven (7) days. Its members shall enjoy freedom of movement on both sides of the line of contact and full access to well-founded complaints.',
    'Prisoners of war shall be exchanged on the all-for-all principle. The exchange shall be completed no later than thirty (30) days after the signing of this Agreement, under the supervision of the International Committee of the Red Cross.',
    'The Parties note the statement of the mediator that the process is “irreversible and open to all” and agree to meet again in Istanbul. They undertake to refrain from any cross-border shelling, the use of unmanned aerial vehicles and any other offensive operations.',
    'This Agreement enters into force on the date of its signature and shall remain in force for an initial period of twelve (12) months, renewable by mutual consent. Done at Geneva in three originals, in the English, Russian and Ukrainian languages, all texts being equally authentic.',
  ];
  const b = builder(master);
  b.wording(0, '24 February 2022', 'February 24, 2022');
  b.wording(0, 'ten (10)', '10 (ten)');
  b.format(0, 'heavy', 'weapons', 'space');
  b.wording(0, 'fifteen (15)', '15 (fifteen)');
  b.wording(1, 'the mediator and', 'the mediator, and');
  b.format(1, 'Joint', 'Monitoring', 'space');
  b.wording(1, 'seven (7)', '7 (seven)');
  b.format(1, 'freedom', 'of', 'space');
  b.format(1, 'well', 'founded', 'hyphen');
  b.format(2, 'all', 'for', 'hyphen');
  b.wording(2, 'thirty (30)', '30 (thirty)');
  b.format(2, 'Red', 'Cross', 'space');
  b.wording(3, '“irreversible and open to all”', '‘irreversible and open to all’');
  b.format(3, 'cross', 'border', 'hyphen');
  b.format(3, 'unmanned', 'aerial', 'space');
  b.wording(4, 'twelve (12)', '12 (twelve)');
  b.wording(4, 'Russian and', 'Russian, and');
  b.format(4, 'equally', 'authentic', 'space');
  return { lang: 'en', master, slots: b.slots };
})();

const ru = ((): Doc => {
  const master = [
    'Стороны обязуются соблюдать режим полного прекращения огня вдоль линии соприкосновения с 00:00 24 февраля 2022 года и отвести тяжёлые вооружения в течение десяти (10) дней на расстояние не менее пятнадцати километров.',
    'Совместная комиссия по наблюдению, в состав которой входят представители Сторон, посредника и наблюдателей, проверяет соблюдение договорённостей и каждые семь (7) дней докладывает Сторонам о социально-экономическом положении на линии соприкосновения.',
    'Стороны отмечают заявление посредника о том, что процесс «необратим и открыт для всех», и договариваются встретиться вновь в Стамбуле. Военнопленные обмениваются по принципу «всех на всех» не позднее тридцати (30) суток после подписания настоящего Соглашения.',
    'Стороны воздерживаются от трансграничных обстрелов, применения беспилотных летательных аппаратов и иных наступательных действий, включая действия военно-морских сил в Чёрном море.',
    'Совершено в Женеве в трёх подлинных экземплярах на русском, украинском и английском языках, причём все тексты имеют одинаковую силу.',
  ];
  const b = builder(master);
  b.wording(0, '24 февраля 2022 года', '24.02.2022');
  b.within(0, 'тяжёлые', 'ё', 'е');
  b.wording(0, 'десяти (10)', '10 (десяти)');
  b.format(0, 'пятнадцати', 'километров', 'space');
  b.format(1, 'Совместная', 'комиссия', 'space');
  b.within(1, 'договорённостей', 'ё', 'е');
  b.wording(1, 'семь (7)', '7 (семь)');
  b.format(1, 'социально', 'экономическом', 'hyphen');
  b.wording(2, '«необратим и открыт для всех»', '„необратим и открыт для всех“');
  b.format(2, 'встретиться', 'вновь', 'space');
  b.wording(2, '«всех на всех»', '„всех на всех“');
  b.wording(2, 'тридцати (30)', '30 (тридцати)');
  b.format(3, 'военно', 'морских', 'hyphen');
  b.within(3, 'Чёрном', 'ё', 'е');
  b.format(3, 'беспилотных', 'летательных', 'space');
  b.within(4, 'трёх', 'ё', 'е');
  b.format(4, 'подлинных', 'экземплярах', 'space');
  b.within(4, 'причём', 'ё', 'е');
  return { lang: 'ru', master, slots: b.slots };
})();

// Lines 1, 2, 4 and 6 of the seed report (/work/shared/seed), one paragraph each, and a clause.
const ur = ((): Doc => {
  const master = [
    'روس کے صدر ولادیمیر پوتن اور دیگر حکام دو دسمبر، 2025 کو ماسکو میں امریکی صدر ڈونلڈ ٹرمپ کے داماد جیرڈ کشنر اور امریکی خصوصی ایلچی سٹیو وِٹکوف کے ساتھ بات چیت کرتے ہوئے۔',
    'صدر ولادیمیر پوتن کے ایک سینئر مشیر یوری اوشاکوف نے بدھ کو صحافیوں کو بتایا کہ یوکرین میں تقریباً چار سال سے جاری جنگ کے خاتمے کے لیے روس اور امریکہ کے درمیان مذاکرات تعمیری تھے، لیکن ابھی بہت کام باقی ہے۔',
    'اوشاکوف نے پانچ گھنٹے تک چلی بات چیت کو "مفید، تعمیری اور اہم" قرار دیا اور کہا کہ امریکی امن تجویز کے فریم ورک پر "مخصوص الفاظ" کے بجائے تفصیلی تبادلہ خیال کیا گیا۔ یہ پوچھے جانے پر کہ کیا ان مذاکرات کے بعد امن کا امکان قریب ہے یا دور، اوشاکوف نے کہا کہ "دور نہیں، یہ یقینی بات ہے۔',
    'اوشاکوف نے کہا کہ "کچھ امریکی تجاویز کم و بیش قابل قبول معلوم ہوتی ہیں، لیکن ان پر بات کرنے کی ضرورت ہے۔ کچھ الفاظ جو ہمیں تجویز کیے گئے تھے وہ ہمارے موافق نہیں ہیں۔ لہذا، کام جاری رہے گا۔',
    'فریقین اس معاہدے پر دستخط کے 30 دن کے اندر تمام جنگی قیدیوں کا تبادلہ کریں گے، اور بھاری ہتھیاروں کو رابطہ لائن سے کم از کم 15 کلومیٹر پیچھے ہٹا لیں گے۔',
  ];
  const b = builder(master);
  b.wording(0, '2025', '٢٠٢٥');
  b.format(0, 'ڈونلڈ', 'ٹرمپ', 'space');
  b.format(0, 'خصوصی', 'ایلچی', 'space');
  b.format(1, 'چار', 'سال', 'space');
  b.format(1, 'یوری', 'اوشاکوف', 'space');
  b.format(2, 'پانچ', 'گھنٹے', 'space');
  b.wording(2, '"مفید، تعمیری اور اہم"', '«مفید، تعمیری اور اہم»');
  b.format(2, 'فریم', 'ورک', 'space');
  b.wording(2, '"مخصوص الفاظ"', '«مخصوص الفاظ»');
  b.format(3, 'کم', 'و', 'space');
  b.format(3, 'قابل', 'قبول', 'space');
  b.wording(4, '30', '٣٠');
  b.format(4, 'جنگی', 'قیدیوں', 'space');
  b.format(4, 'از', 'کم', 'space');
  b.wording(4, '15', '١٥');
  return { lang: 'ur', master, slots: b.slots };
})();

const edgeMaster = [
  '«Мы готовы продолжить работу над текстом», — заявил посредник после завершения раунда переговоров в Женеве.',
  'Делегации согласовали порядок работы рабочих групп и назвали итоговый документ «рамочным соглашением»',
];
const eb = builder(edgeMaster);
eb.wording(0, '«Мы готовы продолжить работу над текстом»', '„Мы готовы продолжить работу над текстом“');
eb.wording(1, '«рамочным соглашением»', '„рамочным соглашением“');
/** Slots that open and close their paragraphs: anchored by line starts and ends. */
const edge: Doc = { lang: 'ru', master: edgeMaster, slots: eb.slots };

const docs = { en, ru, ur };

/** The copy of a recipient with these bits: each slot's form put in, from the last slot to the first. */
function render(doc: Doc, bits: readonly Bit[]): string[] {
  const order = doc.slots.map((s, k) => ({ s, bit: bits[k]! })).sort((a, b) => b.s.paragraph - a.s.paragraph || b.s.start - a.s.start);
  const out = [...doc.master];
  for (const { s, bit } of order) out[s.paragraph] = out[s.paragraph]!.slice(0, s.start) + s.forms[bit] + out[s.paragraph]!.slice(s.end);
  return out;
}

function randomBits(doc: Doc, seed: number): Bit[] {
  const random = seededRandom(seed);
  return doc.slots.map(() => (random() < 0.5 ? 0 : 1));
}

/** What every retyping does: marks lost, quotes straightened, lines broken elsewhere. */
function retype(text: string): string {
  return text
    .replace(/\u00A0/gu, ' ')
    .replace(/\u2011/gu, '-')
    .replace(/[“”„«»]/gu, '"')
    .replace(/[‘’‚]/gu, "'")
    .replace(/\n+/gu, ' ')
    .replace(/(\S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+) /gu, '$1\n');
}

const inParagraph = (doc: Doc, p: number) => doc.slots.map((s) => s.paragraph === p);
const isFormat = (doc: Doc) => doc.slots.map((s) => s.kind === 'format');

const TYPOGRAPHIC = /[«»„“”‘’‚‹›]/u;
const SCRIPTS = [/[0-9]/u, /[\u0660-\u0669]/u, /[\u06F0-\u06F9]/u];

/**
 * Is slot k's form in `leak` proof of the copy (docs in read-leak.ts, EVIDENCE)? A format
 * family needs a form 1 of that family among the `shown` slots, kept in the leak; an е where
 * the other form has ё needs a ё in the leak; a straight quote where the other form has a
 * typographic one needs a typographic quote; a digit slot needs every script of its forms.
 */
function proven(doc: Doc, bits: readonly Bit[], shown: readonly boolean[], leak: string, k: number): boolean {
  const slot = doc.slots[k]!;
  const bit = bits[k]!;
  if (slot.kind === 'format') return doc.slots.some((s, j) => shown[j] && bits[j] === 1 && s.forms[1] === slot.forms[1]) && leak.includes(slot.forms[1]);
  const [mine, other] = [slot.forms[bit], slot.forms[1 - bit]!];
  if (mine.replace(/[0-9\u0660-\u0669\u06F0-\u06F9]/gu, '#') === other.replace(/[0-9\u0660-\u0669\u06F0-\u06F9]/gu, '#'))
    return SCRIPTS.every((re) => !(re.test(mine) || re.test(other)) || re.test(leak));
  for (let i = 0; i < mine.length && mine.length === other.length; i++) {
    if (/[ёЁ]/u.test(other[i]!) && /[еЕ]/u.test(mine[i]!) && !/[ёЁ]/u.test(leak)) return false;
    if (TYPOGRAPHIC.test(other[i]!) && /["']/u.test(mine[i]!) && !TYPOGRAPHIC.test(leak)) return false;
  }
  return true;
}

/** What an honest reader reads: the truth at the shown slots it has proof for, null elsewhere. */
function expected(doc: Doc, bits: readonly Bit[], shown: readonly boolean[], leak: string): SlotReading[] {
  return bits.map((b, k) => (shown[k] && proven(doc, bits, shown, leak, k) ? b : null));
}

/** Where nothing is read, only null; where read, only the truth. */
function expectHonest(readings: readonly SlotReading[], bits: readonly Bit[]) {
  readings.forEach((r, k) => {
    if (r !== null) expect({ slot: k, read: r }).toEqual({ slot: k, read: bits[k] });
  });
}

describe.each(Object.entries(docs))('readLeak (%s)', (_, doc) => {
  // Bits with every family shown in both forms, so a whole copy proves its marks survived.
  const mixed = doc.slots.map((_, k): Bit => (k % 2 === 0 ? 1 : 0));
  const all = doc.slots.map(() => true);
  /** Words of the copy that differ from the master's order or spelling (reordered wording) are not aligned. */
  const minCoverage = 0.95;

  it('reads every slot of a whole pasted copy', () => {
    for (const bits of [mixed, mixed.map((b): Bit => (b === 1 ? 0 : 1)), randomBits(doc, 3), randomBits(doc, 4)]) {
      const copy = render(doc, bits).join('\n\n');
      const r = readLeak(doc.master, doc.slots, copy, doc.lang);
      expect(r.readings).toEqual(expected(doc, bits, all, copy));
      expect(r.coverage).toBeGreaterThan(minCoverage);
      expect(r.paragraphs).toEqual(doc.master.map((_, p) => p));
    }
    // With mixed bits nothing lacks proof: every slot is read.
    expect(readLeak(doc.master, doc.slots, render(doc, mixed).join('\n\n'), doc.lang).readings).toEqual(mixed);
  });

  it('reads only the slots of a single pasted paragraph, the others are erasures', () => {
    for (const bits of [mixed, randomBits(doc, 7)]) {
      const copy = render(doc, bits);
      for (let p = 0; p < doc.master.length; p++) {
        const r = readLeak(doc.master, doc.slots, copy[p]!, doc.lang);
        expect(r.readings).toEqual(expected(doc, bits, inParagraph(doc, p), copy[p]!));
        expect(r.paragraphs).toEqual([p]);
        expect(r.coverage).toBeGreaterThan(minCoverage - 0.1);
      }
    }
  });

  it('reads no format slot and no flattened quote of a retyped copy, and every other wording slot', () => {
    for (const bits of [mixed, randomBits(doc, 5), randomBits(doc, 6)]) {
      const leak = retype(render(doc, bits).join('\n\n'));
      const r = readLeak(doc.master, doc.slots, leak, doc.lang);
      const format = isFormat(doc);
      const quoteStyle = doc.slots.map((s) => s.forms[0].replace(/[“”„«»"‘’‚']/gu, '') === s.forms[1].replace(/[“”„«»"‘’‚']/gu, ''));
      const want = expected(doc, bits, all, leak).map((x, k) => (format[k] || quoteStyle[k] ? null : x));
      expect(r.readings).toEqual(want);
      expect(want.filter((x) => x !== null).length).toBeGreaterThan(2);
    }
  });

  it('still reads a copy an editor changed away from the slots, inside a journalist\'s article', () => {
    const bits = randomBits(doc, 8);
    const copy = render(doc, bits);
    // Paragraph 1 with a word replaced and one inserted, away from its slots.
    const edits: Record<string, readonly [string, string]> = { en: ['shall verify', 'will reportedly check'], ru: ['проверяет', 'по сообщениям проверяет'], ur: ['بدھ کو', 'منگل کو اچانک'] };
    const [from, to] = edits[doc.lang]!;
    const edited = copy[1]!.replace(from, to);
    expect(edited).not.toBe(copy[1]);
    const intro = doc.lang === 'en' ? 'A draft seen by this newspaper says:' : doc.lang === 'ru' ? 'В проекте, который видела редакция, говорится:' : 'اخبار کو موصول مسودے میں کہا گیا ہے:';
    const article = `${intro}\n\n${copy[0]!}\n\n${edited}\n\n— the source said, declining to comment further.`;
    const r = readLeak(doc.master, doc.slots, article, doc.lang);
    const shown = doc.slots.map((s) => s.paragraph <= 1);
    expect(r.readings).toEqual(expected(doc, bits, shown, article));
    expect(r.paragraphs).toEqual([0, 1]);
    expect(r.coverage).toBeLessThan(0.95);
    expect(r.coverage).toBeGreaterThan(0.7);
  });

  it('reads passages quoted out of order, one of them twice', () => {
    const bits = randomBits(doc, 9);
    const copy = render(doc, bits);
    const leak = [copy[3], copy[1], copy[3]].join('\n\n');
    const r = readLeak(doc.master, doc.slots, leak, doc.lang);
    expect(r.readings).toEqual(expected(doc, bits, doc.slots.map((s) => s.paragraph === 1 || s.paragraph === 3), leak));
    expect(r.paragraphs).toEqual([1, 3]);
  });

  it('reads nothing from unrelated text', () => {
    const other = docs[doc.lang === 'en' ? 'ru' : 'en'];
    const unrelated = [
      'The weather in the capital was mild on Tuesday, and the markets closed higher after a quiet session of the parties.',
      render(other, randomBits(other, 1)).join('\n'),
    ].join('\n');
    const r = readLeak(doc.master, doc.slots, unrelated, doc.lang);
    expect(r.readings.every((x) => x === null)).toBe(true);
    expect(r.coverage).toBe(0);
    expect(r.paragraphs).toEqual([]);
  });
});

describe('readLeak at the edges of a paragraph', () => {
  const { master } = edge;
  const doc = edge;

  it('reads a slot that opens or closes its paragraph, anchored by the line start or end', () => {
    for (const bits of [[0, 1], [1, 0], [1, 1], [0, 0]] as Bit[][]) {
      const copy = render(doc, bits);
      expect(readLeak(master, doc.slots, copy.join('\n\n'), 'ru').readings).toEqual(bits);
      // Reformatted as a numbered Markdown list, quoted in a blockquote, with trailing spaces.
      expect(readLeak(master, doc.slots, `1. ${copy[0]!}  \n2. ${copy[1]!}  `, 'ru').readings).toEqual(bits);
      expect(readLeak(master, doc.slots, `> ${copy[0]!}\n>\n> ${copy[1]!}`, 'ru').readings).toEqual(bits);
    }
  });

  it('does not read it when the line also holds the journalist\'s words', () => {
    const copy = render(doc, [1, 1]);
    const inline = `Источник сообщил: ${copy[0]!} ${copy[1]!}, добавив, что работа продолжится.`;
    expect(readLeak(master, doc.slots, inline, 'ru').readings).toEqual([null, null]);
  });
});

describe('readLeak on two copies quoted together', () => {
  it('reads a slot both passages show alike, and not one they show differently', () => {
    const a = en.slots.map((): Bit => 0);
    const b = en.slots.map((s, k): Bit => (s.paragraph === 0 && k % 2 === 0 ? 1 : 0));
    const leak = `${render(en, a)[0]!}\n\nAnother version reads:\n\n${render(en, b)[0]!}`;
    const r = readLeak(en.master, en.slots, leak, 'en');
    en.slots.forEach((s, k) => {
      if (s.paragraph !== 0 || s.kind === 'format') expect(r.readings[k]).toBeNull();
      else expect(r.readings[k]).toBe(a[k] === b[k] ? a[k] : null);
    });
  });
});

describe('readLeak, what it refuses to read', () => {
  it('a no-break space in the journalist\'s own text proves nothing about a retyped copy', () => {
    const bits = en.slots.map((): Bit => 0);
    const leak = `Kyiv,\u00A0Tuesday. ${render(en, bits)[1]!}`;
    const r = readLeak(en.master, en.slots, leak, 'en');
    en.slots.forEach((s, k) => {
      if (s.kind === 'format') expect(r.readings[k]).toBeNull();
    });
    expect(r.readings.filter((x) => x !== null).length).toBeGreaterThan(0);
  });

  it('a copy that kept its no-break spaces but lost its non-breaking hyphens reads spaces only', () => {
    const bits = en.slots.map((): Bit => 1);
    const copy = render(en, bits).join('\n\n').replace(/\u2011/gu, '-');
    const r = readLeak(en.master, en.slots, copy, 'en');
    en.slots.forEach((s, k) => {
      if (s.kind === 'format') expect(r.readings[k]).toBe(s.forms[0] === ' ' ? 1 : null);
    });
  });

  it('Russian typed without ё: е read only where the leak keeps a ё somewhere', () => {
    const yo = ru.slots.map((s) => s.forms[0] === 'ё');
    const bits = ru.slots.map((): Bit => 0);
    const flattened = render(ru, bits).join('\n\n').replace(/ё/gu, 'е');
    const r = readLeak(ru.master, ru.slots, flattened, 'ru');
    r.readings.forEach((read, k) => {
      if (yo[k]) expect(read).toBeNull();
    });
    // The same text with one ё kept: now an е is a reading.
    const kept = render(ru, ru.slots.map((_, k): Bit => (yo[k] && k !== ru.slots.findIndex((_, j) => yo[j]) ? 1 : 0))).join('\n\n');
    const r2 = readLeak(ru.master, ru.slots, kept, 'ru');
    r2.readings.forEach((read, k) => {
      if (yo[k]) expect(read).not.toBeNull();
    });
  });

  it('digits typed in one script are not read', () => {
    const bits = ur.slots.map((): Bit => 0);
    const copy = render(ur, bits).join('\n\n');
    const r = readLeak(ur.master, ur.slots, copy, 'ur');
    expect(r.readings[0]).toBeNull(); // only ASCII digits in the passages: a typist's habit, not a form
    const withArabicIndic = render(ur, bits).join('\n\n') + '\n' + render(ur, bits.map((_, k): Bit => (k === 0 ? 1 : 0)))[0]!;
    expect(readLeak(ur.master, ur.slots, withArabicIndic, 'ur').readings[0]).toBeNull(); // read 0 and 1: passages disagree
  });

  it('a number the editor rewrote is not read as the form it now resembles', () => {
    const bits = ur.slots.map((_, k): Bit => (k === 0 ? 1 : 0));
    const copy = render(ur, bits);
    expect(copy[0]).toContain('٢٠٢٥');
    // One edit from "2025" (form 0), four from "٢٠٢٥" (form 1, the truth); other digits in both scripts.
    const leak = `${copy[0]!.replace('٢٠٢٥', '2022')}\n\n${render(ur, ur.slots.map((s): Bit => (s.paragraph === 4 ? 1 : 0)))[4]!}`;
    expect(readLeak(ur.master, ur.slots, leak, 'ur').readings[0]).toBeNull();
  });

  it('a paragraph repeated in the master is not attributed to either place', () => {
    const para = en.master[2]!;
    const master = [en.master[0]!, para, en.master[1]!, para];
    const start = para.indexOf('thirty (30)');
    const slots: Slot[] = [1, 3].map((p) => ({ id: `t${p}`, kind: 'wording', paragraph: p, start, end: start + 11, forms: ['thirty (30)', '30 (thirty)'] }));
    const leak = para.replace('thirty (30)', '30 (thirty)');
    expect(readLeak(master, slots, leak, 'en').readings).toEqual([null, null]);
  });

  it('slots that overlap, or do not match the master, are never read', () => {
    const p = en.master[0]!;
    const at = p.indexOf('ten (10)');
    const slots: Slot[] = [
      { id: 'a', kind: 'wording', paragraph: 0, start: at, end: at + 8, forms: ['ten (10)', '10 (ten)'] },
      { id: 'b', kind: 'wording', paragraph: 0, start: at + 4, end: at + 8, forms: ['(10)', '[10]'] },
      { id: 'c', kind: 'wording', paragraph: 0, start: 0, end: 3, forms: ['Our', 'The'] },
      { id: 'd', kind: 'format', paragraph: 0, start: 3, end: 4, forms: [' ', '\u2009'] },
    ];
    expect(readLeak(en.master, slots, en.master.join('\n'), 'en').readings).toEqual([null, null, null, null]);
  });

  it('an empty leak reads nothing', () => {
    const r = readLeak(en.master, en.slots, '', 'en');
    expect(r).toEqual({ readings: en.slots.map(() => null), coverage: 0, matchedWords: 0, leakWords: 0, paragraphs: [] });
  });
});

describe('readLeak, never a wrong read', () => {
  const docArb = fc.constantFrom(en, ru, ur, edge);

  it('every slot read from random copies, excerpts, retyping and reformatting shows the true form', () => {
    fc.assert(
      fc.property(
        docArb,
        fc.integer(),
        fc.record({ from: fc.nat(), length: fc.integer({ min: 1, max: 400 }), retyped: fc.boolean(), markdown: fc.boolean() }),
        (doc, seed, cut) => {
          const bits = randomBits(doc, seed);
          let text = render(doc, bits).join('\n\n');
          const from = cut.from % text.length;
          text = text.slice(from, from + cut.length * 4);
          if (cut.retyped) text = retype(text);
          if (cut.markdown) text = text.replace(/\./gu, '\\.').replace(/ {1}/gu, '  ');
          expectHonest(readLeak(doc.master, doc.slots, text, doc.lang).readings, bits);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every slot read from a copy an editor changed (words dropped, replaced, inserted anywhere) shows the true form', () => {
    fc.assert(
      fc.property(
        docArb,
        fc.integer(),
        fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('drop', 'replace', 'insert', 'break'), word: fc.constantFrom('reportedly', 'всё', 'все', 'اور', 'and', '10', 'ten', '2022') }), { maxLength: 12 }),
        fc.boolean(),
        (doc, seed, edits, retyped) => {
          const bits = randomBits(doc, seed);
          let text = render(doc, bits).join('\n\n');
          for (const e of edits) {
            const words = tokenize(text, doc.lang).filter((t) => t.kind === 'word');
            const w = words[e.at % words.length]!;
            const by = e.op === 'drop' ? '' : e.op === 'replace' ? e.word : e.op === 'break' ? `\n${w.text}` : `${e.word} ${w.text}`;
            text = text.slice(0, w.start) + by + text.slice(w.end);
          }
          if (retyped) text = retype(text);
          expectHonest(readLeak(doc.master, doc.slots, text, doc.lang).readings, bits);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an intact pasted paragraph has at least 90% of its slots read, where it carries the proof its marks survived', () => {
    let provenSlots = 0;
    let read = 0;
    fc.assert(
      fc.property(docArb, fc.integer(), fc.nat(), (doc, seed, pick) => {
        const bits = randomBits(doc, seed);
        const p = pick % doc.master.length;
        const text = render(doc, bits)[p]!;
        const r = readLeak(doc.master, doc.slots, text, doc.lang);
        expectHonest(r.readings, bits);
        const mine = inParagraph(doc, p);
        const here = doc.slots.map((_, k) => k).filter((k) => mine[k] && proven(doc, bits, mine, text, k));
        const readHere = here.filter((k) => r.readings[k] !== null).length;
        provenSlots += here.length;
        read += readHere;
        expect(readHere).toBeGreaterThanOrEqual(0.9 * here.length);
      }),
      { numRuns: 200 },
    );
    expect(provenSlots).toBeGreaterThan(200); // the property is not vacuous
    expect(read).toBeGreaterThanOrEqual(0.97 * provenSlots);
  });
});

describe('readLeak on a long document', () => {
  it('reads a 2,000-word excerpt of a 300-paragraph document (18,000 words) correctly', () => {
    const random = seededRandom(21);
    const vocab = ['ceasefire', 'prisoners', 'elections', 'guarantees', 'sovereignty', 'commission', 'territory', 'sanctions', 'reconstruction', 'monitoring', 'withdrawal', 'amnesty', 'border', 'referendum', 'energy', 'grain', 'the', 'shall', 'be', 'of', 'and', 'parties', 'within', 'days'];
    const master: string[] = [];
    const slots: Slot[] = [];
    for (let p = 0; p < 300; p++) {
      const words = Array.from({ length: 60 }, () => vocab[Math.floor(random() * vocab.length)]!);
      const text = words.join(' ') + '.';
      master.push(text);
      // Three format slots per paragraph, at the spaces after words 10, 30 and 50.
      let at = -1;
      for (let w = 1; w <= 50; w++) {
        at = text.indexOf(' ', at + 1);
        if (w === 10 || w === 30 || w === 50) slots.push({ id: `s${p}.${w}`, kind: 'format', paragraph: p, start: at, end: at + 1, forms: [' ', '\u00A0'] });
      }
    }
    const doc: Doc = { lang: 'en', master, slots };
    const bits = randomBits(doc, 4);
    const copy = render(doc, bits);
    const leak = copy.slice(100, 134).join('\n\n');
    const r = readLeak(master, slots, leak, 'en');
    expectHonest(r.readings, bits);
    const there = slots.map((s) => s.paragraph >= 100 && s.paragraph < 134);
    const readThere = r.readings.filter((x, k) => there[k] && x !== null).length;
    expect(readThere).toBeGreaterThan(0.9 * there.filter(Boolean).length);
    expect(r.paragraphs).toEqual(Array.from({ length: 34 }, (_, i) => 100 + i));
  });
});
