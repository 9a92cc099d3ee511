// `npm run bench`: starts the scaled topology (scripts/scaled.mjs: nginx caching proxy, two web replicas sharing
// Redis, the CMS on PostgreSQL) and prints, from one run, for the home and review pages: req/s, p50 and p99 of the
// same HTML served by nginx as a static file (the reference), of the proxy, of Next directly from its cache, and of
// Next's first render after a change; each one's ratio to static; the proxy's hit ratio; publish-to-visible through
// the proxy; first-load JS and HTML sizes. Loopback only, bounded in time (about 3-4 minutes after the builds).
//
// Load comes from Debian's `wrk -t1` (a native generator; a Node one is the bottleneck on two cores). wrk sends no
// Accept-Encoding, so every target answers with the same identity bytes; the static nginx has the proxy's gzip
// settings anyway. The load generator shares the CPU with the servers (and, on a shared machine, with whatever
// else runs: the load average is printed before every run): compare the ratios of one run, not absolute numbers.
//
// Last, Lighthouse (scripts/bench/lighthouse.mjs): the home and review pages through the proxy beside a one-page
// Next.js app the bench builds itself (scripts/bench/next-reference), median of 3 runs each, nothing else running.
// `npm run bench -- --lighthouse-only` starts the same stack and prints only the Lighthouse table.
//
// Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_WARMUP_SECONDS (2), BENCH_SAMPLES (20: uncached
// renders and published changes), BENCH_REVIEW (a review slug), BENCH_PROXY_PORT (8090), BENCH_WEB_PORTS
// (3111,3112), BENCH_CMS_PORT (1349), BENCH_STATIC_PORT (8091), BENCH_REFERENCE_PORT (8092: the Next reference),
// BENCH_LIGHTHOUSE_RUNS (3), BENCH_LIGHTHOUSE_REPORTS (a folder: keeps each Lighthouse run's JSON report), CHROME_PATH
// (/usr/bin/chromium), DATABASE_CLIENT (postgres).
import { createHmac, randomBytes } from 'node:crypto';
import os from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { adminHeaders, closeConnections, get, getJson, getOk, notifyChange, percentile, sleep } from './bench/http.mjs';
import { lighthouseReport, runLighthouse, startNextReference } from './bench/lighthouse.mjs';
import { startStaticNginx } from './bench/static-nginx.mjs';
import { commitMeasured, int, loadAverage, onInterrupt, pass, pct } from './bench/report.mjs';
import { findWrk, runWrk } from './bench/wrk.mjs';
import { log, portFree } from './lib.mjs';
import { startScaledStack } from './scaled.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const REVIEW = process.env.BENCH_REVIEW ?? 'miracle-in-cell-no-7-review';
const PROXY_PORT = Number(process.env.BENCH_PROXY_PORT ?? 8090);
const WEB_PORTS = (process.env.BENCH_WEB_PORTS ?? '3111,3112').split(',').map(Number);
const CMS_PORT = Number(process.env.BENCH_CMS_PORT ?? 1349);
const STATIC_PORT = Number(process.env.BENCH_STATIC_PORT ?? 8091);
const REFERENCE_PORT = Number(process.env.BENCH_REFERENCE_PORT ?? 8092);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const LIGHTHOUSE_ONLY = process.argv.includes('--lighthouse-only');
// What Chromium sends; the proxy normalises it to gzip (proxy/nginx.conf), so this measures what browsers get.
const BROWSER_ENCODINGS = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const POLL_MS = 50;
const VISIBLE_TIMEOUT_MS = 15_000;

const wrk = findWrk();
const starting = new AbortController();
let stack;
let staticServer;
let reference;
let wrkChild = null;
let cleaning;
const cleanup = () =>
  (cleaning ??= (async () => {
    wrkChild?.kill('SIGTERM');
    await staticServer?.stop();
    await reference?.stop();
    await stack?.stop();
    closeConnections();
  })());

