import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRedline, compareDocuments, diffPointPairs, oldText, redline, tokenize, type RedlineOp } from './index.ts';

/** Every op's offsets slice its text out of the side(s) it belongs to, and the ops tile both texts in order. */
function expectConsistent(before: string, after: string, ops: readonly RedlineOp[]): void {
  let o = 0;
  let n = 0;
  for (const op of ops) {
    expect(op.oldStart).toBe(o);
    expect(op.newStart).toBe(n);
    const onOld = op.op === 'equal' || op.op === 'delete' || op.op === 'move-from';
    const onNew = op.op === 'equal' || op.op === 'insert' || op.op === 'move-to';
    expect(op.text.length).toBeGreaterThan(0);
    if (onOld) expect(before.slice(op.oldStart, op.oldEnd)).toBe(op.text);
    else expect(op.oldEnd).toBe(op.oldStart);
    if (onNew) expect(after.slice(op.newStart, op.newEnd)).toBe(op.text);
    else expect(op.newEnd).toBe(op.newStart);
    o = op.oldEnd;
    n = op.newEnd;
  }
  expect(o).toBe(before.length);
  expect(n).toBe(after.length);
  const from = ops.filter((x) => x.op === 'move-from').map((x) => x.moveId).sort();
  const to = ops.filter((x) => x.op === 'move-to').map((x) => x.moveId).sort();
  expect(to).toEqual(from);
  expect(new Set(from).size).toBe(from.length);
  for (const m of ops.filter((x) => x.op === 'move-to' && x.edits)) {
    const source = ops.find((x) => x.op === 'move-from' && x.moveId === m.moveId)!;
    expect(applyRedline(m.edits!)).toBe(m.text);
    expect(oldText(m.edits!)).toBe(source.text);
    for (const e of m.edits!) {
      if (e.op !== 'insert') expect(before.slice(e.oldStart, e.oldEnd)).toBe(e.text);
      if (e.op !== 'delete') expect(after.slice(e.newStart, e.newEnd)).toBe(e.text);
    }
  }
}

const compact = (ops: readonly RedlineOp[]) => ops.map((o) => `${o.op}:${o.text}`);
const changed = (ops: readonly RedlineOp[], kind: RedlineOp['op']) => ops.filter((o) => o.op === kind).map((o) => o.text.trim());

// Fragments per script, with the awkward characters each script brings.
const SCRIPTS = {
  ur: ['یوکرین', 'کی', 'فوج', 'ذمہ\u200Cداری', 'می\u200Cشود', 'ہوگی', '۔', '،', '۶۰۰'],
  ar: ['السَّلَامُ', 'عَلَيْكُمْ', 'وَقْفُ', 'إطلاق', 'النار', '،', '؟', '٦٠٠'],
  ru: ['армия', 'України', 'мир', 'Путин', 'соглашение', '—', '«', '»', '600'],
  zh: ['停火', '协议', '将在', '三十天', '内', '生效', '。', '，', '乌克兰'],
  en: ['NATO', "don't", 'well-known', 'Parties', 'shall', '(a)', ',', '.', '"', '2030', 'e.g.'],
} as const;
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\n\n', '', '\u200C', '\t'];

const fragment = (lang: keyof typeof SCRIPTS) => fc.oneof(fc.constantFrom(...SCRIPTS[lang]), fc.constantFrom(...SEPARATORS));
const langArb = fc.constantFrom(...(Object.keys(SCRIPTS) as (keyof typeof SCRIPTS)[]));
const fragments = (lang: keyof typeof SCRIPTS, max = 60) => fc.array(fragment(lang), { maxLength: max });

/** A text and a revision of it: fragments deleted, inserted and a stretch moved. */
const revision = langArb.chain((lang) =>
  fc
    .record({
      base: fragments(lang, 80),
      edits: fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 4 }), ins: fragments(lang, 6) }), { maxLength: 6 }),
      move: fc.option(fc.record({ from: fc.nat(), len: fc.integer({ min: 1, max: 20 }), to: fc.nat() })),
    })
    .map(({ base, edits, move }) => {
      const b = [...base];
      for (const e of edits) b.splice(e.at % (b.length + 1), e.del, ...e.ins);
      if (move && b.length > 0) {
        const piece = b.splice(move.from % b.length, move.len);
        b.splice(move.to % (b.length + 1), 0, ...piece);
      }
      return { lang, before: base.join(''), after: b.join('') };
    }),
);

