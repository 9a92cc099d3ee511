// One pass of the scale bench: a fresh PostgreSQL database with the demo seed or the scale generator's data, then
// the CMS (`strapi start`) and one web process (the standalone server) on it. Built from the stack's pieces
// (scripts/stack.mjs) with one difference: the generator fills the database between the schema's creation and the CMS's start.
import { ephemeralEnv } from '../env-files.mjs';
import { dropRedisKeys, log, waitFor } from '../lib.mjs';
import { databaseFromEnv, seedScale } from '../seed-scale.mjs';
import { createDatabase, runAdmin, startCms, startWeb, stopAll } from '../stack.mjs';

/** The demo seed's review with the most comments (cms/src/bootstrap/seed data; scripts/bench.mjs measures it too). */
export const DEMO_BIG_REVIEW = 'miracle-in-cell-no-7-review';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Starts one pass. `size` 'demo' seeds the demo content; 'scale' runs the generator (`reviews`, `comments`) into the
 * new database first. Resolves { cmsUrl, webUrl, secrets, admin, bigReviewSlug, seedMs, seedCommand, stop }.
 */
export const startScalePass = async ({ size, reviews, comments, cmsPort, webPort }) => {
  const db = createDatabase('postgres');
  const secrets = ephemeralEnv({ cmsPort, webPort });
  // Next's caches in Redis under this pass's own prefix: nothing one pass rendered is served in the other.
  const redisKeyPrefix = `marquee:bench-scale:${process.pid}-${Date.now()}:`;
  Object.assign(secrets.web, { REDIS_URL, REDIS_KEY_PREFIX: redisKeyPrefix, TRUSTED_PROXY_HOPS: '1' });
  const admin = runAdmin();
  const children = [];
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      await stopAll(children);
      db.drop();
      await dropRedisKeys(REDIS_URL, redisKeyPrefix);
    })());

  try {
    let seedMs = 0;
    let seedCommand = null;
    let bigReviewSlug = DEMO_BIG_REVIEW;
    if (size === 'scale') {
      const started = Date.now();
      // `force`: the database was created for this pass a moment ago (its name is the stack's, not a "bench" one).
      const seeded = await seedScale({
        reviews,
        comments,
        database: databaseFromEnv(db.env),
        force: true,
        log: (line) => log(`seed:scale ${line}`),
      });
      seedMs = Date.now() - started;
      seedCommand = `npm run seed:scale -- --reviews ${reviews} --comments ${comments}`;
      bigReviewSlug = seeded.hotReviewSlug;
    }
    log(`Starting the CMS (port ${cmsPort}) and the web (port ${webPort})...`);
    const cms = startCms({
      env: { ...secrets.cms, ...db.env, NODE_ENV: 'production', SEED_DEMO_CONTENT: size === 'demo' ? 'true' : 'false' },
      admin,
    });
    children.push(cms);
    await waitFor(`http://127.0.0.1:${cmsPort}/api/health`, 180_000, cms);
    const web = startWeb({ port: webPort, env: secrets.web });
    children.push(web);
    await waitFor(`http://127.0.0.1:${webPort}/api/health`, 60_000, web);
    return {
      cmsUrl: `http://127.0.0.1:${cmsPort}`,
      webUrl: `http://127.0.0.1:${webPort}`,
      secrets,
      admin,
      bigReviewSlug,
      seedMs,
      seedCommand,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