// While starting, startScaledStack stops what it started and rejects; the catch below exits.
const signals = onInterrupt({
  what: 'stopping wrk, the static nginx and the stack (dropping the database)',
  stop: cleanup,
  abort: () => !stack && (starting.abort(), true),
});

// ---- formatting ---------------------------------------------------------------------------------------------
const ms = (value) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value.toFixed(1)) : '-');
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const encodings = (bucket) =>
  Object.entries(bucket.encodings)
    .map(([name, n]) => `${n} ${name}`)
    .join(', ');

// ---- measurements -------------------------------------------------------------------------------------------

/** One measured wrk run after a warm-up run; `during` runs beside the measured run (the hit-ratio sampler). */
const measure = async (label, url, during, headers = {}) => {
  if (WARMUP_SECONDS > 0)
    await runWrk(wrk, url, {
      connections: CONNECTIONS,
      seconds: WARMUP_SECONDS,
      headers,
      onChild: (child) => (wrkChild = child),
    });
  const loadBefore = loadAverage();
  log(`wrk ${label}: ${url} (load average ${loadBefore})`);
  const done = { value: false };
  const running = runWrk(wrk, url, {
    connections: CONNECTIONS,
    seconds: SECONDS,
    headers,
    onChild: (child) => (wrkChild = child),
  }).finally(() => (done.value = true));
  const [result, extra] = await Promise.all([running, during?.(done)]);
  return { ...result, loadBefore, extra };
};

/** X-Cache-Status of one request every 10 ms on its own connection, until `done.value`. */
const sampleCacheStatus = async (url, done) => {
  const counts = {};
  while (!done.value) {
    const response = await get(url);
    const status = response.headers['x-cache-status'] || '(none)';
    counts[status] = (counts[status] ?? 0) + 1;
    await sleep(10);
  }
  return counts;
};

/** GET that must answer 200 (a static file: no page check). */
const getStatus200 = async (url, headers) => {
  const response = await get(url, headers);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return response;
};

/** The script files a modern browser downloads on first load (`noModule` ones apart), raw and as the proxy sends them. */
const firstLoadJs = async (html, base) => {
  const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((match) => match[0]);
  const scripts = new Map();
  for (const tag of tags) {
    const src = /\bsrc="([^"]+)"/i.exec(tag)?.[1];
    if (src) scripts.set(src, /\bnomodule\b/i.test(tag));
  }
  const totals = {
    module: { count: 0, raw: 0, wire: 0, encodings: {} },
    noModule: { count: 0, raw: 0, wire: 0, encodings: {} },
  };
  for (const [src, noModule] of scripts) {
    const url = new URL(src, base).href;
    // Not getOk: its check for the "CMS unavailable" page matches the chunk of app/error.tsx, which says the same.
    const raw = (await getStatus200(url)).body.length;
    const compressed = await getStatus200(url, BROWSER_ENCODINGS);
    const bucket = noModule ? totals.noModule : totals.module;
    const encoding = compressed.headers['content-encoding'] ?? 'identity';
    bucket.encodings[encoding] = (bucket.encodings[encoding] ?? 0) + 1;
    bucket.count += 1;
    bucket.raw += raw;
    bucket.wire += compressed.body.length;
  }
  return totals;
};

/** A per-reader cookie as the web signs it (web/lib/comments/signed-cookie.ts): `data.expiresAt.hmac`. */
const signedCookie = (secret, name, data, expiresAt = Math.floor(Date.now() / 1000) + 3600) =>
  `${data}.${expiresAt}.${createHmac('sha256', secret).update(`${name}=${data}.${expiresAt}`).digest('hex')}`;

/** The proxy's X-Cache-Status and the status code for one request with these headers. */
const oneAnswer = async (url, headers) => {
  const response = await get(url, headers);
  return `${response.status} ${response.headers['x-cache-status'] || '-'}`;
};

