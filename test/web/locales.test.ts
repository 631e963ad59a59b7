/**
 * The UI's strings: English and Urdu are complete (the same keys in every namespace, no empty
 * value), the other languages only use keys English has (a typo would silently fall back),
 * interpolation placeholders are ones English has, and every `t('ns:key')` in the code exists in English.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../web/src/', import.meta.url).pathname;
const localesDir = join(root, 'i18n/locales');
type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const load = (lang: string, ns: string): Map<string, string> => {
  try {
    return flatten(JSON.parse(readFileSync(join(localesDir, lang, `${ns}.json`), 'utf8')) as Tree);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw e;
  }
};
const namespaces = readdirSync(join(localesDir, 'en')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
// i18next plural suffixes: a key "x_one" in English may be "x_one/x_few/x_many/x_other" elsewhere.
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.tsx?$/.test(d.name) && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : []);
}

describe('UI strings', () => {
  it('has namespaces', () => {
    expect(namespaces).toContain('common');
  });

  for (const ns of namespaces) {
    it(`${ns}: Urdu has every English string and nothing else`, () => {
      const en = load('en', ns);
      const ur = load('ur', ns);
      const enBase = new Set([...en.keys()].map(base));
      const urBase = new Set([...ur.keys()].map(base));
      expect([...enBase].filter((k) => !urBase.has(k)), 'missing in Urdu').toEqual([]);
      expect([...urBase].filter((k) => !enBase.has(k)), 'unknown keys in Urdu').toEqual([]);
      for (const [k, v] of ur) expect(v.trim(), `ur ${ns}:${k} is empty`).not.toBe('');
    });

    it(`${ns}: other languages use only English keys, with the same placeholders`, () => {
      // Plural forms may differ ("one point" / "{{count}} points"): a translation may use
      // any placeholder some English form of that key has, and no other.
      const enPlaceholders = new Map<string, Set<string>>();
      for (const [k, v] of load('en', ns)) {
        const set = enPlaceholders.get(base(k)) ?? new Set<string>(['count']);
        for (const p of placeholders(v)) set.add(p!);
        enPlaceholders.set(base(k), set);
      }
      for (const lang of ['ur', 'ar', 'ru', 'uk']) {
        for (const [k, v] of load(lang, ns)) {
          const allowed = enPlaceholders.get(base(k));
          expect(allowed, `${lang} ${ns}:${k} is not an English key`).toBeDefined();
          expect(placeholders(v).filter((p) => !allowed!.has(p!)), `${lang} ${ns}:${k} has placeholders English does not`).toEqual([]);
          // A plain (non-plural) string must keep every value English shows.
          const english = load('en', ns).get(k);
          if (english !== undefined && base(k) === k) expect(placeholders(v), `${lang} ${ns}:${k} drops a placeholder`).toEqual(placeholders(english));
        }
      }
    });
  }

  it('every literal t("ns:key") in the code exists in English', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-z]+):([A-Za-z0-9_.]+)'/g)) {
        const [, ns, key] = m as unknown as [string, string, string];
        const en = load('en', ns);
        if (!en.has(key) && ![...en.keys()].some((k) => base(k) === key)) missing.push(`${ns}:${key} (${file.replace(root, '')})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
