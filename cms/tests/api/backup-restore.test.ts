import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import {
  bootStrapi,
  ON_POSTGRES,
  POSTGRES_SERVER,
  runOnPostgresServer,
  type TestApp,
  type TestDatabase,
} from '../helpers/strapi';

/**
 * The backup and restore drill, with the tools an operator uses: back up a seeded database while the CMS runs, restore
 * it into a new database with a copy of the uploads, boot the CMS on the restore and find everything there.
 * - PostgreSQL: `pg_dump --format=custom`, then `pg_restore` into a new, empty database.
 * - SQLite: SQLite's online backup API (what `sqlite3 data.db ".backup copy.db"` runs), from a second connection.
 */
const run = promisify(execFile);

const backUpAndRestore = async (source: TestDatabase): Promise<TestDatabase> => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-restore-'));
  const publicDir = path.join(dir, 'public');
  cpSync(source.env.PUBLIC_DIR ?? '', publicDir, { recursive: true });

  if (ON_POSTGRES) {
    const name = `${source.env.DATABASE_NAME}_restored`;
    const dump = path.join(dir, 'marquee.dump');
    const connection = [
      '--host',
      POSTGRES_SERVER.host,
      '--port',
      String(POSTGRES_SERVER.port),
      '--username',
      POSTGRES_SERVER.user,
    ];
    const env = { ...process.env, PGPASSWORD: POSTGRES_SERVER.password };
    await run('pg_dump', [...connection, '--format=custom', '--file', dump, source.env.DATABASE_NAME ?? ''], { env });
    await runOnPostgresServer(`CREATE DATABASE ${name}`);
    await run(
      'pg_restore',
      [...connection, '--no-owner', '--no-privileges', '--exit-on-error', '--dbname', name, dump],
      { env },
    );
    return {
      env: { ...source.env, DATABASE_NAME: name, PUBLIC_DIR: publicDir },
      drop: async () => {
        await runOnPostgresServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  const filename = path.join(dir, 'data.db');
  const live = new Database(source.env.DATABASE_FILENAME ?? '', { readonly: true, fileMustExist: true });
  try {
    await live.backup(filename);
  } finally {
    live.close();
  }
  return {
    env: { ...source.env, DATABASE_FILENAME: filename, PUBLIC_DIR: publicDir },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

/** Rows of every content type and component, Strapi's own included (admin users, API tokens, files, roles...). */
const countEverything = async (strapi: Core.Strapi) => {
  const counts: Record<string, number> = {};
  for (const uid of [...Object.keys(strapi.contentTypes), ...Object.keys(strapi.components)].sort()) {
    counts[uid] = await strapi.db.query(uid).count();
  }
  return counts;
};

/** What the site reads, relations and media included. */
const publicAnswers = async (app: TestApp) => {
  const answers: Record<string, unknown> = {};
  for (const path of ['/api/reviews', '/api/faqs', '/api/films', '/api/authors', '/api/genres']) {
    answers[path] = (await app.api().get(path).query({ 'pagination[pageSize]': 50 }).expect(200)).body;
  }
  answers.thread = (await app.api().get('/api/comments/review/miracle-in-cell-no-7-review').expect(200)).body;
  return answers;
};

let original: TestApp | undefined;
let restored: TestApp | undefined;
let copy: TestDatabase | undefined;

afterAll(async () => {
  await original?.stop();
  await restored?.stop();
  await copy?.drop();
});

describe('backup and restore drill', () => {
  it('restores a seeded database with the same rows of every content type, the same API answers and the uploads', async () => {
    original = await bootStrapi({ SEED_DEMO_CONTENT: 'true' });
    const counts = await countEverything(original.strapi);
    expect(counts['api::review.review']).toBeGreaterThanOrEqual(12);
    expect(counts['api::comment.comment']).toBeGreaterThan(0);
    expect(counts['plugin::upload.file']).toBeGreaterThan(0);
    const answers = await publicAnswers(original);

    copy = await backUpAndRestore(original.database);
    await original.stop();
    original = undefined;

    restored = await bootStrapi({ SEED_DEMO_CONTENT: 'false' }, { database: copy });
    expect(await countEverything(restored.strapi)).toEqual(counts);
    expect(await publicAnswers(restored)).toEqual(answers);
    const reviews = z
      .object({ data: z.array(z.object({ cover: z.object({ url: z.string() }) })) })
      .parse(answers['/api/reviews']);
    for (const { cover } of reviews.data) {
      const image = await restored.api().get(cover.url).expect(200);
      expect(image.headers['content-type']).toBe('image/webp');
    }
  });
});
