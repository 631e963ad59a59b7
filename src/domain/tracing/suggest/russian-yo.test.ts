import { describe, expect, it } from 'vitest';
import { yoVariants } from './russian-yo.ts';

const pairs = (text: string) => yoVariants(text, 'ru').map((s) => [s.original, s.alternative]);

describe('ё written as е', () => {
  it('offers е for ё, one word per slot', () => {
    const text = 'Стороны ещё не согласовали её текст и учтённые поправки.';
    expect(pairs(text)).toEqual([['ещё', 'еще'], ['её', 'ее'], ['учтённые', 'учтенные']]);
    for (const s of yoVariants(text, 'ru')) expect(text.slice(s.start, s.end)).toBe(s.original);
  });

  it('never offers a word whose е-spelling is another word', () => {
    expect(pairs('Всё это обсуждалось, и всё же стороны не договорились.')).toEqual([]);
    expect(pairs('Мы признаём границы и узнаём о нарушениях.')).toEqual([]);
    expect(pairs('Совершённое деяние и совершённый акт.')).toEqual([]);
    expect(pairs('нёбо, осёл, мёл, лён, падёж, берёг, вёдро, передохнём, сёла, озёра, звёзды')).toEqual([]);
  });

  it('skips names: capitalised inside a sentence, in capitals, or surname-shaped at the start', () => {
    expect(pairs('Заявление сделал Ковалёв, а затем Семёнова.')).toEqual([]);
    expect(pairs('Ковалёв сделал заявление.')).toEqual([]);
    expect(pairs('Пётр Фёдоров выступил.')).toEqual([]);
    expect(pairs('ЗАЯВЛЕНИЕ УЧТЁННОЕ.')).toEqual([]);
    // A capitalised ordinary word at a sentence's start is offered.
    expect(pairs('Её позиция ясна. Ещё один раунд.')).toEqual([['Её', 'Ее'], ['Ещё', 'Еще']]);
  });

  it('never writes ё for е, and offers nothing outside Russian', () => {
    expect(pairs('Все стороны еще обсуждают ее текст.')).toEqual([]);
    expect(yoVariants('Стороны ещё не согласовали.', 'uk')).toEqual([]);
    expect(yoVariants('Стороны ещё не согласовали.', 'be')).toEqual([]);
  });
});