/** The first request after a change, SAMPLES times: expire the review's tags (and `reviews`), then time one GET. */
const uncached = async (url, webUrl, secret, review) => {
  const times = [];
  const cacheHeaders = {};
  for (let i = 0; i < SAMPLES; i += 1) {
    await notifyChange(webUrl, secret, { model: 'review', documentId: review.documentId, slug: review.slug });
    const response = await getOk(url);
    times.push(response.ms);
    const header = response.headers['x-nextjs-cache'] ?? '(none)';
    cacheHeaders[header] = (cacheHeaders[header] ?? 0) + 1;
    // Lets whatever the render left behind (cache writes to Redis) finish before the next sample.
    await sleep(200);
  }
  return { times, cacheHeaders };
};

/**
 * SAMPLES changes: a new excerpt saved and published in one request (the admin's "Publish" on an edited entry),
 * then the review polled through the proxy every 50 ms until the text shows. Times count from sending the publish.
 */
const publishToVisible = async (cmsUrl, admin, review, pageUrl) => {
  const headers = { ...(await adminHeaders(cmsUrl, admin)), 'content-type': 'application/json' };
  const visible = [];
  const saved = [];
  const runId = randomBytes(3).toString('hex');
  for (let i = 1; i <= SAMPLES; i += 1) {
    const text = `Benchmark change ${runId} number ${i}.`;
    const started = performance.now();
    const response = await fetch(
      `${cmsUrl}/content-manager/collection-types/api::review.review/${review.documentId}/actions/publish`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ excerpt: text }),
      },
    );
    if (!response.ok) throw new Error(`publishing change ${i} answered ${response.status}: ${await response.text()}`);
    saved.push(performance.now() - started);
    for (;;) {
      // As a browser asks: the proxy keeps a gzip copy and a plain one, and a change notice refreshes the gzip one.
      const page = await get(pageUrl, { 'accept-encoding': 'gzip' });
      const body = page.headers['content-encoding'] === 'gzip' ? gunzipSync(page.body) : page.body;
      if (page.status === 200 && body.includes(text)) break;
      if (performance.now() - started > VISIBLE_TIMEOUT_MS)
        throw new Error(`change ${i} was not visible through the proxy after ${VISIBLE_TIMEOUT_MS / 1000} s`);
      await sleep(POLL_MS);
    }
    visible.push(performance.now() - started);
    await sleep(100);
  }
  return { visible, saved };
};

// ---- the run ------------------------------------------------------------------------------------------------
const startedAt = Date.now();
for (const [port, what, variable] of [
  [STATIC_PORT, 'the static reference', 'BENCH_STATIC_PORT'],
  [REFERENCE_PORT, 'the Next reference', 'BENCH_REFERENCE_PORT'],
]) {
  if (!(await portFree(port))) {
    log(`port ${port} (${what}) is already in use: set ${variable}`);
    process.exit(1);
  }
}
try {
  // Built before the stack starts (a build takes both cores); `next start` idles until Lighthouse loads it.
  reference = await startNextReference({ port: REFERENCE_PORT });
  stack = await startScaledStack({
    database: process.env.DATABASE_CLIENT ?? 'postgres',
    proxyPort: PROXY_PORT,
    webPorts: WEB_PORTS,
    cmsPort: CMS_PORT,
    quiet: true,
    signal: starting.signal,
  });
} catch (error) {
  if (!signals.interrupted) log(`The stack did not start: ${error.message}`);
  await reference?.stop();
  process.exit(signals.interrupted ? 130 : 1);
}

