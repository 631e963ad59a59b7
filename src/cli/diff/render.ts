/**
 * `parley diff` as a person reads it: Markdown with <del>/<ins> (safer than ~~ and ** around
 * text that may hold line breaks, asterisks or tildes), and one standalone HTML page with no
 * external resource, its `lang` and `dir` set on every text so Urdu or Arabic runs right to
 * left and is shaped with the right font.
 */
import type { AlignKind } from '../../domain/redline/align.ts';
import type { RedlineOp } from '../../domain/redline/index.ts';
import type { FileDiff, FilePair } from './file-diff.ts';

export interface DiffLabels {
  oldName: string;
  newName: string;
  lang: string;
}

/** Script direction from CLDR through Intl.Locale (a getter in Node 20, a method in later engines). */
export function directionOf(lang: string): 'rtl' | 'ltr' {
  try {
    const locale = new Intl.Locale(lang) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    const info = typeof locale.getTextInfo === 'function' ? locale.getTextInfo() : locale.textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/**
 * The operations as marked-up text. A moved passage shows where it left (struck through)
 * and where it arrived (underlined), both with the class "moved" and a shared title, so it
 * reads as one move and not as an unrelated deletion and insertion.
 */
function marked(ops: readonly RedlineOp[], escape: (text: string) => string): string {
  return ops
    .map((op) => {
      const text = escape(op.text);
      switch (op.op) {
        case 'insert':
          return `<ins>${text}</ins>`;
        case 'delete':
          return `<del>${text}</del>`;
        case 'move-from':
          return `<del class="moved" title="moved (${op.moveId ?? ''})">${text}</del>`;
        case 'move-to':
          return `<ins class="moved" title="moved (${op.moveId ?? ''})">${text}</ins>`;
        default:
          return text;
      }
    })
    .join('');
}

function heading(p: FilePair): string {
  const from = p.old ?? '—';
  const to = p.new ?? '—';
  const sim = p.kind === 'added' || p.kind === 'removed' ? '' : `, similarity ${p.similarity.toFixed(2)}`;
  return `${from} → ${to} (${p.kind}${sim})`;
}

const SUMMARY_ORDER: AlignKind[] = ['unchanged', 'renumbered', 'changed', 'merged', 'split', 'added', 'removed'];

function summary(diff: FileDiff): string {
  const s = diff.stats;
  const kinds = SUMMARY_ORDER.filter((k) => s.pairs[k] > 0).map((k) => `${k} ${s.pairs[k]}`).join(', ');
  return `${s.oldPoints} points → ${s.newPoints} points: ${kinds}. Words inserted ${s.words.inserted}, deleted ${s.words.deleted}, moved ${s.words.moved}.`;
}

export function renderMarkdown(diff: FileDiff, labels: DiffLabels): string {
  const out: string[] = [`# ${labels.oldName} → ${labels.newName}`, '', summary(diff), ''];
  for (const p of diff.pairs) {
    out.push(`## ${heading(p)}`, '');
    // Markdown would read "<" as the start of a tag and "\" as an escape.
    out.push(marked(p.ops, (t) => escapeHtml(t).replace(/\\/gu, '\\\\').replace(/\n/gu, '<br>\n')), '');
  }
  return out.join('\n');
}

export function renderHtml(diff: FileDiff, labels: DiffLabels): string {
  const lang = labels.lang;
  const dir = directionOf(lang);
  const rows = diff.pairs
    .map((p) => {
      const body = marked(p.ops, escapeHtml);
      return `<section class="pair ${p.kind}">\n<h2 lang="en" dir="ltr">${escapeHtml(heading(p))}</h2>\n<p lang="${escapeHtml(lang)}" dir="${dir}">${body}</p>\n</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${labels.oldName} → ${labels.newName}`)}</title>
<style>
body { font-family: system-ui, "Noto Sans", "Noto Naskh Arabic", "Noto Nastaliq Urdu", sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h2 { font-size: 0.9rem; color: #555; margin: 1.5rem 0 0.25rem; font-weight: 600; }
p { white-space: pre-wrap; line-height: 1.8; margin: 0; }
p:lang(ur) { line-height: 2.4; }
ins { background: #dcf5dc; color: #0b4f0b; text-decoration: underline; }
del { background: #fbdada; color: #7a1010; text-decoration: line-through; }
ins.moved, del.moved { background: #e3e3fb; color: #23236e; }
.added p { border-inline-start: 3px solid #2e8b2e; padding-inline-start: 0.5rem; }
.removed p { border-inline-start: 3px solid #b22222; padding-inline-start: 0.5rem; }
</style>
</head>
<body>
<h1 dir="auto">${escapeHtml(`${labels.oldName} → ${labels.newName}`)}</h1>
<p lang="en" dir="ltr">${escapeHtml(summary(diff))}</p>
${rows}
</body>
</html>
`;
}
