/**
 * Deciding which rendering of a passage a leak shows. The leak's characters between two
 * anchor words are compared with the master's characters between the same words, rendered
 * once per combination of the forms of the slots in between. Three tests, each used only
 * when the one before matches nothing:
 *
 * 1. exact, character for character (a pasted copy: format marks decide here);
 * 2. light: NFC, Markdown backslash escapes dropped, whitespace runs (a no-break space too)
 *    as one space. This keeps every wording difference and erases space/no-break space;
 * 3. edit distance on the light texts, read only with a decisive margin: an editor's change
 *    near a slot moves the leak away from both renderings alike, while a straightened quote
 *    or a half-kept mark leaves it (nearly) as far from one as from the other. A margin alone
 *    is not enough: an editor who rewrites "٢٠٢٥" as "2022" leaves the leak one edit from
 *    "2025" and four from "٢٠٢٥". So the form read must also appear in the leak's text as it
 *    is, and the other form must not.
 *
 * A slot is read when every rendering that passes agrees on its form; two renderings that
 * differ only in that slot and both pass (a no-break space under the light test) leave it
 * unread.
 */

/** Edit distance must beat the other form by this many edits … */
const MARGIN = 2;
/** … and be at most this share of the rendering's length. */
const CLOSE = 0.15;
/** Longer spans are not compared by edit distance (quadratic): they stay unread. */
const MAX_EDIT_SPAN = 600;

export function lightText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\\([!-/:-@[-`{-~])/gu, '$1')
    .replace(/\s+/gu, ' ');
}

/** Levenshtein distance over UTF-16 units, two rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Which form each slot shows, given the leak's text, the slots' forms and the master's
 * rendering for every combination (bit k of the index = form of slot k). null where undecided.
 */
export function decideForms(leak: string, renderings: readonly string[], forms: readonly (readonly [string, string])[]): (0 | 1 | null)[] {
  const count = forms.length;
  const exact = renderings.map((r) => r === leak);
  if (exact.some(Boolean)) return agreed(exact, count);
  const lightLeak = lightText(leak);
  const light = renderings.map(lightText);
  const lightOk = light.map((r) => r === lightLeak);
  if (lightOk.some(Boolean)) return agreed(lightOk, count);
  return byDistance(lightLeak, light, forms);
}

function agreed(ok: readonly boolean[], count: number): (0 | 1 | null)[] {
  const out: (0 | 1 | null)[] = [];
  for (let k = 0; k < count; k++) {
    let seen0 = false;
    let seen1 = false;
    ok.forEach((o, c) => {
      if (!o) return;
      if ((c >> k) & 1) seen1 = true;
      else seen0 = true;
    });
    out.push(seen0 === seen1 ? null : seen1 ? 1 : 0);
  }
  return out;
}

function byDistance(leak: string, renderings: readonly string[], forms: readonly (readonly [string, string])[]): (0 | 1 | null)[] {
  const count = forms.length;
  const none = Array.from({ length: count }, () => null);
  if (leak.length > MAX_EDIT_SPAN || renderings.some((r) => r.length > MAX_EDIT_SPAN)) return none;
  const d = renderings.map((r) => editDistance(leak, r));
  const best = Math.min(...d);
  const bestAt = d.indexOf(best);
  if (best > CLOSE * renderings[bestAt]!.length) return none;
  const out: (0 | 1 | null)[] = [];
  for (let k = 0; k < count; k++) {
    const bit = (bestAt >> k) & 1;
    // Every rendering with the other form of slot k must be decisively further.
    const rival = Math.min(...d.filter((_, c) => ((c >> k) & 1) !== bit));
    const mine = lightText(bit ? forms[k]![1] : forms[k]![0]);
    const other = lightText(bit ? forms[k]![0] : forms[k]![1]);
    const shown = (mine === '' || leak.includes(mine)) && (other === '' || !leak.includes(other));
    out.push(shown && rival >= best + MARGIN ? (bit as 0 | 1) : null);
  }
  return out;
}
