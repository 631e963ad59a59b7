/**
 * i18next with one JSON file per page area and language (locales/<lang>/<ns>.json), so
 * each area's strings live next to each other. English and Urdu are complete; Russian,
 * Ukrainian and Arabic fall back to English for a string they lack. The root element gets
 * `lang` and `dir`, so the whole layout mirrors in Urdu and Arabic (the CSS uses logical
 * properties only); user text sets its own direction where it is shown (LocalizedText).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const UI_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'ur', name: 'اردو' },
  { code: 'ar', name: 'العربية' },
  { code: 'ru', name: 'Русский' },
  { code: 'uk', name: 'Українська' },
] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number]['code'];

const STORAGE_KEY = 'parley.lang';

// Vite gathers every locale file at build time; nothing is fetched at run time.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, mod] of Object.entries(files)) {
  const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!m) continue;
  const [, lang, ns] = m as unknown as [string, string, string];
  (resources[lang] ??= {})[ns] = mod.default;
}
export const NAMESPACES = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];

function initialLanguage(): UiLanguage {
  const saved = localStorage.getItem(STORAGE_KEY);
  const wanted = saved ?? navigator.language;
  const base = wanted.split('-')[0] ?? 'en';
  return (UI_LANGUAGES.find((l) => l.code === base)?.code ?? 'en');
}

export function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
  document.documentElement.dir = i18n.dir(lng);
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', (lng) => {
  localStorage.setItem(STORAGE_KEY, lng);
  applyDocumentLanguage(lng);
});

export default i18n;
