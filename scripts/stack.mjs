// The whole product as local processes, as compose runs it: a database, the CMS on it, the web on the CMS.
// Used by the browser tests and the benchmark; each run has its own database and fresh secrets.
// The pieces (database, CMS, a web process) are exported for scripts/scaled.mjs, which adds web replicas, Redis
// and the caching proxy.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ephemeralEnv } from './env-files.mjs';
import {
  ensureCmsBuilt,
  ensureInstalled,
  ensureWebBuilt,
  exited,
  log,
  notRequestLog,
  quietEnv,
  root,
  start,
  stop,
  waitFor,
} from './lib.mjs';

const psql = (sql, env) => {
  const result = spawnSync(
    'psql',
    [
      '-v',
      'ON_ERROR_STOP=1',
      '-h',
      env.DATABASE_HOST,
      '-p',
      env.DATABASE_PORT,
      '-U',
      env.DATABASE_USERNAME,
      '-d',
      process.env.DATABASE_ADMIN_DB ?? 'test',
      '-c',
      sql,
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, PGPASSWORD: env.DATABASE_PASSWORD },
    },
  );
  if (result.status !== 0) throw new Error(`psql failed: ${sql}`);
};

/** A database of its own for one run: a SQLite file, or a PostgreSQL database created now and dropped by drop(). */
export const createDatabase = (client) => {
  if (client === 'postgres') {
    const env = {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: process.env.DATABASE_HOST ?? '127.0.0.1',
      DATABASE_PORT: process.env.DATABASE_PORT ?? '5432',
      DATABASE_USERNAME: process.env.DATABASE_USERNAME ?? 'postgres',
      DATABASE_PASSWORD: process.env.DATABASE_PASSWORD ?? '',
      DATABASE_NAME: `marquee_stack_${process.pid}_${Date.now()}`,
      DATABASE_URL: '',
    };
    psql(`CREATE DATABASE ${env.DATABASE_NAME}`, env);
    return { env, drop: () => psql(`DROP DATABASE IF EXISTS ${env.DATABASE_NAME} WITH (FORCE)`, env) };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-stack-'));
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
    drop: () => rmSync(dir, { recursive: true, force: true }),
  };
};

/** Installs and builds what is missing or stale: both apps, production builds. */
export const prepareApps = () => {
  ensureInstalled('cms');
  ensureInstalled('web');
  ensureCmsBuilt();
  ensureWebBuilt();
};

/** The moderator every run creates (the browser tests sign in with it). */
export const runAdmin = () => ({ email: 'moderator@marquee.test', password: `Stack-${Date.now()}-Pass` });

/**
 * The one way the scripts start the CMS: `strapi start` on the production build, with `env` over cms/.env. With
 * `admin`, `strapi admin:create-user` runs first, which creates the schema (or finds it), runs bootstrap (the demo
 * seed, the web's API token) and creates that admin, then exits. `quiet` drops the request log.
 */
export const startCms = ({ env = {}, admin, quiet = true }) => {
  const cmsDir = path.join(root, 'cms');
  if (admin) {
    // Throws rather than exiting, so that the caller drops the database it created for this run.
    const setup = spawnSync(
      'npx',
      [
        'strapi',
        'admin:create-user',
        '--firstname=Mo',
        '--lastname=Derator',
        `--email=${admin.email}`,
        `--password=${admin.password}`,
      ],
      {
        cwd: cmsDir,
        env: { ...process.env, ...quietEnv, ...env },
        stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
      },
    );
    if (setup.status !== 0)
      throw new Error(
        `'strapi admin:create-user' failed (exit ${setup.status ?? setup.signal}): the CMS could not start on this database`,
      );
  }
  return start('cms', 'npx', ['strapi', 'start'], { cwd: cmsDir, env, keep: quiet ? notRequestLog : undefined });
};

/** One web process (the production build's standalone server, as the Dockerfile runs it) on `hostname`:`port`. */
export const startWeb = ({ name = 'web', port, hostname = '127.0.0.1', env = {} }) =>
  start(name, 'node', ['scripts/start.mjs'], {
    cwd: path.join(root, 'web'),
    env: { ...env, NODE_ENV: 'production', PORT: String(port), HOSTNAME: hostname },
  });

/** Stops the children (each with its process group) and waits until all have exited. */
export const stopAll = async (children) => {
  children.forEach((child) => stop(child));
  await Promise.all(children.map(exited));
};

export const startStack = async ({
  database = process.env.DATABASE_CLIENT ?? 'sqlite',
  cmsPort = Number(process.env.STACK_CMS_PORT ?? 1338),
  webPort = Number(process.env.STACK_WEB_PORT ?? 3001),
  quiet = true,
} = {}) => {
  prepareApps();

  const db = createDatabase(database);
  const secrets = ephemeralEnv({ cmsPort, webPort });
  const admin = runAdmin();
  log(`Starting the CMS on ${database} (port ${cmsPort}) and the web (port ${webPort})...`);
  const children = [];
  const stopStack = async () => {
    await stopAll(children);
    db.drop();
  };
  let cms;
  let web;
  try {
    cms = startCms({
      env: { ...secrets.cms, ...db.env, NODE_ENV: 'production', SEED_DEMO_CONTENT: 'true' },
      admin,
      quiet,
    });
    // No proxy here: the browser tests play the one trusted proxy (with its X-Marquee-Proxy secret, E2E_PROXY_SECRET)
    // and give each reader its own X-Forwarded-For.
    Object.assign(secrets.web, { TRUSTED_PROXY_HOPS: '1', TRUSTED_PROXY_SECRET: randomBytes(24).toString('hex') });
    web = startWeb({ port: webPort, env: secrets.web });
    children.push(cms, web);
    await waitFor(`http://127.0.0.1:${cmsPort}/api/health`, 180_000, cms);
    await waitFor(`http://127.0.0.1:${webPort}/`, 60_000, web);
  } catch (error) {
    await stopStack();
    throw error;
  }
  return {
    cmsUrl: `http://127.0.0.1:${cmsPort}`,
    webUrl: `http://localhost:${webPort}`,
    admin,
    secrets,
    children,
    stop: stopStack,
  };
};
