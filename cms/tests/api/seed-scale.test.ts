import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { bootStrapi, POSTGRES_SERVER, runOnPostgresServer, type TestApp, type TestDatabase } from '../helpers/strapi';

/**
 * The scale generator writes PostgreSQL only (it is for 1,000,000 comments), so this suite runs on the PostgreSQL
 * server whichever database the rest of the suite uses. It fills a fresh database with a small run through the CLI
 * (`npm run seed:scale` runs the same), then reads it back through Strapi's REST API.
 */
const run = promisify(execFile);
const script = path.resolve(__dirname, '..', '..', '..', 'scripts', 'seed-scale.mjs');
const name = `marquee_test_scale_${process.pid}_${Date.now()}`;
const REVIEWS = 50;
const COMMENTS = 2_000;

let app: TestApp;
let database: TestDatabase;
let seedOutput = '';

const sql = async <T>(query: string): Promise<T[]> => {
  const client = new Client({ ...POSTGRES_SERVER, database: name });
  await client.connect();
  try {
    return (await client.query(query)).rows as T[];
  } finally {
    await client.end();
  }
};

const seedEnv = (databaseName: string) => ({
  ...process.env,
  DATABASE_CLIENT: 'postgres',
  DATABASE_URL: '',
  DATABASE_HOST: POSTGRES_SERVER.host,
  DATABASE_PORT: String(POSTGRES_SERVER.port),
  DATABASE_USERNAME: POSTGRES_SERVER.user,
  DATABASE_PASSWORD: POSTGRES_SERVER.password,
  DATABASE_NAME: databaseName,
});

