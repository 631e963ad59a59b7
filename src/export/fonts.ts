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

interface Face { family: string; pkg: string; file: string }

/** Each subset file as a family of its own: the CSS font stack then picks, per glyph, the face that has it. */
const FACES: Face[] = [
  { family: 'Parley Sans', pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-400-normal.woff2' },
  { family: 'Parley Sans Ext', pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-ext-400-normal.woff2' },
  { family: 'Parley Sans Cyrillic', pkg: '@fontsource/noto-sans', file: 'noto-sans-cyrillic-400-normal.woff2' },
  { family: 'Parley Sans Cyrillic Ext', pkg: '@fontsource/noto-sans', file: 'noto-sans-cyrillic-ext-400-normal.woff2' },
  { family: 'Parley Nastaliq', pkg: '@fontsource/noto-nastaliq-urdu', file: 'noto-nastaliq-urdu-arabic-400-normal.woff2' },
  { family: 'Parley Naskh', pkg: '@fontsource/noto-naskh-arabic', file: 'noto-naskh-arabic-arabic-400-normal.woff2' },
];

let css: string | null = null;

/** @font-face rules for every bundled face, as data URLs. */
export function embeddedFontFaces(): string {
  css ??= FACES.map((f) => {
    const dir = join(dirname(require.resolve(`${f.pkg}/package.json`)), 'files');
    const data = readFileSync(join(dir, f.file)).toString('base64');
    return `@font-face{font-family:'${f.family}';font-style:normal;font-weight:400;font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');}`;
  }).join('\n');
  return css;
}

const LATIN_STACK = "'Parley Sans', 'Parley Sans Ext', 'Parley Sans Cyrillic', 'Parley Sans Cyrillic Ext'";

/** The font stack for a language: its script's face first, the Latin and Cyrillic faces for numbers and names. */
export function fontStack(lang: string): string {
  const base = lang.split('-')[0]!.toLowerCase();
  if (base === 'ur' || base === 'sd' || base === 'ks') return `'Parley Nastaliq', ${LATIN_STACK}, 'Parley Naskh', serif`;
  if (base === 'ar' || base === 'fa' || base === 'ps' || base === 'ckb' || base === 'ug') return `'Parley Naskh', ${LATIN_STACK}, serif`;
  return `${LATIN_STACK}, 'Parley Naskh', sans-serif`;
}
