import { createStrapi, type Core } from '@strapi/strapi';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';

const appDir = path.resolve(__dirname, '..', '..');
let databases = 0;

export const TEST_SECRETS = {
  WEB_API_TOKEN: 'test-web-token-0123456789abcdef0123456789',
  COMMENT_FORM_SECRET: 'test-form-secret-0123456789abcdef',
  COMMENT_IP_HASH_SECRET: 'test-ip-hash-secret-0123456789abcdef',
  REVALIDATE_SECRET: 'test-revalidate-secret-0123456789',
};

export interface TestDatabase {
  /** What Strapi needs to reach it (DATABASE_* and PUBLIC_DIR, the uploads that go with it). */
  env: Record<string, string>;
  drop: () => Promise<void>;
}

/**
 * Where the suite's PostgreSQL server is, and its maintenance database ("test"). Read once, before any boot writes a
 * test's own DATABASE_* into process.env.
 */
export const POSTGRES_SERVER = {
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  user: process.env.DATABASE_USERNAME ?? 'postgres',
  password: process.env.DATABASE_PASSWORD ?? '',
  database: process.env.DATABASE_ADMIN_DB ?? 'test',
};
export const ON_POSTGRES = process.env.DATABASE_CLIENT === 'postgres';

/** Runs one statement on the PostgreSQL server's maintenance database. */
export const runOnPostgresServer = async (sql: string) => {
  const client = new Client(POSTGRES_SERVER);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/** The temporary database one booted Strapi runs on: a SQLite file, or a fresh PostgreSQL database. */
export const createDatabase = async (): Promise<TestDatabase> => {
  if (ON_POSTGRES) {
    const admin = POSTGRES_SERVER;
    const name = `marquee_test_${process.pid}_${Date.now()}_${++databases}`;
    const publicDir = mkdtempSync(path.join(os.tmpdir(), 'marquee-cms-public-'));
    await runOnPostgresServer(`CREATE DATABASE ${name}`);
    return {
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: admin.host,
        DATABASE_PORT: String(admin.port),
        DATABASE_USERNAME: admin.user,
        DATABASE_PASSWORD: admin.password,
        DATABASE_NAME: name,
        DATABASE_URL: '',
        PUBLIC_DIR: publicDir,
      },
      drop: async () => {
        await runOnPostgresServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        rmSync(publicDir, { recursive: true, force: true });
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-cms-'));
  return {
    env: {
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(dir, 'data.db'),
      PUBLIC_DIR: path.join(dir, 'public'),
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

/**
 * Strapi emits a document's events after its transaction commits, with queries of their own. Destroying the app while
 * one is under way leaves it waiting for a connection from a closed pool, and it crashes the test run a minute later.
 * Waits until the pool has been idle for a few consecutive checks (at most 2 s).
 */
const settle = async (strapi: Core.Strapi) => {
  const { pool } = (
    strapi.db.connection as unknown as { client: { pool: { numUsed(): number; numPendingAcquires(): number } } }
  ).client;
  let idleChecks = 0;
  for (let round = 0; round < 100 && idleChecks < 3; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    idleChecks = pool.numUsed() + pool.numPendingAcquires() === 0 ? idleChecks + 1 : 0;
  }
};

export interface TestApp {
  strapi: Core.Strapi;
  api: () => ReturnType<typeof request>;
  database: TestDatabase;
  /** Destroys the app, and drops its database unless the caller brought it (and drops it itself). */
  stop: () => Promise<void>;
}

/**
 * Boots the real Strapi app (compiled once by global-setup) on a database of its own, or on `database` (to boot
 * again on the same data, as a restart does).
 */
export const bootStrapi = async (
  env: Record<string, string> = {},
  options: { database?: TestDatabase } = {},
): Promise<TestApp> => {
  const database = options.database ?? (await createDatabase());
  mkdirSync(path.join(database.env.PUBLIC_DIR ?? '', 'uploads'), { recursive: true });
  Object.assign(process.env, {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    APP_KEYS: 'test-key-one,test-key-two',
    API_TOKEN_SALT: 'test-api-token-salt',
    ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
    TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
    JWT_SECRET: 'test-jwt-secret',
    ENCRYPTION_KEY: 'test-encryption-key',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    SEED_DEMO_CONTENT: 'false',
    REVALIDATE_URL: '',
    COMMENT_MIN_SUBMIT_SECONDS: '3',
    ...TEST_SECRETS,
    ...database.env,
    ...env,
  });
  const instance = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  // Request and migration logs drown the test report; warnings and errors still show.
  instance.log.level = process.env.TEST_LOG_LEVEL ?? 'warn';
  const strapi = await instance.load();
  strapi.server.mount();
  return {
    strapi,
    api: () => request(strapi.server.httpServer),
    database,
    stop: async () => {
      await settle(strapi);
      await strapi.destroy();
      if (!options.database) await database.drop();
    },
  };
};
