/**
 * Headlines attribute without marks: "Peskov: Russia is ready to talk", "Ушаков: работа
 * продолжится", "پیسکوف: روس بات چیت کے لیے تیار ہے". Such a line gives a speaker and
 * what they said (reported: the words are the editor's). Only short lines without a final
 * full stop count, and the label must not be a caption's ("Photo:", "Source:", "سوال:").
 */
import { fold } from './fold.ts';
import { CUES, LABELS } from './lexicon.ts';
import type { QuoteSpan } from './marks.ts';

const HEAD = /^([^:：.!?۔؟\n]{2,48})[:：]\s*(\S.*)$/u;

export function headlineQuote(par: string, paragraphIndex: number): QuoteSpan | null {
  if (par.length > 200 || /[.۔。]$/u.test(par) && paragraphIndex > 2) return null;
  const m = HEAD.exec(par);
  if (m === null) return null;
  const label = m[1]!.trim();
  const words = label.split(/\s+/u);
  if (words.length > 4 || /\d/u.test(label)) return null;
  if (words.some((w) => LABELS.has(fold(w)))) return null;
  const folded = words.map(fold);
  if (CUES.some((c) => c.words.length === 1 && folded.some((w) => w === c.words[0]))) return null;
  // In scripts with capitals, a name is capitalized.
  if (/^[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(label) && !words.every((w) => /^\p{Lu}/u.test(w))) return null;
  const contentStart = par.length - m[2]!.length;
  return { open: contentStart, openMark: '', close: par.length, closeMark: '', contentStart, contentEnd: par.replace(/\s+$/u, '').length };
}
