// `npm test`: install what is missing and run every suite (type check, lint, cms API, web unit, proxy, browser), then
// one summary line. `npm test -- typecheck lint cms web proxy e2e` runs only the named suites. DATABASE_CLIENT=postgres
// puts the CMS on PostgreSQL.
// `npm test -- e2e:scaled` (not part of the default run) runs the browser suite through the caching proxy in front
// of two web replicas sharing Redis (scripts/scaled.mjs), the CMS on PostgreSQL unless DATABASE_CLIENT says otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureInstalled, findChromium, findJava, findNginx, log, quietEnv, root } from './lib.mjs';
import { startScaledStack } from './scaled.mjs';
import { startStack } from './stack.mjs';

const only = process.argv.slice(2);
const DEFAULT_SUITES = ['typecheck', 'lint', 'cms', 'web', 'proxy', 'e2e'];
const want = (name) => (only.length === 0 ? DEFAULT_SUITES.includes(name) : only.includes(name));
const database = process.env.DATABASE_CLIENT ?? 'sqlite';
const results = [];

const runSuite = (command, args, cwd, env = {}) =>
  spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...quietEnv, ...env } }).status;

/**
 * Runs `npm run <script>` in each app (the command lives in the app's package.json) with its output shown, and records
 * one test per app: 1 passed or 1 failed.
 */
const perApp = (name, script) => {
  for (const app of ['cms', 'web']) {
    log(`Running ${name} (${app}: npm run ${script})...`);
    const started = Date.now();
    const status = runSuite('npm', ['run', '--silent', script], path.join(root, app));
    log(`${name} (${app}): ${status === 0 ? 'passed' : 'failed'} in ${Math.round((Date.now() - started) / 1000)} s`);
    results.push({ name: `${name} (${app})`, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 });
  }
};

/** Runs one jest suite and records its counts from jest's JSON report. */
const jest = (name, app, env = {}) => {
  const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'marquee-report-')), 'report.json');
  log(`Running ${name}...`);
  const status = runSuite(
    'npx',
    ['jest', '--runInBand', '--json', `--outputFile=${report}`],
    path.join(root, app),
    env,
  );
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

/** Runs the Playwright suite in web/ with `env` (the addresses of a running stack) and records its counts. */
const playwright = (name, chrome, env) => {
  const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'marquee-report-')), 'playwright.json');
  log(`Running ${name}...`);
  // E2E_SPECS (space-separated spec paths or names) runs only those specs: a quicker loop while working on one page.
  const specs = (process.env.E2E_SPECS ?? '').split(/\s+/).filter(Boolean);
  const status = runSuite('npx', ['playwright', 'test', '--reporter=list,json', ...specs], path.join(root, 'web'), {
    CHROME_PATH: chrome,
    JAVA_PATH: findJava(),
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    ...env,
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
};

/** What every browser run needs to know about its stack. */
const stackEnv = (stack, baseUrl) => ({
  E2E_BASE_URL: baseUrl,
  E2E_CMS_URL: stack.cmsUrl,
  E2E_ADMIN_EMAIL: stack.admin.email,
  E2E_ADMIN_PASSWORD: stack.admin.password,
  E2E_PREVIEW_SECRET: stack.secrets.web.PREVIEW_SECRET,
  E2E_PROXY_SECRET: stack.secrets.web.TRUSTED_PROXY_SECRET ?? '',
});

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
  try {
    playwright(name, chrome, { ...stackEnv(stack, stack.webUrl), E2E_TOPOLOGY: 'single' });
  } finally {
    await stack.stop();
  }
};

/**
 * The same suite through the caching proxy (nginx) in front of two web replicas sharing Redis: E2E_BASE_URL is the
 * proxy, E2E_WEB_URLS the replicas (comma-separated), E2E_TOPOLOGY=scaled for the tests that need the topology.
 * Its own ports, so that it runs beside `npm run start:scaled` and the benchmark.
 */
const scaledBrowserTests = async () => {
  const chrome = findChromium();
  const scaledDatabase = process.env.DATABASE_CLIENT ?? 'postgres';
  const name = `browser tests through the proxy (Chromium, nginx, 2 web replicas, Redis, cms on ${scaledDatabase})`;
  let stack;
  try {
    stack = await startScaledStack({
      database: scaledDatabase,
      proxyPort: 8088,
      webPorts: [3103, 3104],
      cmsPort: 1340,
      testReaders: true,
    });
  } catch (error) {
    log(`Could not start the scaled stack for the browser tests: ${error.message}`);
    results.push({ name, passed: 0, failed: 1 });
    return;
  }
  try {
    playwright(name, chrome, {
      ...stackEnv(stack, stack.proxyUrl),
      E2E_WEB_URLS: stack.webUrls.join(','),
      // Each replica's process group leader (the web's standalone server): a test hangs a replica with kill(-pid).
      E2E_WEB_PIDS: stack.children.webs.map((child) => child.pid).join(','),
      E2E_TOPOLOGY: 'scaled',
    });
  } finally {
    await stack.stop();
  }
};

/** The caching proxy's rules (proxy/nginx.conf) in the real nginx, in front of stand-ins for the web (node:test). */
const proxyTests = () => {
  findNginx();
  const name = 'proxy tests (nginx)';
  const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'marquee-report-')), 'proxy.tap');
  log(`Running ${name}...`);
  const status = runSuite(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${report}`,
      'proxy/',
    ],
    root,
  );
  let passed = 0;
  let failed = 0;
  try {
    const tap = readFileSync(report, 'utf8');
    passed = Number(/^# pass (\d+)$/m.exec(tap)?.[1] ?? 0);
    failed = Number(/^# fail (\d+)$/m.exec(tap)?.[1] ?? 1) + Number(/^# cancelled (\d+)$/m.exec(tap)?.[1] ?? 0);
  } catch {
    failed = 1;
  }
  if (status !== 0 && failed === 0) failed = 1;
  results.push({ name, passed, failed });
};

if (want('typecheck') || want('lint')) {
  ensureInstalled('cms');
  ensureInstalled('web');
}
// tsc over each app with its tests (web: `next typegen` first, for the route types), then ESLint (flat config in each app).
if (want('typecheck')) perApp('type check', 'typecheck');
if (want('lint')) perApp('lint', 'lint');
if (want('cms')) {
  ensureInstalled('cms');
  jest(`cms API tests (${database})`, 'cms');
}
if (want('web')) {
  ensureInstalled('web');
  jest('web unit tests', 'web');
}
if (want('proxy')) proxyTests();
if (want('e2e')) await browserTests();
if (want('e2e:scaled')) await scaledBrowserTests();

console.log('\nSummary');
for (const { name, passed, failed } of results) console.log(`  ${name}: ${passed} passed, ${failed} failed`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
