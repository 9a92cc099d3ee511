// `npm run start:scaled`: the production topology (docker-compose.yml) as local processes. The CMS on its own
// PostgreSQL database with the demo content, two web replicas (production build) sharing one Redis cache, and the
// caching proxy (Debian's nginx, run unprivileged from proxy/nginx.conf) in front on http://localhost:8080.
// Ctrl-C stops everything and drops the database. startScaledStack() serves the browser tests and the benchmark.
//
//   reader ──> nginx :8080 (micro-cache, stale copy) ──> web :3101 ─┐
//                                                  └──> web :3102 ─┼─> CMS :1339 ──> PostgreSQL (own database)
//   CMS change notice ──> web :3101 /api/revalidate       Redis <──┘  (shared cache, key prefix per run)
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ephemeralEnv } from './env-files.mjs';
import {
  dropRedisKeys,
  ensureRedis,
  exited,
  findNginx,
  findNjsModule,
  log,
  portFree,
  root,
  start,
  stop,
  unprivilegedNginxConfig,
  waitFor,
} from './lib.mjs';
import { createDatabase, prepareApps, runAdmin, startCms, startWeb, stopAll } from './stack.mjs';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** proxy/nginx.conf with its MARQUEE_* placeholders filled in, as the nginx image's envsubst does in compose. */
export const renderProxyConfig = (values) =>
  readFileSync(path.join(root, 'proxy', 'nginx.conf'), 'utf8').replace(/\$\{(MARQUEE_[A-Z0-9_]+)\}/g, (_, name) => {
    if (values[name] === undefined) throw new Error(`proxy/nginx.conf uses \${${name}}, which has no value`);
    return values[name];
  });

/**
 * Debian's nginx in the foreground (`daemon off`, so stopping the process stops it) from a temporary folder that
 * holds its main config, pid, temp files and cache: nothing of the system's nginx is used or touched.
 * `stop()` stops it and deletes the folder.
 */
