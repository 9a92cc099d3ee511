// `npm test`: install what is missing and run every suite (cms API, web unit, browser), then one summary line.
// `npm test -- cms web e2e` runs only the named suites. DATABASE_CLIENT=postgres puts the CMS on PostgreSQL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureInstalled, findChromium, log, quietEnv, root } from './lib.mjs';
import { startStack } from './stack.mjs';

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
const database = process.env.DATABASE_CLIENT ?? 'sqlite';
const results = [];

const runSuite = (command, args, cwd, env = {}) =>
  spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...quietEnv, ...env } }).status;

/** Runs one jest suite and records its counts from jest's JSON report. */
const jest = (name, app, env = {}) => {
  const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'marquee-report-')), 'report.json');
  log(`Running ${name}...`);
  const status = runSuite('npx', ['jest', '--runInBand', '--json', `--outputFile=${report}`], path.join(root, app), env);
  let passed = 0;
  let failed = 0;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests + json.numRuntimeErrorTestSuites;
  } catch {
    failed = 1;
  }
  if (status !== 0 && failed === 0) failed = 1;
  results.push({ name, passed, failed });
};

/** The reader's whole path in Chromium, against a production build of the web and the CMS on its own database. */
const browserTests = async () => {
  const chrome = findChromium();
  const name = `browser tests (Chromium, cms on ${database})`;
  let stack;
  try {
    stack = await startStack({ database });
  } catch (error) {
    log(`Could not start the stack for the browser tests: ${error.message}`);
    results.push({ name, passed: 0, failed: 1 });
    return;
  }
  const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'marquee-report-')), 'playwright.json');
  log(`Running ${name}...`);
  try {
    const status = runSuite('npx', ['playwright', 'test', '--reporter=list,json'], path.join(root, 'web'), {
      CHROME_PATH: chrome,
      E2E_BASE_URL: stack.webUrl,
      E2E_CMS_URL: stack.cmsUrl,
      E2E_ADMIN_EMAIL: stack.admin.email,
      E2E_ADMIN_PASSWORD: stack.admin.password,
      E2E_PREVIEW_SECRET: stack.secrets.web.PREVIEW_SECRET,
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    });
    let passed = 0;
    let failed = 0;
    try {
      const { stats } = JSON.parse(readFileSync(report, 'utf8'));
      passed = stats.expected + stats.flaky;
      failed = stats.unexpected + stats.skipped;
    } catch {
      failed = 1;
    }
    if (status !== 0 && failed === 0) failed = 1;
    results.push({ name, passed, failed });
  } finally {
    await stack.stop();
  }
};

if (want('cms')) {
  ensureInstalled('cms');
  jest(`cms API tests (${database})`, 'cms');
}
if (want('web')) {
  ensureInstalled('web');
  jest('web unit tests', 'web');
}
if (want('e2e')) await browserTests();

console.log('\nSummary');
for (const { name, passed, failed } of results) console.log(`  ${name}: ${passed} passed, ${failed} failed`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
