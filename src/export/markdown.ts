/**
 * A redline as Markdown: deletions as ~~strike-through~~ and insertions as <ins>…</ins>
 * (which GitHub, GitLab and most viewers underline), so it reads as a redline rendered and
 * stays legible as plain text. Each changed point is followed by who changed it and when.
 * Characters Markdown would read as markup are escaped, so a text cannot forge a change.
 */
import type { RedlineDocument } from './redline.ts';

const MOVED: Record<string, string> = { en: 'moved', ur: 'منتقل', ar: 'نُقل', fa: 'جابه‌جا', ru: 'перемещён', uk: 'переміщено', zh: '已移动' };

/** Backslash-escapes Markdown's inline markup and neutralises HTML. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_~[\]#|]/gu, (c) => `\\${c}`).replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** Markup wraps a run without its edge spaces (`~~ x~~` is not strike-through in CommonMark). */
function wrap(text: string, open: string, close: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/u.exec(text)!;
  return m[2] === '' ? text : `${m[1]}${open}${m[2]}${close}${m[3]}`;
}

function inline(text: string, op: 'equal' | 'insert' | 'delete'): string {
  // Inside a list item, a line break continues the item when indented.
  const body = escapeMarkdown(text).replace(/\n/gu, '\n   ');
  return op === 'insert' ? wrap(body, '<ins>', '</ins>') : op === 'delete' ? wrap(body, '~~', '~~') : body;
}

export function redlineMarkdown(doc: RedlineDocument): string {
  const lines = [`# ${escapeMarkdown(doc.title)}`, '', `## ${escapeMarkdown(doc.a.label)} → ${escapeMarkdown(doc.b.label)}`, ''];
  let section: string | null = null;
  for (const row of doc.rows) {
    if (row.sectionId !== section) {
      section = row.sectionId;
      const t = section ? doc.sectionTitles.get(section) : undefined;
      if (t) lines.push(`### ${escapeMarkdown(t)}`, '');
    }
    const n = (x: string | null) => escapeMarkdown(x ?? '');
    const num = row.oldNumber !== null && row.newNumber !== null && row.oldNumber !== row.newNumber
      ? `~~${n(row.oldNumber)}~~ <ins>${n(row.newNumber)}</ins>`
      : row.status === 'added' ? `<ins>${n(row.newNumber)}</ins>`
      : row.status === 'removed' ? `~~${n(row.oldNumber)}~~`
      : n(row.newNumber ?? row.oldNumber);
    // A number followed by "\." is not a Markdown list marker: numbers stay the document's own.
    const text = row.parts.map((p) => inline(p.text, p.op)).join('');
    const moved = row.moved ? ` _(${MOVED[doc.lang.split('-')[0]!] ?? MOVED.en!})_` : '';
    lines.push(`${num}\\. ${text}${moved}`);
    if (row.by) lines.push(`   <sub>${escapeMarkdown(row.by.author)} · ${row.by.date.slice(0, 10)}</sub>`);
    lines.push('');
  }
  return lines.join('\n');
}
