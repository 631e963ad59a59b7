/**
 * Site chrome that comes along when an agreement is copied from a news page: ad labels,
 * share buttons, "read more" teasers, navigation and copyright lines. None of it belongs to
 * the agreement, and left in place it would be glued into whichever point it interrupts.
 */
import { countWords, endsWithTerminal } from './text-shape.ts';

/** Whole lines that are chrome in the languages Parley meets, compared after `fold`. */
const KNOWN_LINES: ReadonlySet<string> = new Set([
  // English
  'advertisement', 'advertisements', 'ad', 'sponsored', 'sponsored content', 'share', 'share this',
  'share this article', 'share this story', 'share on facebook', 'share on twitter', 'share on x', 'tweet',
  'email', 'print', 'read more', 'read also', 'also read', 'see also', 'related', 'related articles',
  'related stories', 'related news', 'related content', 'more on this story', 'recommended', 'most read',
  'most popular', 'trending', 'trending now', 'subscribe', 'subscribe now', 'sign up', 'sign in', 'log in',
  'sign up for our newsletter', 'newsletter', 'follow us', 'skip to content', 'skip to main content', 'menu',
  'home', 'search', 'close', 'comments', 'leave a comment', 'accept cookies', 'accept all cookies',
  'back to top', 'top stories', 'copy link', 'link copied', 'story continues below advertisement',
  'article continues below advertisement', 'article continues below', 'continue reading',
  'scroll to continue with content', 'loading', 'watch', 'listen', 'listen to this article', 'latest news',
  // Russian, Ukrainian
  'реклама', 'читайте также', 'читать также', 'поделиться', 'подписывайтесь', 'подпишитесь', 'главная',
  'комментарии', 'смотрите также', 'популярное', 'по теме', 'другие новости', 'новости партнеров',
  'читайте також', 'поділитися', 'підписуйтесь', 'підписуйтеся', 'головна', 'коментарі', 'дивіться також',
  'по темі', 'новини партнерів',
  // Urdu, Arabic, Persian
  'اشتہار', 'اشتہارات', 'مزید پڑھیں', 'یہ بھی پڑھیں', 'شیئر کریں', 'متعلقہ خبریں', 'إعلان', 'اعلان',
  'اقرأ أيضا', 'اقرأ أيضاً', 'اقرأ ايضا', 'اقرأ المزيد', 'شارك', 'مشاركة', 'شاهد أيضا', 'مواضيع ذات صلة',
  'أخبار ذات صلة', 'اخبار ذات صلة', 'تبلیغات', 'بیشتر بخوانید', 'بخوانید', 'اشتراک گذاری',
  // Bosnian, Croatian, Serbian
  'oglas', 'reklama', 'pročitajte i', 'pročitajte još', 'podijeli', 'podeli', 'povezane vijesti', 'povezano',
  'vezane vijesti', 'najčitanije', 'komentari', 'pratite nas', 'оглас', 'прочитајте још', 'подели',
  // French, Spanish, German
  'publicité', 'lire aussi', 'à lire aussi', 'partager', 'abonnez-vous', 'lire la suite', 'publicidad', 'anuncio',
  'lee también', 'leer más', 'compartir', 'suscríbete', 'te puede interesar', 'anzeige', 'werbung',
  'lesen sie auch', 'teilen',
  // Chinese
  '广告', '相关阅读', '分享', '阅读更多', '相关新闻', '延伸阅读',
]);

/**
 * Single common words that are chrome when they stand alone, but can also be the last word
 * of a sentence wrapped onto its own line ("…the parties will\nshare"); they are dropped
 * only when the line before ends a sentence or is blank.
 */
const WEAK_LINES: ReadonlySet<string> = new Set([
  'ad', 'share', 'tweet', 'email', 'print', 'related', 'recommended', 'trending', 'subscribe', 'newsletter',
  'menu', 'home', 'search', 'close', 'comments', 'loading', 'watch', 'listen', 'sponsored', 'поделиться',
  'главная', 'комментарии', 'поділитися', 'головна', 'коментарі', 'شارك', 'مشاركة', 'podijeli', 'podeli',
  'povezano', 'komentari', 'подели', 'partager', 'compartir', 'anuncio', 'teilen', 'anzeige', '分享',
]);

/** Line openings that announce a teaser or credit line rather than text of the agreement. */
const KNOWN_PREFIXES: readonly string[] = [
  'read more:', 'read also:', 'also read:', 'see also:', 'related:', 'follow us on', 'photo:', 'image:',
  'getty images', 'читайте также:', 'по теме:', 'фото:', 'читайте також:', 'по темі:', 'اقرأ أيضا:',
  'اقرأ أيضاً:', 'مزید پڑھیں:', 'یہ بھی پڑھیں:', 'pročitajte i:', 'pročitajte još:', 'foto:', 'lire aussi :',
  'lire aussi:', 'lee también:', '©', 'copyright', '(c) ',
];

/** Fragments that mark a copyright or cookie banner wherever they appear in a short line. */
const KNOWN_FRAGMENTS: readonly string[] = [
  'all rights reserved', 'все права защищены', 'всі права захищені', 'جميع الحقوق محفوظة', 'جملہ حقوق محفوظ',
  'sva prava zadržana', 'sva prava pridržana', 'tous droits réservés', 'todos los derechos reservados',
  'this website uses cookies', 'we use cookies', 'uses cookies to',
];

function fold(line: string): string {
  return line
    .toLowerCase()
    .replace(/[\s\u00A0]+/gu, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .trim();
}

const URL_ONLY = /^(?:<)?https?:\/\/\S+(?:>)?$/u;
/** Breadcrumbs and menus: three or more short labels between separators, "Home | World | Europe". */
const NAVIGATION = /^[^.!?;:؟۔]{1,40}(?:\s[|›»>/•·]\s[^.!?;:؟۔]{1,40}){2,}$/u;

/** `standalone`: the line before is blank or ends a sentence, so the line cannot be the tail of a wrapped sentence. */
export function isKnownBoilerplate(line: string, standalone = true): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (URL_ONLY.test(t) || NAVIGATION.test(t)) return true;
  const folded = fold(t);
  if (folded === '') return false;
  if (KNOWN_LINES.has(folded)) return standalone || !WEAK_LINES.has(folded);
  const lower = t.toLowerCase();
  const marked = KNOWN_PREFIXES.some((p) => lower.startsWith(p)) || KNOWN_FRAGMENTS.some((f) => lower.includes(f));
  // A long line that merely mentions "copyright" is text, not a banner.
  return marked && countWords(t, 30) < 30;
}

/**
 * Lines to drop, by index. A line repeated three or more times is chrome when `isContent`
 * says it is not a point, sub-item or heading: agreements do not repeat a whole line of
 * prose, while page templates repeat "Advertisement" after every few paragraphs. Twice is
 * not enough on its own — a section title can legitimately appear in a table of contents
 * and again in the body — so a line seen twice is dropped only if it is a known phrase.
 */
export function boilerplateLines(lines: readonly string[], isContent: (line: string) => boolean): Set<number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = fold(line);
    if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const drop = new Set<number>();
  let previous = '';
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      previous = '';
      return;
    }
    const standalone = previous === '' || endsWithTerminal(previous);
    if (isKnownBoilerplate(line, standalone)) {
      drop.add(i);
      return;
    }
    previous = line;
    const repeated = (counts.get(fold(line)) ?? 0) >= 3;
    if (repeated && line.length <= 160 && !isContent(line)) drop.add(i);
  });
  return drop;
}
