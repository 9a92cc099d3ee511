// `npm run bench:scale`: what a page costs at demo size and with a large data set, side by side, in one run, on
// PostgreSQL. Two passes on one machine, each on a fresh database of its own:
//   demo:  the demo seed (six reviews);
//   scale: the generator (scripts/seed-scale.mjs, 10,000 reviews / 1,000,000 comments unless told otherwise).
// Each pass starts the CMS (`strapi start`) and one web process (the standalone server, sharing nothing with another
// run: Next's caches live in Redis under a key prefix of its own), then measures, for the home page, the review with the
// most comments (first and last comment page), a genre page, search (3 queries), the sitemap index and one chunk,
// the feed, the CMS's comment thread API and the admin's comment list with its pending count:
//   - uncached p50/p99: SAMPLES sequential requests, each the first after a change. For the web, each request follows
//     signed change notices (the CMS's own webhook, /api/revalidate) for a review, genre, author, film and the FAQs,
//     which expire every cache tag a page reads (web/lib/cms/tags.ts), so each render reads the CMS again, as after
//     a publish. The CMS endpoints have no cache: each request is uncached; two warm-up requests are not counted.
//   - cached p50: Debian's `wrk -t1` at a few connections against Next, which answers from its cache.
// The table prints demo | scale | ratio. Bounds (issue 10): every uncached figure at scale within 2x of demo size
// and no uncached p99 above 250 ms (a sitemap chunk, which grows to a fixed size, the ceiling only); `--check` exits 1
// when a figure leaves its bound three measurements running (a real cost that grows with the data fails every time;
// a pause of the shared machine, which is what a p99 of 30 samples catches, rarely three times).
//
// Options: --reviews N (10000), --comments N (1000000), --samples N (30), --cached-seconds S (5),
//   --connections N (10), --slack-ms N (10), --check, --skip-demo (scale only: no ratios, no check of them).
// Environment: BENCH_CMS_PORT (1351), BENCH_WEB_PORT (3121), DATABASE_HOST/PORT/USERNAME/PASSWORD, REDIS_URL.
// On a machine others share, run it under a lock the heavy jobs share (flock <lock file> npm run bench:scale).
import os from 'node:os';
import { parseArgs } from 'node:util';
import {
  adminHeaders,
  closeConnections,
  getJson as json,
  getOk,
  notifyChange as notify,
  sleep,
} from './bench/http.mjs';
import {
  checkCeiling,
  checkTarget,
  formatTable,
  P99_CEILING_MS,
  RATIO_BOUND,
  summarise,
} from './bench/scale-report.mjs';
import { startScalePass } from './bench/scale-stack.mjs';
import { loadAverage } from './bench/report.mjs';
import { findWrk, runWrk } from './bench/wrk.mjs';
import { ensureRedis, log, portFree } from './lib.mjs';
import { prepareApps } from './stack.mjs';

