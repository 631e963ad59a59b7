// Bundled fonts (no CDN): Noto Sans for Latin and Cyrillic, Noto Naskh Arabic for Arabic,
// Noto Nastaliq Urdu for Urdu. Each @font-face carries a unicode-range, so a browser only
// downloads the files for the scripts a page actually shows.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import '@fontsource/noto-nastaliq-urdu/400.css';
import '@fontsource/noto-nastaliq-urdu/700.css';