beforeAll(async () => {
  await runOnPostgresServer(`CREATE DATABASE ${name}`);
  database = {
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: POSTGRES_SERVER.host,
      DATABASE_PORT: String(POSTGRES_SERVER.port),
      DATABASE_USERNAME: POSTGRES_SERVER.user,
      DATABASE_PASSWORD: POSTGRES_SERVER.password,
      DATABASE_NAME: name,
      DATABASE_URL: '',
      PUBLIC_DIR: path.join(os.tmpdir(), `${name}-public`),
    },
    drop: () => runOnPostgresServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
  // Strapi makes its tables and runs the migrations; the generator then fills them.
  app = await bootStrapi({}, { database });
  const { stdout } = await run(
    process.execPath,
    [script, '--reviews', String(REVIEWS), '--comments', String(COMMENTS)],
    {
      env: seedEnv(name),
    },
  );
  seedOutput = stdout;
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

describe('npm run seed:scale', () => {
  it('prints how long each step took', () => {
    expect(seedOutput).toMatch(/comments \(2000\): \d+\.\d s/);
    expect(seedOutput).toMatch(/done in \d+\.\d s; busiest review: scale-review-1/);
  });

  it('writes the counts asked for: published reviews and comments, 80% approved', async () => {
    const [counts] = await sql<{ published: string; drafts: string; comments: string; approved: string; kept: string }>(
      `SELECT (SELECT count(*) FROM reviews WHERE published_at IS NOT NULL) AS published,
              (SELECT count(*) FROM reviews WHERE published_at IS NULL) AS drafts,
              (SELECT count(*) FROM comments) AS comments,
              (SELECT count(*) FROM comments WHERE moderation_status = 'approved') AS approved,
              (SELECT comments FROM comment_totals WHERE id = 1) AS kept`,
    );
    // `kept`: the total the admin's comment list shows, counted by triggers as the generator's bulk SQL wrote.
    expect(counts).toMatchObject({
      published: String(REVIEWS),
      drafts: String(REVIEWS),
      comments: String(COMMENTS),
      kept: String(COMMENTS),
    });
    // Eight of every ten of a review's comments: 80% give or take the reviews whose count is not a multiple of ten.
    expect(Number(counts?.approved) / COMMENTS).toBeGreaterThan(0.78);
    expect(Number(counts?.approved) / COMMENTS).toBeLessThan(0.82);
    const list = await app.api().get('/api/reviews').query({ 'pagination[pageSize]': '1' }).expect(200);
    expect(list.body.meta.pagination.total).toBe(REVIEWS);
  });

  it('writes a review Strapi reads back whole: film, author, genres, sections, SEO and FAQs', async () => {
    const { body } = await app.api().get('/api/reviews').query({ 'filters[slug][$eq]': 'scale-review-1' }).expect(200);
    expect(body.data).toHaveLength(1);
    const [review] = body.data;
    expect(review.title).toMatch(/ review: /);
    expect(review.film).toMatchObject({
      title: expect.any(String),
      year: expect.any(Number),
      directors: [{ name: expect.any(String) }],
    });
    expect(review.film.cast).toHaveLength(3);
    expect(review.author).toMatchObject({ name: expect.any(String), slug: expect.stringMatching(/^scale-author-/) });
    expect(review.genres.length).toBeGreaterThanOrEqual(1);
    expect(review.sections).toHaveLength(5);
    expect(review.sections[0]).toMatchObject({ heading: 'Plot summary', spoiler: false });
    expect(review.sections[0].body[0]).toMatchObject({
      type: 'paragraph',
      children: [{ type: 'text', text: expect.stringMatching(/\w+ \w+/) }],
    });
    expect(review.seo).toMatchObject({ metaTitle: review.title });
    expect(review.faqs).toHaveLength(2);
    const one = await app.api().get(`/api/reviews/${review.documentId}`).expect(200);
    expect(one.body.data.slug).toBe('scale-review-1');
  });

  it('writes threaded comments the thread API reads: top-level pages with replies up to three deep', async () => {
    const [expected] = await sql<{ top: string }>(
      `SELECT count(*) AS top FROM comments c
       JOIN comments_review_lnk l ON l.comment_id = c.id JOIN reviews r ON r.id = l.review_id
       WHERE r.slug = 'scale-review-1' AND r.published_at IS NOT NULL AND c.moderation_status = 'approved'
         AND NOT EXISTS (SELECT 1 FROM comments_parent_lnk p WHERE p.comment_id = c.id)`,
    );
    const first = await app.api().get('/api/comments/review/scale-review-1').query({ pageSize: '50' }).expect(200);
    expect(first.body.meta.pagination.total).toBe(Number(expected?.top));
    expect(first.body.data).toHaveLength(Math.min(50, Number(expected?.top)));
    const depth = (comment: { replies: unknown[] }): number =>
      1 + Math.max(0, ...(comment.replies as { replies: unknown[] }[]).map(depth));
    const depths = (first.body.data as { replies: unknown[] }[]).map(depth);
    expect(Math.max(...depths)).toBe(3);
    const last = await app
      .api()
      .get('/api/comments/review/scale-review-1')
      .query({ pageSize: '50', page: String(first.body.meta.pagination.pageCount) })
      .expect(200);
    expect(last.body.data.length).toBeGreaterThan(0);
  });

  it('fills the search index: a generated review is found by its title', async () => {
    const [row] = await sql<{ title: string; document_id: string }>(
      `SELECT title, document_id FROM reviews WHERE slug = 'scale-review-3' AND published_at IS NOT NULL`,
    );
    const { body } = await app
      .api()
      .get('/api/search')
      .query({ q: row?.title ?? '' })
      .expect(200);
    expect(body.data.map((hit: { documentId: string }) => hit.documentId)).toContain(row?.document_id);
  });

  it('refuses a database that already holds reviews without --reset, and SQLite', async () => {
    await expect(
      run(process.execPath, [script, '--reviews', '2', '--comments', '0'], { env: seedEnv(name) }),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/already holds \d+ review rows/),
    });
    await expect(
      run(process.execPath, [script, '--reviews', '2'], { env: { ...seedEnv(name), DATABASE_CLIENT: 'sqlite' } }),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/PostgreSQL only/) });
    await expect(run(process.execPath, [script, '--reviews', '2'], { env: seedEnv('postgres') })).rejects.toMatchObject(
      {
        stderr: expect.stringMatching(/Refusing to fill "postgres"/),
      },
    );
  });
});
