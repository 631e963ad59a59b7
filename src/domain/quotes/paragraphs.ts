/**
 * The text as paragraphs, and the way back from a paragraph index to (line, code point).
 *
 * Wire copy comes either one paragraph a line (the seed, most pasted text and what the HTML
 * reader produces) or hard-wrapped with blank lines between paragraphs (e-mail, plain-text
 * archives). A quotation left open at a paragraph's end means something (it continues in
 * the next paragraph), so mistaking wrapped lines for paragraphs would invent open quotes:
 * the text counts as wrapped when blank lines separate blocks and most lines inside blocks
 * end mid-sentence.
 */

export interface Paragraph {
  /** 0-based position among the paragraphs. */
  readonly index: number;
  readonly text: string;
  /** UTF-16 offset of the paragraph in the whole text. */
  readonly offset: number;
}

export interface Layout {
  readonly paragraphs: readonly Paragraph[];
  /** (line 1-based, column in code points) of a UTF-16 offset in the whole text. */
  position(offset: number): { line: number; column: number };
}

// Urdu and Arabic close quotations with ‘‘ as often as with ’’, and RTL keyboards type « for ».
const SENTENCE_END = /[.!?…。！？۔؟»«"”’‘'“)\]]\s*$/u;

function isWrapped(lines: readonly string[]): boolean {
  let blank = 0;
  let inner = 0;
  let innerOpen = 0;
  let lastText = lines.length - 1;
  while (lastText >= 0 && lines[lastText]!.trim() === '') lastText--;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      // Only a blank line between two blocks separates paragraphs; a final newline does not.
      if (i > 0 && lines[i - 1]!.trim() !== '' && i < lastText) blank++;
      continue;
    }
    const next = lines[i + 1];
    if (next !== undefined && next.trim() !== '') {
      inner++;
      if (!SENTENCE_END.test(line)) innerOpen++;
    }
  }
  return blank >= 1 && inner >= 2 && innerOpen / inner >= 0.6;
}

export function layoutText(text: string): Layout {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let at = 0;
  for (const line of lines) {
    lineStarts.push(at);
    at += line.length + 1;
  }
  const paragraphs: Paragraph[] = [];
  const push = (from: number, to: number): void => {
    const start = lineStarts[from]!;
    const end = lineStarts[to]! + lines[to]!.length;
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body !== '') paragraphs.push({ index: paragraphs.length, text: body, offset: start + lead });
  };
  if (isWrapped(lines)) {
    let from = -1;
    lines.forEach((line, i) => {
      if (line.trim() === '') {
        if (from >= 0) push(from, i - 1);
        from = -1;
      } else if (from < 0) from = i;
    });
    if (from >= 0) push(from, lines.length - 1);
  } else {
    lines.forEach((_, i) => push(i, i));
  }
  return {
    paragraphs,
    position(offset) {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      const column = Array.from(text.slice(lineStarts[lo], offset)).length;
      return { line: lo + 1, column };
    },
  };
}
