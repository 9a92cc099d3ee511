// Lighthouse for `npm run bench`: Lighthouse 13's default config (mobile: a Moto G Power's screen, simulated slow 4G
// and a 4x CPU slowdown), headless Debian Chromium, each page measured RUNS times (after one warm-up run that is not
// counted), rounds interleaved so a busy moment of the machine falls on every page alike; medians per figure.
// Lighthouse lives in scripts/bench/lighthouse/ with its own lockfile, installed on the bench's first run: CI's
// installs of cms/ and web/ stay as they are (CI does not run the bench).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureInstalled, exited, findChromium, hashTree, log, root, start, stop, waitFor } from '../lib.mjs';

const LIGHTHOUSE_DIR = path.join(root, 'scripts', 'bench', 'lighthouse');
const REFERENCE_SOURCE = path.join(root, 'scripts', 'bench', 'next-reference');

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Builds scripts/bench/next-reference in place with web's own next, react and react-dom (its node_modules is a link
 * to web's, git-ignored) and starts `next start` on `port`. The build is kept while its source and web's lockfile
 * are unchanged.
 */
export const startNextReference = async ({ port }) => {
  const webModules = path.join(root, 'web', 'node_modules');
  const dir = REFERENCE_SOURCE;
  const hash = hashTree(dir, ['app', 'next.config.mjs']) + hashTree(path.join(root, 'web'), ['package-lock.json']);
  const stamp = path.join(dir, '.next', '.marquee-build');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
    rmSync(path.join(dir, 'node_modules'), { force: true });
    symlinkSync(webModules, path.join(dir, 'node_modules'));
    log('Building the one-page Next reference (scripts/bench/next-reference)...');
    const build = spawnSync(path.join(webModules, '.bin', 'next'), ['build'], {
      cwd: dir,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0)
      throw new Error(`next build of the reference failed (exit ${build.status ?? build.signal})`);
    writeFileSync(stamp, hash);
  }
  const child = start(
    'next-reference',
    path.join(webModules, '.bin', 'next'),
    ['start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: dir,
      env: { NODE_ENV: 'production' },
      keep: (line) => !/^\s*$|▲|Local:|Network:|Ready in|Starting/.test(line),
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  await waitFor(url, 60_000, child);
  return {
    url,
    stop: async () => {
      stop(child);
      await exited(child);
    },
  };
};

/** The LCP element as Lighthouse 13's insights name it (a CSS selector), or ''. */
const lcpNode = (lhr) => {
  for (const id of ['lcp-breakdown-insight', 'lcp-discovery-insight']) {
    const node = lhr.audits[id]?.details?.items?.find((item) => item.type === 'node');
    if (node) return node.selector || node.snippet || '';
  }
  return '';
};

/** One Lighthouse run (its CLI, which launches its own headless Chromium): the figures the bench reports. */
const lighthouseOnce = (url, { chromium, onChild }) =>
  new Promise((resolve, reject) => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'marquee-lighthouse-'));
    const report = path.join(out, 'report.json');
    const child = spawn(
      process.execPath,
      [
        path.join(LIGHTHOUSE_DIR, 'node_modules', 'lighthouse', 'cli', 'index.js'),
        url,
        '--quiet',
        '--output=json',
        `--output-path=${report}`,
        // --no-sandbox: the bench may run as root (CI containers), where Chromium refuses its sandbox.
        '--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage',
      ],
      { env: { ...process.env, CHROME_PATH: chromium }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    onChild?.(child);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code, signal) => {
      try {
        if (code !== 0)
          throw new Error(
            `lighthouse ${url} exited with ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' ')}`,
          );
        const lhr = JSON.parse(readFileSync(report, 'utf8'));
        if (process.env.BENCH_LIGHTHOUSE_REPORTS) {
          mkdirSync(process.env.BENCH_LIGHTHOUSE_REPORTS, { recursive: true });
          cpSync(
            report,
            path.join(
              process.env.BENCH_LIGHTHOUSE_REPORTS,
              `${new URL(url).pathname.replace(/\W+/g, '_')}-${new URL(url).port}-${Date.now()}.json`,
            ),
          );
        }
        if (lhr.runtimeError)
          throw new Error(`lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const audit = (id) => lhr.audits[id]?.numericValue;
        const score = (id) => (lhr.categories[id]?.score == null ? NaN : Math.round(lhr.categories[id].score * 100));
        resolve({
          version: lhr.lighthouseVersion,
          userAgent: lhr.environment?.hostUserAgent ?? '',
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          fcp: audit('first-contentful-paint'),
          lcp: audit('largest-contentful-paint'),
          tbt: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
          si: audit('speed-index'),
          lcpElement: lcpNode(lhr),
          lcpParts: Object.fromEntries(
            (
              lhr.audits['lcp-breakdown-insight']?.details?.items?.find((item) => item.type === 'table')?.items ?? []
            ).map((part) => [part.subpart, part.duration]),
          ),
          warnings: lhr.runWarnings ?? [],
        });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });

/**
 * `targets`: [{ name, url }]. Per target: one warm-up run (fills the proxy's and Next's caches and the image
 * variants), then `runs` measured runs, one round over all targets at a time. Returns each target with its runs and
 * the medians.
 */
export const runLighthouse = async (targets, { runs = 3, onChild, before } = {}) => {
  ensureInstalled('scripts/bench/lighthouse');
  const chromium = findChromium();
  for (const target of targets) {
    await before?.(target);
    log(`Lighthouse warm-up (not counted): ${target.url}`);
    await lighthouseOnce(target.url, { chromium, onChild });
    target.runs = [];
  }
  for (let round = 1; round <= runs; round += 1) {
    for (const target of targets) {
      await before?.(target);
      log(
        `Lighthouse ${round}/${runs}: ${target.name} ${target.url} (load average ${os
          .loadavg()
          .map((v) => v.toFixed(2))
          .join(' ')})`,
      );
      target.runs.push(await lighthouseOnce(target.url, { chromium, onChild }));
    }
  }
  for (const target of targets) {
    target.median = Object.fromEntries(
      ['performance', 'accessibility', 'bestPractices', 'seo', 'fcp', 'lcp', 'tbt', 'cls', 'si'].map((key) => [
        key,
        median(target.runs.map((run) => run[key])),
      ]),
    );
  }
  return targets;
};

/** The Lighthouse table and its goal lines, as report lines. */
export const lighthouseReport = (targets, { reference, pages }) => {
  const s = (msValue) => `${(msValue / 1000).toFixed(2)} s`;
  const line = (...cells) =>
    cells.map((cell, i) => (i === 0 ? String(cell).padEnd(30) : String(cell).padStart(i === 1 ? 14 : 9))).join(' ');
  const first = targets[0].runs[0];
  const lines = [
    '',
    `Lighthouse ${first.version}, default config (mobile, simulated throttling), headless ${first.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'};`,
    `median of ${targets[0].runs.length} runs per page (each after a warm-up run), rounds interleaved; performance of each run in brackets.`,
    line('page', 'performance', 'LCP', 'TBT', 'CLS', 'FCP', 'SI', 'a11y', 'best pr.', 'SEO'),
    ...targets.map((t) =>
      line(
        t.name,
        `${t.median.performance} (${t.runs.map((r) => r.performance).join(', ')})`,
        s(t.median.lcp),
        `${Math.round(t.median.tbt)} ms`,
        t.median.cls.toFixed(3),
        s(t.median.fcp),
        s(t.median.si),
        t.median.accessibility,
        t.median.bestPractices,
        t.median.seo,
      ),
    ),
    ...targets.map((t) => {
      const run = t.runs.at(-1);
      const parts = Object.entries(run.lcpParts)
        .map(([part, value]) => `${part} ${Math.round(value)} ms`)
        .join(', ');
      return `  LCP element, ${t.name} (last run): ${run.lcpElement.slice(0, 90) || '-'}${parts ? ` (${parts})` : ''}`;
    }),
  ];
  const warnings = [...new Set(targets.flatMap((t) => t.runs.flatMap((r) => r.warnings)))];
  if (warnings.length) lines.push(...warnings.map((w) => `  Lighthouse warned: ${w}`));
  const ref = targets.find((t) => t.name === reference);
  lines.push('', 'Lighthouse goals (medians)');
  for (const t of targets.filter((target) => pages.includes(target.name))) {
    const m = t.median;
    const checks = [
      [`performance >= 95`, m.performance >= 95, m.performance],
      [
        `within 3 of the reference (${ref?.median.performance})`,
        ref ? m.performance >= ref.median.performance - 3 : false,
        m.performance,
      ],
      ['LCP <= 2.0 s', m.lcp <= 2000, s(m.lcp)],
      ['TBT <= 200 ms', m.tbt <= 200, `${Math.round(m.tbt)} ms`],
      ['CLS <= 0.05', m.cls <= 0.05, m.cls.toFixed(3)],
      [
        'accessibility, best practices, SEO 100',
        m.accessibility === 100 && m.bestPractices === 100 && m.seo === 100,
        `${m.accessibility}/${m.bestPractices}/${m.seo}`,
      ],
    ];
    for (const [what, ok, value] of checks) lines.push(`  ${t.name}: ${what}: ${value}: ${ok ? 'met' : 'NOT met'}`);
  }
  return lines;
};
