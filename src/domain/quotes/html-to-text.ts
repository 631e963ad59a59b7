/**
 * An HTML news page as plain text, one block a line, without what is not the article: the
 * page's navigation, menus, headers and footers, scripts, styles, forms, asides (related
 * links, share buttons, cookie banners). htmlparser2 does the parsing (it is forgiving with
 * real-world markup and decodes entities); this file only decides what to keep.
 */
import { parseDocument } from 'htmlparser2';

/** Minimal shape of htmlparser2's DOM nodes, so this file does not depend on domhandler's types. */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const DROP_TAGS = new Set(['script', 'style', 'noscript', 'nav', 'footer', 'aside', 'form', 'button', 'select', 'svg', 'iframe', 'template', 'menu', 'dialog', 'head', 'figure-menu', 'input', 'textarea', 'canvas', 'video', 'audio', 'object']);
const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'tr', 'table', 'figcaption', 'figure', 'dd', 'dt', 'dl', 'pre', 'address', 'body', 'html', 'hr', 'td', 'th']);
const DROP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search', 'dialog', 'alert']);
/** Class or id words that mark page furniture on news sites. */
const FURNITURE = /(^|[\s_-])(nav|navbar|menu|footer|header|masthead|breadcrumbs?|share|sharing|social|related|recommended|newsletter|subscribe|subscription|cookie|consent|banner|advert|ads?|promo|sidebar|comments?|tags|byline-share|skip|paywall|popup|modal)($|[\s_-])/iu;

function isFurniture(node: DomNode, inArticle: boolean): boolean {
  const name = node.name ?? '';
  if (DROP_TAGS.has(name)) return true;
  // The site's header is furniture; an article's own header holds its headline.
  if (name === 'header' && !inArticle) return true;
  const a = node.attribs ?? {};
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  if (a.role !== undefined && DROP_ROLES.has(a.role)) return true;
  return FURNITURE.test(`${a.class ?? ''} ${a.id ?? ''}`);
}

export function htmlToText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true }) as unknown as DomNode;
  const out: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/[ \t\f\r\n\u00A0]+/gu, ' ').trim();
    if (line !== '') out.push(line);
    current = '';
  };
  const walk = (node: DomNode, inArticle = false): void => {
    if (node.type === 'text') {
      current += node.data ?? '';
      return;
    }
    if (node.type === 'comment' || node.type === 'directive') return;
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      if (isFurniture(node, inArticle)) return;
      const name = node.name ?? '';
      const inside = inArticle || name === 'article' || name === 'main';
      if (name === 'br') {
        flush();
        return;
      }
      const block = BLOCK_TAGS.has(name);
      if (block) flush();
      for (const child of node.children ?? []) walk(child, inside);
      if (block) flush();
      return;
    }
    for (const child of node.children ?? []) walk(child, inArticle);
  };
  walk(doc);
  flush();
  return dropMenuLines(out).join('\n');
}

/**
 * Lists of short links left outside <nav> (a menu built from divs) read as runs of one- or
 * two-word lines; an article's paragraphs do not.
 */
function dropMenuLines(lines: readonly string[]): string[] {
  const short = (l: string): boolean => l.length <= 24 && !/[.!?۔。:؟]$/u.test(l) && l.split(/\s+/u).length <= 3;
  const keep = lines.map(() => true);
  let i = 0;
  while (i < lines.length) {
    if (!short(lines[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && short(lines[j]!)) j++;
    if (j - i >= 3) for (let k = i; k < j; k++) keep[k] = false;
    i = j;
  }
  return lines.filter((_, k) => keep[k]);
}

/** A text that is an HTML document rather than prose that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|article|p|div)[\s>]/u.test(head) && /<\/(p|div|body|article)>/u.test(text);
}