const { values: options } = parseArgs({
  options: {
    reviews: { type: 'string', default: '10000' },
    comments: { type: 'string', default: '1000000' },
    samples: { type: 'string', default: '30' },
    'cached-seconds': { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    'slack-ms': { type: 'string', default: '10' },
    check: { type: 'boolean', default: false },
    'skip-demo': { type: 'boolean', default: false },
  },
});
const whole = (name, min = 0) => {
  const n = Number(options[name]);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number >= ${min} (got '${options[name]}')`);
    process.exit(2);
  }
  return n;
};
const REVIEWS = whole('reviews', 1);
const COMMENTS = whole('comments', 0);
const SAMPLES = whole('samples', 5);
const CACHED_SECONDS = whole('cached-seconds', 1);
const CONNECTIONS = whole('connections', 1);
const SLACK_MS = whole('slack-ms', 0);
/** How many times a target that leaves its bound at scale is measured before it fails the check. */
const MEASUREMENTS = 3;
const CMS_PORT = Number(process.env.BENCH_CMS_PORT ?? 1351);
const WEB_PORT = Number(process.env.BENCH_WEB_PORT ?? 3121);

const wrk = findWrk();
let pass = null;
let interrupted = false;
const onSignal = (code) => {
  if (interrupted) return;
  interrupted = true;
  log('Interrupted: stopping the CMS and the web, dropping the database...');
  setTimeout(() => process.exit(code), 30_000).unref();
  void (pass?.stop() ?? Promise.resolve()).finally(() => process.exit(code));
};
process.on('SIGINT', () => onSignal(130));
process.on('SIGTERM', () => onSignal(143));

const ms = (value) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value.toFixed(1)) : '-');

// ---- the CMS's answers the targets are chosen from ------------------------------------------------------------
const CM_COMMENTS = '/content-manager/collection-types/api::comment.comment';
const COMMENT_PAGE_SIZE = 20; // web/lib/cms/comments.ts COMMENTS_PAGE_SIZE: the thread API is asked as the site asks it
const HOME_PAGE_SIZE = 10; // web/lib/cms/reviews.ts REVIEWS_PAGE_SIZE

/**
 * What the pass measures: the review with the most comments (the generator makes the first review the big one; the
 * demo seed's most commented one otherwise), one of its genres, three searches, the deepest comment page.
 */
const chooseTargets = async ({ cmsUrl, bigReviewSlug }) => {
  const review = (await json(`${cmsUrl}/api/reviews?${new URLSearchParams({ 'filters[slug][$eq]': bigReviewSlug })}`))
    .data?.[0];
  if (!review) throw new Error(`the CMS has no published review '${bigReviewSlug}'`);
  const genre = review.genres?.[0];
  if (!genre) throw new Error(`review '${review.slug}' has no genre`);
  const thread = await json(
    `${cmsUrl}/api/comments/review/${encodeURIComponent(review.slug)}?page=1&pageSize=${COMMENT_PAGE_SIZE}`,
  );
  const lastCommentPage = Math.max(1, thread.meta.pagination.pageCount);
  // The same three kinds of search on both data sets: a film title word, a genre name (a word many reviews
  // hold), and a short query with a typo (the trigram path).
  const filmWord =
    (review.film?.title ?? review.title).split(/\s+/).find((word) => word.length >= 4) ?? review.title.split(/\s+/)[0];
  const typo = genre.name.length > 4 ? genre.name.slice(0, 2) + genre.name.slice(3) : `${genre.name}x`;
  const searches = [filmWord, genre.name, typo].map((q) => q.toLowerCase());
  const home = await json(
    `${cmsUrl}/api/reviews?${new URLSearchParams({ 'fields[0]': 'slug', 'pagination[pageSize]': String(HOME_PAGE_SIZE) })}`,
  );
  return {
    review,
    genre,
    lastCommentPage,
    threadTotal: thread.meta.pagination.total,
    searches,
    lastHomePage: Math.max(1, home.meta.pagination.pageCount),
  };
};

// ---- measurements -------------------------------------------------------------------------------------------

/** Notices that together expire every tag the measured pages read: their next render reads the CMS again. */
const changeNotices = ({ review, genre }) => [
  { model: 'review', documentId: review.documentId, slug: review.slug },
  { model: 'genre', documentId: genre.documentId, slug: genre.slug },
  ...(review.author ? [{ model: 'author', documentId: review.author.documentId, slug: review.author.slug }] : []),
  ...(review.film ? [{ model: 'film', documentId: review.film.documentId, slug: review.film.slug ?? null }] : []),
  { model: 'faq', documentId: 'bench-site-faqs', slug: null },
];

/** SAMPLES sequential first-requests-after-a-change (web) or plain requests (CMS), in ms. */
const measureUncached = async (target, ctx) => {
  const times = [];
  const cacheStates = {};
  // One render (or request) before counting: the first-ever render of a route also compiles and loads code.
  await getOk(target.url, target.headers);
  if (target.kind === 'cms') await getOk(target.url, target.headers);
  for (let i = 0; i < SAMPLES; i += 1) {
    if (target.kind === 'web') for (const event of ctx.notices) await notify(ctx.webUrl, ctx.secret, event);
    const response = await getOk(target.url, target.headers);
    times.push(response.ms);
    if (target.kind === 'web') {
      const state = response.headers['x-nextjs-cache'] ?? '(none)';
      cacheStates[state] = (cacheStates[state] ?? 0) + 1;
    }
    // Lets what the render left behind (cache writes) finish before the next sample.
    await sleep(50);
  }
  return { ...summarise(times), times, cacheStates };
};

/** wrk against Next once the page is in its cache. */
const measureCached = async (target) => {
  await getOk(target.url);
  await getOk(target.url);
  const result = await runWrk(wrk, target.url, { connections: CONNECTIONS, seconds: CACHED_SECONDS });
  return { p50: result.p50, p99: result.p99, rps: result.rps, errors: result.non2xx + result.socketErrors };
};

const targetsFor = ({ webUrl, cmsUrl, chosen, admin }) => {
  const slug = chosen.review.slug;
  const web = (name, path) => ({ name, kind: 'web', url: `${webUrl}${path}` });
  const cms = (name, path, headers) => ({ name, kind: 'cms', url: `${cmsUrl}${path}`, headers });
  const cmQuery = (query) => `${CM_COMMENTS}?${new URLSearchParams(query)}`;
  return [
    web('home', '/'),
    web('home, last page', chosen.lastHomePage > 1 ? `/latest/${chosen.lastHomePage}` : '/'),
    web('review, comment page 1', `/reviews/${slug}`),
    web(
      'review, last comment page',
      chosen.lastCommentPage > 1 ? `/reviews/${slug}/comments/${chosen.lastCommentPage}` : `/reviews/${slug}`,
    ),
    web('genre', `/genres/${chosen.genre.slug}`),
    ...chosen.searches.map((q, i) => web(`search ${i + 1}`, `/search?${new URLSearchParams({ q })}`)),
    web('sitemap index', '/sitemap.xml'),
    // Its URL count grows with the reviews up to the chunk size (5,000), then stays: held to the ceiling only.
    { ...web('sitemap chunk 1', '/sitemaps/reviews/1.xml'), capped: true },
    web('feed', '/feed.xml'),
    cms('thread API page 1 (CMS)', `/api/comments/review/${slug}?page=1&pageSize=${COMMENT_PAGE_SIZE}`),
    cms(
      'thread API last page (CMS)',
      `/api/comments/review/${slug}?page=${chosen.lastCommentPage}&pageSize=${COMMENT_PAGE_SIZE}`,
    ),
    cms('admin comment list (CMS)', cmQuery({ page: '1', pageSize: '10', sort: 'createdAt:DESC' }), admin),
    cms(
      'admin pending count (CMS)',
      cmQuery({ page: '1', pageSize: '1', 'filters[$and][0][moderationStatus][$eq]': 'pending' }),
      admin,
    ),
  ];
};

/** One pass: a fresh database (demo seed or generated), the CMS and the web on it, every target measured. */
const runPass = async (size) => {
  const passStarted = Date.now();
  log(
    size === 'demo'
      ? 'Demo-size pass: the demo seed on a fresh PostgreSQL database...'
      : `Scale pass: ${REVIEWS.toLocaleString('en-US')} reviews, ${COMMENTS.toLocaleString('en-US')} comments into a fresh PostgreSQL database...`,
  );
  pass = await startScalePass({ size, reviews: REVIEWS, comments: COMMENTS, cmsPort: CMS_PORT, webPort: WEB_PORT });
  try {
    const { cmsUrl, webUrl, secrets, admin, bigReviewSlug, seedMs, seedCommand } = pass;
    const chosen = await chooseTargets({ cmsUrl, bigReviewSlug });
    const ctx = { webUrl, secret: secrets.web.REVALIDATE_SECRET, notices: changeNotices(chosen) };
    const targets = targetsFor({ webUrl, cmsUrl, chosen, admin: await adminHeaders(cmsUrl, admin) });
    const results = {};
    for (const target of targets) {
      const loadBefore = loadAverage();
      const uncached = await measureUncached(target, ctx);
      const cached = target.kind === 'web' ? await measureCached(target) : null;
      results[target.name] = { target, uncached, cached, loadBefore };
      log(
        `${size} ${target.name}: uncached p50 ${ms(uncached.p50)} p99 ${ms(uncached.p99)} ms${cached ? `, cached p50 ${ms(cached.p50)} ms` : ''} (load ${loadBefore})`,
      );
    }
    // Kept for re-measuring a target that left its bound (scale pass only), while this pass still runs.
    const remeasure = async (name) => {
      const target = targets.find((t) => t.name === name);
      return { ...results[name], uncached: await measureUncached(target, ctx), loadBefore: loadAverage() };
    };
    return {
      size,
      chosen,
      results,
      remeasure,
      seedMs,
      seedCommand,
      seconds: Math.round((Date.now() - passStarted) / 1000),
    };
  } catch (error) {
    await pass.stop();
    pass = null;
    throw error;
  }
};

// ---- the run ------------------------------------------------------------------------------------------------
const startedAt = Date.now();
const report = [];
let exitCode = 0;
try {
  for (const port of [CMS_PORT, WEB_PORT]) {
    if (!(await portFree(port))) throw new Error(`port ${port} is already in use: set BENCH_CMS_PORT / BENCH_WEB_PORT`);
  }
  prepareApps();
  await ensureRedis(process.env.REDIS_URL);
  const loadAtStart = loadAverage();

  let demo = null;
  if (!options['skip-demo']) {
    demo = await runPass('demo');
    await pass.stop();
    pass = null;
  }
  const scale = await runPass('scale');

  const names = Object.keys(scale.results);
  const failures = [];
  if (demo) {
    for (const name of names) {
      const capped = scale.results[name].target.capped === true;
      let found = checkTarget(name, demo.results[name].uncached, scale.results[name].uncached, SLACK_MS, { capped });
      // A cost that grows with the data is there on every measurement; a pause of the shared machine (p99 of 30
      // samples is the slowest one) rarely three times running.
      for (let run = 2; run <= MEASUREMENTS && found.length > 0; run += 1) {
        log(
          `${name} left its bound (${found.join('; ')}): measuring it again (${run} of ${MEASUREMENTS}) to tell a real cost from a pause`,
        );
        scale.results[name] = { ...(await scale.remeasure(name)), measured: run };
        found = checkTarget(name, demo.results[name].uncached, scale.results[name].uncached, SLACK_MS, { capped });
      }
      failures.push(...found);
    }
  } else {
    for (const name of names) failures.push(...checkCeiling(name, scale.results[name].uncached));
  }
  await pass.stop();
  pass = null;

  const empty = { uncached: { p50: Number.NaN, p99: Number.NaN }, cached: null };
  report.push(
    '',
    `Marquee at scale: demo size | ${REVIEWS.toLocaleString('en-US')} reviews, ${COMMENTS.toLocaleString('en-US')} comments (PostgreSQL), ${new Date().toISOString()}`,
    `${os.cpus().length} cores shared by wrk, Next, Strapi, PostgreSQL and anything else running; loopback; load average at start ${loadAtStart}, now ${loadAverage()}.`,
    `Command: node scripts/bench-scale.mjs ${process.argv.slice(2).join(' ')}`.trimEnd(),
    `Uncached: ${SAMPLES} sequential requests per target. Web pages: each request follows signed change notices to /api/revalidate`,
    '  (review, genre, author, film, FAQs: every cache tag the pages read expires), so each is a fresh render reading the CMS.',
    `  CMS endpoints: no cache in front; two warm-up requests not counted. p99 is nearest-rank (of ${SAMPLES} samples: ${SAMPLES < 100 ? 'the slowest' : 'nearest rank'}).`,
    `Cached: wrk -t1 -c${CONNECTIONS} -d${CACHED_SECONDS}s --latency <url> against Next (its full-route cache), after two warm requests.`,
    '',
    ...formatTable(
      names.map((name) => ({
        name: `${name}${scale.results[name].measured ? ` *${scale.results[name].measured}` : ''}`,
        demo: demo?.results[name] ?? empty,
        scale: scale.results[name],
      })),
    ),
    '',
    ...(names.some((name) => scale.results[name].measured)
      ? [
          `*N: measured N times at scale (once more each time it left its bound, at most ${MEASUREMENTS}): the figure shown is the last run.`,
          '',
        ]
      : []),
    'Targets:',
    ...[demo, scale]
      .filter(Boolean)
      .map(
        (p) =>
          `  ${p.size}: review ${p.chosen.review.slug} (${p.chosen.threadTotal.toLocaleString('en-US')} top-level comments, ${p.chosen.lastCommentPage} comment pages), genre ${p.chosen.genre.slug}, searches ${p.chosen.searches.map((q) => `"${q}"`).join(', ')}; pass ${p.seconds} s${p.seedMs ? `, data generated in ${Math.round(p.seedMs / 1000)} s by: ${p.seedCommand}` : ''}`,
      ),
    'URLs:',
    ...names.map((name) => `  ${name}: ${scale.results[name].target.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, '')}`),
    'Web x-nextjs-cache of the uncached samples (scale): ' +
      names
        .filter((n) => scale.results[n].target.kind === 'web')
        .map(
          (n) =>
            `${n} ${Object.entries(scale.results[n].uncached.cacheStates)
              .map(([k, v]) => `${k} ${v}`)
              .join('/')}`,
        )
        .join('; '),
    '',
    `Bounds: every uncached figure at scale <= ${RATIO_BOUND}x demo size (or demo + ${SLACK_MS} ms when larger), uncached p99 <= ${P99_CEILING_MS} ms.`,
    ...names
      .filter((n) => scale.results[n].target.capped)
      .map(
        (n) =>
          `  ${n}: its size grows with the reviews up to a fixed cap (5,000 URLs), so it is held to the ${P99_CEILING_MS} ms ceiling only.`,
      ),
    ...(failures.length === 0 ? ['  all met'] : failures.map((f) => `  NOT MET: ${f}`)),
    '',
    `Finished in ${Math.round((Date.now() - startedAt) / 1000)} s.`,
  );
  if (options.check && failures.length > 0) exitCode = 1;
} catch (error) {
  if (!interrupted) {
    log(`The scale bench failed: ${error.stack ?? error.message}`);
    exitCode = 1;
  }
} finally {
  if (!interrupted) {
    await pass?.stop();
    closeConnections();
    console.log(report.join('\n'));
    if (options.check && exitCode === 1 && report.length > 0)
      console.log('bench:scale --check: a figure left its bound (see NOT MET above).');
    process.exit(exitCode);
  }
}
