/**
 * A version or a redline as one self-contained HTML page (fonts embedded, no scripts, no
 * requests): what Chromium prints to PDF. Insertions are underlined and deletions struck
 * through, as lawyers read a redline on paper, with `<ins>`/`<del>` so the meaning survives
 * without the colours; each changed point says who made the change and when.
 */
import { embeddedFontFaces, fontStack } from './fonts.ts';
import type { RedlineDocument, VersionDocument } from './redline.ts';

const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
/** Text with its line breaks (sub-items of a point) kept. */
const para = (s: string) => esc(s).replace(/\n/gu, '<br>');

const MOVED: Record<string, string> = { en: 'moved', ur: 'منتقل', ar: 'نُقل', fa: 'جابه‌جا', ru: 'перемещён', uk: 'переміщено', zh: '已移动' };

function page(title: string, lang: string, dir: string, body: string): string {
  const nastaliq = lang.split('-')[0] === 'ur';
  return `<!doctype html>
<html lang="${esc(lang)}" dir="${dir}">
<head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
${embeddedFontFaces(title + body)}
@page { size: A4; margin: 20mm 18mm; }
body { font-family: ${fontStack(lang)}; font-size: 11pt; line-height: ${nastaliq ? 2.3 : 1.5}; color: #111; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 14pt 0 6pt; } h3 { font-size: 12pt; margin: 12pt 0 4pt; }
.meta { color: #555; font-size: 9pt; } .meta bdi { font-family: ${fontStack('en')}; }
.point { display: flex; gap: 0.6em; margin: 0 0 8pt; break-inside: avoid; }
.num { min-width: 2.2em; flex: none; font-variant-numeric: tabular-nums; }
ins { text-decoration: underline; text-decoration-thickness: 1.5px; color: #0b5d1e; background: #e7f5ea; }
del { text-decoration: line-through; color: #9b1c1c; background: #fbeaea; }
.by { display: block; color: #555; font-size: 8.5pt; }
.moved { font-size: 8.5pt; border: 1px solid #999; border-radius: 3px; padding: 0 3px; margin-inline-start: 0.4em; }
</style></head>
<body>
${body}
</body></html>`;
}

function sectionHeading(id: string | null, titles: Map<string, string>): string {
  const t = id ? titles.get(id) : undefined;
  return t ? `<h3>${esc(t)}</h3>\n` : '';
}

export function versionHtml(doc: VersionDocument): string {
  let body = `<h1>${esc(doc.title)}</h1>\n<h2>${esc(doc.version.label)}</h2>\n<p class="meta"><bdi>SHA-256 ${doc.version.contentHash}</bdi></p>\n`;
  let section: string | null = null;
  for (const p of doc.points) {
    if (p.sectionId !== section) {
      section = p.sectionId;
      body += sectionHeading(section, doc.sectionTitles);
    }
    body += p.number ? `<div class="point"><span class="num">${esc(p.number)}.</span><span>${para(p.text)}</span></div>\n` : `<p>${para(p.text)}</p>\n`;
  }
  return page(`${doc.title} — ${doc.version.label}`, doc.lang, doc.dir, body);
}

export function redlineHtml(doc: RedlineDocument): string {
  const day = (iso: string) => iso.slice(0, 10);
  let body = `<h1>${esc(doc.title)}</h1>\n<h2>${esc(doc.a.label)} → ${esc(doc.b.label)}</h2>\n`;
  let section: string | null = null;
  for (const row of doc.rows) {
    if (row.sectionId !== section) {
      section = row.sectionId;
      body += sectionHeading(section, doc.sectionTitles);
    }
    const num = row.oldNumber !== null && row.newNumber !== null && row.oldNumber !== row.newNumber
      ? `<del>${esc(row.oldNumber)}</del> <ins>${esc(row.newNumber)}</ins>`
      : row.status === 'added' ? `<ins>${esc(row.newNumber ?? '')}</ins>`
      : row.status === 'removed' ? `<del>${esc(row.oldNumber ?? '')}</del>`
      : esc(row.newNumber ?? row.oldNumber ?? '');
    const text = row.parts.map((p) => (p.op === 'insert' ? `<ins>${para(p.text)}</ins>` : p.op === 'delete' ? `<del>${para(p.text)}</del>` : para(p.text))).join('');
    const moved = row.moved ? `<span class="moved">${esc(MOVED[doc.lang.split('-')[0]!] ?? MOVED.en!)}</span>` : '';
    const by = row.by ? `<span class="by">${esc(row.by.author)} · <bdi>${day(row.by.date)}</bdi></span>` : '';
    body += `<div class="point"><span class="num">${num}.</span><span>${text}${moved}${by}</span></div>\n`;
  }
  return page(`${doc.title} — ${doc.a.label} → ${doc.b.label}`, doc.lang, doc.dir, body);
}
