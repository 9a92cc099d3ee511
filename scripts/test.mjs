// `npm test`: install what is missing and run every suite, then print one summary line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureInstalled, log, quietEnv, root } from './lib.mjs';

const only = process.argv.slice(2);
const results = [];

/** Runs one jest suite and records its counts from jest's JSON report. */
const jest = (name, app, args = [], env = {}) => {
  const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'marquee-report-')), 'report.json');
  log(`Running ${name}...`);
  const result = spawnSync('npx', ['jest', '--runInBand', '--json', `--outputFile=${report}`, ...args], {
    cwd: path.join(root, app),
    stdio: 'inherit',
    env: { ...process.env, ...quietEnv, ...env },
  });
  let passed = 0;
  let failed = 0;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests + json.numRuntimeErrorTestSuites;
  } catch {
    failed = 1;
  }
  if (result.status !== 0 && failed === 0) failed = 1;
  results.push({ name, passed, failed });
};

const want = (name) => only.length === 0 || only.includes(name);

ensureInstalled('cms');
if (want('cms')) jest(`cms API tests (${process.env.DATABASE_CLIENT ?? 'sqlite'})`, 'cms');

console.log('\nSummary');
for (const { name, passed, failed } of results) console.log(`  ${name}: ${passed} passed, ${failed} failed`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
