// The web app's build. Output goes to web/dist, which `parley serve` serves; nothing is
// fetched from a CDN at run time: fonts and scripts are all bundled from npm.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    // `npm run dev:web` proxies the API to a running `parley serve` on :3000.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', ws: true } },
  },
});
