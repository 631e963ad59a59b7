/** Durations, times and language names in the UI language, through Intl only. */

/** "5 hours", "1 hour, 30 minutes" — Intl's own unit words, so Urdu and Russian plurals are right. */
export function formatDuration(minutes: number, lang: string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const unit = (unit: 'hour' | 'minute', n: number) => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
  const parts = [h > 0 ? unit('hour', h) : null, m > 0 || h === 0 ? unit('minute', m) : null].filter((p): p is string => p !== null);
  return new Intl.ListFormat(lang, { style: 'narrow', type: 'unit' }).format(parts);
}

/** A clock time in this browser's zone, with the zone named so nobody guesses. */
export function formatTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(d);
}

/** A calendar day (yyyy-mm-dd, no time zone of its own) as the UI language writes it. */
export function formatDay(day: string, lang: string, style: 'long' | 'medium' = 'medium'): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(lang, style === 'long' ? { dateStyle: 'full', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** "Urdu" / "اردو" for "ur"; the code itself where Intl has no name. */
export function languageName(code: string, uiLang: string): string {
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Languages offered for user text: the negotiation's first, then the UI's own. */
export function languageChoices(negotiationLanguages: readonly string[]): string[] {
  return [...new Set([...negotiationLanguages, 'en', 'ur', 'ar', 'ru', 'uk'])];
}
