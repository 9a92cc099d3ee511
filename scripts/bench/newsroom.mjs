// `npm run bench:newsroom`: the editors' newsroom measured on the scaled topology (scripts/scaled.mjs:
// nginx caching proxy, two web replicas sharing Redis, the CMS on PostgreSQL). From one run it prints:
//   1. publish -> visible and unpublish -> gone through the proxy, timed from the request the admin's Publish and
//      Unpublish buttons send (the content manager's actions, with an admin's token), for the review page, home, its
//      genre page, the feed, the sitemap chunk listing it and a search for its title: BENCH_SAMPLES cycles (20);
//   2. scheduled-publish lateness through the proxy: BENCH_SAMPLES reviews given a `publishAt` a few seconds ahead
//      (staggered), polled until their page answers; lateness is the first answer minus publishAt, and any answer
//      before publishAt is counted (it must be none);
//   3. the cost of saving a review's draft from the admin (the content manager's update), with revision history on
//      and off (REVISIONS_KEPT=0), alternating between two CMS processes on the same database;
//   4. a renamed review's old address (301) through the proxy with wrk, beside the review page through the proxy
//      and nginx serving the same page as a static file.
//
// Environment: BENCH_SAMPLES (20), BENCH_SAVES (100 per side), BENCH_SECONDS (10), BENCH_CONNECTIONS (50),
// BENCH_PROXY_PORT (8090), BENCH_WEB_PORTS (3111,3112), BENCH_CMS_PORT (1349), BENCH_CMS2_PORT (1350: the CMS without
// history), BENCH_STATIC_PORT (8091), SCHEDULE_EVERY_SECONDS (the scheduler's period, 5), DATABASE_CLIENT (postgres).
import os from 'node:os';
import { gunzipSync } from 'node:zlib';
import { exited, log, portFree, stop, waitFor } from '../lib.mjs';
import { startScaledStack } from '../scaled.mjs';
import { startCms } from '../stack.mjs';
import { adminHeaders, closeConnections, get, getJson, getOk, percentile, sleep } from './http.mjs';
import { startStaticNginx } from './static-nginx.mjs';
import { commitMeasured, int, loadAverage, onInterrupt, pass, pct } from './report.mjs';
import { findWrk, runWrk } from './wrk.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const SAVES = Number(process.env.BENCH_SAVES ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PROXY_PORT = Number(process.env.BENCH_PROXY_PORT ?? 8090);
const WEB_PORTS = (process.env.BENCH_WEB_PORTS ?? '3111,3112').split(',').map(Number);
const CMS_PORT = Number(process.env.BENCH_CMS_PORT ?? 1349);
const CMS2_PORT = Number(process.env.BENCH_CMS2_PORT ?? 1350);
const STATIC_PORT = Number(process.env.BENCH_STATIC_PORT ?? 8091);
const SCHEDULE_EVERY = Number(process.env.SCHEDULE_EVERY_SECONDS ?? 5);
const REVIEW_MODEL = 'api::review.review';
const POLL_MS = 50;
const SCHEDULE_POLL_MS = 100;
const TIMEOUT_MS = 20_000;
const PUBLISH_GOAL_MS = 2000;
const SCHEDULE_GOAL_MS = 30_000;

const wrk = findWrk();
const starting = new AbortController();
let stack;
let staticServer;
let cms2;
let wrkChild = null;
let cleaning;
const cleanup = () =>
  (cleaning ??= (async () => {
    wrkChild?.kill('SIGTERM');
    // The whole process group: the CMS runs under npx.
    if (cms2) stop(cms2);
    await staticServer?.stop();
    await stack?.stop();
    closeConnections();
  })());
// While starting, startScaledStack stops what it started and rejects; the catch below exits.
const signals = onInterrupt({
  what: 'stopping wrk, the second CMS, the static nginx and the stack (dropping the database)',
  stop: cleanup,
  abort: () => !stack && (starting.abort(), true),
});

