#!/usr/bin/env node
// Builds the web app (web/dist) when it is missing or older than its sources, so
// `npm start` on a fresh clone serves the app and a restart does not rebuild for nothing.
// `--force` always builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'web/dist/index.html');
const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/protocol', 'src/domain', 'package-lock.json'];

function newest(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const s = statSync(full);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((f) => newest(join(path, f))));
}

const force = process.argv.includes('--force');
if (!force && existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest))) {
  console.log('web app is up to date (web/dist)');
  process.exit(0);
}
console.log('building the web app (vite) …');
const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  console.error('parley: the web app did not build; see the errors above.');
  process.exit(r.status ?? 1);
}
console.log('web app built (web/dist)');