const report = [];
let exitCode = 0;
try {
  // Numeric loopback addresses: wrk takes the first address `localhost` resolves to, which may be ::1.
  const proxy = `http://127.0.0.1:${PROXY_PORT}`;
  const web = `http://127.0.0.1:${WEB_PORTS[0]}`;
  const { cmsUrl, admin, secrets } = stack;

  const reviews = async (query) =>
    (await getJson(`${cmsUrl}/api/reviews?${new URLSearchParams({ 'fields[0]': 'slug', ...query })}`)).data ?? [];
  const review =
    (await reviews({ 'filters[slug][$eq]': REVIEW }))[0] ?? (await reviews({ 'pagination[pageSize]': '1' }))[0];
  if (!review) throw new Error('the CMS has no published review');
  const pages = [
    { name: 'home', path: '/' },
    { name: 'review', path: `/reviews/${review.slug}` },
  ];

  // Warm both replicas and the proxy; keep the exact bytes the web serves (identity) for the static reference.
  for (const page of pages) {
    for (const base of [web, `http://127.0.0.1:${WEB_PORTS[1] ?? WEB_PORTS[0]}`, proxy, proxy])
      await getOk(base + page.path);
    page.html = (await getOk(web + page.path)).body;
    page.sameThroughProxy = (await getOk(proxy + page.path)).body.equals(page.html);
  }
  if (!LIGHTHOUSE_ONLY) {
    staticServer = await startStaticNginx({
      port: STATIC_PORT,
      files: Object.fromEntries(pages.map((page) => [page.path, page.html])),
    });
    for (const page of pages) {
      if (!(await getOk(staticServer.url + page.path)).body.equals(page.html))
        throw new Error(`the static nginx does not serve ${page.path}'s bytes`);
    }

    // Sizes: HTML and first-load JS, raw and as the proxy sends them to a browser.
    for (const page of pages) {
      const wire = await getOk(proxy + page.path, BROWSER_ENCODINGS);
      page.htmlWire = { bytes: wire.body.length, encoding: wire.headers['content-encoding'] ?? 'identity' };
      page.htmlGzip9 = gzipSync(page.html, { level: 9 }).length;
      page.js = await firstLoadJs(page.html.toString('utf8'), proxy);
    }

    // Throughput and latency under load: static reference, proxy (with the hit-ratio sampler), Next from its cache.
    for (const page of pages) {
      page.static = await measure(`${page.name} static`, staticServer.url + page.path);
      page.proxy = await measure(`${page.name} proxy`, proxy + page.path, (done) =>
        sampleCacheStatus(proxy + page.path, done),
      );
      page.nextCacheHeader = (await getOk(web + page.path)).headers['x-nextjs-cache'] ?? '(none)';
      page.next = await measure(`${page.name} Next direct`, web + page.path);
    }

    // Who gets past the proxy's cache: the review page for anonymous readers, a made-up per-reader cookie, ?replyTo=,
    // and a real reader's own page (a pending comment's cookie signed with the web's key) through the proxy from one
    // address (its per-address limit answers 429 beyond 5 a second), and that page's cost alone, from one replica.
    const reviewPath = pages[1].path;
    const pending = Buffer.from(
      JSON.stringify({
        reviewId: review.documentId,
        id: 'bench-pending',
        name: 'Bench Reader',
        body: 'A comment awaiting moderation.',
        createdAt: new Date().toISOString(),
        parent: null,
      }),
    ).toString('base64url');
    const ownCookie = {
      cookie: `mq_pending=${signedCookie(secrets.web.COMMENT_COOKIE_SECRET, 'mq_pending', pending)}`,
    };
    const bypass = [
      { name: 'anonymous (cached)', url: proxy + reviewPath, headers: {} },
      { name: 'made-up cookie mq_pending=x', url: proxy + reviewPath, headers: { cookie: 'mq_pending=x' } },
      { name: '?replyTo=1', url: `${proxy}${reviewPath}?replyTo=1`, headers: {} },
      { name: "a reader's own page, one address", url: proxy + reviewPath, headers: ownCookie },
      { name: `a reader's own page, replica ${WEB_PORTS[0]}`, url: web + reviewPath, headers: ownCookie },
    ];
    for (const row of bypass) {
      row.first = await oneAnswer(row.url, row.headers);
      row.result = await measure(`bypass: ${row.name}`, row.url, undefined, row.headers);
      // The limit's bucket empties between rows.
      await sleep(5000);
    }

    // The first render after a change, straight from one replica (nothing else loads the machine meanwhile).
    for (const page of pages) {
      log(
        `Next uncached ${page.name}: ${SAMPLES} change notices, each followed by one GET ${web}${page.path} (load average ${loadAverage()})`,
      );
      page.loadBeforeUncached = loadAverage();
      page.uncached = await uncached(web + page.path, web, secrets.web.REVALIDATE_SECRET, review);
    }

    log(
      `Publish-to-visible: ${SAMPLES} published changes, polling ${stack.proxyUrl}${pages[1].path} every ${POLL_MS} ms (load average ${loadAverage()})`,
    );
    const loadBeforePublish = loadAverage();
    // Polled as readers reach it (the site's host: the proxy keys its copies on Host, and change notices refresh those).
    // A failure here is reported and the run goes on to Lighthouse (its table is worth having either way).
    const publish = await publishToVisible(cmsUrl, admin, review, stack.proxyUrl + pages[1].path).catch((error) => ({
      error,
    }));

    // ---- report ---------------------------------------------------------------------------------------------
    const line = (...cells) =>
      cells.map((cell, i) => (i === 0 ? String(cell).padEnd(34) : String(cell).padStart(i === 6 ? 16 : 10))).join(' ');
    report.push(
      '',
      `Marquee benchmark, commit ${commitMeasured()}, ${new Date().toISOString()}`,
      `${os.cpus().length} cores shared by wrk, nginx, Next, Strapi and anything else running; loopback; one run.`,
      `wrk -t1 -c${CONNECTIONS} -d${SECONDS}s --latency per target after a ${WARMUP_SECONDS} s warm-up run; no Accept-Encoding (identity`,
      'bodies from every target; static nginx has the same gzip settings as the proxy). Ratios compare req/s to static.',
    );
    for (const page of pages) {
      const errors = (r) => `${r.non2xx}/${r.socketErrors}`;
      const ratio = (r) => pct(r.rps / page.static.rps);
      const times = page.uncached.times;
      report.push(
        '',
        `${page.name} page ${page.path}  (HTML ${kib(page.html.length)} raw)`,
        line('target', 'req/s', 'p50 ms', 'p99 ms', 'vs static', 'load (1/5/15)', 'non-2xx/socket err'),
        ...[
          ['nginx static file', page.static],
          ['proxy (nginx micro-cache)', page.proxy],
          [`Next direct, cached (${WEB_PORTS[0]})`, page.next],
        ].map(([name, r]) => line(name, int(r.rps), ms(r.p50), ms(r.p99), ratio(r), r.loadBefore, errors(r))),
        line(
          `Next uncached (${SAMPLES} x 1st after change)`,
          '-',
          ms(percentile(times, 50)),
          `p95 ${ms(percentile(times, 95))}`,
          '-',
          page.loadBeforeUncached,
          '-',
        ),
      );
      const hits = page.proxy.extra;
      const sampled = Object.values(hits).reduce((sum, n) => sum + n, 0);
      report.push(
        `  proxy hit ratio: ${pct((hits.HIT ?? 0) / sampled)} HIT of ${sampled} requests sampled during its wrk run (one every 10 ms, own connection; ${Object.entries(
          hits,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`,
        `  Next uncached: p50 ${ms(percentile(times, 50))} ms, p95 ${ms(percentile(times, 95))} ms, max ${ms(Math.max(...times))} ms; x-nextjs-cache: ${Object.entries(
          page.uncached.cacheHeaders,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
        `  HTML: ${kib(page.html.length)} raw, ${kib(page.htmlWire.bytes)} ${page.htmlWire.encoding} as the proxy sends it to a browser, ${kib(page.htmlGzip9)} gzip -9${page.sameThroughProxy ? '' : '; NOTE: the proxy served different bytes than the web'}`,
        `  first-load JS: ${page.js.module.count} scripts, ${kib(page.js.module.raw)} raw, ${kib(page.js.module.wire)} as the proxy sends them to a browser (${encodings(page.js.module)})`,
        `  not counted: ${page.js.noModule.count} noModule script(s), ${kib(page.js.noModule.raw)} raw, ${kib(page.js.noModule.wire)} sent (${encodings(page.js.noModule)}): only browsers without ES modules download them`,
        `  Next direct was ${page.nextCacheHeader} in Next's cache before its run.`,
      );
    }
    report.push(
      '',
      `Who bypasses the cache: the review page ${reviewPath}, wrk -t1 -c${CONNECTIONS} -d${SECONDS}s per row (first answer: status and X-Cache-Status)`,
      line('request', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'load (1/5/15)', 'first answer'),
      ...bypass.map((row) =>
        line(
          row.name,
          int(row.result.rps),
          ms(row.result.p50),
          ms(row.result.p99),
          int(row.result.non2xx),
          row.result.loadBefore,
          row.first,
        ),
      ),
      "  non-2xx through the proxy for a reader's own page: 429 beyond 5 requests a second (bursts of 20) per address.",
    );
    report.push(
      '',
      `publish-to-visible through the proxy (${SAMPLES} changes to the review's excerpt, from sending the publish to the first proxy answer showing it; load ${loadBeforePublish}):`,
      publish.error
        ? `  FAILED: ${publish.error.message}`
        : `  p50 ${ms(percentile(publish.visible, 50))} ms, p95 ${ms(percentile(publish.visible, 95))} ms, max ${ms(Math.max(...publish.visible))} ms; the publish request itself: p50 ${ms(percentile(publish.saved, 50))} ms`,
    );
    const reviewPage = pages[1];
    report.push(
      '',
      'Goals',
      ...pages.map(
        (page) =>
          `  proxy >= 80 % of static with p99 <= 10 ms, ${page.name}: ${pct(page.proxy.rps / page.static.rps)}, p99 ${ms(page.proxy.p99)} ms: ${pass(page.proxy.rps >= 0.8 * page.static.rps && page.proxy.p99 <= 10)}`,
      ),
      `  cached review from Next >= 1,000 req/s with p99 <= 100 ms at 50 connections${CONNECTIONS === 50 ? '' : ` (this run: ${CONNECTIONS})`}: ${int(reviewPage.next.rps)} req/s, p99 ${ms(reviewPage.next.p99)} ms: ${pass(reviewPage.next.rps >= 1000 && reviewPage.next.p99 <= 100)}`,
      ...pages.map(
        (page) =>
          `  uncached render p50 <= 80 ms, ${page.name}: ${ms(percentile(page.uncached.times, 50))} ms: ${pass(percentile(page.uncached.times, 50) <= 80)}`,
      ),
    );
  }

  // Lighthouse last, with nothing else of the bench running: the home and review pages through the proxy (the host
  // readers use, as the proxy keys its copies on it), beside the one-page Next reference.
  const targets = await runLighthouse(
    [
      ...pages.map((page) => ({ name: page.name, url: stack.proxyUrl + page.path, warm: stack.proxyUrl + page.path })),
      { name: 'Next reference (1 page)', url: reference.url, warm: reference.url },
    ],
    {
      runs: LIGHTHOUSE_RUNS,
      before: async (target) => void (await getOk(target.warm)),
      onChild: (child) => (wrkChild = child),
    },
  );
  if (LIGHTHOUSE_ONLY)
    report.push(
      '',
      `Marquee Lighthouse (npm run bench -- --lighthouse-only), commit ${commitMeasured()}, ${new Date().toISOString()}`,
    );
  report.push(
    ...lighthouseReport(targets, { reference: 'Next reference (1 page)', pages: pages.map((page) => page.name) }),
  );
  report.push(
    '',
    `Finished in ${Math.round((Date.now() - startedAt) / 1000)} s (stack start included). Load average now: ${loadAverage()}.`,
  );
} catch (error) {
  if (!signals.interrupted) {
    log(`The benchmark failed: ${error.stack ?? error.message}`);
    exitCode = 1;
  }
} finally {
  if (!signals.interrupted) {
    await cleanup();
    console.log(report.join('\n'));
    process.exit(exitCode);
  }
}