// ---- formatting ---------------------------------------------------------------------------------------------
const ms = (value) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value.toFixed(0)) : '-');

// ---- the admin's requests -----------------------------------------------------------------------------------
const cm = (cmsUrl, documentId, action = '') =>
  `${cmsUrl}/content-manager/collection-types/${REVIEW_MODEL}/${documentId}${action}`;
const send = async (method, url, headers, body) => {
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok)
    throw new Error(`${method} ${url} answered ${response.status}: ${(await response.text()).slice(0, 400)}`);
  return response.json();
};
const publish = (cmsUrl, headers, documentId, body = {}) =>
  send('POST', cm(cmsUrl, documentId, '/actions/publish'), headers, body);
const unpublish = (cmsUrl, headers, documentId) =>
  send('POST', cm(cmsUrl, documentId, '/actions/unpublish'), headers, { discardDraft: false });
const saveDraft = (cmsUrl, headers, documentId, body) => send('PUT', cm(cmsUrl, documentId), headers, body);

// ---- reading the site as a browser does (gzip: the copy a change notice refreshes) ----------------------------
const page = async (url) => {
  const response = await get(url, { 'accept-encoding': 'gzip' });
  const body = response.headers['content-encoding'] === 'gzip' ? gunzipSync(response.body) : response.body;
  return { status: response.status, text: body.toString('utf8') };
};
const linksTo = (text, slug) => new RegExp(`/reviews/${slug}(?![a-z0-9-])`).test(text);

/** Polls `url` every `every` ms until `done(page)`; resolves the ms since `started`, or rejects after TIMEOUT_MS. */
const until = async (url, done, started, what, every = POLL_MS) => {
  for (;;) {
    const answer = await page(url);
    const now = performance.now();
    if (done(answer)) return now - started;
    if (now - started > TIMEOUT_MS)
      throw new Error(`${what}: ${url} did not change within ${TIMEOUT_MS / 1000} s (last answer ${answer.status})`);
    await sleep(every);
  }
};

// ---- 1. publish -> visible, unpublish -> gone -----------------------------------------------------------------

/** The site's pages that show a published review, each with what shows it. */
const pagesOf = async (proxy, review) => {
  const reviewPath = `/reviews/${review.slug}`;
  const reviewHtml = (await page(proxy + reviewPath)).text;
  const home = (await page(`${proxy}/`)).text;
  if (!linksTo(home, review.slug)) throw new Error(`home does not list ${review.slug}`);
  const genres = [...new Set([...reviewHtml.matchAll(/href="(\/genres\/[a-z0-9-]+)"/g)].map((match) => match[1]))];
  let genrePath;
  for (const candidate of genres)
    if (linksTo((await page(proxy + candidate)).text, review.slug)) genrePath ??= candidate;
  if (!genrePath)
    throw new Error(`no genre page of ${review.slug} lists it (genres linked: ${genres.join(', ') || 'none'})`);
  const index = (await page(`${proxy}/sitemap.xml`)).text;
  const chunks = [...index.matchAll(/<loc>[^<]*?(\/sitemaps\/reviews\/\d+\.xml)<\/loc>/g)].map((match) => match[1]);
  let sitemapPath;
  for (const candidate of chunks)
    if (linksTo((await page(proxy + candidate)).text, review.slug)) sitemapPath ??= candidate;
  if (!sitemapPath) throw new Error(`no sitemap chunk lists ${review.slug}`);
  const searchPath = `/search?${new URLSearchParams({ q: review.title })}`;
  if (!linksTo((await page(proxy + searchPath)).text, review.slug))
    throw new Error(`a search for "${review.title}" does not find ${review.slug}`);
  if (!linksTo((await page(`${proxy}/feed.xml`)).text, review.slug))
    throw new Error(`the feed does not list ${review.slug}`);
  const listed = (present) => (answer) => answer.status === 200 && linksTo(answer.text, review.slug) === present;
  return [
    {
      name: 'review page',
      path: reviewPath,
      shown: (answer) => answer.status === 200,
      gone: (answer) => answer.status === 404,
    },
    { name: 'home', path: '/', shown: listed(true), gone: listed(false) },
    { name: `genre page`, path: genrePath, shown: listed(true), gone: listed(false) },
    { name: 'feed', path: '/feed.xml', shown: listed(true), gone: listed(false) },
    { name: 'sitemap', path: sitemapPath, shown: listed(true), gone: listed(false) },
    { name: 'search', path: searchPath, shown: listed(true), gone: listed(false) },
  ];
};