export const startProxy = ({
  port,
  webPorts,
  testReaders = false,
  refreshSecret = randomBytes(24).toString('hex'),
  forwardSecret = randomBytes(24).toString('hex'),
  cookieSecret = randomBytes(24).toString('hex'),
}) => {
  const nginx = findNginx();
  const njs = findNjsModule();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-proxy-'));
  // Run as root, nginx's workers run as `nobody`: they must reach the cache and temp folders below this one.
  chmodSync(dir, 0o755);
  for (const sub of ['cache', 'temp']) mkdirSync(path.join(dir, sub), { mode: 0o755 });
  writeFileSync(
    path.join(dir, 'marquee.conf'),
    renderProxyConfig({
      MARQUEE_LISTEN: `127.0.0.1:${port}`,
      MARQUEE_WEB_SERVERS: webPorts
        .map((webPort) => `server 127.0.0.1:${webPort} max_fails=1 fail_timeout=5s;`)
        .join('\n    '),
      MARQUEE_CACHE_DIR: path.join(dir, 'cache'),
      MARQUEE_REFRESH_SECRET: refreshSecret,
      MARQUEE_FORWARD_SECRET: forwardSecret,
      MARQUEE_READER_SERVERS: webPorts.map((webPort) => `server 127.0.0.1:${webPort} max_fails=0;`).join('\n    '),
      MARQUEE_NJS_FILE: path.join(root, 'proxy', 'reader.js'),
      MARQUEE_COOKIE_SECRET: cookieSecret,
    }),
  );
  // The main config around proxy/nginx.conf for a local, unprivileged nginx (compose uses the image's own).
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    unprivilegedNginxConfig({
      dir,
      modules: [njs],
      http: `${
        testReaders
          ? `    # Test mode: every browser of the test run connects from loopback, so the flood limit would see one reader.
    # The run's proxy stands for the readers' own edge and believes X-Marquee-Test-Reader, from loopback only;
    # X-Forwarded-For is still overwritten with that address (what the rotation test proves).
    set_real_ip_from 127.0.0.1;
    real_ip_header X-Marquee-Test-Reader;
`
          : ''
      }    include ${path.join(dir, 'marquee.conf')};`,
    }),
  );
  const child = start('proxy', nginx, ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-e', 'stderr']);
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: async () => {
      stop(child);
      await exited(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/**
 * The scaled topology as local processes: the CMS (PostgreSQL by default, its own database), web replicas on
 * `webPorts` sharing Redis (`REDIS_KEY_PREFIX` unique to this run), nginx on `proxyPort` in front. The CMS's change
 * notices go to the first replica (the cache is shared, so one notice refreshes them all); SITE_URL is the proxy.
 * `stopWeb(i)`/`startWeb(i)` stop and restart one replica (what the proxy does without it is the point).
 * Aborting `signal` while it starts stops what has started, drops the database and rejects.
 */
export const startScaledStack = async ({
  database = 'postgres',
  proxyPort = 8080,
  webPorts = [3101, 3102],
  cmsPort = 1339,
  quiet = true,
  signal,
  testReaders = false,
} = {}) => {
  prepareApps();
  findNginx();
  findNjsModule();
  await ensureRedis(REDIS_URL);
  const busy = [];
  for (const port of [proxyPort, cmsPort, ...webPorts]) if (!(await portFree(port))) busy.push(port);
  if (busy.length > 0) throw new Error(`port ${busy.join(', ')} already in use (another Marquee running?)`);

  const proxyUrl = `http://localhost:${proxyPort}`;
  const webUrls = webPorts.map((port) => `http://localhost:${port}`);
  const runId = `${process.pid}-${Date.now()}`;
  const redisKeyPrefix = `marquee:${runId}:`;
  const secrets = ephemeralEnv({ cmsPort, webPort: webPorts[0] });
  // Canonical URLs, the feed and the admin's preview links name the proxy: readers never see a replica.
  secrets.cms.CLIENT_URL = proxyUrl;
  // nginx overwrites X-Forwarded-For with the address it sees: one trusted hop.
  // A change notice makes the replica that gets it ask the proxy for the changed pages at once.
  const refreshSecret = randomBytes(24).toString('hex');
  const forwardSecret = randomBytes(24).toString('hex');
  Object.assign(secrets.web, {
    SITE_URL: proxyUrl,
    REDIS_URL,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    TRUSTED_PROXY_HOPS: '1',
    PROXY_REFRESH_URL: `http://127.0.0.1:${proxyPort}`,
    PROXY_REFRESH_SECRET: refreshSecret,
    TRUSTED_PROXY_SECRET: forwardSecret,
  });
  const admin = runAdmin();

  const db = createDatabase(database);
  log(
    `Starting the CMS on ${database} (port ${cmsPort}), web replicas on ${webPorts.join(' and ')}, and nginx on ${proxyPort}...`,
  );
  const children = { cms: null, webs: webPorts.map(() => null), proxy: null };
  const apps = () => [...children.webs, children.cms].filter(Boolean);
  let proxy;
  let stopping;
  const stopScaled = () =>
    (stopping ??= (async () => {
      await Promise.all([proxy?.stop(), stopAll(apps())]);
      db.drop();
      await dropRedisKeys(REDIS_URL, redisKeyPrefix);
    })());
  // Stopping the children makes the waits below fail at once (waitFor watches each child).
  signal?.addEventListener('abort', () => stopScaled(), { once: true });

  const startReplica = async (i) => {
    const port = webPorts[i];
    if (port === undefined) throw new Error(`no web replica ${i}`);
    const current = children.webs[i];
    if (current && current.exitCode === null && current.signalCode === null) return;
    const child = startWeb({ name: `web${i + 1}`, port, env: secrets.web });
    children.webs[i] = child;
    await waitFor(`http://127.0.0.1:${port}/api/health`, 60_000, child);
  };
  const stopReplica = async (i) => {
    const child = children.webs[i];
    if (!child) throw new Error(`no web replica ${i}`);
    stop(child);
    await exited(child);
  };

  try {
    signal?.throwIfAborted();
    children.cms = startCms({
      env: { ...secrets.cms, ...db.env, NODE_ENV: 'production', SEED_DEMO_CONTENT: 'true' },
      admin,
      quiet,
    });
    proxy = startProxy({
      port: proxyPort,
      webPorts,
      testReaders,
      refreshSecret,
      forwardSecret,
      cookieSecret: secrets.web.COMMENT_COOKIE_SECRET,
    });
    children.proxy = proxy.child;
    await waitFor(`http://127.0.0.1:${cmsPort}/api/health`, 180_000, children.cms);
    // Started once the CMS answers, as in compose (web depends on cms healthy), so no first page is an error.
    await Promise.all(webPorts.map((_, i) => startReplica(i)));
    await waitFor(`http://127.0.0.1:${proxyPort}/api/health`, 15_000, children.proxy);
    signal?.throwIfAborted();
  } catch (error) {
    await stopScaled();
    throw signal?.aborted ? new Error('stopped while starting') : error;
  }
  return {
    proxyUrl,
    webUrls,
    cmsUrl: `http://127.0.0.1:${cmsPort}`,
    admin,
    secrets,
    // The run's database (DATABASE_* variables): a second CMS process on it shares the content (the newsroom bench).
    database: db.env,
    redisKeyPrefix,
    children,
    stopWeb: stopReplica,
    startWeb: startReplica,
    stop: stopScaled,
  };
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const starting = new AbortController();
  let stack;
  let stopping = false;
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    log('Stopping (nginx, web replicas, CMS; dropping the database)...');
    setTimeout(() => process.exit(code), 20_000).unref();
    if (!stack) return starting.abort(); // startScaledStack cleans up, then the catch below exits
    await stack.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  try {
    stack = await startScaledStack({
      database: process.env.DATABASE_CLIENT ?? 'postgres',
      proxyPort: Number(process.env.PROXY_PORT ?? 8080),
      quiet: true,
      signal: starting.signal,
    });
  } catch (error) {
    if (!stopping) log(`Marquee did not start: ${error.message}`);
    process.exit(stopping ? 0 : 1);
  }
  const { children } = stack;
  for (const [name, child] of [
    ['the CMS', children.cms],
    ['nginx', children.proxy],
  ]) {
    child.on('exit', (code) => !stopping && (log(`${name} exited (${code}); stopping`), shutdown(1)));
  }
  children.webs.forEach((child, i) =>
    child.on(
      'exit',
      (code) =>
        !stopping &&
        log(
          `web replica ${i + 1} exited (${code}); the proxy answers from the other one, or with its last good copies`,
        ),
    ),
  );
  log(`Ready in ${Math.round((Date.now() - started) / 1000)} s`);
  log(`Site:        ${stack.proxyUrl}   (nginx, caching; X-Cache-Status on every answer)`);
  log(`Replicas:    ${stack.webUrls.join(', ')}   (Redis key prefix ${stack.redisKeyPrefix})`);
  log(`Admin panel: ${stack.cmsUrl.replace('127.0.0.1', 'localhost')}/admin`);
  log(`  login: ${stack.admin.email} / ${stack.admin.password}  (this run only)`);
  log(`CMS API:     ${stack.cmsUrl.replace('127.0.0.1', 'localhost')}/api/reviews`);
  log('Press Ctrl-C to stop.');
}
