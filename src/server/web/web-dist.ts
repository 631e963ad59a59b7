import { fileURLToPath } from 'node:url';

/** Where `vite build` writes the web app (npm run build:web), and where the server reads it. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