/** SAMPLES cycles of Unpublish then Publish from the admin; every page polled every 50 ms from the request. */
const publishCycles = async (proxy, cmsUrl, headers, review, pages) => {
  const times = Object.fromEntries(pages.map((p) => [p.name, { visible: [], gone: [] }]));
  const requestMs = { publish: [], unpublish: [] };
  for (let i = 0; i < SAMPLES; i += 1) {
    for (const [action, key, check] of [
      ['unpublish', 'gone', 'gone'],
      ['publish', 'visible', 'shown'],
    ]) {
      const started = performance.now();
      const request =
        action === 'publish'
          ? publish(cmsUrl, headers, review.documentId)
          : unpublish(cmsUrl, headers, review.documentId);
      const polls = pages.map((p) => until(proxy + p.path, p[check], started, `${action} ${i + 1}, ${p.name}`));
      await request;
      requestMs[action].push(performance.now() - started);
      const results = await Promise.all(polls);
      pages.forEach((p, j) => times[p.name][key].push(results[j]));
      // Lets the notices' follow-up renders settle before the next change.
      await sleep(300);
    }
  }
  return { times, requestMs };
};

// ---- 2. scheduled publishing ----------------------------------------------------------------------------------

/**
 * SAMPLES scheduled publishes, in rounds of the reviews available: each round unpublishes them (and waits until
 * their pages are gone through the proxy), sets each one's publishAt a few seconds ahead, 2 s apart, and polls
 * their pages every 100 ms until they answer 200. Any 200 before publishAt is counted as early.
 */
const scheduledPublishes = async (proxy, cmsUrl, headers, reviews) => {
  const lateness = [];
  let early = 0;
  let leftToSchedule = SAMPLES;
  while (leftToSchedule > 0) {
    const round = reviews.slice(0, Math.min(leftToSchedule, reviews.length));
    leftToSchedule -= round.length;
    for (const review of round) {
      await unpublish(cmsUrl, headers, review.documentId);
      await until(
        `${proxy}/reviews/${review.slug}`,
        (answer) => answer.status === 404,
        performance.now(),
        `unpublishing ${review.slug} before scheduling it`,
      );
    }
    const base = Date.now() + 6000;
    await Promise.all(
      round.map(async (review, i) => {
        // Whole seconds plus a spread within the second, as an editor's picker would not give, so that the lateness is
        // not aligned with the scheduler's ticks.
        const at = new Date(base + i * 2000 + Math.floor(Math.random() * 1000));
        await saveDraft(cmsUrl, headers, review.documentId, { publishAt: at.toISOString() });
        review.publishAt = at.getTime();
      }),
    );
    await Promise.all(
      round.map(async (review) => {
        for (;;) {
          const answer = await page(`${proxy}/reviews/${review.slug}`);
          const now = Date.now();
          if (answer.status === 200) {
            if (now < review.publishAt) early += 1;
            lateness.push(now - review.publishAt);
            return;
          }
          if (now - review.publishAt > 60_000)
            throw new Error(
              `${review.slug} scheduled for ${new Date(review.publishAt).toISOString()} was not visible a minute later`,
            );
          await sleep(SCHEDULE_POLL_MS);
        }
      }),
    );
  }
  return { lateness, early };
};

// ---- 3. saves with and without history ------------------------------------------------------------------------

