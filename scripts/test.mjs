#!/usr/bin/env node
// The whole test suite: lint, typecheck, then every vitest suite. It finds out which
// optional backends this machine has (a PostgreSQL server), says plainly what it skipped
// and why, and ends with the line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test';
const requirePg = process.env.PARLEY_REQUIRE_PG === '1' || Boolean(process.env.DATABASE_URL);
const pgUrl = process.env.DATABASE_URL || DEFAULT_PG;
const skipped = [];
let passed = 0;
let failed = 0;

async function probePostgres(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const r = await client.query('SELECT rolcreatedb OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user');
    if (!r.rows[0]?.ok) return 'its user may not create databases (tests need one each)';
    return null;
  } catch (e) {
    return e.message;
  } finally {
    await client.end().catch(() => {});
  }
}

function step(name, cmd, args, env = {}) {
  console.log(`\n── ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

const env = {};
const pgProblem = await probePostgres(pgUrl);
const shownUrl = pgUrl.replace(/:[^:@/]*@/, ':***@');
if (pgProblem === null) {
  env.PARLEY_TEST_PG_URL = pgUrl;
} else if (requirePg) {
  console.error(`PostgreSQL is required for this run (DATABASE_URL or PARLEY_REQUIRE_PG is set) but ${shownUrl} cannot be used: ${pgProblem}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
} else {
  skipped.push(`PostgreSQL storage suites: no usable server at ${shownUrl} (${pgProblem}); set DATABASE_URL to run them`);
}
// Local DATABASE_URL must not leak into tests: each test opens the database it is given.
env.DATABASE_URL = '';

// Browser suites drive Debian's Chromium (never a downloaded one) against the built web app.
const requireChromium = process.env.PARLEY_REQUIRE_CHROMIUM === '1';
const chromiumPath = process.env.PARLEY_CHROMIUM_PATH || '/usr/bin/chromium';
let buildWeb = false;
if (existsSync(chromiumPath)) {
  env.PARLEY_TEST_CHROMIUM = chromiumPath;
  buildWeb = true;
} else if (requireChromium) {
  console.error(`Chromium is required for this run (PARLEY_REQUIRE_CHROMIUM=1) but ${chromiumPath} does not exist: install Debian's package "chromium" (apt-get install chromium fonts-noto-core).`);
  console.log('0 passed, 1 failed');
  process.exit(1);
} else {
  skipped.push(`browser suites (test/browser: sign-in, agreement map, live, versions, rounds, Urdu/RTL, axe, screenshots; PDF export in test/export and test/api/exports): no Chromium at ${chromiumPath}; apt-get install chromium fonts-noto-core, or set PARLEY_CHROMIUM_PATH`);
}

if (!existsSync('/usr/bin/pdftotext') && !requireChromium) {
  skipped.push('PDF text check (test/export/pdf.test.ts): no pdftotext; apt-get install poppler-utils');
}

// The .docx tracked-changes proof opens the export in LibreOffice (Debian's headless writer).
const requireLibreOffice = process.env.PARLEY_REQUIRE_LIBREOFFICE === '1';
const sofficePath = process.env.PARLEY_SOFFICE_PATH || '/usr/bin/soffice';
if (existsSync(sofficePath)) {
  env.PARLEY_TEST_SOFFICE = sofficePath;
} else if (requireLibreOffice) {
  console.error(`LibreOffice is required for this run (PARLEY_REQUIRE_LIBREOFFICE=1) but ${sofficePath} does not exist: install Debian's package "libreoffice-writer-nogui".`);
  console.log('0 passed, 1 failed');
  process.exit(1);
} else {
  skipped.push(`LibreOffice round trip of the .docx redline (test/export/docx.test.ts): no soffice at ${sofficePath}; apt-get install libreoffice-writer-nogui, or set PARLEY_SOFFICE_PATH`);
}

for (const [name, cmd, args] of [
  ['lint', 'npx', ['eslint', '.']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ...(buildWeb ? [['build the web app', 'node', ['scripts/build-web.mjs']]] : []),
]) {
  if (step(name, cmd, args)) passed++;
  else { failed++; console.log(`✗ ${name} failed`); }
}

const out = mkdtempSync(join(tmpdir(), 'parley-test-'));
const report = join(out, 'vitest.json');
const extra = process.argv.slice(2);
step('tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], env);
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  // A file that failed to load has no failed test of its own: count it once, so a broken
  // import cannot hide, without counting a file twice for a test that failed in it.
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length;
  failed += r.numFailedTests + brokenFiles;
  if (r.numTotalTests === 0) { failed++; console.log('✗ vitest ran no tests'); }
} catch {
  failed++;
  console.log('✗ vitest did not produce a report (it crashed before the end)');
}
rmSync(out, { recursive: true, force: true });

console.log('\n── summary');
console.log(`backends: PGlite${env.PARLEY_TEST_PG_URL ? ` and PostgreSQL (${shownUrl})` : ' only'}`);
for (const s of skipped) console.log(`skipped: ${s}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
