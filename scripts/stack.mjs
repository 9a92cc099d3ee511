// The whole product as local processes, as compose runs it: a database, the CMS on it, the web on the CMS.
// Used by the browser tests and the benchmark; each run has its own database and fresh secrets.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ephemeralEnv } from './env-files.mjs';
import { ensureCmsBuilt, ensureInstalled, ensureWebBuilt, log, notRequestLog, root, run, start, stop, waitFor } from './lib.mjs';

const psql = (sql, env) => {
  const result = spawnSync('psql', ['-v', 'ON_ERROR_STOP=1', '-h', env.DATABASE_HOST, '-p', env.DATABASE_PORT, '-U', env.DATABASE_USERNAME, '-d', process.env.DATABASE_ADMIN_DB ?? 'test', '-c', sql], {
    stdio: 'inherit',
    env: { ...process.env, PGPASSWORD: env.DATABASE_PASSWORD },
  });
  if (result.status !== 0) throw new Error(`psql failed: ${sql}`);
};

/** A database of its own for one run: a SQLite file, or a PostgreSQL database created now and dropped by stop(). */
const createDatabase = (client) => {
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
  return { env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') }, drop: () => rmSync(dir, { recursive: true, force: true }) };
};

export const startStack = async ({
  database = process.env.DATABASE_CLIENT ?? 'sqlite',
  cmsPort = Number(process.env.STACK_CMS_PORT ?? 1338),
  webPort = Number(process.env.STACK_WEB_PORT ?? 3001),
  quiet = true,
} = {}) => {
  ensureInstalled('cms');
  ensureInstalled('web');
  ensureCmsBuilt();
  ensureWebBuilt();

  const db = createDatabase(database);
  const secrets = ephemeralEnv({ cmsPort, webPort });
  const admin = { email: 'moderator@marquee.test', password: `Stack-${Date.now()}-Pass` };
  const cmsEnv = { ...secrets.cms, ...db.env, NODE_ENV: 'production', SEED_DEMO_CONTENT: 'true' };
  const cmsDir = path.join(root, 'cms');

  log(`Starting the CMS on ${database} (port ${cmsPort}) and the web (port ${webPort})...`);
  // Creates the schema, runs bootstrap (seeding the demo content) and the first admin, then exits.
  run('npx', ['strapi', 'admin:create-user', '--firstname=Mo', '--lastname=Derator', `--email=${admin.email}`, `--password=${admin.password}`], {
    cwd: cmsDir,
    env: cmsEnv,
    stdio: quiet ? 'ignore' : 'inherit',
  });
  const cms = start('cms', 'npx', ['strapi', 'start'], { cwd: cmsDir, env: cmsEnv, keep: quiet ? notRequestLog : undefined });
  const web = start('web', 'npx', ['next', 'start', '-p', String(webPort), '-H', '127.0.0.1'], {
    cwd: path.join(root, 'web'),
    env: { ...secrets.web, NODE_ENV: 'production' },
  });
  const children = [cms, web];
  const stopAll = async () => {
    children.forEach((child) => stop(child));
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.on('exit', resolve)))));
    db.drop();
  };
  try {
    await waitFor(`http://127.0.0.1:${cmsPort}/api/health`, 180_000, cms);
    await waitFor(`http://127.0.0.1:${webPort}/`, 60_000, web);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    cmsUrl: `http://127.0.0.1:${cmsPort}`,
    webUrl: `http://localhost:${webPort}`,
    admin,
    secrets,
    children,
    stop: stopAll,
  };
};
