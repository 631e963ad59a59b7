/**
 * The fonts a printed version needs, embedded in its HTML as data URLs: the PDF must shape
 * Urdu in Nastaliq and Arabic in Naskh whatever fonts the server has (without them Chromium
 * falls back to system fonts, or to boxes). The files come from the @fontsource packages the
 * project already ships, read once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

interface Face { family: string; pkg: string; file: string; script?: RegExp }

/**
 * Each subset file as a family of its own: the CSS font stack then picks, per glyph, the face
 * that has it. A face for a script is embedded only when the text uses that script: parsing
 * the Nastaliq face alone costs Chromium a noticeable part of a print.
 */
const FACES: Face[] = [
  { family: 'Parley Sans', pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-400-normal.woff2' },
  { family: 'Parley Sans Ext', pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-ext-400-normal.woff2', script: /[\u0100-\u024F\u1E00-\u1EFF]/u },
  { family: 'Parley Sans Cyrillic', pkg: '@fontsource/noto-sans', file: 'noto-sans-cyrillic-400-normal.woff2', script: /\p{Script=Cyrillic}/u },
  { family: 'Parley Sans Cyrillic Ext', pkg: '@fontsource/noto-sans', file: 'noto-sans-cyrillic-ext-400-normal.woff2', script: /\p{Script=Cyrillic}/u },
  { family: 'Parley Nastaliq', pkg: '@fontsource/noto-nastaliq-urdu', file: 'noto-nastaliq-urdu-arabic-400-normal.woff2', script: /\p{Script=Arabic}/u },
  { family: 'Parley Naskh', pkg: '@fontsource/noto-naskh-arabic', file: 'noto-naskh-arabic-arabic-400-normal.woff2', script: /\p{Script=Arabic}/u },
];

const rules = new Map<string, string>();

function rule(f: Face): string {
  let r = rules.get(f.family);
  if (r === undefined) {
    const dir = join(dirname(require.resolve(`${f.pkg}/package.json`)), 'files');
    const data = readFileSync(join(dir, f.file)).toString('base64');
    r = `@font-face{font-family:'${f.family}';font-style:normal;font-weight:400;font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');}`;
    rules.set(f.family, r);
  }
  return r;
}

/** @font-face rules, as data URLs, for the bundled faces the text needs. */
export function embeddedFontFaces(text: string): string {
  return FACES.filter((f) => !f.script || f.script.test(text)).map(rule).join('\n');
}

const LATIN_STACK = "'Parley Sans', 'Parley Sans Ext', 'Parley Sans Cyrillic', 'Parley Sans Cyrillic Ext'";

/** The font stack for a language: its script's face first, the Latin and Cyrillic faces for numbers and names. */
export function fontStack(lang: string): string {
  const base = lang.split('-')[0]!.toLowerCase();
  if (base === 'ur' || base === 'sd' || base === 'ks') return `'Parley Nastaliq', ${LATIN_STACK}, 'Parley Naskh', serif`;
  if (base === 'ar' || base === 'fa' || base === 'ps' || base === 'ckb' || base === 'ug') return `'Parley Naskh', ${LATIN_STACK}, serif`;
  return `${LATIN_STACK}, 'Parley Naskh', sans-serif`;
}