/** SAVES draft saves on each CMS, alternating in blocks of 10 so that both meet the same load. */
const saves = async (cmsWith, cmsWithout, headers, documentId) => {
  const times = { with: [], without: [] };
  const excerpt = (i) => `A benchmark draft excerpt, saved again and again to time it: save number ${i} of the run.`;
  let n = 0;
  // One unmeasured save on each first (the first request of a process compiles and caches more than the rest).
  await saveDraft(cmsWith, headers, documentId, { excerpt: excerpt(n++) });
  await saveDraft(cmsWithout, headers, documentId, { excerpt: excerpt(n++) });
  for (let block = 0; block < SAVES / 10; block += 1) {
    for (const [key, url] of [
      ['with', cmsWith],
      ['without', cmsWithout],
    ]) {
      for (let i = 0; i < 10; i += 1) {
        const started = performance.now();
        await saveDraft(url, headers, documentId, { excerpt: excerpt(n++) });
        times[key].push(performance.now() - started);
      }
    }
  }
  return times;
};

// ---- the run ------------------------------------------------------------------------------------------------
const startedAt = Date.now();
for (const port of [STATIC_PORT, CMS2_PORT]) {
  if (!(await portFree(port))) {
    log(`port ${port} is already in use: set BENCH_STATIC_PORT / BENCH_CMS2_PORT`);
    process.exit(1);
  }
}
try {
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
  process.exit(signals.interrupted ? 130 : 1);
}

const report = [];
/** Each part's figures are printed as soon as they are measured, and all together at the end. */
const section = (...lines) => {
  console.log(lines.join('\n'));
  report.push(...lines);
};
const goals = [];
let exitCode = 0;
const stats = (values) =>
  `p50 ${ms(percentile(values, 50))}  p95 ${ms(percentile(values, 95))}  max ${ms(Math.max(...values))}`;
const row = (...cells) =>
  cells.map((cell, i) => (i === 0 ? String(cell).padEnd(38) : String(cell).padStart(11))).join(' ');
