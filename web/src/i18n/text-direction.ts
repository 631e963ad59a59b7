/**
 * Direction and language of user text. A page mixes scripts (an Urdu quote in an English
 * map), so each piece of text carries its own `lang` and `dir`, never the page's.
 */
const RTL_LANGS = new Set(['ar', 'ur', 'fa', 'he', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

export function dirOfLang(lang: string): 'rtl' | 'ltr' {
  return RTL_LANGS.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/**
 * The language to show from a Localized record: the UI language if the text has it, then
 * the drafting language, then English, then whatever there is.
 */
export function pickLanguage(texts: Record<string, string>, uiLang: string, drafting?: string): string | null {
  for (const l of [uiLang, drafting, 'en']) if (l && texts[l]?.trim()) return l;
  return Object.keys(texts).find((l) => texts[l]?.trim()) ?? null;
}