describe('tokenize', () => {
  it('keeps every character, with offsets, in each script', () => {
    for (const [lang, words] of Object.entries(SCRIPTS)) {
      const text = words.join(' ') + '\n' + words.join('');
      const tokens = tokenize(text, lang);
      expect(tokens.map((t) => t.text).join('')).toBe(text);
      for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });

  it('gives words, whitespace and punctuation their own tokens', () => {
    expect(tokenize('Peace, now.', 'en').map((t) => [t.text, t.kind])).toEqual([
      ['Peace', 'word'], [',', 'punct'], [' ', 'space'], ['now', 'word'], ['.', 'punct'],
    ]);
  });

  it('keeps ZWNJ inside an Urdu word and finds Chinese words without spaces', () => {
    expect(tokenize('ذمہ\u200Cداری ہے', 'ur').filter((t) => t.kind === 'word').map((t) => t.text)).toEqual(['ذمہ\u200Cداری', 'ہے']);
    const zh = tokenize('停火协议生效', 'zh').filter((t) => t.kind === 'word').map((t) => t.text);
    expect(zh.length).toBeGreaterThan(1);
    expect(zh.join('')).toBe('停火协议生效');
  });

  it('cuts a long text into chunks without changing the tokens', () => {
    const line = Array.from({ length: 800 }, (_, i) => (i % 7 === 0 ? 'Parties, ' : 'agree ')).join('');
    const chunked = tokenize(line, 'en').map((t) => t.text);
    const whole = Array.from(new Intl.Segmenter('en', { granularity: 'word' }).segment(line), (s) => s.segment);
    expect(chunked).toEqual(whole);
  });
});

describe('redline: examples', () => {
  it('English: an insertion before the full stop', () => {
    expect(compact(redline('Ukraine will not join NATO.', 'Ukraine will not join NATO before 2030.', { lang: 'en' }))).toEqual([
      'equal:Ukraine will not join NATO', 'insert: before 2030', 'equal:.',
    ]);
  });

  it('a replaced phrase is one deletion and one insertion, not word-by-word noise', () => {
    expect(compact(redline('The red car is fast.', 'The blue bus is fast.'))).toEqual([
      'equal:The ', 'delete:red car', 'insert:blue bus', 'equal: is fast.',
    ]);
    expect(compact(redline('price: 10, 20, 30 euros', 'price: 11, 21, 31 euros'))).toEqual([
      'equal:price: ', 'delete:10, 20, 30', 'insert:11, 21, 31', 'equal: euros',
    ]);
  });

  it('a change does not split a hyphenated word', () => {
    expect(compact(redline('a well-known fact', 'a little-known fact'))).toEqual([
      'equal:a ', 'delete:well-known', 'insert:little-known', 'equal: fact',
    ]);
  });

  it('Urdu, with ZWNJ inside words', () => {
    const ops = redline('یہ ذمہ\u200Cداری فوج کی ہے۔', 'یہ ذمہ\u200Cداری حکومت کی ہے۔', { lang: 'ur' });
    expect(changed(ops, 'delete')).toEqual(['فوج']);
    expect(changed(ops, 'insert')).toEqual(['حکومت']);
  });

  it('Arabic with harakat: a vowel mark changes the whole word', () => {
    const ops = redline('وَقْفُ إطلاقِ النار', 'وَقْفَ إطلاقِ النار', { lang: 'ar' });
    expect(changed(ops, 'delete')).toEqual(['وَقْفُ']);
    expect(changed(ops, 'insert')).toEqual(['وَقْفَ']);
  });

  it('Russian and Ukrainian', () => {
    expect(changed(redline('Армия Украины: 600 тысяч.', 'Армия Украины: 800 тысяч.', { lang: 'ru' }), 'insert')).toEqual(['800']);
    const uk = redline('Збройні сили України — 600 тисяч.', 'Збройні сили України — 800 тисяч осіб.', { lang: 'uk' });
    expect(changed(uk, 'delete')).toEqual(['600']);
    expect(changed(uk, 'insert')).toEqual(['800', 'осіб']);
  });

  it('Chinese: the changed word, not the whole sentence', () => {
    const ops = redline('停火协议将在三十天内生效。', '停火协议将在六十天内生效。', { lang: 'zh' });
    expect(changed(ops, 'delete')).toEqual(['三十']);
    expect(changed(ops, 'insert')).toEqual(['六十']);
  });

  it('identical and empty texts', () => {
    expect(redline('', '')).toEqual([]);
    expect(compact(redline('same', 'same'))).toEqual(['equal:same']);
    expect(compact(redline('', 'new'))).toEqual(['insert:new']);
    expect(compact(redline('old', ''))).toEqual(['delete:old']);
  });
});

describe('redline: moves', () => {
  const first = 'First, the parties agree to a ceasefire within thirty days.';
  const second = 'Second, prisoners of war are exchanged all for all.';
  const third = 'Third, elections are held within one hundred days.';

  it('a sentence moved to the end is a move, not a deletion and an insertion', () => {
    const before = `${first} ${second} ${third}`;
    const after = `${second} ${third} ${first}`;
    const ops = redline(before, after, { lang: 'en' });
    expectConsistent(before, after, ops);
    const from = ops.filter((o) => o.op === 'move-from');
    const to = ops.filter((o) => o.op === 'move-to');
    expect(from).toHaveLength(1);
    expect(to).toHaveLength(1);
    expect(from[0]!.moveId).toBe(to[0]!.moveId);
    expect(ops.some((o) => (o.op === 'insert' || o.op === 'delete') && /\p{L}{3}/u.test(o.text))).toBe(false);
  });

  it('a moved passage with a small edit is still a move, its edit nested', () => {
    const before = `${first}\n${second}\n${third}\n`;
    const after = `${second}\n${third}\n${first.replace('thirty', 'sixty')}\n`;
    const ops = redline(before, after, { lang: 'en' });
    expectConsistent(before, after, ops);
    const to = ops.find((o) => o.op === 'move-to')!;
    expect(to.edits?.filter((e) => e.op === 'delete').map((e) => e.text)).toEqual(['thirty']);
    expect(to.edits?.filter((e) => e.op === 'insert').map((e) => e.text)).toEqual(['sixty']);
  });

  it('a short passage (fewer words than the minimum) is not a move', () => {
    const ops = redline('peace now. We agree on the rest of it all.', 'We agree on the rest of it all. peace now.', { lang: 'en' });
    expect(ops.some((o) => o.op === 'move-from')).toBe(false);
  });

  it('a replacement in place is never a move, and moves can be turned off', () => {
    expect(redline(first, first.replace('agree', 'consent'), { lang: 'en' }).some((o) => o.op === 'move-to')).toBe(false);
    const ops = redline(`${first} ${second}`, `${second} ${first}`, { moves: false });
    expect(ops.some((o) => o.op === 'move-from' || o.op === 'move-to')).toBe(false);
  });

  it('moves in Urdu and Russian', () => {
    const ur1 = 'فریقین تیس دن کے اندر جنگ بندی پر متفق ہیں۔';
    const ur2 = 'قیدیوں کا تبادلہ سب کے بدلے سب ہوگا۔';
    const ops = redline(`${ur1} ${ur2}`, `${ur2} ${ur1}`, { lang: 'ur' });
    expect(ops.filter((o) => o.op === 'move-to')).toHaveLength(1);
    const ru1 = 'Стороны договариваются о прекращении огня в течение тридцати дней.';
    const ru2 = 'Военнопленные обмениваются по принципу всех на всех.';
    expect(redline(`${ru1}\n${ru2}`, `${ru2}\n${ru1}`, { lang: 'ru' }).filter((o) => o.op === 'move-from')).toHaveLength(1);
  });
});

describe('redline: laws', () => {
  it('applying the redline to the old text gives the new one, and the old side gives the old one (random texts)', () => {
    fc.assert(
      fc.property(langArb.chain((lang) => fc.tuple(fc.constant(lang), fragments(lang), fragments(lang))), ([lang, a, b]) => {
        const before = a.join('');
        const after = b.join('');
        const ops = redline(before, after, { lang });
        expect(applyRedline(ops)).toBe(after);
        expect(oldText(ops)).toBe(before);
        expectConsistent(before, after, ops);
      }),
      { numRuns: 300 },
    );
  });

  it('the same law on revisions (edits and moved stretches), offsets consistent', () => {
    fc.assert(
      fc.property(revision, ({ lang, before, after }) => {
        const ops = redline(before, after, { lang, minMoveWords: 2 });
        expect(applyRedline(ops)).toBe(after);
        expect(oldText(ops)).toBe(before);
        expectConsistent(before, after, ops);
      }),
      { numRuns: 400 },
    );
  });

  it('the same law on long texts, through the chunk level', () => {
    fc.assert(
      fc.property(revision, fc.integer({ min: 60, max: 120 }), ({ lang, before, after }, times) => {
        const a = `${before}\n`.repeat(times) + before;
        const b = `${before}\n`.repeat(times >> 1) + after + `\n${before}`.repeat(times >> 1);
        const ops = redline(a, b, { lang });
        expect(applyRedline(ops)).toBe(b);
        expect(oldText(ops)).toBe(a);
        expectConsistent(a, b, ops);
      }),
      { numRuns: 25 },
    );
  });

  it('the same law on long texts with moved passages, whose second diff runs only around the moves', () => {
    // Numbered sentences, so that the long text is made of distinct passages a move can be found among.
    const long = (lang: keyof typeof SCRIPTS, parts: readonly string[][]) => parts.map((p, i) => `${i + 1}. ${p.join(' ')} ${SCRIPTS[lang][i % SCRIPTS[lang].length]}.`);
    fc.assert(
      fc.property(
        langArb.chain((lang) => fc.tuple(fc.constant(lang), fc.array(fc.array(fc.constantFrom(...SCRIPTS[lang]), { minLength: 6, maxLength: 12 }), { minLength: 40, maxLength: 80 }))),
        fc.nat(),
        fc.nat(),
        fc.array(fc.record({ at: fc.nat(), word: fc.nat() }), { maxLength: 5 }),
        ([lang, parts], from, to, edits) => {
          const old = long(lang, parts);
          const next = [...old];
          const [moved] = next.splice(from % next.length, 1);
          next.splice(to % (next.length + 1), 0, moved!);
          for (const e of edits) next[e.at % next.length] = `${next[e.at % next.length]!} ${SCRIPTS[lang][e.word % SCRIPTS[lang].length]!}`;
          const a = old.join('\n');
          const b = next.join('\n');
          const ops = redline(a, b, { lang });
          expect(applyRedline(ops)).toBe(b);
          expect(oldText(ops)).toBe(a);
          expectConsistent(a, b, ops);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('pieces whose hashes collide are still told apart (FNV-1a: "declinate" and "macallums")', () => {
    const pad = 'The parties agree to this text. '.repeat(80);
    const ops = redline(`${pad}declinate ${pad}`, `${pad}macallums ${pad}`);
    expect(ops.filter((o) => o.op !== 'equal').map((o) => `${o.op}:${o.text}`)).toEqual(['delete:declinate', 'insert:macallums']);
  });

  it('a change touches only what changed: equal texts give one equal op, and a prefix edit leaves the rest equal', () => {
    fc.assert(
      fc.property(revision, ({ lang, before }) => {
        const ops = redline(before, before, { lang });
        expect(ops.every((o) => o.op === 'equal')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('compareDocuments', () => {
  const oldPoints = [
    { number: '1', text: 'The ceasefire starts at once.' },
    { number: '2', text: 'Prisoners are exchanged all for all.' },
    { number: '3', text: 'Elections are held within one hundred days.' },
    { number: '4', text: 'Sanctions are lifted in stages.' },
  ];
  const newPoints = [
    { number: '1', text: 'The ceasefire starts at once.' },
    { number: '2', text: 'Elections are held within two hundred days.' },
    { number: '3', text: 'Sanctions are lifted in stages.' },
    { number: '4', text: 'A commission monitors the agreement.' },
  ];

  it('matches identical points by text whatever their number, and diffs the rest in pairs', () => {
    const cmp = compareDocuments(oldPoints, newPoints, { lang: 'en' });
    expect(cmp.stats).toEqual({ identical: 2, changed: 1, added: 1, removed: 1 });
    const sanctions = cmp.points.find((p) => p.old === 3)!;
    expect([sanctions.oldNumber, sanctions.newNumber, sanctions.identical]).toEqual(['4', '3', true]);
    const elections = cmp.points.find((p) => p.old === 2)!;
    expect(elections.new).toBe(1);
    expect(changed(elections.ops, 'insert')).toEqual(['two']);
    expect(cmp.points.map((p) => [p.old, p.new])).toEqual([[0, 0], [1, null], [2, 1], [3, 2], [null, 3]]);
    for (const p of cmp.points) {
      expect(applyRedline(p.ops)).toBe(p.new === null ? '' : newPoints[p.new]!.text);
      expect(oldText(p.ops)).toBe(p.old === null ? '' : oldPoints[p.old]!.text);
    }
  });

  it('takes the pairing of changed points from an aligner when given, and diffPointPairs takes ready pairs', () => {
    const cmp = compareDocuments(oldPoints, newPoints, { pair: (o, n) => [...o.map((i) => ({ old: i, new: null })), ...n.map((j) => ({ old: null, new: j }))] });
    expect(cmp.stats).toEqual({ identical: 2, changed: 0, added: 2, removed: 2 });
    const [p] = diffPointPairs(oldPoints, newPoints, [{ old: 1, new: 3 }]);
    expect(applyRedline(p!.ops)).toBe(newPoints[3]!.text);
  });
});