try {
  const proxy = `http://127.0.0.1:${PROXY_PORT}`;
  const { cmsUrl, admin } = stack;
  const headers = { ...(await adminHeaders(cmsUrl, admin)), 'content-type': 'application/json' };
  const published =
    (
      await getJson(
        `${cmsUrl}/api/reviews?${new URLSearchParams({ 'fields[0]': 'slug', 'fields[1]': 'title', 'pagination[pageSize]': '100' })}`,
      )
    ).data ?? [];
  if (published.length < 3)
    throw new Error(`the demo content has ${published.length} published reviews; the bench needs 3`);
  // Warm both replicas and the proxy on every page the run reads.
  for (const review of published) await getOk(`${proxy}/reviews/${review.slug}`);
  section(
    '',
    `Marquee newsroom benchmark, commit ${commitMeasured()}, ${new Date().toISOString()}`,
    `${os.cpus().length} cores shared by the bench, nginx, two web replicas, Strapi, PostgreSQL and Redis; loopback; one run.`,
  );

  // 1. The review home lists first (the newest), so that every list shows it.
  const home = (await page(`${proxy}/`)).text;
  const subject = published
    .map((review) => ({ review, at: home.search(new RegExp(`/reviews/${review.slug}(?![a-z0-9-])`)) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)[0]?.review;
  if (!subject) throw new Error('home lists none of the published reviews');
  const pages = await pagesOf(proxy, subject);
  log(
    `Publish -> visible: ${SAMPLES} unpublish/publish cycles of ${subject.slug}, polling ${pages.map((p) => p.path).join(', ')} every ${POLL_MS} ms (load ${loadAverage()})`,
  );
  const loadBeforePublish = loadAverage();
  const cycles = await publishCycles(proxy, cmsUrl, headers, subject, pages);
  section(
    '',
    `1. Publish -> visible and unpublish -> gone through the proxy (${SAMPLES} cycles of ${subject.slug}; from sending the admin's`,
    `   publish/unpublish request to the first proxy answer (gzip, as browsers ask) that shows the change; polled every ${POLL_MS} ms; load ${loadBeforePublish}):`,
    row('page', 'vis. p50 ms', 'vis. p95 ms', 'vis. max ms', 'gone p50 ms', 'gone p95 ms', 'gone max ms'),
    ...pages.map((p) => {
      const t = cycles.times[p.name];
      return row(
        `${p.name} ${p.path.length > 24 ? `${p.path.slice(0, 21)}...` : p.path}`,
        ms(percentile(t.visible, 50)),
        ms(percentile(t.visible, 95)),
        ms(Math.max(...t.visible)),
        ms(percentile(t.gone, 50)),
        ms(percentile(t.gone, 95)),
        ms(Math.max(...t.gone)),
      );
    }),
    `   the requests themselves: publish ${stats(cycles.requestMs.publish)} ms; unpublish ${stats(cycles.requestMs.unpublish)} ms`,
  );
  for (const p of pages) {
    const p95 = percentile(cycles.times[p.name].visible, 95);
    const gone = percentile(cycles.times[p.name].gone, 95);
    goals.push(
      `  publish -> visible <= 2 s p95, ${p.name}: ${ms(p95)} ms: ${pass(p95 <= PUBLISH_GOAL_MS)}; unpublish -> gone ${ms(gone)} ms: ${pass(gone <= PUBLISH_GOAL_MS)}`,
    );
  }

  // 2. Scheduled publishing, with the other reviews.
  const others = published
    .filter((review) => review.documentId !== subject.documentId)
    .map((review) => ({ ...review }));
  log(
    `Scheduled publishing: ${SAMPLES} reviews given a publishAt a few seconds ahead, in rounds of ${others.length} (load ${loadAverage()})`,
  );
  const loadBeforeSchedule = loadAverage();
  const scheduled = await scheduledPublishes(proxy, cmsUrl, headers, others);
  const latest = Math.max(...scheduled.lateness);
  section(
    '',
    `2. Scheduled publishing through the proxy (${scheduled.lateness.length} reviews, publishAt 6-16 s ahead, 2 s apart; the scheduler runs every ${SCHEDULE_EVERY} s;`,
    `   review page polled every ${SCHEDULE_POLL_MS} ms; load ${loadBeforeSchedule}):`,
    `   lateness (first 200 minus publishAt): ${stats(scheduled.lateness)} ms; visible before publishAt: ${scheduled.early} of ${scheduled.lateness.length}`,
  );
  goals.push(
    `  scheduled publish visible <= 30 s after publishAt, never before: max ${ms(latest)} ms, ${scheduled.early} early: ${pass(latest <= SCHEDULE_GOAL_MS && scheduled.early === 0)}`,
  );
  if (scheduled.early > 0) exitCode = 1;

  // 3. Saves: a second CMS on the same database without history.
  log(`Saves: a second CMS on port ${CMS2_PORT} with REVISIONS_KEPT=0, then ${SAVES} draft saves on each, alternating`);
  cms2 = startCms({
    env: {
      ...stack.secrets.cms,
      ...stack.database,
      NODE_ENV: 'production',
      PORT: String(CMS2_PORT),
      REVISIONS_KEPT: '0',
      CRON_ENABLED: 'false',
    },
    quiet: true,
  });
  await waitFor(`http://127.0.0.1:${CMS2_PORT}/api/health`, 180_000, cms2);
  const loadBeforeSaves = loadAverage();
  const saved = await saves(cmsUrl, `http://127.0.0.1:${CMS2_PORT}`, headers, others[0].documentId);
  const revisions = await getJson(`${cmsUrl}/newsroom/reviews/${others[0].documentId}/revisions`, headers).catch(
    () => null,
  );
  stop(cms2);
  await exited(cms2);
  section(
    '',
    `3. Saving a review's draft from the admin (PUT of the content manager, ${SAVES} saves each, alternating blocks of 10; load ${loadBeforeSaves}):`,
    row('', 'p50 ms', 'p99 ms', 'mean ms'),
    ...[
      ['history on (REVISIONS_KEPT=50)', saved.with],
      ['history off (REVISIONS_KEPT=0)', saved.without],
    ].map(([name, values]) =>
      row(
        name,
        ms(percentile(values, 50)),
        ms(percentile(values, 99)),
        ms(values.reduce((a, b) => a + b, 0) / values.length),
      ),
    ),
    `   revisions kept for that review after the run: ${revisions ? revisions.revisions.length : 'unknown'} (the setting keeps 50)`,
  );

  // 4. A renamed review's old address, beside the page it leads to, through the proxy; nginx static as reference.
  const renamed = others[1];
  const newSlug = `${renamed.slug}-renamed`;
  await publish(cmsUrl, headers, renamed.documentId, { slug: newSlug });
  const oldUrl = `${proxy}/reviews/${renamed.slug}`;
  const redirect = await until(oldUrl, (answer) => answer.status === 301, performance.now(), 'the rename');
  const location = (await get(oldUrl)).headers.location;
  const newPath = `/reviews/${newSlug}`;
  const html = (await getOk(`http://127.0.0.1:${WEB_PORTS[0]}${newPath}`)).body;
  staticServer = await startStaticNginx({ port: STATIC_PORT, files: { [newPath]: html } });
  const runs = [];
  for (const [name, url] of [
    ['nginx static file (the review page)', staticServer.url + newPath],
    ['proxy, the review page (cached)', proxy + newPath],
    ['proxy, its old address (301)', oldUrl],
  ]) {
    await runWrk(wrk, url, { connections: CONNECTIONS, seconds: 2, onChild: (child) => (wrkChild = child) });
    const loadBefore = loadAverage();
    log(`wrk ${name}: ${url} (load ${loadBefore})`);
    const result = await runWrk(wrk, url, {
      connections: CONNECTIONS,
      seconds: SECONDS,
      onChild: (child) => (wrkChild = child),
    });
    const status = await get(url);
    runs.push({ name, result, loadBefore, first: `${status.status} ${status.headers['x-cache-status'] ?? '-'}` });
  }
  section(
    '',
    `4. A renamed review's old address through the proxy (answering 301 ${ms(redirect)} ms after the rename's publish; Location ${location ?? 'none'}),`,
    `   wrk -t1 -c${CONNECTIONS} -d${SECONDS}s --latency after a 2 s warm-up, one after the other, no Accept-Encoding:`,
    row('target', 'req/s', 'p50 ms', 'p99 ms', 'vs static', 'errors', 'load 1 min'),
    ...runs.map((r) =>
      row(
        r.name,
        int(r.result.rps),
        ms(r.result.p50),
        ms(r.result.p99),
        pct(r.result.rps / runs[0].result.rps),
        int(r.result.non2xx + r.result.socketErrors),
        r.loadBefore.split(' ')[0],
      ),
    ),
    `   answers after the runs: ${runs.map((r) => r.first).join(', ')} (status, X-Cache-Status)`,
  );
  goals.push(
    `  a redirect costs no more than a cached page: ${pct(runs[2].result.rps / runs[1].result.rps)} of its req/s: ${pass(runs[2].result.rps >= 0.9 * runs[1].result.rps)}`,
  );
} catch (error) {
  if (!signals.interrupted) {
    log(`The benchmark failed: ${error.stack ?? error.message}`);
    exitCode = 1;
  }
} finally {
  if (!signals.interrupted) {
    await cleanup();
    report.push(
      '',
      'Goals',
      ...goals,
      '',
      `Finished in ${Math.round((Date.now() - startedAt) / 1000)} s (stack start included). Load average now: ${loadAverage()}.`,
    );
    console.log(report.join('\n'));
    process.exit(exitCode);
  }
}
