// `npm run bench`: builds and starts both apps (SQLite, demo content) and prints, from one run, throughput and
// latency of the home and review pages, the uncached review render time, the review page's first-load JS, and the
// same review HTML served as a static file by nginx as the reference. Loopback only, bounded in time.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { log, root, run, waitFor } from './lib.mjs';
import { startStack } from './stack.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const REVIEW = 'miracle-in-cell-no-7-review';

const ensureNginx = () => {
  if (existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  if (process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    log("Installing Debian's nginx for the static reference...");
    run('apt-get', ['install', '-y', '-qq', 'nginx'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
    return '/usr/sbin/nginx';
  }
  return null;
};

const stack = await startStack({ cmsPort: Number(process.env.BENCH_CMS_PORT ?? 1339), webPort: Number(process.env.BENCH_WEB_PORT ?? 3002) });
const autocannon = createRequire(path.join(root, 'web', 'package.json'))('autocannon');
const load = (url) => autocannon({ url, connections: CONNECTIONS, duration: DURATION });
const rows = [];
let nginx;
let staticDir;

try {
  const reviewUrl = `${stack.webUrl}/reviews/${REVIEW}`;

  // Uncached renders: the first request for each review after start renders it from the CMS.
  const slugs = (await (await fetch(`${stack.cmsUrl}/api/reviews?pagination[pageSize]=50`)).json()).data.map((review) => review.slug);
  const cold = [];
  for (const slug of slugs) {
    const started = performance.now();
    const response = await fetch(`${stack.webUrl}/reviews/${slug}`);
    await response.text();
    cold.push(performance.now() - started);
  }
  const warmStarted = performance.now();
  const html = await (await fetch(reviewUrl)).text();
  const warm = performance.now() - warmStarted;
  cold.sort((a, b) => a - b);

  // First-load JS: every script the review page's HTML loads.
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]))];
  let raw = 0;
  let gzip = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, stack.webUrl))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }

  await fetch(stack.webUrl);
  for (const [name, url] of [['home', `${stack.webUrl}/`], ['review', reviewUrl]]) {
    const result = await load(url);
    rows.push({ name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx });
  }

  const nginxBin = ensureNginx();
  if (nginxBin) {
    staticDir = mkdtempSync(path.join(os.tmpdir(), 'marquee-nginx-'));
    // nginx's workers run as an unprivileged user: the folder and the page must be readable by anyone.
    chmodSync(staticDir, 0o755);
    writeFileSync(path.join(staticDir, 'review.html'), html, { mode: 0o644 });
    writeFileSync(
      path.join(staticDir, 'nginx.conf'),
      `daemon off; worker_processes 1; pid ${staticDir}/nginx.pid; error_log ${staticDir}/error.log;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:8089; root ${staticDir}; location / { default_type text/html; } } }`,
    );
    nginx = spawn(nginxBin, ['-c', path.join(staticDir, 'nginx.conf'), '-p', staticDir], { stdio: 'inherit' });
    await waitFor('http://127.0.0.1:8089/review.html', 10_000);
    const result = await load('http://127.0.0.1:8089/review.html');
    rows.push({ name: 'review as static file (nginx)', rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx });
  }

  const median = cold[Math.floor(cold.length / 2)] ?? 0;
  console.log(`\nMarquee benchmark: ${CONNECTIONS} connections, ${DURATION} s per page, loopback, one run on ${os.cpus().length} cores (load generator shares the CPU)`);
  console.log('page                              req/s     p50 ms   p99 ms   errors');
  for (const row of rows) {
    console.log(`${row.name.padEnd(32)} ${row.rps.toFixed(0).padStart(7)} ${String(row.p50).padStart(9)} ${String(row.p99).padStart(8)} ${String(row.errors).padStart(8)}`);
  }
  const review = rows.find((row) => row.name === 'review');
  const reference = rows.find((row) => row.name.startsWith('review as static'));
  if (review && reference) console.log(`review page throughput vs static nginx: ${((review.rps / reference.rps) * 100).toFixed(1)} %`);
  console.log(`uncached review render (first request after start, ${cold.length} reviews): median ${median.toFixed(0)} ms, max ${cold.at(-1)?.toFixed(0)} ms; cached: ${warm.toFixed(1)} ms`);
  console.log(`review page first-load JS: ${scripts.length} scripts, ${(raw / 1024).toFixed(1)} KiB raw, ${(gzip / 1024).toFixed(1)} KiB gzip`);
  console.log(`review page HTML: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KiB raw, ${(gzipSync(html).length / 1024).toFixed(1)} KiB gzip`);
} finally {
  nginx?.kill('SIGTERM');
  if (staticDir) rmSync(staticDir, { recursive: true, force: true });
  await stack.stop();
}
